import { Window } from 'happy-dom'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { createTestAccount, sessionCookieFor } from '~/test/accounts'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { createEvidence, createFactChecker, pledgeIdOf, recordStatus } from '~/test/ledger-fixtures'
import { createPageRenderer } from '~/test/render-page'

// Issue 12, parts 6 and 7: the About page names who runs the installation from its settings (and says so
// when nobody set them), and public pages describe themselves as schema.org JSON-LD that nothing unpublished
// or unrated reaches and no text can break out of.

let database: TestDatabase
let prisma: PrismaClient
let renderer: Awaited<ReturnType<typeof createPageRenderer>>
let unratedSlug = ''
let politician = ''
const platform = 'fair-kazakhstan-2022'
const rated = 'it-jobs'
const hostileQuote = 'We will create jobs </script><script>alert(1)</script><!-- and more & better.'
const settings = ['UADE_ORG_NAME', 'UADE_CONTACT_EMAIL', 'UADE_SOURCE_URL', 'SESSION_SECRET'] as const
const original = Object.fromEntries(settings.map((name) => [name, process.env[name]]))

function restoreSettings() {
	for (const name of settings) {
		if (original[name] === undefined) delete process.env[name]
		else process.env[name] = original[name]
	}
}

function configure(values: Partial<Record<(typeof settings)[number], string>>) {
	for (const [name, value] of Object.entries(values)) process.env[name] = value
}

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	renderer = await createPageRenderer()
	const { id: userId } = await createFactChecker(prisma, 'editor@example.org')
	const pledgeId = await pledgeIdOf(prisma, rated)
	await prisma.pledge.update({ where: { id: pledgeId }, data: { quote: hostileQuote } })
	const evidence = await createEvidence(prisma, {
		pledgeId,
		userId,
		title: 'Minister announces IT jobs figure',
		publishedOn: '2024-07-01',
	})
	await recordStatus(prisma, {
		evidenceIds: [evidence.id],
		pledgeId,
		userId,
		status: 'KEPT',
		effectiveDate: '2024-07-01',
		rationale: 'Delivered.',
		recordedAt: '2024-07-02T10:00:00Z',
	})
	const unrated = await prisma.pledge.findFirstOrThrow({
		where: { status: 'NOT_RATED', platform: { slug: platform } },
		select: { slug: true, platform: { select: { politician: { select: { name: true } } } } },
	})
	unratedSlug = unrated.slug
	politician = unrated.platform.politician.name
}, 300_000)

afterEach(restoreSettings)

afterAll(async () => {
	restoreSettings()
	await renderer?.close()
	await prisma?.$disconnect()
	await database?.drop()
})

function documentOf(html: string) {
	const window = new Window({ url: 'http://uade.test/' })
	window.document.write(html)
	return window.document
}

/** Every JSON-LD block of a page, parsed. */
function jsonLdOf(html: string): unknown[] {
	return [...documentOf(html).querySelectorAll('script[type="application/ld+json"]')].map((script) =>
		JSON.parse(script.textContent ?? ''),
	)
}

async function page(path: string, headers: Record<string, string> = {}) {
	const { status, html } = await renderer.render(path, headers)
	expect(status, path).toBe(200)
	return html
}

/** The About page's "Who runs this" facts, by their label's position: organization, contact, source. */
async function operatorFacts(lang: string) {
	const document = documentOf(await page(`/${lang}/about`))
	const section = document.querySelector('[aria-labelledby="operator-title"]')
	expect(section).not.toBeNull()
	const values = [...(section?.querySelectorAll('dd') ?? [])]
	return {
		heading: section?.querySelector('h2')?.textContent,
		texts: values.map((value) => value.textContent.trim()),
		links: values.map((value) => value.querySelector('a')?.getAttribute('href') ?? null),
		tellUs: [...(section?.querySelectorAll('p') ?? [])].at(-1),
	}
}

describe('About: who runs this installation', () => {
	test.each([
		[
			'en',
			'Who runs this site',
			[
				'not configured — set UADE_ORG_NAME',
				'not configured — set UADE_CONTACT_EMAIL',
				'not configured — set UADE_SOURCE_URL',
			],
			'tell us',
		],
		[
			'ru',
			'Кто ведёт этот сайт',
			[
				'не настроено — задайте переменную UADE_ORG_NAME',
				'не настроено — задайте переменную UADE_CONTACT_EMAIL',
				'не настроено — задайте переменную UADE_SOURCE_URL',
			],
			'сообщите нам',
		],
		[
			'kk',
			'Бұл сайтты кім жүргізеді',
			[
				'бапталмаған — UADE_ORG_NAME айнымалысын орнатыңыз',
				'бапталмаған — UADE_CONTACT_EMAIL айнымалысын орнатыңыз',
				'бапталмаған — UADE_SOURCE_URL айнымалысын орнатыңыз',
			],
			'бізге хабарлаңыз',
		],
	])(
		'%s: unset, each value says nobody configured it, and "tell us" links nowhere',
		async (lang, heading, texts, tellUs) => {
			const facts = await operatorFacts(lang)
			expect(facts.heading).toBe(heading)
			expect(facts.texts).toEqual(texts)
			expect(facts.links).toEqual([null, null, null])
			expect(facts.tellUs?.textContent).toContain(tellUs)
			expect(facts.tellUs?.querySelector('a')).toBeNull()
		},
	)

	test.each(['en', 'ru', 'kk'])('%s: the configured organization, contact and source code', async (lang) => {
		configure({
			UADE_ORG_NAME: 'Civic Data Kazakhstan',
			UADE_CONTACT_EMAIL: 'editors@uade.example',
			UADE_SOURCE_URL: 'https://git.example/civic/uade',
		})
		const facts = await operatorFacts(lang)
		expect(facts.texts).toEqual([
			'Civic Data Kazakhstan',
			'editors@uade.example',
			'https://git.example/civic/uade',
		])
		expect(facts.links).toEqual([null, 'mailto:editors@uade.example', 'https://git.example/civic/uade'])
		expect(facts.tellUs?.querySelector('a')?.getAttribute('href')).toBe('mailto:editors@uade.example')
	})

	test('without a contact, "tell us" leads to the source code\'s issues', async () => {
		configure({ UADE_SOURCE_URL: 'https://git.example/civic/uade/' })
		const facts = await operatorFacts('en')
		expect(facts.tellUs?.querySelector('a')?.getAttribute('href')).toBe(
			'https://git.example/civic/uade/issues',
		)
		expect(facts.texts[1]).toBe('not configured — set UADE_CONTACT_EMAIL')
	})
})

describe('structured data', () => {
	const ratedPath = (lang: string) => `/${lang}/platforms/${platform}/pledges/${rated}`

	test.each([
		['en', 'Kept'],
		['ru', 'Выполнено'],
		['kk', 'Орындалды'],
	])(
		'%s: a rated pledge is a ClaimReview of the politician’s claim, on the 1–5 scale',
		async (lang, statusName) => {
			configure({ UADE_ORG_NAME: 'Civic Data Kazakhstan' })
			const blocks = jsonLdOf(await page(ratedPath(lang)))
			expect(blocks).toEqual([
				{
					'@context': 'https://schema.org',
					'@type': 'ClaimReview',
					url: `http://uade.test${ratedPath(lang)}`,
					claimReviewed: hostileQuote,
					datePublished: '2024-07-01',
					author: { '@type': 'Organization', name: 'Civic Data Kazakhstan' },
					itemReviewed: {
						'@type': 'Claim',
						author: { '@type': 'Person', name: expect.stringMatching(/\S/) },
						datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
						appearance: {
							'@type': 'CreativeWork',
							url: expect.stringMatching(/^https?:\/\//),
							datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
						},
					},
					reviewRating: {
						'@type': 'Rating',
						ratingValue: 5,
						bestRating: 5,
						worstRating: 1,
						alternateName: statusName,
					},
				},
			])
		},
	)

	test('the claim’s author is the platform’s politician, and its source the pledge’s', async () => {
		const pledge = await prisma.pledge.findFirstOrThrow({
			where: { slug: rated, platform: { slug: platform } },
			select: { sourceUrl: true, sourceDate: true },
		})
		const [block] = jsonLdOf(await page(ratedPath('en')))
		const sourceDate = pledge.sourceDate.toISOString().slice(0, 10)
		expect(block).toMatchObject({
			itemReviewed: {
				author: { name: politician },
				datePublished: sourceDate,
				appearance: { url: pledge.sourceUrl, datePublished: sourceDate },
			},
			// Unset, the author says nobody configured it rather than inventing a name.
			author: { name: 'not configured — set UADE_ORG_NAME' },
		})
	})

	test('a text holding </script> or <!-- cannot end the element', async () => {
		const html = await page(ratedPath('en'))
		expect(html).not.toContain('</script><script>alert(1)')
		expect(html).not.toContain('<!-- and more')
		expect(html).toContain(
			'\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!-- and more \\u0026 better.',
		)
		expect(documentOf(html).querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1)
	})

	test('an unrated pledge has none', async () => {
		const html = await page(`/en/platforms/${platform}/pledges/${unratedSlug}`)
		expect(html).toContain('<h1')
		expect(jsonLdOf(html)).toEqual([])
	})

	test('a draft platform’s pledge has none, even rated, in a staff member’s preview', async () => {
		configure({ SESSION_SECRET: 'a-secret-of-the-test-that-is-long-enough-0123456789' })
		const { id } = await createTestAccount({ role: 'ADMIN' })
		const cookie = await sessionCookieFor(id, 'http://uade.test/')
		const { publishedAt } = await prisma.platform.findUniqueOrThrow({ where: { slug: platform } })
		await prisma.platform.update({ where: { slug: platform }, data: { publishedAt: null } })
		try {
			expect((await renderer.render(ratedPath('en'))).status).toBe(404)
			const preview = await page(ratedPath('en'), { Cookie: cookie })
			expect(preview).toContain('Kept')
			expect(jsonLdOf(preview)).toEqual([])
		} finally {
			await prisma.platform.update({ where: { slug: platform }, data: { publishedAt } })
		}
	})

	test.each(['en', 'ru', 'kk'])('%s: the home page has the Organization and the WebSite', async (lang) => {
		configure({ UADE_ORG_NAME: 'Civic Data Kazakhstan', UADE_CONTACT_EMAIL: 'editors@uade.example' })
		const blocks = jsonLdOf(await page(`/${lang}`))
		expect(blocks).toEqual([
			{
				'@context': 'https://schema.org',
				'@graph': [
					{
						'@type': 'Organization',
						'@id': 'http://uade.test/#organization',
						name: 'Civic Data Kazakhstan',
						email: 'editors@uade.example',
					},
					{
						'@type': 'WebSite',
						'@id': `http://uade.test/${lang}#website`,
						name: 'Uade',
						url: `http://uade.test/${lang}`,
						inLanguage: lang,
						description: expect.stringMatching(/\S/),
						publisher: { '@id': 'http://uade.test/#organization' },
					},
				],
			},
		])
	})

	test('unset, the home page’s Organization says nobody configured it', async () => {
		const [block] = jsonLdOf(await page('/ru'))
		expect(block).toMatchObject({
			'@graph': [{ '@type': 'Organization', name: 'не настроено — задайте переменную UADE_ORG_NAME' }, {}],
		})
		expect(JSON.stringify(block)).not.toContain('email')
	})
})
