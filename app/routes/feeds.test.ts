import type { Server } from 'node:http'
import { parseFeed } from '@rowanmanning/feed-parser'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { createElement } from 'react'
import { FeedLink } from '~/components/public-ui'
import type { Locale } from '~/i18n/locales'
import { messagesByLocale, publicMessagesByLocale } from '~/i18n/messages.server'
import { paths } from '~/models/paths'
import { sharedRouteIds } from '~/route-data'
import { renderInRouter } from '~/test/render-in-router'
import { createPageRenderer } from '~/test/render-page'
import { feedEntryLimit } from '~/models/feed.server'
import { publicCacheControl, publicPageCache, RenderedPageCache } from '~/server/http-cache.server'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { createEvidence, createFactChecker, pledgeIdOf, recordStatus } from '~/test/ledger-fixtures'
import { loader as siteFeedLoader } from './$lang.feed[.]xml'
import { loader as platformFeedLoader } from './$lang.platforms.$platform.feed[.]xml'
import { loader as pledgeFeedLoader } from './$lang.platforms.$platform.pledges.$pledge.feed[.]xml'
import { loader as homeLoader, meta as homeMeta } from './$lang._index'
import { loader as overviewLoader, meta as overviewMeta } from './$lang.platforms.$platform._index'
import { loader as pledgeLoader, meta as pledgeMeta } from './$lang.platforms.$platform.pledges.$pledge'

// The feeds are read by feed readers, so they are checked as one reads them: parsed by a real parser.

let database: TestDatabase
let prisma: PrismaClient
const origin = 'http://uade.test'
const platform = 'fair-kazakhstan-2022'
const pledge = 'it-jobs'
const draft = 'draft-platform-2030'
const draftPledge = 'zebra-crossings'
const tricky = 'Figures <script>alert("x")</script> & “quotes” > nothing'
const ids = {
	wrong: '',
	correction: '',
	approved: '',
	pending: '',
	unpublic: [''],
	draftEvidence: '',
	draftEntry: '',
}

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const { id: userId } = await createFactChecker(prisma, 'editor@example.org')
	const pledgeId = await pledgeIdOf(prisma, pledge)
	const approved = await createEvidence(prisma, {
		pledgeId,
		userId,
		title: tricky,
		excerpt: `The ministry said: ${tricky}`,
		publisher: 'Ministry <of> Digital & Co',
		publishedOn: '2024-07-02',
		reviewedAt: '2024-07-03T09:00:00Z',
	})
	ids.approved = approved.id
	ids.pending = (
		await createEvidence(prisma, {
			pledgeId,
			userId,
			title: 'Unreviewed claim',
			publishedOn: '2024-07-03',
			reviewState: 'PENDING',
		})
	).id
	const rejected = await createEvidence(prisma, {
		pledgeId,
		userId,
		title: 'Rejected claim',
		publishedOn: '2024-07-05',
		reviewState: 'REJECTED',
		reviewedAt: '2024-07-06T00:00:00Z',
	})
	// Approved once, withdrawn since: no longer public.
	const withdrawn = await createEvidence(prisma, {
		pledgeId,
		userId,
		title: 'Withdrawn report',
		publishedOn: '2024-07-05',
		reviewedAt: '2024-07-06T00:00:00Z',
	})
	await prisma.evidence.update({ where: { id: withdrawn.id }, data: { reviewState: 'WITHDRAWN' } })
	ids.unpublic = [rejected.id, withdrawn.id]
	const wrong = await recordStatus(prisma, {
		pledgeId,
		userId,
		status: 'KEPT',
		effectiveDate: '2024-07-01',
		rationale: 'Recorded as kept too early.',
		evidenceIds: [approved.id],
		recordedAt: '2024-07-04T10:00:00Z',
	})
	ids.wrong = wrong.id
	ids.correction = (
		await recordStatus(prisma, {
			pledgeId,
			userId,
			status: 'IN_PROGRESS',
			effectiveDate: '2024-07-01',
			rationale: `Progress, not the target: ${tricky}`,
			evidenceIds: [approved.id],
			correctsId: wrong.id,
			correctionReason: 'The entry took 120,000 jobs for the target of 150,000.',
			recordedAt: '2024-07-09T10:00:00Z',
			translations: {
				RU: { rationale: 'Прогресс, а не цель.', correctionReason: 'Запись приняла 120 000 за цель.' },
			},
		})
	).id

	// A draft platform with a pledge, approved evidence and a status: none of it is public.
	const politician = await prisma.politician.create({
		data: { slug: 'draft-only-politician', name: 'Dana Draftova', office: 'Candidate for mayor' },
	})
	const draftPlatform = await prisma.platform.create({
		data: {
			slug: draft,
			politicianId: politician.id,
			title: 'Draft platform',
			electionDate: new Date('2030-03-01'),
			termStart: new Date('2030-04-01'),
			termEnd: new Date('2035-04-01'),
			sourceUrl: 'https://example.org/platform',
			sourceTitle: 'The platform',
			sourcePublisher: 'Example Publisher',
			categories: { create: { slug: 'everything', title: 'Everything' } },
		},
		select: { id: true, categories: { select: { id: true } } },
	})
	const draftPledgeRow = await prisma.pledge.create({
		data: {
			platformId: draftPlatform.id,
			categoryId: draftPlatform.categories[0]?.id ?? '',
			slug: draftPledge,
			title: 'Build zebra crossings: a draft’s pledge',
			summary: 'Only staff may read this yet.',
			quote: 'We will build zebra crossings.',
			sourceUrl: 'https://example.org/platform',
			sourceDate: new Date('2030-02-01'),
			kind: 'QUALITATIVE',
			deadline: new Date('2035-04-01'),
			position: 0,
		},
	})
	const draftEvidence = await createEvidence(prisma, {
		pledgeId: draftPledgeRow.id,
		userId,
		title: 'Draft evidence',
		publishedOn: '2030-05-01',
		// Newer than everything public, so a leak would be at the top of the site's feed.
		reviewedAt: '2030-05-02T00:00:00Z',
	})
	ids.draftEvidence = draftEvidence.id
	ids.draftEntry = (
		await recordStatus(prisma, {
			pledgeId: draftPledgeRow.id,
			userId,
			status: 'KEPT',
			effectiveDate: '2030-05-02',
			rationale: 'A draft’s status.',
			evidenceIds: [draftEvidence.id],
			recordedAt: '2030-05-03T00:00:00Z',
		})
	).id
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

const args = (path: string, params: Record<string, string>) => ({
	request: new Request(`${origin}${path}`),
	params,
	context: {},
})

const sitePath = (lang: string) => `/${lang}/feed.xml`
const platformPath = (lang: string, slug = platform) => `/${lang}/platforms/${slug}/feed.xml`
const pledgePath = (lang: string, platformSlug = platform, pledgeSlug = pledge) =>
	`/${lang}/platforms/${platformSlug}/pledges/${pledgeSlug}/feed.xml`

function siteFeed(lang: string) {
	return siteFeedLoader(args(sitePath(lang), { lang }))
}
function platformFeed(lang: string, slug = platform) {
	return platformFeedLoader(args(platformPath(lang, slug), { lang, platform: slug }))
}
function pledgeFeed(lang: string, platformSlug = platform, pledgeSlug = pledge) {
	return pledgeFeedLoader(
		args(pledgePath(lang, platformSlug, pledgeSlug), { lang, platform: platformSlug, pledge: pledgeSlug }),
	)
}

async function parsed(response: Response) {
	expect(response.status).toBe(200)
	expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
	const xml = await response.text()
	return { xml, feed: parseFeed(xml) }
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
	try {
		const result = await promise
		return result instanceof Response ? result.status : 200
	} catch (thrown) {
		if (thrown instanceof Response) return thrown.status
		throw thrown
	}
}

// The site's own wording keeps a date's number with its month (a no-break space), as the pages do; the
// records' own texts come out as written.
const spaced = (text: string | null | undefined) => text?.replace(/\u00a0/g, ' ')
const tag = (specific: string) => `tag:uade.test,2026:${specific}`

describe("a pledge's feed", () => {
	test('is an Atom feed with its id, title, updated, self and alternate links and language', async () => {
		const { xml, feed } = await parsed(await pledgeFeed('en'))
		expect(feed.meta.type).toBe('atom')
		expect(feed.language).toBe('en')
		expect(feed.title).toBe('At least 150,000 jobs in IT companies: new statuses, corrections and evidence')
		expect(feed.self).toBe(`${origin}${pledgePath('en')}`)
		expect(feed.url).toBe(`${origin}/en/platforms/${platform}/pledges/${pledge}`)
		expect(feed.element.findElementWithName('id')?.textContent).toBe(
			tag(`feed/en/pledge/${platform}/${pledge}`),
		)
		// The newest entry: the correction, recorded on 9 July.
		expect(feed.updated?.toISOString()).toBe('2024-07-09T10:00:00.000Z')
		expect(xml).toMatch(/<updated>2024-07-09T10:00:00\.000Z<\/updated>/)
	})

	test('lists the ledger and the approved evidence, newest first, with stable ids, dates, links and authors', async () => {
		const { feed } = await parsed(await pledgeFeed('en'))
		expect(feed.items.map((item) => [item.id, item.updated?.toISOString()])).toEqual([
			[tag(`status/${ids.correction}`), '2024-07-09T10:00:00.000Z'],
			[tag(`status/${ids.wrong}`), '2024-07-04T10:00:00.000Z'],
			[tag(`evidence/${ids.approved}`), '2024-07-03T09:00:00.000Z'],
		])
		const pageUrl = `${origin}/en/platforms/${platform}/pledges/${pledge}`
		expect(feed.items.map((item) => item.url)).toEqual([
			`${pageUrl}#entry-${ids.correction}`,
			`${pageUrl}#entry-${ids.wrong}`,
			`${pageUrl}#evidence-${ids.approved}`,
		])
		expect(feed.items.map((item) => item.authors.map((author) => author.name))).toEqual([
			['Uade'],
			['Uade'],
			['Ministry <of> Digital & Co'],
		])
		expect(feed.items[1]?.title).toBe('Kept: At least 150,000 jobs in IT companies')

		const again = await parsed(await pledgeFeed('en'))
		expect(again.feed.items.map((item) => item.id)).toEqual(feed.items.map((item) => item.id))
		expect(again.feed.element.findElementWithName('id')?.textContent).toBe(
			feed.element.findElementWithName('id')?.textContent,
		)
	})

	test('says what a correction corrects and why', async () => {
		const { feed } = await parsed(await pledgeFeed('en'))
		const correction = feed.items[0]
		expect(correction?.title).toBe('Correction. In progress: At least 150,000 jobs in IT companies')
		expect(spaced(correction?.content)).toContain('Corrects the earlier entry “Kept” (dated 1 July 2024).')
		expect(correction?.content).toContain('Why: The entry took 120,000 jobs for the target of 150,000.')
		expect(correction?.content).toContain('Progress, not the target:')
	})

	test('keeps texts with markup and ampersands intact, as text', async () => {
		const { xml, feed } = await parsed(await pledgeFeed('en'))
		expect(xml).not.toContain('<script>')
		const evidence = feed.items[2]
		expect(evidence?.title).toBe(`Evidence on “At least 150,000 jobs in IT companies”: ${tricky}`)
		expect(evidence?.content).toContain(`The ministry said: ${tricky}`)
		expect(spaced(evidence?.content)).toContain('Published by Ministry <of> Digital & Co, 2 July 2024')
		expect(feed.items[0]?.content).toContain(`Progress, not the target: ${tricky}`)
	})

	test('never lists pending, rejected or withdrawn evidence', async () => {
		for (const response of [await pledgeFeed('en'), await platformFeed('en'), await siteFeed('en')]) {
			const { xml, feed } = await parsed(response)
			const itemIds = feed.items.map((item) => item.id)
			for (const id of [ids.pending, ...ids.unpublic]) expect(itemIds).not.toContain(tag(`evidence/${id}`))
			expect(xml).not.toMatch(/Unreviewed claim|Rejected claim|Withdrawn report/)
		}
	})

	test('is in the page’s language: titles and translated rationales in Russian and Kazakh', async () => {
		const ru = await parsed(await pledgeFeed('ru'))
		expect(ru.feed.language).toBe('ru')
		expect(ru.feed.title).toBe(
			'Не менее 150 000 рабочих мест в IT-компаниях: новые статусы, исправления и источники',
		)
		expect(ru.feed.items[0]?.title).toMatch(/^Исправление\. В процессе: Не менее 150/)
		expect(ru.feed.items[0]?.content).toContain('Причина: Запись приняла 120')
		expect(ru.feed.items[0]?.content).toContain('Прогресс, а не цель.')
		expect(ru.feed.items[1]?.title).toMatch(/^Выполнено: /)
		expect(ru.feed.items[0]?.url).toBe(
			`${origin}/ru/platforms/${platform}/pledges/${pledge}#entry-${ids.correction}`,
		)

		const kk = await parsed(await pledgeFeed('kk'))
		expect(kk.feed.language).toBe('kk')
		expect(kk.feed.items[0]?.title).toMatch(/^Түзету\. Орындалу үстінде: /)
		expect(kk.feed.items[1]?.title?.startsWith(`${messagesByLocale.kk['status.KEPT']}: `)).toBe(true)
		expect(kk.feed.items[2]?.title).toMatch(/уәдесінің дереккөзі: /)
		// The same records, the same ids, whatever the language.
		expect(kk.feed.items.map((item) => item.id)).toEqual(ru.feed.items.map((item) => item.id))
	})
})

describe('the platform’s and the site’s feeds', () => {
	test('the platform’s feed holds its pledges’ entries and links to its page', async () => {
		const { feed } = await parsed(await platformFeed('en'))
		expect(feed.title).toMatch(/: new statuses, corrections and evidence$/)
		expect(feed.self).toBe(`${origin}${platformPath('en')}`)
		expect(feed.url).toBe(`${origin}/en/platforms/${platform}`)
		expect(feed.items.map((item) => item.id)).toEqual([
			tag(`status/${ids.correction}`),
			tag(`status/${ids.wrong}`),
			tag(`evidence/${ids.approved}`),
		])
		expect(feed.updated?.toISOString()).toBe('2024-07-09T10:00:00.000Z')
	})

	test('the site’s feed holds published platforms only: nothing of a draft', async () => {
		const { xml, feed } = await parsed(await siteFeed('en'))
		expect(feed.title).toBe('Uade: new statuses, corrections and evidence')
		expect(feed.self).toBe(`${origin}/en/feed.xml`)
		expect(feed.url).toBe(`${origin}/en`)
		const itemIds = feed.items.map((item) => item.id)
		expect(itemIds[0]).toBe(tag(`status/${ids.correction}`))
		expect(itemIds).not.toContain(tag(`status/${ids.draftEntry}`))
		expect(itemIds).not.toContain(tag(`evidence/${ids.draftEvidence}`))
		expect(xml).not.toContain('Draft evidence')
		expect(xml).not.toContain('zebra')
		expect(feed.updated?.toISOString()).toBe('2024-07-09T10:00:00.000Z')
		expect(feed.items.length).toBeLessThanOrEqual(feedEntryLimit)
	})
})

describe('unknown and bad addresses', () => {
	test('an unknown language, platform or pledge, or a draft’s, is a 404, never a 500', async () => {
		expect(await statusOf(siteFeed('de'))).toBe(404)
		expect(await statusOf(platformFeed('xx'))).toBe(404)
		expect(await statusOf(platformFeed('en', 'no-such-platform'))).toBe(404)
		expect(await statusOf(platformFeed('en', draft))).toBe(404)
		expect(await statusOf(pledgeFeed('en', platform, 'no-such-pledge'))).toBe(404)
		expect(await statusOf(pledgeFeed('en', draft, draftPledge))).toBe(404)
		// A pledge under another platform's address is not that platform's.
		expect(await statusOf(pledgeFeed('en', draft, pledge))).toBe(404)
		for (const bad of ['a\u0000b', '%', 'x'.repeat(5000), '../../etc', "'; DROP TABLE", 'Ω']) {
			expect(await statusOf(platformFeed('en', bad))).toBe(404)
			expect(await statusOf(pledgeFeed('en', platform, bad))).toBe(404)
			expect(await statusOf(pledgeFeed('en', bad, pledge))).toBe(404)
		}
	})
})

describe('caching', () => {
	let server: Server
	let baseUrl = ''

	beforeAll(async () => {
		const app = express()
		app.use(publicPageCache({ buildVersion: 'build1', prisma: () => prisma, pages: new RenderedPageCache() }))
		// The feed route's loader, answered as Remix's adapter would answer it.
		app.get('/:lang/platforms/:platform/pledges/:pledge/feed.xml', async (req, res) => {
			const response = await pledgeFeedLoader({
				request: new Request(`${origin}${req.originalUrl}`),
				params: { lang: req.params.lang, platform: req.params.platform, pledge: req.params.pledge },
				context: {},
			}).catch((thrown: unknown) => {
				if (thrown instanceof Response) return thrown
				throw thrown
			})
			res.status(response.status)
			response.headers.forEach((value, name) => res.setHeader(name, value))
			res.end(await response.text())
		})
		await new Promise<void>((resolve) => {
			server = app.listen(0, '127.0.0.1', resolve)
		})
		const address = server.address()
		baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
	})
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

	test('a feed is public like a page: an ETag, and a 304 for a reader polling with it', async () => {
		const first = await fetch(`${baseUrl}${pledgePath('en')}`)
		expect(first.status).toBe(200)
		expect(first.headers.get('Cache-Control')).toBe(publicCacheControl)
		expect(first.headers.get('Vary')).toMatch(/Cookie/)
		const etag = first.headers.get('ETag')
		expect(etag).toMatch(/^W\/"build1\.\d+\.\d{4}-\d{2}-\d{2}"$/)
		expect(parseFeed(await first.text()).items).toHaveLength(3)

		const again = await fetch(`${baseUrl}${pledgePath('en')}`, { headers: { 'If-None-Match': etag ?? '' } })
		expect(again.status).toBe(304)
		expect(again.headers.get('ETag')).toBe(etag)

		const missing = await fetch(`${baseUrl}${pledgePath('en', platform, 'no-such-pledge')}`)
		expect(missing.status).toBe(404)
	})
})

describe('linked from the pages', () => {
	/** What a meta function gets of the root and language layouts: the language, its messages, the origin. */
	function metaArgs<Data>(locale: Locale, path: string, data: Data) {
		const match = (id: string, pathname: string, matchData: unknown) => ({
			id,
			pathname,
			params: {},
			data: matchData,
			meta: [],
			handle: undefined,
		})
		return {
			data,
			params: {},
			location: { pathname: path, search: '', hash: '', state: null, key: 'default' },
			matches: [
				match(sharedRouteIds.root, '/', { locale, messages: publicMessagesByLocale[locale] }),
				match(sharedRouteIds.language, `/${locale}`, { origin }),
			],
		}
	}
	const feedLinksOf = (descriptors: ReadonlyArray<Record<string, unknown>>) =>
		descriptors.filter((tag) => tag.tagName === 'link' && tag.type === 'application/atom+xml')

	test('the head of the pledge, platform and home pages links their feeds, titled in the page’s language', async () => {
		const pledgePage = `/ru/platforms/${platform}/pledges/${pledge}`
		const pledgeData = await pledgeLoader(args(pledgePage, { lang: 'ru', platform, pledge }))
		expect(feedLinksOf(pledgeMeta(metaArgs('ru', pledgePage, pledgeData)))).toEqual([
			{
				tagName: 'link',
				rel: 'alternate',
				type: 'application/atom+xml',
				title: 'Не менее 150 000 рабочих мест в IT-компаниях: новые статусы, исправления и источники',
				href: `${origin}${pledgePath('ru')}`,
			},
		])
		// A draft's preview (staff only) links no feed, since the public's is a 404.
		const preview = {
			...pledgeData,
			page: { ...pledgeData.page, platform: { ...pledgeData.page.platform, isDraft: true } },
		}
		expect(feedLinksOf(pledgeMeta(metaArgs('ru', pledgePage, preview)))).toEqual([])

		const overviewPage = `/kk/platforms/${platform}`
		const overviewData = await overviewLoader(args(overviewPage, { lang: 'kk', platform }))
		expect(
			feedLinksOf(overviewMeta(metaArgs('kk', overviewPage, overviewData))).map((tag) => [
				tag.href,
				tag.title,
			]),
		).toEqual([
			[
				`${origin}${platformPath('kk')}`,
				`${overviewData.page.platform.title}: жаңа мәртебелер, түзетулер және дереккөздер`,
			],
		])

		const homeData = await homeLoader(args('/en', { lang: 'en' }))
		expect(
			feedLinksOf(homeMeta(metaArgs('en', '/en', homeData))).map((tag) => [tag.href, tag.title]),
		).toEqual([[`${origin}/en/feed.xml`, 'Uade: new statuses, corrections and evidence']])
	})

	test('a visible "Subscribe" link, in each language, the format’s name marked as English', async () => {
		const href = paths.pledgeFeed('kk', platform, pledge)
		expect(href).toBe(pledgePath('kk'))
		const link = (locale: Locale) =>
			renderInRouter(
				() => createElement(FeedLink, { href: paths.pledgeFeed(locale, platform, pledge) }),
				locale,
			)
		expect(await link('kk')).toContain(
			`<a href="${href}" type="application/atom+xml">Жазылу (<span lang="en">Atom</span> арнасы)</a>`,
		)
		expect(await link('ru')).toContain('>Подписаться (лента <span lang="en">Atom</span>)</a>')
		expect(await link('en')).toContain('>Subscribe (<span lang="en">Atom</span> feed)</a>')
		expect(await renderInRouter(() => createElement(FeedLink, { href, show: false }), 'kk')).not.toContain(
			'feed.xml',
		)
	})
})

describe('through the app’s own routes (app/routes.ts)', () => {
	let renderer: Awaited<ReturnType<typeof createPageRenderer>>
	beforeAll(async () => {
		renderer = await createPageRenderer()
	}, 300_000)
	afterAll(async () => {
		await renderer?.close()
	})

	test('each feed answers at its address; unknown and draft ones are 404s', async () => {
		for (const path of [sitePath('kk'), platformPath('ru'), pledgePath('en')]) {
			const { status, html } = await renderer.render(path)
			expect({ path, status }).toEqual({ path, status: 200 })
			expect(parseFeed(html).self).toBe(`${origin}${path}`)
		}
		for (const path of [
			sitePath('de'),
			platformPath('en', draft),
			pledgePath('en', draft, draftPledge),
			pledgePath('en', platform, 'no-such-pledge'),
			`/en/platforms/${platform}/pledges/${pledge}/feed.xml/more`,
		]) {
			expect({ path, status: (await renderer.render(path)).status }).toEqual({ path, status: 404 })
		}
	})
})

// Last, since it adds evidence to the site's feed.
describe('a long ledger', () => {
	test('a feed holds only the newest entries, at most the limit', async () => {
		const target = await pledgeIdOf(prisma, 'reliable-energy')
		const { id: userId } = await createFactChecker(prisma, 'bulk@example.org')
		await prisma.evidence.createMany({
			data: Array.from({ length: feedEntryLimit + 5 }, (_, index) => ({
				pledgeId: target,
				type: 'MEDIA_REPORT',
				sourceUrl: 'https://example.org/bulk',
				title: `Bulk report ${index}`,
				publisher: 'Bulk',
				publishedOn: new Date('2025-01-01'),
				excerpt: 'Bulk.',
				submittedById: userId,
				reviewedById: userId,
				reviewState: 'APPROVED',
				reviewedAt: new Date(Date.UTC(2025, 0, 1, 0, index)),
			})),
		})
		const { feed } = await parsed(await siteFeed('en'))
		expect(feed.items).toHaveLength(feedEntryLimit)
		expect(feed.items[0]?.title).toMatch(new RegExp(`Bulk report ${feedEntryLimit + 4}$`))
		expect(feed.items.at(-1)?.title).toMatch(/Bulk report 5$/)
		expect(feed.updated?.toISOString()).toBe(
			new Date(Date.UTC(2025, 0, 1, 0, feedEntryLimit + 4)).toISOString(),
		)
		// The pledge's own feed is untouched by another pledge's evidence.
		expect((await parsed(await pledgeFeed('en'))).feed.items).toHaveLength(3)
	})
})
