import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import express from 'express'
import { createElement } from 'react'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { ShareLinks } from '~/components/share-links'
import { seed } from '~/db/tooling/seed.server'
import type { Locale } from '~/i18n/locales'
import { publicMessagesByLocale } from '~/i18n/messages.server'
import { getPledgeCard } from '~/models/share-card.server'
import { sharedRouteIds } from '~/route-data'
import { publicCacheControl, publicPageCache, RenderedPageCache } from '~/server/http-cache.server'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import {
	createEvidence,
	createFactChecker,
	pledgeIdOf,
	recordMeasurement,
	recordStatus,
} from '~/test/ledger-fixtures'
import { renderInRouter } from '~/test/render-in-router'
import { createPageRenderer } from '~/test/render-page'
import { loader as platformCardLoader } from './$lang.platforms.$platform.card[.]png'
import { loader as overviewLoader, meta as overviewMeta } from './$lang.platforms.$platform._index'
import { loader as pledgeCardLoader } from './$lang.platforms.$platform.pledges.$pledge.card[.]png'
import { loader as pledgeLoader, meta as pledgeMeta } from './$lang.platforms.$platform.pledges.$pledge'
import {
	pledgeCardSvg,
	serveShareCard,
	shareCardFontFiles,
	shareCardMetrics,
	ShareCardCache,
	wrapText,
} from './share-card/share-card.server'

// The cards are what Telegram, WhatsApp, Facebook and X show of a shared link, so they are checked as those
// read them: a PNG of 1200×630 at the address the page's og:image names.

let database: TestDatabase
let prisma: PrismaClient
let userId: string
const origin = 'http://uade.test'
const platform = 'fair-kazakhstan-2022'
const draft = 'draft-platform-2030'
const draftPledge = 'zebra-crossings'

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	;({ id: userId } = await createFactChecker(prisma, 'editor@example.org'))
	// The IT jobs pledge gets a figure, so its card shows a bar towards its target.
	await recordMeasurement(prisma, {
		pledgeId: await pledgeIdOf(prisma, 'it-jobs'),
		userId,
		value: 90000,
		asOf: '2024-06-30',
	})

	// A draft platform with a pledge and a status: nothing of it is public, card or not.
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
	await prisma.pledge.create({
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
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

const args = (path: string, params: Record<string, string>) => ({
	request: new Request(`${origin}${path}`),
	params,
	context: {},
})
const platformCardPath = (lang: string, slug = platform) => `/${lang}/platforms/${slug}/card.png`
const pledgeCardPath = (lang: string, pledge: string, platformSlug = platform) =>
	`/${lang}/platforms/${platformSlug}/pledges/${pledge}/card.png`

function platformCard(lang: string, slug = platform) {
	return platformCardLoader(args(platformCardPath(lang, slug), { lang, platform: slug }))
}
function pledgeCard(lang: string, pledge: string, platformSlug = platform) {
	return pledgeCardLoader(
		args(pledgeCardPath(lang, pledge, platformSlug), { lang, platform: platformSlug, pledge }),
	)
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

/** The PNG's bytes, after checking it is one (signature, IHDR) of 1200×630. */
async function png(response: Response): Promise<Buffer> {
	expect(response.status).toBe(200)
	expect(response.headers.get('Content-Type')).toBe('image/png')
	const bytes = Buffer.from(await response.arrayBuffer())
	expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
	expect(bytes.toString('latin1', 12, 16)).toBe('IHDR')
	expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({
		width: 1200,
		height: 630,
	})
	return bytes
}

/** Every text the card's SVG draws. */
function textsOf(svg: string): string[] {
	return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) =>
		(match[1] ?? '')
			.replace(/&amp;/g, '&')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"'),
	)
}

describe('the cards', () => {
	test('a pledge’s and a platform’s card are 1200×630 PNGs, public and cached like pages', async () => {
		for (const lang of ['en', 'ru', 'kk']) {
			const pledge = await pledgeCard(lang, 'it-jobs')
			await png(pledge)
			expect(pledge.headers.get('Cache-Control')).toBe(publicCacheControl)
			expect(pledge.headers.get('Vary')).toBe('Cookie')
			await png(await platformCard(lang))
			await png(await pledgeCard(lang, 'youth-policy-law'))
			await png(await pledgeCard(lang, 'drinking-water'))
		}
	})

	test('each language has its own card', async () => {
		const card = async (lang: string) => png(await pledgeCard(lang, 'it-jobs'))
		const [en, ru, kk] = [await card('en'), await card('ru'), await card('kk')]
		expect(en.equals(ru)).toBe(false)
		expect(en.equals(kk)).toBe(false)
		expect(ru.equals(kk)).toBe(false)
		const platformEn = await png(await platformCard('en'))
		expect(platformEn.equals(await png(await platformCard('kk')))).toBe(false)
	})

	test('a new status gives a new card, at a new address on the page', async () => {
		const pledge = 'food-security'
		const pagePath = `/en/platforms/${platform}/pledges/${pledge}`
		const imageOf = async () =>
			tagsNamed(
				pledgeMeta(
					metaArgs('en', pagePath, await pledgeLoader(args(pagePath, { lang: 'en', platform, pledge }))),
				),
				['og:image'],
			)['og:image']
		const before = await png(await pledgeCard('en', pledge))
		const imageBefore = await imageOf()
		await recordStatus(prisma, {
			pledgeId: await pledgeIdOf(prisma, pledge),
			userId,
			status: 'STALLED',
			effectiveDate: '2025-03-01',
			rationale: 'No decree since the plan.',
			evidenceIds: [],
		})
		const after = await png(await pledgeCard('en', pledge))
		expect(after.equals(before)).toBe(false)
		expect(await imageOf()).not.toBe(imageBefore)
	})

	test('a pending figure changes nothing: a card is drawn from public records only, the same each time', async () => {
		const pledge = 'digital-economy-share'
		const before = await png(await pledgeCard('ru', pledge))
		await createEvidence(prisma, {
			pledgeId: await pledgeIdOf(prisma, pledge),
			userId,
			title: 'Unreviewed figure',
			publishedOn: '2025-01-01',
			reviewState: 'PENDING',
			measuredValue: 99,
			measuredAsOf: '2025-01-01',
		})
		expect((await png(await pledgeCard('ru', pledge))).equals(before)).toBe(true)
	})

	test('404 for an unknown language, platform or pledge, and for a draft platform’s', async () => {
		expect(await statusOf(platformCard('de'))).toBe(404)
		expect(await statusOf(platformCard('en', 'no-such-platform'))).toBe(404)
		expect(await statusOf(pledgeCard('en', 'no-such-pledge'))).toBe(404)
		expect(await statusOf(pledgeCard('de', 'it-jobs'))).toBe(404)
		expect(await statusOf(platformCard('en', draft))).toBe(404)
		expect(await statusOf(pledgeCard('kk', draftPledge, draft))).toBe(404)
		// A public pledge's slug under the draft platform's name is no pledge either.
		expect(await statusOf(pledgeCard('en', 'it-jobs', draft))).toBe(404)
	})

	test('drawn with the committed fonts, which have a glyph for every character of the Kazakh and Russian cards', async () => {
		expect(existsSync(shareCardFontFiles.regular)).toBe(true)
		expect(existsSync(shareCardFontFiles.bold)).toBe(true)
		const { regular, bold } = shareCardMetrics()
		for (const letter of 'әғқңөұүһіӘҒҚҢӨҰҮҺІ') {
			expect([letter, regular.has(letter), bold.has(letter)]).toEqual([letter, true, true])
		}
		for (const lang of ['kk', 'ru'] as const) {
			for (const pledge of ['it-jobs', 'youth-policy-law', 'national-fund-for-children']) {
				const card = await getPledgeCard({ platformSlug: platform, pledgeSlug: pledge, locale: lang }, prisma)
				if (!card) throw new Error(`no card for ${pledge}`)
				const texts = textsOf(pledgeCardSvg(card, lang))
				expect(texts.join(' ')).toContain(card.title.split(' ')[0])
				expect(texts.flatMap((text) => [...regular.missing(text), ...bold.missing(text)])).toEqual([])
			}
		}
		// The Kazakh card's title is the pledge's Kazakh title.
		const kk = await getPledgeCard({ platformSlug: platform, pledgeSlug: 'it-jobs', locale: 'kk' }, prisma)
		expect(textsOf(pledgeCardSvg(kk!, 'kk')).join(' ')).toContain('IT компанияларында кемінде')
	})

	test('a long title is wrapped to the card’s width and cut short with an ellipsis', () => {
		const title = 'Кемінде 150 000 жұмыс орны '.repeat(12).trim()
		const lines = wrapText(title, { fontSize: 64, width: 1056, maxLines: 3, weight: 'bold' })
		expect(lines).toHaveLength(3)
		expect(lines[2]).toMatch(/…$/)
		for (const line of lines) expect(shareCardMetrics().bold.width(line, 64)).toBeLessThanOrEqual(1056)
		// A number's no-break space holds: "150 000" stays on one line.
		expect(lines.some((line) => /150$/.test(line))).toBe(false)
	})

	test('a drawn card is kept in memory per data version and address; the least recently used goes first', async () => {
		const cache = new ShareCardCache(2)
		const first = await png(
			await serveShareCard('kk', { kind: 'platform', platformSlug: platform }, { cache, prisma }),
		)
		expect(cache.size).toBe(1)
		const again = await png(
			await serveShareCard('kk', { kind: 'platform', platformSlug: platform }, { cache, prisma }),
		)
		expect(again.equals(first)).toBe(true)
		expect(cache.size).toBe(1)
		await serveShareCard('en', { kind: 'platform', platformSlug: platform }, { cache, prisma })
		await serveShareCard('ru', { kind: 'platform', platformSlug: platform }, { cache, prisma })
		expect(cache.size).toBe(2)
		// A miss is not kept.
		await statusOf(serveShareCard('en', { kind: 'platform', platformSlug: draft }, { cache, prisma }))
		expect(cache.size).toBe(2)
	})
})

describe('through the page cache middleware', () => {
	let server: Server
	let baseUrl: string
	beforeAll(async () => {
		const app = express()
		app.use(publicPageCache({ buildVersion: 'build1', prisma: () => prisma, pages: new RenderedPageCache() }))
		// The card route's loader, answered as Remix's adapter would answer it.
		app.get('/:lang/platforms/:platform/pledges/:pledge/card.png', async (req, res) => {
			const response = await pledgeCardLoader({
				request: new Request(`${origin}${req.originalUrl}`),
				params: { lang: req.params.lang, platform: req.params.platform, pledge: req.params.pledge },
				context: {},
			}).catch((thrown: unknown) => {
				if (thrown instanceof Response) return thrown
				throw thrown
			})
			res.status(response.status)
			response.headers.forEach((value, name) => res.setHeader(name, value))
			res.end(Buffer.from(await response.arrayBuffer()))
		})
		await new Promise<void>((resolve) => {
			server = app.listen(0, '127.0.0.1', resolve)
		})
		const address = server.address()
		baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
	})
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

	test('a card gets the pages’ ETag and 304, and comes back byte for byte the second time', async () => {
		const path = pledgeCardPath('kk', 'youth-policy-law')
		const first = await fetch(`${baseUrl}${path}?v=1`)
		const bytes = await png(first)
		const etag = first.headers.get('ETag')
		expect(etag).toMatch(/^W\/"build1\.\d+\.\d{4}-\d{2}-\d{2}"$/)
		const second = await fetch(`${baseUrl}${path}?v=1`)
		expect((await png(second)).equals(bytes)).toBe(true)
		const revalidated = await fetch(`${baseUrl}${path}?v=1`, { headers: { 'If-None-Match': etag ?? '' } })
		expect(revalidated.status).toBe(304)
	})
})

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

const tagsNamed = (descriptors: ReadonlyArray<Record<string, unknown>>, names: string[]) =>
	Object.fromEntries(
		descriptors
			.map((tag) => [tag.property ?? tag.name, tag.content] as const)
			.filter(([name]) => typeof name === 'string' && names.includes(name)),
	)

const cardTags = [
	'og:type',
	'og:title',
	'og:url',
	'og:image',
	'og:image:width',
	'og:image:height',
	'og:image:alt',
	'og:locale',
	'twitter:card',
]

describe('the pages’ meta tags', () => {
	test('a pledge’s page names its card with an absolute, versioned address, its size and alt text', async () => {
		const path = `/kk/platforms/${platform}/pledges/it-jobs`
		const data = await pledgeLoader(args(path, { lang: 'kk', platform, pledge: 'it-jobs' }))
		const tags = tagsNamed(pledgeMeta(metaArgs('kk', path, data)), cardTags)
		expect(tags).toEqual({
			'og:type': 'article',
			'og:title': `IT компанияларында кемінде 150 000 жұмыс орны — ${data.page.platform.title}`,
			'og:url': `${origin}${path}`,
			'og:image': `${origin}${path}/card.png?v=${data.cardVersion}`,
			'og:image:width': '1200',
			'og:image:height': '630',
			'og:image:alt': `Uade карточкасы: «IT компанияларында кемінде 150 000 жұмыс орны», мәртебесі — «${publicMessagesByLocale.kk[`status.${data.page.pledge.status}`]}»`,
			'og:locale': 'kk_KZ',
			'twitter:card': 'summary_large_image',
		})
		expect(data.cardVersion).toMatch(/^\d+$/)
		const { 'og:description': description } = tagsNamed(pledgeMeta(metaArgs('kk', path, data)), [
			'og:description',
		])
		expect(description).toContain('Цифрлық трансформация')

		// A draft's preview (staff only) names no card, since the public's is a 404.
		const preview = { ...data, page: { ...data.page, platform: { ...data.page.platform, isDraft: true } } }
		const previewTags = tagsNamed(pledgeMeta(metaArgs('kk', path, preview)), cardTags)
		expect(previewTags['og:image']).toBeUndefined()
		expect(previewTags['twitter:card']).toBe('summary')
	})

	test('a platform’s page names its card', async () => {
		const path = `/ru/platforms/${platform}`
		const data = await overviewLoader(args(path, { lang: 'ru', platform }))
		const tags = tagsNamed(overviewMeta(metaArgs('ru', path, data)), cardTags)
		expect(tags['og:image']).toBe(`${origin}${path}/card.png?v=${data.cardVersion}`)
		expect(tags['og:image:alt']).toBe(
			`Карточка Uade: «${data.page.platform.title}» и как выполняются обещания`,
		)
		expect(tags['og:url']).toBe(`${origin}${path}`)
		expect(tags['og:locale']).toBe('ru_RU')
		expect(tags['twitter:card']).toBe('summary_large_image')
	})
})

describe('the share links', () => {
	const url = `${origin}/ru/platforms/${platform}/pledges/it-jobs`
	const text = 'Не менее 150 000 рабочих мест в IT-компаниях — В процессе'

	test('link to each network with the page’s encoded address, in a new tab, and offer the address to copy', async () => {
		const html = await renderInRouter(() => createElement(ShareLinks, { url, text }), 'ru')
		const encodedUrl = encodeURIComponent(url)
		const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]?.replace(/&amp;/g, '&'))
		expect(hrefs).toEqual([
			`https://t.me/share/url?url=${encodedUrl}&text=${encodeURIComponent(text)}`,
			`https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`,
			`https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`,
			`https://x.com/intent/post?url=${encodedUrl}&text=${encodeURIComponent(text)}`,
		])
		expect(html.match(/target="_blank" rel="noopener noreferrer"/g)).toHaveLength(4)
		// Each link's name says what it does, in the page's language, the network's name marked as English.
		expect(html).toContain(
			'<span class="visually-hidden">Поделиться в </span><span lang="en">Telegram</span><span class="visually-hidden"> (откроется в новой вкладке)</span>',
		)
		// Without script: the address as a labelled read-only field, and no button that would do nothing.
		expect(html).toMatch(/<label for="([^"]+)">Ссылка на эту страницу<\/label>/)
		const fieldId = /<label for="([^"]+)">/.exec(html)?.[1]
		expect(html).toContain(`id="${fieldId}"`)
		expect(html).toMatch(new RegExp(`<input id="${fieldId}"[^>]*readonly=""[^>]*value="${url}"`))
		expect(html).not.toContain('<button')
		expect(html).toContain('role="status"')
		// No script, frame or image of the networks'.
		expect(html).not.toMatch(/<script|<iframe|<img/)
	})

	test('in Kazakh and English too', async () => {
		const kk = await renderInRouter(() => createElement(ShareLinks, { url, text }), 'kk')
		expect(kk).toContain('>Бөлісу</h2>')
		expect(kk).toContain(
			'<span lang="en">WhatsApp</span><span class="visually-hidden"> арқылы бөлісу (жаңа қойындыда ашылады)</span>',
		)
		const en = await renderInRouter(() => createElement(ShareLinks, { url, text }), 'en')
		expect(en).toContain('<span class="visually-hidden">Share on </span><span lang="en">X</span>')
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

	test('a pledge’s page has its card in the head and its share links in the body; the card is at its address', async () => {
		const path = `/kk/platforms/${platform}/pledges/youth-policy-law`
		const { status, html } = await renderer.render(path)
		expect(status).toBe(200)
		const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]
		expect(image).toMatch(new RegExp(`^${origin}${path}/card\\.png\\?v=\\d+$`))
		expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>')
		expect(html).toContain(`https://t.me/share/url?url=${encodeURIComponent(`${origin}${path}`)}`)
		const card = await renderer.render(new URL(image ?? '').pathname + new URL(image ?? '').search)
		expect(card.status).toBe(200)
	})

	test('a platform’s page too; a draft’s card is a 404', async () => {
		const path = `/en/platforms/${platform}`
		const { status, html } = await renderer.render(path)
		expect(status).toBe(200)
		expect(html).toMatch(
			new RegExp(`<meta property="og:image" content="${origin}${path}/card\\.png\\?v=\\d+"`),
		)
		expect(html).toContain(
			`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`${origin}${path}`)}`,
		)
		expect((await renderer.render(`${path}/card.png`)).status).toBe(200)
		expect((await renderer.render(platformCardPath('en', draft))).status).toBe(404)
		expect((await renderer.render(pledgeCardPath('ru', draftPledge, draft))).status).toBe(404)
	})
})
