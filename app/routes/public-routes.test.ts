import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import {
	createEvidence,
	createFactChecker,
	pledgeIdOf,
	recordMeasurement,
	recordStatus,
} from '~/test/ledger-fixtures'
import { loader as languageLayoutLoader } from './$lang'
import { loader as overviewLoader } from './$lang._index'
import { loader as correctionsLoader } from './$lang.corrections'
import { loader as platformOverviewLoader } from './$lang.platforms.$platform._index'
import { loader as pledgeListLoader } from './$lang.platforms.$platform.pledges._index'
import { loader as pledgeLoader } from './$lang.platforms.$platform.pledges.$pledge'
import { loader as rootRedirectLoader } from './_index'
import { loader as languageLoader } from './language'
import { loader as sitemapLoader } from './sitemap[.]xml'

let database: TestDatabase
let prisma: PrismaClient
const platform = 'fair-kazakhstan-2022'
const origin = 'http://uade.test'

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const { id: userId } = await createFactChecker(prisma, 'editor@example.org')
	const pledgeId = await pledgeIdOf(prisma, 'it-jobs')
	await prisma.indicator.update({
		where: { pledgeId },
		data: { baselineValue: 50_000, baselineDate: new Date('2022-11-26') },
	})
	const figure = await recordMeasurement(prisma, { pledgeId, userId, value: 120_000, asOf: '2024-06-30' })
	const statement = await createEvidence(prisma, {
		pledgeId,
		userId,
		title: 'Minister announces IT jobs figure',
		publishedOn: '2024-07-02',
	})
	await createEvidence(prisma, {
		pledgeId,
		userId,
		title: 'Unreviewed claim',
		publishedOn: '2024-07-03',
		reviewState: 'PENDING',
	})
	const wrong = await recordStatus(prisma, {
		pledgeId,
		userId,
		status: 'KEPT',
		effectiveDate: '2024-07-01',
		rationale: 'Recorded as kept too early.',
		evidenceIds: [figure.id],
		recordedAt: '2024-07-02T10:00:00Z',
	})
	await recordStatus(prisma, {
		pledgeId,
		userId,
		status: 'IN_PROGRESS',
		effectiveDate: '2024-07-01',
		rationale: 'Correction: 120,000 of 150,000 jobs is progress, not the target.',
		evidenceIds: [figure.id, statement.id],
		correctsId: wrong.id,
		correctionReason: 'The entry took 120,000 jobs for the target of 150,000.',
		recordedAt: '2024-07-09T10:00:00Z',
	})
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

const args = (path: string, params: Record<string, string>, headers: Record<string, string> = {}) => ({
	request: new Request(`${origin}${path}`, { headers }),
	params,
	context: {},
})

async function statusOf(promise: Promise<unknown>): Promise<number> {
	try {
		await promise
		return 200
	} catch (thrown) {
		if (thrown instanceof Response) return thrown.status
		throw thrown
	}
}

describe('choosing the language', () => {
	test('/ redirects by the remembered choice, then Accept-Language, then to English, never publicly cached', async () => {
		const byHeader = await rootRedirectLoader(
			args('/', {}, { 'Accept-Language': 'de-DE, ru;q=0.8, en;q=0.5' }),
		)
		expect(byHeader.status).toBe(302)
		expect(byHeader.headers.get('Location')).toBe('/ru')
		expect(byHeader.headers.get('Vary')).toBe('Accept-Language, Cookie')
		expect(byHeader.headers.get('Cache-Control')).toMatch(/^private/)

		const byCookie = await rootRedirectLoader(
			args('/', {}, { 'Accept-Language': 'ru', Cookie: 'a=1; uade_lang=kk' }),
		)
		expect(byCookie.headers.get('Location')).toBe('/kk')
		const fallback = await rootRedirectLoader(args('/', {}, { 'Accept-Language': 'de, fr;q=0.9' }))
		expect(fallback.headers.get('Location')).toBe('/en')
	})

	test('the switcher remembers the choice in a cookie and returns to the same page in that language', async () => {
		const response = await languageLoader(
			args('/language?to=kk&next=/kk/platforms/x/pledges?status=KEPT', {}),
		)
		expect(response.status).toBe(303)
		expect(response.headers.get('Location')).toBe('/kk/platforms/x/pledges?status=KEPT')
		expect(response.headers.get('Set-Cookie')).toMatch(
			/^uade_lang=kk; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly$/,
		)
	})

	test('the switcher never sends a reader off the site or into another language', async () => {
		for (const next of ['//evil.example/kk', '/\\evil.example', 'https://evil.example/kk', '/ru/about', '']) {
			const response = await languageLoader(args(`/language?to=kk&next=${encodeURIComponent(next)}`, {}))
			expect(response.headers.get('Location')).toBe('/kk')
		}
		expect(await statusOf(languageLoader(args('/language?to=de&next=/de', {})))).toBe(400)
	})

	test('the switcher returns to a page whose address is not Latin, written as a URL writes it', async () => {
		const cases: Array<[string, string]> = [
			['/ru/я', '/ru/%D1%8F'],
			['/ru/%D1%8F', '/ru/%D1%8F'],
			[
				'/ru/platforms/x/pledges?q=жастар#list',
				'/ru/platforms/x/pledges?q=%D0%B6%D0%B0%D1%81%D1%82%D0%B0%D1%80#list',
			],
		]
		for (const [next, location] of cases) {
			const response = await languageLoader(args(`/language?to=ru&next=${encodeURIComponent(next)}`, {}))
			expect(response.status).toBe(303)
			expect(response.headers.get('Location')).toBe(location)
		}
	})

	test('an unknown language is a 404', async () => {
		expect(await statusOf(languageLayoutLoader(args('/de', { lang: 'de' })))).toBe(404)
		expect(await statusOf(overviewLoader(args('/xx', { lang: 'xx' })))).toBe(404)
		expect(await languageLayoutLoader(args('/kk', { lang: 'kk' }))).toMatchObject({
			currentPlatformSlug: platform,
			demoData: false,
			origin,
		})
	})
})

describe('the pledge page', () => {
	const pledgeArgs = (lang: string, search = '', pledge = 'it-jobs') =>
		args(`/${lang}/platforms/${platform}/pledges/${pledge}${search}`, { lang, platform, pledge })

	test('shows the current status with its rationale and the ledger with the correction marked', async () => {
		const { page } = await pledgeLoader(pledgeArgs('en'))
		expect(page.pledge).toMatchObject({ status: 'IN_PROGRESS', statusSince: '2024-07-01' })
		expect(page.pledge.rationale).toBe('Correction: 120,000 of 150,000 jobs is progress, not the target.')
		expect(
			page.timeline.map((entry) => [entry.status, entry.isCorrected, entry.corrects?.effectiveDate ?? null]),
		).toEqual([
			['IN_PROGRESS', false, '2024-07-01'],
			['KEPT', true, null],
		])
		expect(page.timeline[0]?.evidence.map((item) => item.title)).toEqual([
			'Official figure as of 2024-06-30',
			'Minister announces IT jobs figure',
		])
		// The correction shows what it changed in the entry it corrects, and why.
		expect(page.timeline[0]).toMatchObject({
			status: 'IN_PROGRESS',
			effectiveDate: '2024-07-01',
			corrects: { status: 'KEPT', effectiveDate: '2024-07-01' },
			correctionReason: 'The entry took 120,000 jobs for the target of 150,000.',
		})
		expect(page.timeline[1]).toMatchObject({ correctionReason: null })
	})

	test('lists only approved evidence, newest first', async () => {
		const { page } = await pledgeLoader(pledgeArgs('en'))
		expect(page.evidence.items.map((item) => item.title)).toEqual([
			'Minister announces IT jobs figure',
			'Official figure as of 2024-06-30',
		])
		expect(page.evidence).toMatchObject({ total: 2, page: 1, pageCount: 1 })
	})

	test('reads the indicator against the straight path to the target', async () => {
		const { page } = await pledgeLoader(pledgeArgs('en'))
		expect(page.indicator?.measurements).toEqual([{ date: '2024-06-30', value: 120_000 }])
		// 50,000 on 26 Nov 2022 to 150,000 on 26 Nov 2029: about 72,400 expected by mid-2024.
		expect(page.indicator?.reading).toMatchObject({ reading: 'on-track', reason: 'ahead' })
	})

	test('spans the indicator chart from the baseline (or the term’s start) to the target date', async () => {
		// A lone measurement then sits inside the term, not on the chart's y axis.
		const withBaseline = await pledgeLoader(pledgeArgs('en'))
		expect(withBaseline.page.indicator?.span).toEqual({ start: '2022-11-26', end: '2029-11-26' })
		// No baseline and no measurement: the term's start, and no figure to draw.
		const empty = await pledgeLoader(pledgeArgs('en', '', 'digital-economy-share'))
		expect(empty.page.indicator?.measurements).toEqual([])
		expect(empty.page.indicator?.span).toEqual({ start: '2022-11-26', end: '2029-11-26' })
	})

	test('shows the reader’s language, and English with a flag where a translation is missing', async () => {
		const russian = await pledgeLoader(pledgeArgs('ru'))
		expect(russian.page.pledge).toMatchObject({
			title: 'Не менее 150 000 рабочих мест в IT-компаниях',
			titleIsTranslated: true,
		})
		expect(russian.page.category.title).toBe('Справедливая экономика')
		const kazakh = await pledgeLoader(pledgeArgs('kk', '', 'reliable-energy'))
		expect(kazakh.page.pledge).toMatchObject({
			title: 'Сенімді энергиямен жабдықтау',
			titleIsTranslated: true,
		})
		// The seed translates every pledge: without its Kazakh, a pledge is shown in English, flagged.
		const pledgeId = await pledgeIdOf(prisma, 'reliable-energy')
		const removed = await prisma.pledgeTranslation.delete({
			where: { pledgeId_locale: { pledgeId, locale: 'KK' } },
		})
		try {
			const untranslated = await pledgeLoader(pledgeArgs('kk', '', 'reliable-energy'))
			expect(untranslated.page.pledge).toMatchObject({ title: 'Reliable energy', titleIsTranslated: false })
		} finally {
			await prisma.pledgeTranslation.create({ data: removed })
		}
	})

	test('an unknown pledge is a 404; a bad evidence page is a 400, one past the last a 404', async () => {
		expect(await statusOf(pledgeLoader(pledgeArgs('en', '', 'no-such-pledge')))).toBe(404)
		// What no slug can hold (PostgreSQL refuses a NUL in text) names no pledge, and is not looked up.
		for (const slug of ['it-jobs\u0000', '\u0000', 'IT-JOBS', 'it jobs']) {
			expect(await statusOf(pledgeLoader(pledgeArgs('en', '', slug)))).toBe(404)
		}
		expect(
			await statusOf(
				pledgeLoader(
					args(`/en/platforms/%00/pledges/it-jobs`, { lang: 'en', platform: '\u0000', pledge: 'it-jobs' }),
				),
			),
		).toBe(404)
		expect(
			await statusOf(pledgeListLoader(args('/en/platforms/%00/pledges', { lang: 'en', platform: '\u0000' }))),
		).toBe(404)
		expect(
			await statusOf(platformOverviewLoader(args('/en/platforms/%00', { lang: 'en', platform: '\u0000' }))),
		).toBe(404)
		expect(await statusOf(pledgeLoader(pledgeArgs('en', '?evidence=abc')))).toBe(400)
		expect(await statusOf(pledgeLoader(pledgeArgs('en', '?evidence=2')))).toBe(404)
	})
})

describe('the pledge list', () => {
	const listArgs = (lang: string, search: string) =>
		args(`/${lang}/platforms/${platform}/pledges${search}`, { lang, platform })

	test('passes every filter in the URL to the search and keeps the values for the form', async () => {
		const result = await pledgeListLoader(
			listArgs('ru', '?principle=fair-economy&status=IN_PROGRESS&sort=title'),
		)
		if (!('results' in result) || !result.results) throw new Error('expected results')
		expect(result.results.items.map((item) => item.slug)).toEqual(['it-jobs'])
		expect(result.results.items[0]?.title).toBe('Не менее 150 000 рабочих мест в IT-компаниях')
		expect(result.values).toEqual({ principle: 'fair-economy', status: 'IN_PROGRESS', sort: 'title' })
		expect(result.principles.map((principle) => principle.title)).toEqual([
			'Справедливое государство',
			'Справедливая экономика',
			'Справедливое общество',
		])
	})

	test('answers a bad filter with 400, the values kept and a message for that field', async () => {
		const result = await pledgeListLoader(listArgs('en', '?status=ALMOST&q=jobs'))
		expect('init' in result && result.init?.status).toBe(400)
		if (!('data' in result)) throw new Error('expected data with a status')
		expect(result.data.errors).toEqual({ status: { key: 'list.invalidChoice' } })
		expect(result.data.values).toEqual({ status: 'ALMOST', q: 'jobs' })
		expect(result.data.results).toBeNull()
	})

	test('marks the words the query matched in each title and summary', async () => {
		const result = await pledgeListLoader(
			listArgs('kk', '?q=%D0%B6%D0%B0%D1%81%D1%82%D0%B0%D1%80%D2%93%D0%B0'),
		)
		if (!('results' in result) || !result.results) throw new Error('expected results')
		const youth = result.results.items.find((item) => item.slug === 'youth-policy-law')
		expect(youth?.titleParts.filter((part) => part.mark).map((part) => part.text)).toEqual(['Жастар'])
		expect(youth?.titleParts.map((part) => part.text).join('')).toBe(youth?.title)
		const unsearched = await pledgeListLoader(listArgs('kk', '?sort=title'))
		if (!('results' in unsearched) || !unsearched.results) throw new Error('expected results')
		expect(unsearched.results.items.every((item) => item.titleParts.every((part) => !part.mark))).toBe(true)
	})

	test('a page past the last is a 404', async () => {
		expect(await statusOf(pledgeListLoader(listArgs('en', '?page=3')))).toBe(404)
	})
})

describe('the corrections page and the sitemap', () => {
	test('the corrections page lists each correction with what it corrected', async () => {
		const { corrections } = await correctionsLoader(args('/kk/corrections', { lang: 'kk' }))
		expect(corrections.total).toBe(1)
		expect(corrections.items[0]).toMatchObject({
			status: 'IN_PROGRESS',
			corrected: { status: 'KEPT', effectiveDate: '2024-07-01' },
			// Its own reason, apart from the new entry's rationale.
			reason: 'The entry took 120,000 jobs for the target of 150,000.',
			rationale: 'Correction: 120,000 of 150,000 jobs is progress, not the target.',
			pledge: { slug: 'it-jobs', title: 'IT компанияларында кемінде 150 000 жұмыс орны' },
		})
	})

	test('the sitemap lists every public page in all three languages, with alternates', async () => {
		const response = await sitemapLoader({ request: new Request(`${origin}/sitemap.xml`) })
		const xml = await response.text()
		const locations = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
		// 4 site pages (methodology, about, corrections, open data), the platform index, the politician's page,
		// the platform's overview and list, its 21 pledges: 29 pages, 3 languages each.
		expect(locations).toHaveLength(87)
		expect(locations).not.toContain(`${origin}/en`)
		for (const lang of ['en', 'ru', 'kk']) {
			expect(locations).toContain(`${origin}/${lang}/methodology`)
			expect(locations).toContain(`${origin}/${lang}/data`)
			expect(locations).toContain(`${origin}/${lang}/platforms`)
			expect(locations).toContain(`${origin}/${lang}/politicians/kassym-jomart-tokayev`)
			expect(locations).toContain(`${origin}/${lang}/platforms/${platform}/pledges/youth-policy-law`)
		}
		expect(xml).toContain(
			`<xhtml:link rel="alternate" hreflang="kk" href="${origin}/kk/platforms/${platform}"/>`,
		)
	})
})

describe('demo data', () => {
	test('every public page is told when the database holds demo data', async () => {
		await prisma.platform.update({ where: { slug: platform }, data: { hasDemoData: true } })
		try {
			expect(await languageLayoutLoader(args('/en', { lang: 'en' }))).toMatchObject({ demoData: true })
		} finally {
			await prisma.platform.update({ where: { slug: platform }, data: { hasDemoData: false } })
		}
	})
})
