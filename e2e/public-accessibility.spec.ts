import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './support/fixtures'
import { createTestPlatform, type TestPlatform } from './support/public-data'

let platform: TestPlatform
test.beforeAll(async ({ server }) => {
	platform = await createTestPlatform(server)
})

const languages = ['kk', 'ru', 'en'] as const

/**
 * Every public page, with and without data behind its charts: a name, and the address in a language (the
 * test platform's slug is known only once `beforeAll` made it). One test per page and language, so a slow
 * page on a loaded machine spends its own time, not the time of the nine pages before it.
 */
const publicPages: Array<[string, (lang: string, slug: string) => string]> = [
	['the home page', (lang) => `/${lang}`],
	['a platform overview', (lang, slug) => `/${lang}/platforms/${slug}`],
	['the pledge list', (lang) => `/${lang}/platforms/fair-kazakhstan-2022/pledges`],
	['a filtered pledge list', (lang, slug) => `/${lang}/platforms/${slug}/pledges?principle=society`],
	['an unrated pledge', (lang) => `/${lang}/platforms/fair-kazakhstan-2022/pledges/it-jobs`],
	['a measured pledge', (lang, slug) => `/${lang}/platforms/${slug}/pledges/ten-thousand-jobs`],
	['a milestone pledge', (lang, slug) => `/${lang}/platforms/${slug}/pledges/new-library`],
	['the methodology', (lang) => `/${lang}/methodology`],
	['about', (lang) => `/${lang}/about`],
	['the corrections', (lang) => `/${lang}/corrections`],
	['the open data', (lang) => `/${lang}/data`],
]

for (const lang of languages) {
	for (const [name, addressIn] of publicPages) {
		test(`axe finds no violations on ${name} in ${lang}`, async ({ page }) => {
			const address = addressIn(lang, platform.slug)
			await page.goto(address)
			await expect(page.locator('html')).toHaveAttribute('lang', lang)
			// Charts draw after hydration; check the page as a reader sees it then.
			await page.waitForLoadState('networkidle')
			const results = await new AxeBuilder({ page }).analyze()
			expect(
				results.violations.map((violation) => ({
					page: address,
					rule: violation.id,
					nodes: violation.nodes.map((node) => node.target.join(' ')),
				})),
			).toEqual([])
		})
	}
}

test.describe('on a 360 px wide phone', () => {
	test.use({ viewport: { width: 360, height: 740 } })

	for (const lang of languages) {
		test(`no public page scrolls sideways in ${lang}`, async ({ page }) => {
			test.slow()
			for (const [, addressIn] of publicPages) {
				const address = addressIn(lang, platform.slug)
				await page.goto(address)
				await page.waitForLoadState('networkidle')
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
				)
				expect({ address, overflow }).toEqual({ address, overflow: 0 })
			}
		})
	}
})
