import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { pledgeIdOf } from '~/test/ledger-fixtures'
import * as minePage from './mine'
import * as newEvidencePage from './new'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let checkerCookie: string
let checkerId: string
let otherCookie: string
let itJobs: string
let qualitative: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const checker = await createTestAccount({ role: 'FACT_CHECKER', displayName: 'Farida' })
	checkerId = checker.id
	checkerCookie = await sessionCookieFor(checker.id)
	const other = await createTestAccount({ role: 'FACT_CHECKER', displayName: 'Other' })
	otherCookie = await sessionCookieFor(other.id)
	itJobs = await pledgeIdOf(prisma, 'it-jobs')
	qualitative = await pledgeIdOf(prisma, 'independent-courts')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

let sequence = 0

function validFields(fields: Record<string, string> = {}): Record<string, string> {
	sequence += 1
	return {
		type: 'OFFICIAL_STATISTIC',
		sourceUrl: `https://stat.gov.kz/en/news/route-${sequence}`,
		title: `Employment in IT, release ${sequence}`,
		publisher: 'Bureau of National Statistics',
		publishedOn: '2026-10-15',
		excerpt: 'The number of people employed in IT companies reached 118 400.',
		archiveUrl: '',
		measuredValue: '',
		measuredAsOf: '',
		suggestedStatus: '',
		suggestionReason: '',
		...fields,
	}
}

function submit(pledgeId: string, fields: Record<string, string>, cookie = checkerCookie) {
	const url = `http://localhost/evidence/new?${new URLSearchParams({ pledge: pledgeId })}`
	return outcomeOf(() =>
		newEvidencePage.action({
			request: new Request(url, {
				method: 'POST',
				headers: { Cookie: cookie },
				body: new URLSearchParams(fields),
			}),
			params: {},
			context: testContext,
		}),
	)
}

function loadForm(pledgeId: string) {
	const url = `http://localhost/evidence/new?${new URLSearchParams({ pledge: pledgeId })}`
	return outcomeOf(() =>
		newEvidencePage.loader({
			request: new Request(url, { headers: { Cookie: checkerCookie } }),
			params: {},
			context: testContext,
		}),
	)
}

function loadMine(search = '', cookie = checkerCookie) {
	return outcomeOf(() =>
		minePage.loader({
			request: new Request(`http://localhost/evidence/mine${search}`, { headers: { Cookie: cookie } }),
			params: {},
			context: testContext,
		}),
	)
}

function field(body: unknown, ...path: string[]): unknown {
	let value = body
	for (const name of path) {
		value =
			typeof value === 'object' && value !== null && name in value ? Reflect.get(value, name) : undefined
	}
	return value
}

async function counts() {
	return { evidence: await prisma.evidence.count(), audit: await prisma.auditEntry.count() }
}

describe('the add-evidence form (/evidence/new?pledge=…)', () => {
	test('offers the measured value in the indicator’s unit for a quantitative pledge, not for another', async () => {
		const quantitative = await loadForm(itJobs)
		expect(quantitative.status).toBe(200)
		expect(field(quantitative.body, 'pledge', 'indicator', 'unit')).toEqual(expect.any(String))
		const other = await loadForm(qualitative)
		expect(other.status).toBe(200)
		expect(field(other.body, 'pledge', 'indicator')).toBeNull()
	})

	test('an unknown or missing pledge is 404, for the form and for sending it', async () => {
		expect((await loadForm('no-such-pledge')).status).toBe(404)
		expect((await loadForm('')).status).toBe(404)
		const before = await counts()
		expect((await submit('no-such-pledge', validFields())).status).toBe(404)
		expect(await counts()).toEqual(before)
	})

	test('records the evidence with its figure as pending, audited with the client’s IP, then shows it in “My submissions”', async () => {
		const fields = validFields({ measuredValue: '118 400', measuredAsOf: '2026-09-30' })
		const outcome = await submit(itJobs, fields)
		expect(outcome.status).toBe(302)
		const location = new URL(outcome.location ?? '', 'http://localhost')
		expect(location.pathname).toBe('/evidence/mine')
		const evidenceId = location.searchParams.get('submitted') ?? ''
		const row = await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } })
		expect(row).toMatchObject({ pledgeId: itJobs, reviewState: 'PENDING', submittedById: checkerId })
		expect(row.measuredValue?.toString()).toBe('118400')
		const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: evidenceId } })
		expect(audit).toMatchObject({
			action: 'evidence.submit',
			actorId: checkerId,
			ipAddress: testContext.clientIp,
		})

		const mine = await loadMine(location.search)
		expect(mine.status).toBe(200)
		expect(field(mine.body, 'justSubmitted', 'id')).toBe(evidenceId)
		expect(field(mine.body, 'justSubmitted', 'reviewState')).toBe('PENDING')
	})

	test('a double submit records one thing', async () => {
		const fields = validFields()
		const before = await counts()
		const [first, second] = await Promise.all([submit(itJobs, fields), submit(itJobs, fields)])
		expect(first.status).toBe(302)
		expect(second.status).toBe(302)
		expect(second.location).toBe(first.location)
		expect(await counts()).toEqual({ evidence: before.evidence + 1, audit: before.audit + 1 })
	})

	const invalid: Array<[string, Record<string, string>, string]> = [
		['no type', { type: '' }, 'type'],
		['an unknown type', { type: 'RUMOUR' }, 'type'],
		['no source address', { sourceUrl: '' }, 'sourceUrl'],
		['a javascript: address', { sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
		['an ftp address', { sourceUrl: 'ftp://example.org/file' }, 'sourceUrl'],
		['no title', { title: '   ' }, 'title'],
		['a title too long', { title: 'x'.repeat(301) }, 'title'],
		['no publisher', { publisher: '' }, 'publisher'],
		['no publication date', { publishedOn: '' }, 'publishedOn'],
		['a publication date in the future', { publishedOn: '2999-01-01' }, 'publishedOn'],
		['an impossible date', { publishedOn: '2026-02-30' }, 'publishedOn'],
		['no excerpt', { excerpt: '' }, 'excerpt'],
		['an archive address that is not http(s)', { archiveUrl: 'file:///etc/passwd' }, 'archiveUrl'],
		['a figure with commas', { measuredValue: '150,000', measuredAsOf: '2026-09-30' }, 'measuredValue'],
		['a figure without its date', { measuredValue: '150000' }, 'measuredAsOf'],
		['a date without its figure', { measuredAsOf: '2026-09-30' }, 'measuredValue'],
		['a figure dated after publication', { measuredValue: '1', measuredAsOf: '2026-10-16' }, 'measuredAsOf'],
		['a suggested status without reason', { suggestedStatus: 'KEPT' }, 'suggestionReason'],
		['an unknown suggested status', { suggestedStatus: 'DONE', suggestionReason: 'x' }, 'suggestedStatus'],
		['a NUL character', { title: 'a\u0000b' }, 'title'],
	]

	test.each(invalid)(
		'%s: 400, the values kept, the message at %s, nothing recorded',
		async (_, change, at) => {
			const fields = validFields(change)
			const before = await counts()
			const outcome = await submit(itJobs, fields)
			expect(outcome.status).toBe(400)
			expect(field(outcome.body, 'result', 'error', at)).toEqual([expect.any(String)])
			// What was sent comes back to be shown again (a blank field as nothing).
			const kept = (name: string) => field(outcome.body, 'result', 'initialValue', name) ?? ''
			expect(kept('title')).toBe(fields.title)
			expect(kept('sourceUrl')).toBe(fields.sourceUrl)
			expect(await counts()).toEqual(before)
		},
	)

	test('a figure for a pledge without a numeric target: 400 with the message, nothing recorded', async () => {
		const before = await counts()
		const outcome = await submit(qualitative, validFields({ measuredValue: '5', measuredAsOf: '2026-09-30' }))
		expect(outcome.status).toBe(400)
		expect(field(outcome.body, 'result', 'error', 'measuredValue')).toEqual([
			expect.stringMatching(/numeric target/),
		])
		expect(await counts()).toEqual(before)
	})

	test('past the submission limit: 429 with Retry-After, the form kept with the reason, nothing recorded', async () => {
		const busy = await createTestAccount({ role: 'FACT_CHECKER', email: 'busy.checker@example.org' })
		const cookie = await sessionCookieFor(busy.id)
		// Thirty submissions in the last ten minutes, the oldest two minutes ago.
		const base = validFields()
		await prisma.evidence.createMany({
			data: Array.from({ length: 30 }, (_, index) => ({
				pledgeId: qualitative,
				type: 'OFFICIAL_STATISTIC' as const,
				sourceUrl: `https://stat.gov.kz/en/news/busy-${index}`,
				title: `Busy ${index}`,
				publisher: base.publisher ?? '',
				publishedOn: new Date('2026-10-15'),
				excerpt: `Busy ${index}`,
				submittedById: busy.id,
				createdAt: new Date(Date.now() - 120_000 + index),
			})),
		})
		const before = await counts()
		const fields = validFields({ title: 'One too many' })
		const outcome = await submit(qualitative, fields, cookie)
		expect(outcome.status).toBe(429)
		expect(field(outcome.body, 'result', 'initialValue', 'title')).toBe('One too many')
		expect(String(field(outcome.body, 'result', 'error', ''))).toMatch(
			/^Nothing was recorded: an account may submit 30 pieces of evidence in 10 minutes\. Send this form again in [1-8] minutes?; it is kept below\.$/,
		)
		expect(await counts()).toEqual(before)
		const answer = await newEvidencePage.action({
			request: new Request(`http://localhost/evidence/new?${new URLSearchParams({ pledge: qualitative })}`, {
				method: 'POST',
				headers: { Cookie: cookie },
				body: new URLSearchParams(validFields()),
			}),
			params: {},
			context: testContext,
		})
		const retryAfter = Number(
			new Headers(Reflect.get(Object(Reflect.get(Object(answer), 'init')), 'headers')).get('Retry-After'),
		)
		// The oldest leaves the window 480 s after it was written, less the time this test took.
		expect(retryAfter).toBeGreaterThan(0)
		expect(retryAfter).toBeLessThanOrEqual(480)
	})

	test('random field values give 302 or 400, never an error, and nothing is recorded on 400', async () => {
		const text = fc.oneof(
			fc.string({ maxLength: 40 }),
			fc.constantFrom(
				'',
				' ',
				'\u0000',
				'https://example.org/x',
				'2026-01-01',
				'1e9',
				'-0',
				'KEPT',
				'BUDGET',
			),
		)
		const fieldNames = Object.keys(validFields())
		await fc.assert(
			fc.asyncProperty(fc.dictionary(fc.constantFrom(...fieldNames), text), async (random) => {
				const before = await counts()
				const outcome = await submit(itJobs, validFields(random))
				expect([302, 400]).toContain(outcome.status)
				if (outcome.status === 400) expect(await counts()).toEqual(before)
			}),
			{ numRuns: 60 },
		)
	})
})

describe('my submissions (/evidence/mine)', () => {
	test('shows only the user’s own evidence, with the review state and the reviewer’s note', async () => {
		const outcome = await submit(itJobs, validFields({ title: 'To be rejected' }))
		const evidenceId = new URL(outcome.location ?? '', 'http://localhost').searchParams.get('submitted') ?? ''
		const admin = await createTestAccount({ role: 'ADMIN' })
		await prisma.evidence.update({
			where: { id: evidenceId },
			data: { reviewState: 'REJECTED', reviewNote: 'The source is a press release.', reviewedById: admin.id },
		})
		const mine = await loadMine()
		const items = field(mine.body, 'submissions', 'items')
		expect(items).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					id: evidenceId,
					reviewState: 'REJECTED',
					reviewNote: 'The source is a press release.',
				}),
			]),
		)
		const others = await loadMine('', otherCookie)
		expect(field(others.body, 'submissions', 'total')).toBe(0)
	})

	test('pages: a page past the last is 404, a page that is not a number 400', async () => {
		expect((await loadMine('?page=1')).status).toBe(200)
		expect((await loadMine('?page=999')).status).toBe(404)
		expect((await loadMine('?page=abc')).status).toBe(400)
	})
})
