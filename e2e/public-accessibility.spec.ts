import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './support/fixtures'
import { createTestPlatform, type TestPlatform } from './support/public-data'

let platform: TestPlatform
test.beforeAll(async ({ server }) => {
	platform = await createTestPlatform(server)
})

const languages = ['kk', 'ru', 'en'] as const

/** Every public page, with and without data behind its charts. */
function publicPages(lang: string): string[] {
	return [
		`/${lang}`,
		`/${lang}/platforms/${platform.slug}`,
		`/${lang}/platforms/fair-kazakhstan-2022/pledges`,
		`/${lang}/platforms/${platform.slug}/pledges?principle=society`,
		`/${lang}/platforms/fair-kazakhstan-2022/pledges/it-jobs`,
		`/${lang}/platforms/${platform.slug}/pledges/ten-thousand-jobs`,
		`/${lang}/platforms/${platform.slug}/pledges/new-library`,
		`/${lang}/methodology`,
		`/${lang}/about`,
		`/${lang}/corrections`,
	]
}

for (const lang of languages) {
	test(`axe finds no violations on the public pages in ${lang}`, async ({ page }) => {
		test.slow()
		for (const address of publicPages(lang)) {
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
		}
	})
}

test.describe('on a 360 px wide phone', () => {
	test.use({ viewport: { width: 360, height: 740 } })

	test('no public page scrolls sideways', async ({ page }) => {
		test.slow()
		for (const lang of languages) {
			for (const address of publicPages(lang)) {
				await page.goto(address)
				await page.waitForLoadState('networkidle')
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
				)
				expect({ address, overflow }).toEqual({ address, overflow: 0 })
			}
		}
	})
})
