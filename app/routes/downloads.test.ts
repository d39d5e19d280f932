import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServerBuild } from '@remix-run/node'
import { parse } from 'csv-parse/sync'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { csvDownloads, downloadPath, type CsvDownloadName } from '~/data/download-files'
import { copyApplicationName } from '~/db/copy.server'
import { seed } from '~/db/tooling/seed.server'
import { createHttpApp } from '~/server/http.server'
import { publicCacheControl } from '~/server/http-cache.server'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import {
	createEvidence,
	createFactChecker,
	pledgeIdOf,
	recordMeasurement,
	recordStatus,
} from '~/test/ledger-fixtures'
import { capturedLogger } from '~/test/log'

// The downloads as a data journalist gets them: the real app (the Remix build through Vite, behind
// createHttpApp: app/routes.ts, the page cache's ETags, the security headers) over HTTP against a seeded
// PostgreSQL, every file read by a real CSV parser.

let database: TestDatabase
let prisma: PrismaClient
let vite: ViteDevServer
let server: Server
let origin = ''

const platform = 'fair-kazakhstan-2022'
const pledge = 'it-jobs'
const draft = 'draft-platform-2030'
const bulk = 'bulk-platform-2031'
const ids = { wrong: '', correction: '', approved: '', figure: '', pending: '', rejected: '', withdrawn: '' }
// Texts only records nobody may see carry: finding one in a download is a leak.
const secrets = [
	'Unreviewed claim',
	'Rejected claim',
	'Withdrawn report',
	'zebra',
	'Draft evidence',
	'Draftova',
]
// A field with everything CSV must quote: quotes, commas, a line break inside, Kazakh and Russian letters.
const excerpt = 'Министр: «150 000 жұмыс орны», "quoted", and more\non a second line'

async function createPlatform(slug: string, published: boolean, pledgeSlug: string, pledgeTitle: string) {
	const politician = await prisma.politician.create({
		data: { slug: `${slug}-politician`, name: published ? 'Bulk Person' : 'Dana Draftova', office: 'Mayor' },
	})
	const created = await prisma.platform.create({
		data: {
			slug,
			politicianId: politician.id,
			title: `Platform ${slug}`,
			electionDate: new Date('2030-03-01'),
			termStart: new Date('2030-04-01'),
			termEnd: new Date('2035-04-01'),
			sourceUrl: 'https://example.org/platform',
			sourceTitle: 'The platform',
			sourcePublisher: 'Example Publisher',
			publishedAt: published ? new Date('2030-03-02') : null,
			categories: { create: { slug: 'everything', title: 'Everything' } },
		},
		select: { id: true, categories: { select: { id: true } } },
	})
	return prisma.pledge.create({
		data: {
			platformId: created.id,
			categoryId: created.categories[0]?.id ?? '',
			slug: pledgeSlug,
			title: pledgeTitle,
			summary: 'A pledge of a platform made by the test.',
			quote: `We will ${pledgeTitle.toLowerCase()}.`,
			sourceUrl: 'https://example.org/platform',
			sourceDate: new Date('2030-02-01'),
			kind: 'QUALITATIVE',
			deadline: new Date('2035-04-01'),
		},
		select: { id: true },
	})
}

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const { id: userId } = await createFactChecker(prisma, 'editor@example.org')
	const pledgeId = await pledgeIdOf(prisma, pledge)
	const approved = await createEvidence(prisma, {
		pledgeId,
		userId,
		title: 'Ministry report on IT jobs',
		publisher: 'Ministry of Digital Development',
		excerpt,
		publishedOn: '2024-07-02',
		reviewedAt: '2024-07-03T09:00:00Z',
	})
	ids.approved = approved.id
	await prisma.evidenceTranslation.create({
		data: { evidenceId: approved.id, locale: 'KK', title: 'IT жұмыс орындары туралы есеп' },
	})
	ids.figure = (await recordMeasurement(prisma, { pledgeId, userId, value: 120000, asOf: '2024-06-30' })).id
	for (const [key, title, reviewState] of [
		['pending', 'Unreviewed claim', 'PENDING'],
		['rejected', 'Rejected claim', 'REJECTED'],
	] as const) {
		ids[key] = (
			await createEvidence(prisma, { pledgeId, userId, title, publishedOn: '2024-07-03', reviewState })
		).id
	}
	const withdrawn = await createEvidence(prisma, {
		pledgeId,
		userId,
		title: 'Withdrawn report',
		publishedOn: '2024-07-05',
	})
	await prisma.evidence.update({ where: { id: withdrawn.id }, data: { reviewState: 'WITHDRAWN' } })
	ids.withdrawn = withdrawn.id
	ids.wrong = (
		await recordStatus(prisma, {
			pledgeId,
			userId,
			status: 'KEPT',
			effectiveDate: '2024-07-01',
			rationale: 'Recorded as kept too early.',
			evidenceIds: [ids.approved, ids.withdrawn],
			recordedAt: '2024-07-04T10:00:00Z',
		})
	).id
	ids.correction = (
		await recordStatus(prisma, {
			pledgeId,
			userId,
			status: 'IN_PROGRESS',
			effectiveDate: '2024-07-01',
			rationale: 'Progress, not the target.',
			evidenceIds: [ids.approved],
			correctsId: ids.wrong,
			correctionReason: 'The entry took 120,000 jobs for the target of 150,000.',
			recordedAt: '2024-07-09T10:00:00Z',
			translations: {
				RU: { rationale: 'Прогресс, а не цель.', correctionReason: 'Запись приняла 120 000 за цель.' },
			},
		})
	).id

	// A draft platform with a pledge, approved evidence and a status: none of it is public.
	const draftPledge = await createPlatform(draft, false, 'zebra-crossings', 'Build zebra crossings')
	const draftEvidence = await createEvidence(prisma, {
		pledgeId: draftPledge.id,
		userId,
		title: 'Draft evidence',
		publishedOn: '2030-05-01',
		reviewedAt: '2030-05-02T00:00:00Z',
	})
	await recordStatus(prisma, {
		pledgeId: draftPledge.id,
		userId,
		status: 'KEPT',
		effectiveDate: '2030-05-02',
		rationale: 'A draft’s status (zebra).',
		evidenceIds: [draftEvidence.id],
	})

	// A second published platform, whose evidence runs to tens of megabytes: far more than any socket or
	// stream buffer holds, so that a reader who stops reading leaves its COPY mid-way.
	const bulkPledge = await createPlatform(bulk, true, 'plant-trees', 'Plant trees')
	await prisma.$executeRaw`
		INSERT INTO "Evidence" (id, "pledgeId", type, "sourceUrl", title, publisher, "publishedOn", excerpt,
			"submittedById", "reviewState", "reviewedById", "reviewedAt", "updatedAt")
		SELECT 'bulk' || n, ${bulkPledge.id}, 'MEDIA_REPORT', 'https://example.org/' || n, 'Bulk report ' || n,
			'Bulk Publisher', DATE '2031-01-01', repeat('Ағаш отырғызылды, деревья посажены. ', 60), ${userId},
			'APPROVED', ${userId}, now(), now()
		FROM generate_series(1, 5000) n`

	vite = await createServer({
		server: { middlewareMode: true, hmr: false, ws: false },
		appType: 'custom',
		logLevel: 'silent',
	})
	const build = await vite.ssrLoadModule('virtual:remix/server-build')
	if (!isServerBuild(build)) throw new Error('virtual:remix/server-build is not a Remix server build')
	const app = createHttpApp(build, { migrations: [], log: capturedLogger().log })
	server = await new Promise<Server>((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
	})
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 180_000)

afterAll(async () => {
	server?.closeAllConnections()
	await new Promise((resolve) => server?.close(resolve))
	// The app's download connections (its own module instance, loaded through Vite), as the server's stop does.
	const copies = (await vite?.ssrLoadModule('~/db/copy.server')) as { closeCopyPool?: () => Promise<void> }
	await copies?.closeCopyPool?.()
	await vite?.close()
	await prisma?.$disconnect()
	await database?.drop()
})

function isServerBuild(module: Record<string, unknown>): module is Record<string, unknown> & ServerBuild {
	return 'routes' in module && 'entry' in module && 'assets' in module
}

type Download = { response: Response; bytes: Buffer; rows: Array<Record<string, string>>; header: string[] }

/** A download read whole, then parsed strictly as RFC 4180 (CRLF records, a header row, a BOM). */
async function download(path: string, headers: Record<string, string> = {}): Promise<Download> {
	const response = await fetch(`${origin}${path}`, { headers })
	expect(response.status).toBe(200)
	const bytes = Buffer.from(await response.arrayBuffer())
	const records: string[][] = parse(bytes, { bom: true, record_delimiter: '\r\n', relax_column_count: false })
	const [header = [], ...body] = records
	const rows = body.map((record) =>
		Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])),
	)
	return { response, bytes, rows, header }
}

const file = (name: CsvDownloadName) => `${name}.csv` as const
const pledgeUrl = (lang: string) => `${origin}/${lang}/platforms/${platform}/pledges/${pledge}`

describe('every CSV download', () => {
	test.each(csvDownloads.map((item) => [item.name, item] as const))(
		'%s: RFC 4180 with a BOM, its header the dictionary’s columns, an attachment, public like a page',
		async (name, dictionary) => {
			const { response, bytes, header, rows } = await download(downloadPath(file(name)))
			expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present')
			expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${name}.csv"`)
			expect(response.headers.get('Cache-Control')).toBe(publicCacheControl)
			expect(response.headers.get('ETag')).toMatch(/^W\/"/)
			expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
			expect(header).toEqual(dictionary.columns.map((column) => column.name))
			expect(bytes.subarray(-2).toString()).toBe('\r\n')
			expect(rows.length).toBeGreaterThan(0)
			const text = bytes.toString('utf8')
			for (const secret of secrets) expect(text).not.toContain(secret)
			for (const row of rows) expect([platform, bulk]).toContain(row.platform_slug)
		},
	)
})

describe('the files’ contents', () => {
	test('pledges.csv: the seed pledge in all three languages, its status, indicator and pages', async () => {
		const { rows } = await download(downloadPath('pledges.csv'))
		const texts = await prisma.pledge.findFirstOrThrow({
			where: { slug: pledge, platform: { slug: platform } },
			select: { id: true, title: true, translations: { select: { locale: true, title: true } } },
		})
		const row = rows.find((item) => item.pledge_slug === pledge && item.platform_slug === platform)
		const translated = (locale: 'RU' | 'KK') => texts.translations.find((t) => t.locale === locale)?.title
		expect(translated('RU')).toBeTruthy()
		expect(translated('KK')).toBeTruthy()
		expect(row).toMatchObject({
			pledge_id: texts.id,
			title_en: texts.title,
			title_ru: translated('RU'),
			title_kk: translated('KK'),
			kind: 'QUANTITATIVE',
			status: 'IN_PROGRESS',
			status_since: '2024-07-01',
			indicator_name_en: 'Jobs in IT companies',
			indicator_unit_en: 'jobs',
			indicator_direction: 'INCREASE',
			baseline_value: '',
			target_value: '150000',
			target_date: '2029-11-26',
			url_en: pledgeUrl('en'),
			url_ru: pledgeUrl('ru'),
			url_kk: pledgeUrl('kk'),
		})
		expect(row?.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
		expect(rows.map((item) => item.pledge_slug)).not.toContain('zebra-crossings')
	})

	test('status-ledger.csv: the entry and its correction, linked both ways, with translations and evidence', async () => {
		const { rows } = await download(downloadPath('status-ledger.csv'))
		const wrong = rows.find((row) => row.entry_id === ids.wrong)
		const correction = rows.find((row) => row.entry_id === ids.correction)
		expect(wrong).toMatchObject({
			pledge_slug: pledge,
			from_status: 'NOT_RATED',
			status: 'KEPT',
			effective_date: '2024-07-01',
			recorded_at: '2024-07-04T10:00:00.000Z',
			corrects_entry_id: '',
			corrected_by_entry_id: ids.correction,
			// The withdrawn evidence it once rested on is no longer public.
			evidence_ids: ids.approved,
			pledge_url: pledgeUrl('en'),
		})
		expect(correction).toMatchObject({
			status: 'IN_PROGRESS',
			rationale_en: 'Progress, not the target.',
			rationale_ru: 'Прогресс, а не цель.',
			rationale_kk: '',
			corrects_entry_id: ids.wrong,
			correction_reason_en: 'The entry took 120,000 jobs for the target of 150,000.',
			correction_reason_ru: 'Запись приняла 120 000 за цель.',
			corrected_by_entry_id: '',
		})
		// Oldest first within a pledge.
		expect(rows.indexOf(wrong!)).toBeLessThan(rows.indexOf(correction!))
	})

	test('evidence.csv: approved evidence only, its excerpt byte for byte, quotes and line break included', async () => {
		const { rows } = await download(downloadPath('evidence.csv'))
		const evidenceIds = new Set(rows.map((row) => row.evidence_id))
		expect(evidenceIds.has(ids.approved)).toBe(true)
		for (const hidden of [ids.pending, ids.rejected, ids.withdrawn])
			expect(evidenceIds.has(hidden)).toBe(false)
		expect(rows.find((row) => row.evidence_id === ids.approved)).toMatchObject({
			title_en: 'Ministry report on IT jobs',
			title_ru: '',
			title_kk: 'IT жұмыс орындары туралы есеп',
			publisher: 'Ministry of Digital Development',
			excerpt,
			published_on: '2024-07-02',
			published_precision: 'DAY',
			reviewed_at: '2024-07-03T09:00:00.000Z',
		})
	})

	test('measurements.csv: the figure with its unit, date and source', async () => {
		const { rows } = await download(downloadPath('measurements.csv'))
		expect(rows.find((row) => row.evidence_id === ids.figure)).toMatchObject({
			pledge_slug: pledge,
			value: '120000',
			unit_en: 'jobs',
			as_of: '2024-06-30',
			source_title_en: 'Official figure as of 2024-06-30',
			source_publisher: 'Example Statistics Bureau',
			source_published_on: '2024-06-30',
		})
	})

	test('a platform’s own files hold its rows only, and say so in their names', async () => {
		const whole = await download(downloadPath('pledges.csv'))
		const own = await download(downloadPath('pledges.csv', platform))
		expect(own.response.headers.get('Content-Disposition')).toBe(
			`attachment; filename="${platform}-pledges.csv"`,
		)
		expect(new Set(own.rows.map((row) => row.platform_slug))).toEqual(new Set([platform]))
		expect(own.rows).toEqual(whole.rows.filter((row) => row.platform_slug === platform))
		const bulkPledges = await download(downloadPath('pledges.csv', bulk))
		expect(bulkPledges.rows.map((row) => row.pledge_slug)).toEqual(['plant-trees'])
		const ledger = await download(downloadPath('status-ledger.csv', bulk))
		expect(ledger.rows).toEqual([])
	})
})

describe('caching and refusals', () => {
	test('a current copy gets a 304, and HEAD the headers without a body', async () => {
		const first = await fetch(`${origin}${downloadPath('evidence.csv', platform)}`)
		await first.arrayBuffer()
		const etag = first.headers.get('ETag') ?? ''
		const again = await fetch(`${origin}${downloadPath('evidence.csv', platform)}`, {
			headers: { 'If-None-Match': etag },
		})
		expect(again.status).toBe(304)
		const head = await fetch(`${origin}${downloadPath('evidence.csv', platform)}`, { method: 'HEAD' })
		expect(head.status).toBe(200)
		expect(head.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present')
		expect(head.headers.get('ETag')).toBe(etag)
		expect((await head.arrayBuffer()).byteLength).toBe(0)
	})

	test.each([
		['an unknown file', '/data/pledges.json', 404],
		['an unknown CSV', '/data/politicians.csv', 404],
		['a draft platform', downloadPath('pledges.csv', draft), 404],
		['an unknown platform', downloadPath('pledges.csv', 'no-such-platform'), 404],
		['a platform address that is no slug', '/data/platforms/Bad%20Slug%27%3B--/pledges.csv', 404],
		['an unknown file of a platform', `/data/platforms/${platform}/uade.json`, 404],
		['a query parameter', '/data/pledges.csv?platform=x', 400],
		['a query parameter of the dataset', '/data/uade.json?lang=en', 400],
	])('%s: %s is a %i problem, never a 500', async (_what, path, status) => {
		const response = await fetch(`${origin}${path}`)
		expect(response.status).toBe(status)
		expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8')
		expect(((await response.json()) as { status: number }).status).toBe(status)
	})
})

describe('uade.json', () => {
	test('is the whole published dataset in the import format, drafts and unreviewed evidence left out', async () => {
		const response = await fetch(`${origin}${downloadPath('uade.json')}`)
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
		expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="uade.json"')
		const text = await response.text()
		for (const secret of secrets) expect(text).not.toContain(secret)
		const document = JSON.parse(text) as {
			platforms: Array<{ slug: string }>
			evidence: Array<{ title: string }>
		}
		expect(document.platforms.map((item) => item.slug).sort()).toEqual([bulk, platform].sort())
		expect(document.evidence.map((item) => item.title)).toContain('Ministry report on IT jobs')
		const { exportDocument, serializeExport } = await import('~/data/export.server')
		expect(text).toBe(serializeExport(await exportDocument(prisma, { audience: 'public' })))
	}, 60_000)
})

/** The download connections open now, and what each is doing. */
async function copyConnections(): Promise<Array<{ state: string | null; query: string }>> {
	return prisma.$queryRaw`
		SELECT state, query FROM pg_stat_activity WHERE application_name = ${copyApplicationName}`
}

async function until(condition: () => Promise<boolean>, what: string) {
	const deadline = Date.now() + 15_000
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`still not so after 15 s: ${what}`)
		await new Promise((resolve) => setTimeout(resolve, 50))
	}
}

describe('a reader who leaves mid-download', () => {
	test('ends the COPY and closes its connection; the next downloads run as ever', async () => {
		const controller = new AbortController()
		const response = await fetch(`${origin}${downloadPath('evidence.csv', bulk)}`, {
			signal: controller.signal,
		})
		expect(response.status).toBe(200)
		const reader = response.body!.getReader()
		const first = await reader.read()
		expect(first.done).toBe(false)
		// Mid-way: the COPY is still running, held back by the reader who is not reading.
		const during = await copyConnections()
		expect(during).toEqual([
			expect.objectContaining({ state: 'active', query: expect.stringMatching(/^COPY/) }),
		])
		controller.abort()
		await until(async () => (await copyConnections()).length === 0, 'the download connection closed')
		// Every slot is free again: more downloads at once than there are slots all complete.
		const all = await Promise.all(
			Array.from({ length: 4 }, () => download(downloadPath('evidence.csv', platform))),
		)
		for (const done of all) expect(done.rows.map((row) => row.evidence_id)).toContain(ids.approved)
		await until(
			async () => (await copyConnections()).length === 0,
			'the finished downloads’ connections closed',
		)
	}, 60_000)
})
