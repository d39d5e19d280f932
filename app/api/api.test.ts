import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServerBuild } from '@remix-run/node'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
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

// The API as a newsroom gets it: the real app (the Remix build of app/ through Vite, behind createHttpApp,
// so app/routes.ts, the page cache's ETags and the security headers all apply) over HTTP, against a
// seeded PostgreSQL. Every answer is checked against the OpenAPI document the app serves.

let database: TestDatabase
let prisma: PrismaClient
let vite: ViteDevServer
let server: Server
let origin = ''
let openApi: Record<string, unknown>
let ajv: Ajv2020

const platform = 'fair-kazakhstan-2022'
const pledge = 'it-jobs'
const draft = 'draft-platform-2030'
const draftPledge = 'zebra-crossings'
const draftPolitician = 'draft-only-politician'
const ids = { wrong: '', correction: '', approved: '', figure: '', pending: '', rejected: '', withdrawn: '' }
// Texts that only records nobody may see carry: finding one in an answer is a leak.
const secrets = [
	'Unreviewed claim',
	'Rejected claim',
	'Withdrawn report',
	'zebra',
	'Draft evidence',
	'Draftova',
]

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const { id: userId } = await createFactChecker(prisma, 'editor@example.org')
	const pledgeId = await pledgeIdOf(prisma, pledge)
	ids.approved = (
		await createEvidence(prisma, {
			pledgeId,
			userId,
			title: 'Ministry report on IT jobs',
			publisher: 'Ministry of Digital Development',
			publishedOn: '2024-07-02',
			reviewedAt: '2024-07-03T09:00:00Z',
		})
	).id
	ids.figure = (await recordMeasurement(prisma, { pledgeId, userId, value: 120000, asOf: '2024-06-30' })).id
	ids.pending = (
		await createEvidence(prisma, {
			pledgeId,
			userId,
			title: 'Unreviewed claim',
			publishedOn: '2024-07-03',
			reviewState: 'PENDING',
		})
	).id
	ids.rejected = (
		await createEvidence(prisma, {
			pledgeId,
			userId,
			title: 'Rejected claim',
			publishedOn: '2024-07-05',
			reviewState: 'REJECTED',
		})
	).id
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
			evidenceIds: [ids.approved],
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

	// A draft platform, of a politician with no other, with a pledge, approved evidence, a status and a
	// correction: none of it is public.
	const politician = await prisma.politician.create({
		data: { slug: draftPolitician, name: 'Dana Draftova', office: 'Candidate for mayor' },
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
	const draftRow = await prisma.pledge.create({
		data: {
			platformId: draftPlatform.id,
			categoryId: draftPlatform.categories[0]?.id ?? '',
			slug: draftPledge,
			title: 'Build zebra crossings',
			summary: 'Only staff may read this yet.',
			quote: 'We will build zebra crossings.',
			sourceUrl: 'https://example.org/platform',
			sourceDate: new Date('2030-02-01'),
			kind: 'QUALITATIVE',
			deadline: new Date('2035-04-01'),
		},
	})
	const draftEvidence = await createEvidence(prisma, {
		pledgeId: draftRow.id,
		userId,
		title: 'Draft evidence',
		publishedOn: '2030-05-01',
		reviewedAt: '2030-05-02T00:00:00Z',
	})
	const draftEntry = await recordStatus(prisma, {
		pledgeId: draftRow.id,
		userId,
		status: 'KEPT',
		effectiveDate: '2030-05-02',
		rationale: 'A draft’s status (zebra).',
		evidenceIds: [draftEvidence.id],
		recordedAt: '2030-05-03T00:00:00Z',
	})
	await recordStatus(prisma, {
		pledgeId: draftRow.id,
		userId,
		status: 'BROKEN',
		effectiveDate: '2030-05-02',
		rationale: 'A draft’s correction (zebra).',
		evidenceIds: [draftEvidence.id],
		correctsId: draftEntry.id,
		recordedAt: '2030-05-04T00:00:00Z',
	})

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

	const document = await fetch(`${origin}/api/v1/openapi.json`)
	expect(document.status).toBe(200)
	openApi = (await document.json()) as Record<string, unknown>
	ajv = new Ajv2020({ strict: false, allErrors: true })
	addFormats(ajv)
	ajv.addSchema(openApi, 'uade-openapi')
}, 180_000)

afterAll(async () => {
	await new Promise((resolve) => server?.close(resolve))
	await vite?.close()
	await prisma?.$disconnect()
	await database?.drop()
})

function isServerBuild(module: Record<string, unknown>): module is Record<string, unknown> & ServerBuild {
	return 'routes' in module && 'entry' in module && 'assets' in module
}

const pointer = (segment: string) => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))
const validators = new Map<string, ValidateFunction>()

/** The OpenAPI document's schema of an operation's answer with this status and type. */
function responseValidator(template: string, status: number, type: string): ValidateFunction {
	const key = `${template} ${status} ${type}`
	const known = validators.get(key)
	if (known) return known
	const path = ['paths', template, 'get', 'responses', String(status), 'content', type, 'schema']
	const validate = ajv.compile({ $ref: `uade-openapi#/${path.map(pointer).join('/')}` })
	validators.set(key, validate)
	return validate
}

// A JSON answer, read as a newsroom's code reads it once its schema has been checked (in `get`).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any
type Answer = { status: number; headers: Headers; body: Json; text: string }

/**
 * GET `path` (an instance of the OpenAPI path `template`), checked against the document: the answer's type
 * (JSON, or a problem), and its body against the schema of its status.
 */
async function get(template: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
	const response = await fetch(`${origin}${path}`, { headers })
	const text = await response.text()
	if (response.status === 304) return { status: 304, headers: response.headers, body: null, text }
	const isProblem = response.status >= 400
	expect(response.headers.get('Content-Type')).toBe(
		isProblem ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
	)
	expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
	const body = JSON.parse(text) as Answer['body']
	const validate = responseValidator(
		template,
		response.status,
		isProblem ? 'application/problem+json' : 'application/json',
	)
	// Not as a type guard, which would narrow `body` to unknown.
	const valid: boolean = validate(body)
	if (!valid) {
		throw new Error(
			`${path} (${response.status}) does not match its schema: ${ajv.errorsText(validate.errors)}`,
		)
	}
	// A problem's `instance` repeats the address asked for; nothing else may hold what is not public.
	const { instance: _instance, ...shown } = body
	const shownText = JSON.stringify(shown)
	for (const secret of secrets)
		expect({ path, leaked: shownText.includes(secret) }).toEqual({ path, leaked: false })
	return { status: response.status, headers: response.headers, body, text }
}

const paths = {
	politicians: '/api/v1/politicians',
	politician: '/api/v1/politicians/{politician}',
	platforms: '/api/v1/platforms',
	platform: '/api/v1/platforms/{platform}',
	pledges: '/api/v1/platforms/{platform}/pledges',
	pledge: '/api/v1/platforms/{platform}/pledges/{pledge}',
	corrections: '/api/v1/corrections',
} as const

/** Every item of a paged list, following `next` from `path` to the last page. */
async function walk(template: string, path: string) {
	const items: Array<{ id: string; slug?: string }> = []
	let next: string | null = `${origin}${path}`
	let pages = 0
	while (next) {
		const { body, status } = await get(template, next.slice(origin.length))
		expect(status).toBe(200)
		items.push(...body.data)
		next = body.next
		pages += 1
		expect(pages).toBeLessThan(100)
	}
	return { items, pages }
}

describe('the OpenAPI document', () => {
	test('is a valid OpenAPI 3.1 document, served as JSON to anyone', async () => {
		const validator = new Validator()
		const result = await validator.validate(structuredClone(openApi))
		expect(result.errors).toBeUndefined()
		expect(result.valid).toBe(true)
		expect(validator.version).toBe('3.1')
		expect(Object.keys(openApi.paths as object).sort()).toEqual(
			[...Object.values(paths), '/api/v1/openapi.json'].sort(),
		)
		const response = await fetch(`${origin}/api/v1/openapi.json`)
		expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
		expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
		expect((openApi.servers as Array<{ url: string }>)[0]?.url).toBe(origin)
		const refused = await get('/api/v1/openapi.json', '/api/v1/openapi.json?version=2')
		expect(refused.status).toBe(400)
		expect(refused.body.invalidParams).toEqual([{ name: 'version', reason: expect.any(String) }])
	})

	test('its schemas are strict enough to refuse a wrong answer', async () => {
		const { body } = await get(paths.pledge, `/api/v1/platforms/${platform}/pledges/${pledge}?lang=en`)
		const validate = responseValidator(paths.pledge, 200, 'application/json')
		expect(validate(body)).toBe(true)
		const wrong = [
			{ ...body, data: { ...body.data, status: 'DONE' } },
			{ ...body, data: { ...body.data, deadline: '1 July 2027' } },
			{ ...body, data: { ...body.data, secret: 'more' } },
			{ ...body, data: { ...body.data, title: { en: body.data.title, ru: null, kk: null } } },
			{ ...body, lang: null },
			{ ...body, data: { ...body.data, ledger: [{ ...body.data.ledger[0], evidenceIds: undefined }] } },
		]
		for (const answer of wrong) expect(validate(JSON.parse(JSON.stringify(answer)))).toBe(false)
	})
})

describe('politicians and platforms', () => {
	test('the politicians are those with a published platform, in each language', async () => {
		const all = await get(paths.politicians, '/api/v1/politicians')
		expect(all.status).toBe(200)
		expect(all.body.lang).toBeNull()
		expect(all.body.data.map((item: { slug: string }) => item.slug)).toEqual(['kassym-jomart-tokayev'])
		const [tokayev] = all.body.data
		expect(tokayev.name.en).toBe('Kassym-Jomart Tokayev')
		expect(typeof tokayev.name.ru).toBe('string')
		expect(tokayev.links.self).toBe(`${origin}/api/v1/politicians/kassym-jomart-tokayev`)

		const ru = await get(paths.politicians, '/api/v1/politicians?lang=ru')
		expect(ru.body.lang).toBe('ru')
		expect(ru.body.data[0].name).toBe(tokayev.name.ru)
		expect(ru.body.data[0].englishFallback).toEqual([])
		expect(ru.body.data[0].links.self).toBe(`${origin}/api/v1/politicians/kassym-jomart-tokayev?lang=ru`)
		expect(ru.body.data[0].links.html).toBe(`${origin}/ru/politicians/kassym-jomart-tokayev`)
	})

	test('a politician with their published platforms; a draft-only one or an unknown one is a 404', async () => {
		const { body } = await get(paths.politician, '/api/v1/politicians/kassym-jomart-tokayev?lang=kk')
		expect(body.data.platforms.map((item: { slug: string }) => item.slug)).toEqual([platform])
		for (const slug of [draftPolitician, 'nobody', 'Not%20A%20Slug', 'x'.repeat(300)]) {
			const missing = await get(paths.politician, `/api/v1/politicians/${slug}`)
			expect(missing.status).toBe(404)
			expect(missing.body.title).toBe('Not Found')
		}
	})

	test('the platforms are the published ones, each pledge counted once in its status', async () => {
		const { body } = await get(paths.platforms, '/api/v1/platforms?lang=en')
		expect(body.data.map((item: { slug: string }) => item.slug)).toEqual([platform])
		const [listed] = body.data
		const pledges = await prisma.pledge.findMany({ where: { platform: { slug: platform } } })
		expect(listed.pledgeCount).toBe(pledges.length)
		expect(listed.statusCounts.IN_PROGRESS).toBe(pledges.filter((row) => row.status === 'IN_PROGRESS').length)
		expect(Object.values(listed.statusCounts as Record<string, number>).reduce((a, b) => a + b)).toBe(
			pledges.length,
		)
		expect(listed.politician.slug).toBe('kassym-jomart-tokayev')
		expect(listed.electionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
	})

	test('a platform with its categories as a tree and its status counts; a draft is a 404', async () => {
		const { body } = await get(paths.platform, `/api/v1/platforms/${platform}`)
		const principles = body.data.categories
		expect(principles.map((item: { slug: string }) => item.slug)).toEqual([
			'fair-state',
			'fair-economy',
			'fair-society',
		])
		expect(principles[0].title.en).toBeTruthy()
		expect(principles[0].title.ru).toBeTruthy()
		const counted = principles.reduce(
			(sum: number, item: { pledgeCount: number }) => sum + item.pledgeCount,
			0,
		)
		expect(counted).toBe(body.data.pledgeCount)
		expect(body.data.source.url).toMatch(/^https?:\/\//)
		expect((await get(paths.platform, `/api/v1/platforms/${draft}`)).status).toBe(404)
		expect((await get(paths.platform, `/api/v1/platforms/${draft}?lang=ru`)).status).toBe(404)
		expect((await get(paths.pledges, `/api/v1/platforms/${draft}/pledges`)).status).toBe(404)
	})
})

describe("a platform's pledges", () => {
	test('a cursor walks every page: each pledge once, none missing, in the list page’s order', async () => {
		const expected = await prisma.pledge.findMany({
			where: { platform: { slug: platform } },
			select: { slug: true },
		})
		for (const query of ['limit=7', 'limit=5&sort=title&lang=kk', 'limit=4&sort=deadline']) {
			const { items, pages } = await walk(paths.pledges, `/api/v1/platforms/${platform}/pledges?${query}`)
			const slugs = items.map((item) => item.slug)
			expect(new Set(slugs).size).toBe(slugs.length)
			expect([...slugs].sort()).toEqual(expected.map((row) => row.slug).sort())
			expect(pages).toBe(Math.ceil(expected.length / Number(/limit=(\d+)/.exec(query)?.[1])))
		}
		const first = await get(paths.pledges, `/api/v1/platforms/${platform}/pledges?sort=deadline&limit=100`)
		const deadlines = first.body.data.map((item: { deadline: string }) => item.deadline)
		expect(deadlines).toEqual([...deadlines].sort())
		expect(first.body.total).toBe(expected.length)
		expect(first.body.next).toBeNull()
		expect(first.body.nextCursor).toBeNull()
	})

	test('filters as the list page does: status, kind, principle, search', async () => {
		const inProgress = await get(
			paths.pledges,
			`/api/v1/platforms/${platform}/pledges?status=in-progress&lang=ru`,
		)
		const slugs = inProgress.body.data.map((item: { slug: string }) => item.slug)
		expect(slugs).toContain(pledge)
		expect(inProgress.body.data.every((item: { status: string }) => item.status === 'IN_PROGRESS')).toBe(true)
		const itJobs = inProgress.body.data.find((item: { slug: string }) => item.slug === pledge)
		expect(itJobs.title).toBe('Не менее 150 000 рабочих мест в IT-компаниях')
		expect(itJobs.englishFallback).toEqual([])
		expect(itJobs.principle.slug).toBe('fair-economy')
		expect(itJobs.links.html).toBe(`${origin}/ru/platforms/${platform}/pledges/${pledge}`)
		expect(itJobs.activityAt).toMatch(/Z$/)

		const quantitative = await get(paths.pledges, `/api/v1/platforms/${platform}/pledges?kind=QUANTITATIVE`)
		expect(quantitative.body.data.every((item: { kind: string }) => item.kind === 'QUANTITATIVE')).toBe(true)
		expect(quantitative.body.total).toBeGreaterThan(0)
		const society = await get(paths.pledges, `/api/v1/platforms/${platform}/pledges?principle=fair-society`)
		expect(
			society.body.data.every(
				(item: { principle: { slug: string } }) => item.principle.slug === 'fair-society',
			),
		).toBe(true)
		const search = await get(paths.pledges, `/api/v1/platforms/${platform}/pledges?q=jobs`)
		expect(search.body.data[0].slug).toBe(pledge)
		for (const q of ['%00', 'a%00b', '%25', '%27%3B%20DROP%20TABLE', '%E0%A4%A', '*', '!!!']) {
			const odd = await get(paths.pledges, `/api/v1/platforms/${platform}/pledges?q=${q}`)
			expect({ q, status: odd.status }).toEqual({ q, status: 200 })
		}
		const nothing = await get(
			paths.pledges,
			`/api/v1/platforms/${platform}/pledges?category=no-such-category`,
		)
		expect(nothing.body).toMatchObject({ total: 0, data: [], next: null })
	})

	test('every bad parameter is a 400 problem naming it, never a 500', async () => {
		const base = `/api/v1/platforms/${platform}/pledges`
		const page = await get(paths.pledges, `${base}?limit=3&status=KEPT`)
		const cursor = page.body.nextCursor as string | null
		const other = await get(paths.pledges, `${base}?limit=3`)
		const forged = Buffer.from(JSON.stringify({ o: 1, q: 'x' })).toString('base64url')
		const cases: Array<[string, string]> = [
			['lang=de', 'lang'],
			['lang=', 'lang'],
			['limit=0', 'limit'],
			['limit=101', 'limit'],
			['limit=ten', 'limit'],
			['limit=-1', 'limit'],
			['status=DONE', 'status'],
			['kind=POEM', 'kind'],
			['sort=random', 'sort'],
			[`q=${'a'.repeat(201)}`, 'q'],
			['principle=Not%20a%20slug', 'principle'],
			['category=%00', 'category'],
			['cursor=%25%25', 'cursor'],
			['cursor=bm90IGpzb24', 'cursor'],
			[`cursor=${forged}`, 'cursor'],
			[`limit=3&cursor=${other.body.nextCursor}&status=KEPT`, 'cursor'],
			['page=2', 'page'],
			['lang=%E0%A4%A', 'lang'],
			['limit=1e1', 'limit'],
			['status=%00', 'status'],
			['status=KEPT&status=BROKEN', 'status'],
		]
		expect(cursor === null || typeof cursor === 'string').toBe(true)
		for (const [query, name] of cases) {
			const answer = await get(paths.pledges, `${base}?${query}`)
			expect({ query, status: answer.status }).toEqual({ query, status: 400 })
			expect(answer.body.invalidParams.map((param: { name: string }) => param.name)).toContain(name)
			const instance = new URL(answer.body.instance, origin)
			expect(instance.pathname).toBe(base)
			expect(instance.searchParams.toString()).toBe(new URLSearchParams(query).toString())
			expect(answer.headers.get('Cache-Control')).toBe('no-store')
		}
		for (const [template, path] of [
			[paths.politicians, '/api/v1/politicians?lang=fr'],
			[paths.platform, `/api/v1/platforms/${platform}?limit=3`],
			[paths.pledge, `/api/v1/platforms/${platform}/pledges/${pledge}?lang=EN`],
			[paths.corrections, '/api/v1/corrections?limit=1000'],
			[paths.corrections, `/api/v1/corrections?cursor=${other.body.nextCursor}`],
		] as const) {
			expect({ path, status: (await get(template, path)).status }).toEqual({ path, status: 400 })
		}
	})
})

describe('a pledge', () => {
	const pledgePath = `/api/v1/platforms/${platform}/pledges/${pledge}`

	test('its ledger holds the corrected entry and its correction, linked both ways, with reasons', async () => {
		const { body } = await get(paths.pledge, `${pledgePath}?lang=en`)
		expect(body.data.status).toBe('IN_PROGRESS')
		expect(body.data.statusSince).toBe('2024-07-01')
		const [correction, wrong] = body.data.ledger
		expect(correction).toMatchObject({
			id: ids.correction,
			status: 'IN_PROGRESS',
			fromStatus: 'KEPT',
			effectiveDate: '2024-07-01',
			recordedAt: '2024-07-09T10:00:00.000Z',
			rationale: 'Progress, not the target.',
			correctionReason: 'The entry took 120,000 jobs for the target of 150,000.',
			corrects: { id: ids.wrong, status: 'KEPT', effectiveDate: '2024-07-01' },
			correctedBy: null,
			evidenceIds: [ids.approved],
		})
		expect(wrong).toMatchObject({
			id: ids.wrong,
			correctedBy: ids.correction,
			corrects: null,
			correctionReason: null,
		})
	})

	test('its texts in Russian where translated, in English where not (saying so), or in all three', async () => {
		const ru = await get(paths.pledge, `${pledgePath}?lang=ru`)
		expect(ru.body.data.ledger[0].rationale).toBe('Прогресс, а не цель.')
		expect(ru.body.data.ledger[0].correctionReason).toBe('Запись приняла 120 000 за цель.')
		expect(ru.body.data.ledger[0].englishFallback).toEqual([])
		expect(ru.body.data.ledger[1].rationale).toBe('Recorded as kept too early.')
		expect(ru.body.data.ledger[1].englishFallback).toEqual(['rationale'])
		const kk = await get(paths.pledge, `${pledgePath}?lang=kk`)
		expect(kk.body.data.ledger[0].englishFallback).toEqual(['rationale', 'correctionReason'])
		expect(kk.body.data.links.html).toBe(`${origin}/kk/platforms/${platform}/pledges/${pledge}`)

		const all = await get(paths.pledge, pledgePath)
		expect(all.body.lang).toBeNull()
		expect(all.body.data.title).toEqual({
			en: 'At least 150,000 jobs in IT companies',
			ru: 'Не менее 150 000 рабочих мест в IT-компаниях',
			kk: expect.any(String),
		})
		expect(all.body.data.ledger[0].rationale).toEqual({
			en: 'Progress, not the target.',
			ru: 'Прогресс, а не цель.',
			kk: null,
		})
		expect(all.body.data.ledger[0]).not.toHaveProperty('englishFallback')
		expect(all.body.data.ledger[0].correctionReason).toEqual({
			en: 'The entry took 120,000 jobs for the target of 150,000.',
			ru: 'Запись приняла 120 000 за цель.',
			kk: null,
		})
		// An optional text that no language has: null, not three nulls.
		expect(all.body.data.ledger[1].correctionReason).toBeNull()
	})

	test('only approved evidence, all of it; the indicator with its figure and the evidence it comes from', async () => {
		const { body, text } = await get(paths.pledge, `${pledgePath}?lang=en`)
		const evidenceIds = body.data.evidence.map((item: { id: string }) => item.id)
		expect([...evidenceIds].sort()).toEqual([ids.approved, ids.figure].sort())
		expect(body.data.evidenceCount).toBe(2)
		for (const hidden of [ids.pending, ids.rejected, ids.withdrawn]) expect(text).not.toContain(hidden)
		const report = body.data.evidence.find((item: { id: string }) => item.id === ids.approved)
		expect(report).toMatchObject({
			title: 'Ministry report on IT jobs',
			publisher: 'Ministry of Digital Development',
			publishedOn: '2024-07-02',
			publishedPrecision: 'DAY',
			approvedAt: '2024-07-03T09:00:00.000Z',
		})
		expect(body.data.indicator.target.value).toBe(150000)
		expect(body.data.indicator.measurements).toEqual([
			{ id: expect.any(String), value: 120000, asOf: '2024-06-30', evidenceId: ids.figure },
		])
	})

	test('a draft’s pledge, an unknown one, or one under another platform’s address is a 404', async () => {
		for (const path of [
			`/api/v1/platforms/${draft}/pledges/${draftPledge}`,
			`/api/v1/platforms/${draft}/pledges/${pledge}`,
			`/api/v1/platforms/${platform}/pledges/${draftPledge}`,
			`/api/v1/platforms/${platform}/pledges/no-such-pledge`,
			`/api/v1/platforms/${platform}/pledges/%27%3B%20DROP%20TABLE`,
			`/api/v1/platforms/no-such/pledges/${pledge}`,
			`/api/v1/platforms/%E0%A4%80/pledges/${pledge}`,
			`/api/v1/platforms/${platform}/pledges/${'x'.repeat(3000)}`,
		]) {
			const answer = await get(paths.pledge, path)
			expect({ path, status: answer.status }).toEqual({ path, status: 404 })
		}
		// An address that is not percent-encoding, or holds a control character, is refused by the server
		// before any route (app/server/limits.server.ts), as for pages: a 400 too.
		for (const path of [
			`/api/v1/platforms/${platform}/pledges/%`,
			`/api/v1/platforms/${platform}/pledges/a%00b`,
			`/api/v1/platforms/%E0%A4%A/pledges`,
		]) {
			expect({ path, status: (await fetch(`${origin}${path}`)).status }).toEqual({ path, status: 400 })
		}
		const withText = await fetch(`${origin}/api/v1/platforms/${platform}/pledges/${pledge}`)
		const text = await withText.text()
		for (const hidden of [ids.pending, ids.rejected, ids.withdrawn]) expect(text).not.toContain(hidden)
	})
})

describe('the corrections', () => {
	test('published ledgers’ corrections only, newest first, walked a page at a time', async () => {
		const { body } = await get(paths.corrections, '/api/v1/corrections?lang=ru')
		expect(body.total).toBe(body.data.length)
		const ours = body.data.find((item: { id: string }) => item.id === ids.correction)
		expect(ours).toMatchObject({
			rationale: 'Прогресс, а не цель.',
			correctionReason: 'Запись приняла 120 000 за цель.',
			corrects: {
				id: ids.wrong,
				status: 'KEPT',
				rationale: 'Recorded as kept too early.',
				englishFallback: ['rationale'],
			},
			pledge: { slug: pledge, platformSlug: platform, title: 'Не менее 150 000 рабочих мест в IT-компаниях' },
		})
		expect(ours.pledge.links.html).toBe(
			`${origin}/ru/platforms/${platform}/pledges/${pledge}#entry-${ids.correction}`,
		)
		const recorded = body.data.map((item: { recordedAt: string }) => item.recordedAt)
		expect(recorded).toEqual([...recorded].sort().reverse())

		const { items } = await walk(paths.corrections, '/api/v1/corrections?limit=1')
		expect(items.map((item) => item.id)).toEqual(body.data.map((item: { id: string }) => item.id))
	})
})

describe('HTTP', () => {
	test('public and cached like a page: an ETag, then a 304 for a client sending it, until the data change', async () => {
		const path = `/api/v1/platforms/${platform}/pledges/${pledge}?lang=kk`
		const first = await get(paths.pledge, path)
		expect(first.status).toBe(200)
		expect(first.headers.get('Cache-Control')).toBe(publicCacheControl)
		expect(first.headers.get('Vary')).toMatch(/Cookie/)
		const etag = first.headers.get('ETag') ?? ''
		expect(etag).toMatch(/^W\/".+"$/)
		const again = await get(paths.pledge, path, { 'If-None-Match': etag })
		expect(again.status).toBe(304)
		expect(again.text).toBe('')
		// A script sending If-None-Match itself reads the 304 across origins too.
		expect(again.headers.get('Access-Control-Allow-Origin')).toBe('*')
		expect(again.headers.get('Access-Control-Expose-Headers')).toBe('ETag')

		// A change to anything public moves the ETag: the old copy is no longer current.
		await prisma.pledge.update({
			where: { id: await pledgeIdOf(prisma, 'food-security') },
			data: { summary: 'Changed.' },
		})
		const changed = await get(paths.pledge, path, { 'If-None-Match': etag })
		expect(changed.status).toBe(200)
		expect(changed.headers.get('ETag')).not.toBe(etag)
	})

	test('CORS: a preflight is answered for GET', async () => {
		const response = await fetch(`${origin}/api/v1/platforms`, {
			method: 'OPTIONS',
			headers: {
				Origin: 'https://newsroom.example',
				'Access-Control-Request-Method': 'GET',
				'Access-Control-Request-Headers': 'if-none-match',
			},
		})
		expect(response.status).toBe(204)
		expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
		expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, OPTIONS')
		expect(response.headers.get('Access-Control-Allow-Headers')).toMatch(/If-None-Match/i)
	})

	test('an unknown address under /api is a 404 problem', async () => {
		for (const path of [
			'/api',
			'/api/v1',
			'/api/v1/pledges',
			'/api/v2/platforms',
			`/api/v1/platforms/${platform}/more/x`,
		]) {
			const response = await fetch(`${origin}${path}`)
			expect({ path, status: response.status }).toEqual({ path, status: 404 })
			expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8')
			const body = await response.json()
			expect(body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 })
		}
	})
})

describe('a newsroom fetches', () => {
	test('from the platform list to a pledge’s status and sources, following the links it is given', async () => {
		const platforms = await get(paths.platforms, '/api/v1/platforms?lang=ru')
		const pledgesUrl: string = platforms.body.data[0].links.pledges
		const list = await get(paths.pledges, `${pledgesUrl.slice(origin.length)}&status=IN_PROGRESS`)
		const item = list.body.data.find((entry: { slug: string }) => entry.slug === pledge)
		const detail = await get(paths.pledge, item.links.self.slice(origin.length))
		expect(detail.body.data.status).toBe('IN_PROGRESS')
		expect(detail.body.data.politician.name).toBe(platforms.body.data[0].politician.name)
		expect(detail.body.data.evidence.length).toBe(2)
	})
})
