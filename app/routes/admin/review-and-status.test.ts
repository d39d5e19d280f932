import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { replyOf } from '~/test/reply'
import { createEvidence, pledgeIdOf } from '~/test/ledger-fixtures'
import * as statusPage from './pledges.$pledgeId.status'
import * as reviewQueuePage from './review'
import * as reviewPage from './review.$evidenceId'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let adminCookie: string
let otherAdminCookie: string
let adminId: string
let checkerId: string
let itJobs: string
let courts: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const admin = await createTestAccount({ role: 'ADMIN', displayName: 'Ada Admin' })
	adminId = admin.id
	adminCookie = await sessionCookieFor(admin.id)
	const otherAdmin = await createTestAccount({ role: 'ADMIN', displayName: 'Olga Admin' })
	otherAdminCookie = await sessionCookieFor(otherAdmin.id)
	checkerId = (await createTestAccount({ role: 'FACT_CHECKER' })).id
	itJobs = await pledgeIdOf(prisma, 'it-jobs')
	courts = await pledgeIdOf(prisma, 'independent-courts')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

function field(body: unknown, ...path: string[]): unknown {
	let value = body
	for (const name of path) {
		value =
			typeof value === 'object' && value !== null && name in value ? Reflect.get(value, name) : undefined
	}
	return value
}

function request(path: string, fields?: URLSearchParams | Record<string, string>, cookie = adminCookie) {
	return new Request(`http://localhost${path}`, {
		method: fields ? 'POST' : 'GET',
		headers: { Cookie: cookie },
		body: fields ? (fields instanceof URLSearchParams ? fields : new URLSearchParams(fields)) : undefined,
	})
}

let sequence = 0

async function pendingEvidence(
	pledgeId: string,
	extra: { measuredValue?: number; measuredAsOf?: string } = {},
) {
	sequence += 1
	return createEvidence(prisma, {
		pledgeId,
		userId: checkerId,
		title: `Pending evidence ${sequence}`,
		publishedOn: '2026-10-01',
		reviewState: 'PENDING',
		...extra,
	})
}

async function approvedEvidence(pledgeId: string) {
	sequence += 1
	return createEvidence(prisma, {
		pledgeId,
		userId: checkerId,
		title: `Approved evidence ${sequence}`,
		publishedOn: '2026-10-01',
	})
}

async function writeCounts() {
	return {
		evidenceReviewed: await prisma.evidence.count({ where: { reviewState: { not: 'PENDING' } } }),
		measurements: await prisma.measurement.count(),
		ledger: await prisma.statusUpdate.count(),
		audit: await prisma.auditEntry.count(),
	}
}

/**
 * An admin's decision, carrying the version the review page shows now (as if loaded just before), unless
 * the fields name one.
 */
async function review(evidenceId: string, fields: Record<string, string>, cookie = adminCookie) {
	const current = await prisma.evidence.findUnique({ where: { id: evidenceId }, select: { version: true } })
	const sent = { version: String(current?.version ?? 1), ...fields }
	return outcomeOf(() =>
		reviewPage.action({
			request: request(`/admin/review/${evidenceId}`, sent, cookie),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

describe('the review queue (/admin/review)', () => {
	test('lists pending evidence oldest first, with its pledge, the current status and latest approved evidence', async () => {
		const older = await pendingEvidence(itJobs)
		await prisma.evidence.update({ where: { id: older.id }, data: { createdAt: new Date('2020-01-01') } })
		const approved = await approvedEvidence(itJobs)
		const outcome = await outcomeOf(() =>
			reviewQueuePage.loader({ request: request('/admin/review'), params: {}, context: testContext }),
		)
		expect(outcome.status).toBe(200)
		const items = field(outcome.body, 'queue', 'items')
		if (!Array.isArray(items)) throw new Error('no items')
		expect(items[0]).toMatchObject({
			id: older.id,
			pledge: { id: itJobs, status: expect.any(String) },
		})
		expect(field(items[0], 'pledge', 'latestApprovedEvidence')).toEqual(
			expect.arrayContaining([expect.objectContaining({ id: approved.id })]),
		)
	})

	test('says what the last decision did, and ignores a made-up one (__proto__ among them) instead of crashing', async () => {
		const lastDecision = async (reviewed: string) =>
			field(
				(
					await outcomeOf(() =>
						reviewQueuePage.loader({
							request: request(`/admin/review?reviewed=${encodeURIComponent(reviewed)}`),
							params: {},
							context: testContext,
						}),
					)
				).body,
				'lastDecision',
			)
		expect(await lastDecision('rejected')).toBe('rejected')
		for (const madeUp of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'published']) {
			expect(await lastDecision(madeUp)).toBeNull()
		}
	})

	test('a page past the last is 404', async () => {
		const outcome = await outcomeOf(() =>
			reviewQueuePage.loader({
				request: request('/admin/review?page=500'),
				params: {},
				context: testContext,
			}),
		)
		expect(outcome.status).toBe(404)
	})
})

describe('reviewing evidence (/admin/review/:evidenceId)', () => {
	test('the page of an unknown evidence id is 404, and so is deciding on it', async () => {
		const loaded = await outcomeOf(() =>
			reviewPage.loader({
				request: request('/admin/review/unknown'),
				params: { evidenceId: 'unknown' },
				context: testContext,
			}),
		)
		expect(loaded.status).toBe(404)
		expect((await review('unknown', { decision: 'approve' })).status).toBe(404)
		expect((await review('unknown', { decision: '' })).status).toBe(404)
	})

	test('approving evidence with a figure records the measurement, audited with the client’s IP', async () => {
		const evidence = await pendingEvidence(itJobs, { measuredValue: 120000, measuredAsOf: '2026-09-30' })
		const loaded = await outcomeOf(() =>
			reviewPage.loader({
				request: request(`/admin/review/${evidence.id}`),
				params: { evidenceId: evidence.id },
				context: testContext,
			}),
		)
		expect(loaded.status).toBe(200)
		expect(field(loaded.body, 'evidence')).toMatchObject({
			id: evidence.id,
			reviewState: 'PENDING',
			measuredValue: '120000',
			pledge: { id: itJobs, indicator: { unit: expect.any(String) } },
		})
		const outcome = await review(evidence.id, { decision: 'approve', note: '' })
		// Approved: straight on to the status form of its pledge, resting on this evidence.
		expect(outcome).toMatchObject({
			status: 302,
			location: `/admin/pledges/${itJobs}/status?evidence=${evidence.id}`,
		})
		const row = await prisma.evidence.findUniqueOrThrow({
			where: { id: evidence.id },
			include: { measurement: true },
		})
		expect(row).toMatchObject({ reviewState: 'APPROVED', reviewedById: adminId })
		expect(row.measurement?.value.toString()).toBe('120000')
		const audit = await prisma.auditEntry.findMany({
			where: { actorId: adminId, action: 'evidence.approve' },
		})
		expect(audit.find((entry) => entry.entityId === evidence.id)).toMatchObject({
			ipAddress: testContext.clientIp,
		})
	})

	test('rejecting needs a reason: 400 at the note, nothing changed; with one, rejected with the note', async () => {
		const evidence = await pendingEvidence(courts)
		const before = await writeCounts()
		const refused = await review(evidence.id, { decision: 'reject', note: '  ' })
		expect(refused.status).toBe(400)
		expect(field(refused.body, 'result', 'error', 'note')).toEqual([expect.any(String)])
		expect(field(refused.body, 'result', 'initialValue', 'decision')).toBe('reject')
		expect(await writeCounts()).toEqual(before)

		const noDecision = await review(evidence.id, { note: 'x' })
		expect(noDecision.status).toBe(400)
		expect(field(noDecision.body, 'result', 'error', 'decision')).toEqual([expect.any(String)])
		expect(await writeCounts()).toEqual(before)

		const rejected = await review(evidence.id, { decision: 'reject', note: 'Not an official source.' })
		expect(rejected).toMatchObject({ status: 302, location: '/admin/review?reviewed=rejected' })
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
			reviewState: 'REJECTED',
			reviewNote: 'Not an official source.',
		})
	})

	test('two admins deciding at once: one approval, and a 409 “already reviewed” showing the decision made', async () => {
		const evidence = await pendingEvidence(itJobs, { measuredValue: 121000, measuredAsOf: '2026-09-30' })
		const before = await writeCounts()
		const outcomes = await Promise.all([
			review(evidence.id, { decision: 'approve' }),
			review(evidence.id, { decision: 'reject', note: 'Duplicate.' }, otherAdminCookie),
		])
		const statuses = outcomes.map((outcome) => outcome.status).sort()
		expect(statuses).toEqual([302, 409])
		const loser = outcomes.find((outcome) => outcome.status === 409)
		expect(field(loser?.body, 'alreadyReviewed', 'reviewState')).not.toBe('PENDING')
		const after = await writeCounts()
		expect(after.evidenceReviewed).toBe(before.evidenceReviewed + 1)
		expect(await prisma.measurement.count({ where: { evidenceId: evidence.id } })).toBeLessThanOrEqual(1)
	})

	test('random field values give 302, 400 or 409, never an error; nothing changes on 400', async () => {
		const evidence = await pendingEvidence(courts)
		const text = fc.oneof(
			fc.string({ maxLength: 30 }),
			fc.constantFrom('', 'approve', 'request-changes', 'reject', '\u0000', ' '),
		)
		await fc.assert(
			fc.asyncProperty(fc.dictionary(fc.constantFrom('decision', 'note', 'other'), text), async (random) => {
				const before = await writeCounts()
				const outcome = await review(evidence.id, random)
				expect([302, 400, 409]).toContain(outcome.status)
				if (outcome.status === 400) expect(await writeCounts()).toEqual(before)
			}),
			{ numRuns: 60 },
		)
	})
})

function statusAction(
	pledgeId: string,
	fields: URLSearchParams | Record<string, string>,
	cookie = adminCookie,
) {
	return outcomeOf(() =>
		statusPage.action({
			request: request(`/admin/pledges/${pledgeId}/status`, fields, cookie),
			params: { pledgeId },
			context: testContext,
		}),
	)
}

function loadStatusPage(pledgeId: string) {
	return outcomeOf(() =>
		statusPage.loader({
			request: request(`/admin/pledges/${pledgeId}/status`),
			params: { pledgeId },
			context: testContext,
		}),
	)
}

async function ledgerHeadOf(pledgeId: string): Promise<string> {
	const loaded = await loadStatusPage(pledgeId)
	return String(field(loaded.body, 'page', 'ledgerHeadId'))
}

describe('recording a status (/admin/pledges/:pledgeId/status)', () => {
	test('an unknown pledge is 404, for the page and the form', async () => {
		expect((await loadStatusPage('unknown')).status).toBe(404)
		const outcome = await statusAction('unknown', {
			intent: 'record',
			status: 'NOT_RATED',
			effectiveDate: '2026-01-01',
			rationale: 'x',
		})
		expect(outcome.status).toBe(404)
		expect((await statusAction('unknown', { intent: 'record' })).status).toBe(404)
		expect((await statusAction('unknown', { intent: 'delete' })).status).toBe(404)
	})

	test('a form sent with an intent neither form has is a 400 that writes nothing', async () => {
		const entries = await prisma.statusUpdate.count({ where: { pledgeId: itJobs } })
		const outcome = await statusAction(itJobs, {
			intent: 'delete',
			status: 'NOT_RATED',
			effectiveDate: '2026-01-01',
			rationale: 'Sent by hand.',
		})
		expect(outcome.status).toBe(400)
		expect(replyOf(outcome.body).fieldErrors).toEqual({
			intent: ['Please use one of the buttons on the page.'],
		})
		expect(await prisma.statusUpdate.count({ where: { pledgeId: itJobs } })).toBe(entries)
	})

	test('records IN_PROGRESS resting on approved evidence: the ledger, the pledge’s status and the audit, one after the other', async () => {
		const evidence = await approvedEvidence(itJobs)
		const ledgerHeadId = await ledgerHeadOf(itJobs)
		const fields = new URLSearchParams({
			intent: 'record',
			step: 'publish',
			ledgerHeadId,
			status: 'IN_PROGRESS',
			effectiveDate: '2026-10-02',
			rationale: 'Employment in IT is rising.',
		})
		fields.append('evidenceIds', evidence.id)
		const outcome = await statusAction(itJobs, fields)
		expect(outcome).toMatchObject({ status: 302, location: `/admin/pledges/${itJobs}/status?recorded` })
		expect(await prisma.pledge.findUniqueOrThrow({ where: { id: itJobs } })).toMatchObject({
			status: 'IN_PROGRESS',
		})
		const entry = await prisma.statusUpdate.findFirstOrThrow({
			where: { pledgeId: itJobs, rationale: 'Employment in IT is rising.' },
			include: { evidence: true },
		})
		expect(entry).toMatchObject({ status: 'IN_PROGRESS', authorId: adminId })
		expect(entry.evidence.map((link) => link.evidenceId)).toEqual([evidence.id])
		expect(await prisma.auditEntry.findFirst({ where: { entityId: entry.id } })).toMatchObject({
			action: 'status_update.create',
			ipAddress: testContext.clientIp,
		})

		const loaded = await loadStatusPage(itJobs)
		expect(field(loaded.body, 'page', 'ledgerHeadId')).toBe(entry.id)
	})

	test('a stale form (someone recorded since it was loaded): 409 with the newer ledger, nothing written', async () => {
		const evidence = await approvedEvidence(itJobs)
		const staleHead = await ledgerHeadOf(itJobs)
		const fields = (rationale: string, head: string) => {
			const form = new URLSearchParams({
				intent: 'record',
				step: 'publish',
				ledgerHeadId: head,
				status: 'IN_PROGRESS',
				effectiveDate: '2026-10-20',
				rationale,
			})
			form.append('evidenceIds', evidence.id)
			return form
		}
		expect(
			(await statusAction(itJobs, fields('Recorded by the first admin.', staleHead), otherAdminCookie))
				.status,
		).toBe(302)
		const before = await writeCounts()
		const outcome = await statusAction(itJobs, fields('Recorded by the second admin.', staleHead))
		expect(outcome.status).toBe(409)
		expect(field(outcome.body, 'conflict', 'message')).toMatch(/Another admin recorded a status/)
		const ledger = field(outcome.body, 'conflict', 'page', 'ledger')
		expect(Array.isArray(ledger) ? ledger[0] : null).toMatchObject({
			rationale: 'Recorded by the first admin.',
		})
		expect(await writeCounts()).toEqual(before)
	})

	const invalid: Array<[string, Record<string, string>, string]> = [
		['no status', { status: '' }, 'status'],
		['an unknown status', { status: 'DONE' }, 'status'],
		['no effective date', { effectiveDate: '' }, 'effectiveDate'],
		['an effective date in the future', { effectiveDate: '2999-01-01' }, 'effectiveDate'],
		['no rationale', { rationale: ' ' }, 'rationale'],
		['a one-letter rationale', { rationale: 'r' }, 'rationale'],
		['a rationale of two words', { rationale: 'Nothing happened' }, 'rationale'],
		['a rated status with no evidence', { status: 'KEPT' }, 'evidenceIds'],
		// The pledge was made on 2022-10-26 (its source's date): the model refuses what the form cannot know.
		['an effective date before the pledge was made', { effectiveDate: '1990-01-01' }, 'effectiveDate'],
	]

	test.each(invalid)(
		'%s: 400 with the message at %s and the values kept, nothing written',
		async (_, change, at) => {
			const fields = {
				intent: 'record',
				step: 'publish',
				ledgerHeadId: await ledgerHeadOf(courts),
				status: 'NOT_RATED',
				effectiveDate: '2026-10-01',
				rationale: 'Nothing has happened yet.',
				...change,
			}
			const before = await writeCounts()
			const outcome = await statusAction(courts, fields)
			expect(outcome.status).toBe(400)
			expect(field(outcome.body, 'result', 'error', at)).toEqual([expect.any(String)])
			expect(field(outcome.body, 'result', 'initialValue', 'rationale')).toBe(fields.rationale)
			expect(await writeCounts()).toEqual(before)
		},
	)

	test('evidence that is pending, or of another pledge: 400 at the evidence, nothing written', async () => {
		const pending = await pendingEvidence(courts)
		const otherPledge = await approvedEvidence(itJobs)
		for (const evidenceId of [pending.id, otherPledge.id]) {
			const fields = new URLSearchParams({
				intent: 'record',
				step: 'publish',
				ledgerHeadId: await ledgerHeadOf(courts),
				status: 'STALLED',
				effectiveDate: '2026-10-01',
				rationale: 'No step taken in a year.',
				evidenceIds: evidenceId,
			})
			const before = await writeCounts()
			const outcome = await statusAction(courts, fields)
			expect(outcome.status).toBe(400)
			expect(field(outcome.body, 'result', 'error', 'evidenceIds')).toEqual([expect.any(String)])
			// The reply keeps what was sent (one value as sent: a string), for the form to show again.
			expect([field(outcome.body, 'result', 'initialValue', 'evidenceIds')].flat()).toEqual([evidenceId])
			expect(await writeCounts()).toEqual(before)
		}
	})

	test('a refused status form with three evidence items ticked comes back with the same three ticked', async () => {
		const ticked = [
			await approvedEvidence(courts),
			await approvedEvidence(courts),
			await pendingEvidence(courts),
		]
		const ids = ticked.map((evidence) => evidence.id)
		const form = (rationale: string) => {
			const fields = new URLSearchParams({
				intent: 'record',
				status: 'KEPT',
				effectiveDate: '2026-10-01',
				rationale,
			})
			for (const id of ids) fields.append('evidenceIds', id)
			return fields
		}
		const before = await writeCounts()
		// Refused by the form (no rationale), then by the model (the third item is not reviewed yet).
		for (const rationale of ['', 'The pledge was kept.']) {
			const fields = form(rationale)
			fields.set('ledgerHeadId', await ledgerHeadOf(courts))
			const outcome = await statusAction(courts, fields)
			expect(outcome.status).toBe(400)
			expect(field(outcome.body, 'result', 'initialValue', 'evidenceIds')).toEqual(ids)
			expect(field(outcome.body, 'result', 'initialValue', 'intent')).toBe('record')
		}
		expect(await writeCounts()).toEqual(before)
	})

	test('correcting an entry writes a correction pointing at it; correcting it again is 409, an unknown entry 404', async () => {
		const evidence = await approvedEvidence(courts)
		const head = await ledgerHeadOf(courts)
		const record = new URLSearchParams({
			intent: 'record',
			step: 'publish',
			ledgerHeadId: head,
			status: 'STALLED',
			effectiveDate: '2026-10-05',
			rationale: 'Nothing moved for a year.',
			evidenceIds: evidence.id,
		})
		expect((await statusAction(courts, record)).status).toBe(302)
		const entryId = await ledgerHeadOf(courts)
		const correction = (rationale: string) =>
			new URLSearchParams({
				intent: 'correct',
				step: 'publish',
				correctsId: entryId,
				status: 'IN_PROGRESS',
				effectiveDate: '2026-10-05',
				rationale,
				correctionReason: 'The entry overlooked the bill tabled that week.',
				evidenceIds: evidence.id,
			})
		const corrected = await statusAction(courts, correction('A bill was tabled in parliament.'))
		expect(corrected.status).toBe(302)
		expect(await prisma.statusUpdate.findFirst({ where: { correctsId: entryId } })).toMatchObject({
			status: 'IN_PROGRESS',
			rationale: 'A bill was tabled in parliament.',
			correctionReason: 'The entry overlooked the bill tabled that week.',
		})
		expect(await prisma.pledge.findUniqueOrThrow({ where: { id: courts } })).toMatchObject({
			status: 'IN_PROGRESS',
		})

		const before = await writeCounts()
		const again = await statusAction(courts, correction('A second try at the same entry.'))
		expect(again.status).toBe(409)
		expect(field(again.body, 'conflict', 'message')).toMatch(/already been corrected/)
		expect(field(again.body, 'conflict', 'correctsId')).toBe(entryId)
		expect(await writeCounts()).toEqual(before)

		const unknown = new URLSearchParams(correction('A correction of nothing at all.'))
		unknown.set('correctsId', 'no-such-entry')
		expect((await statusAction(courts, unknown)).status).toBe(404)
		expect(await writeCounts()).toEqual(before)
	})

	test('random field values give 200 (a preview or the form again), 302, 400, 409 or 404 (an unknown entry to correct), never an error; nothing is written on 200, 400 or 404', async () => {
		const evidence = await approvedEvidence(courts)
		const text = fc.oneof(
			fc.string({ maxLength: 30 }),
			fc.constantFrom(
				'',
				'record',
				'correct',
				'preview',
				'publish',
				'edit',
				'KEPT',
				'NOT_RATED',
				'2026-01-01',
				'The evidence shows this status.',
				evidence.id,
				'\u0000',
			),
		)
		const names = [
			'intent',
			'ledgerHeadId',
			'status',
			'effectiveDate',
			'rationale',
			'evidenceIds',
			'correctsId',
			'correctionReason',
			'step',
		]
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.constantFrom(...names), text), { maxLength: 10 }),
				async (pairs) => {
					const before = await writeCounts()
					const outcome = await statusAction(courts, new URLSearchParams(pairs))
					expect([200, 302, 400, 404, 409]).toContain(outcome.status)
					if (outcome.status !== 302 && outcome.status !== 409) {
						expect(await writeCounts()).toEqual(before)
					}
				},
			),
			{ numRuns: 60 },
		)
	})
})

describe('the confirm step: a ledger entry is previewed before it is published', () => {
	async function recordForm(pledgeId: string, evidenceId: string, step?: string) {
		const fields = new URLSearchParams({
			intent: 'record',
			ledgerHeadId: await ledgerHeadOf(pledgeId),
			status: 'IN_PROGRESS',
			effectiveDate: '2024-04-01',
			rationale: 'The first courts were staffed by competition.',
			evidenceIds: evidenceId,
		})
		if (step) fields.set('step', step)
		return fields
	}

	test('the first post (no step, or “preview”) checks the entry and answers the preview, writing nothing', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'protection-of-citizens-rights')
		const evidence = await approvedEvidence(pledgeId)
		const before = await writeCounts()
		for (const step of [undefined, 'preview']) {
			const outcome = await statusAction(pledgeId, await recordForm(pledgeId, evidence.id, step))
			expect(outcome.status).toBe(200)
			expect(field(outcome.body, 'preview')).toEqual({
				intent: 'record',
				status: 'IN_PROGRESS',
				effectiveDate: '2024-04-01',
				rationale: 'The first courts were staffed by competition.',
				evidenceIds: [evidence.id],
				ledgerHeadId: null,
				correctsId: null,
				correctionReason: null,
				translations: {},
			})
		}
		expect(await writeCounts()).toEqual(before)
		// A preview is refused like the write it previews: evidence not reviewed yet is 400 at its field.
		const pending = await pendingEvidence(pledgeId)
		const refused = await statusAction(pledgeId, await recordForm(pledgeId, pending.id, 'preview'))
		expect(refused.status).toBe(400)
		expect(field(refused.body, 'result', 'error', 'evidenceIds')).toEqual([expect.any(String)])
		expect(await writeCounts()).toEqual(before)
	})

	test('“Edit” gives the form back with the values as sent; “Publish” writes the entry', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'un-international-security')
		const evidence = await approvedEvidence(pledgeId)
		const before = await writeCounts()
		const edit = await statusAction(pledgeId, await recordForm(pledgeId, evidence.id, 'edit'))
		expect(edit.status).toBe(200)
		expect(field(edit.body, 'result', 'initialValue')).toMatchObject({
			intent: 'record',
			status: 'IN_PROGRESS',
			effectiveDate: '2024-04-01',
			rationale: 'The first courts were staffed by competition.',
			evidenceIds: evidence.id,
		})
		expect(await writeCounts()).toEqual(before)

		const published = await statusAction(pledgeId, await recordForm(pledgeId, evidence.id, 'publish'))
		expect(published).toMatchObject({ status: 302, location: `/admin/pledges/${pledgeId}/status?recorded` })
		expect(await prisma.statusUpdate.count({ where: { pledgeId } })).toBe(1)
	})

	test('a correction: previewed with what it changes; refused without a reason or when it changes nothing', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'lower-morbidity-longer-life')
		const evidence = await approvedEvidence(pledgeId)
		expect((await statusAction(pledgeId, await recordForm(pledgeId, evidence.id, 'publish'))).status).toBe(
			302,
		)
		const entryId = await ledgerHeadOf(pledgeId)
		const correction = (change: Record<string, string>) =>
			new URLSearchParams({
				intent: 'correct',
				correctsId: entryId,
				status: 'IN_PROGRESS',
				effectiveDate: '2023-04-01',
				rationale: 'The first courts were staffed by competition.',
				correctionReason: 'The entry was dated by the report, not by the decree.',
				evidenceIds: evidence.id,
				...change,
			})
		const before = await writeCounts()
		const preview = await statusAction(pledgeId, correction({ step: 'preview' }))
		expect(preview.status).toBe(200)
		expect(field(preview.body, 'preview')).toMatchObject({
			intent: 'correct',
			correctsId: entryId,
			effectiveDate: '2023-04-01',
			correctionReason: 'The entry was dated by the report, not by the decree.',
		})

		const noReason = await statusAction(pledgeId, correction({ step: 'publish', correctionReason: '' }))
		expect(noReason.status).toBe(400)
		expect(field(noReason.body, 'result', 'error', 'correctionReason')).toEqual([
			'Say what was wrong with the entry: the public reads this.',
		])
		const shortReason = await statusAction(
			pledgeId,
			correction({ step: 'publish', correctionReason: 'typo' }),
		)
		expect(field(shortReason.body, 'result', 'error', 'correctionReason')).toEqual([
			expect.stringMatching(/^Write at least a short sentence/),
		])
		const unchanged = await statusAction(
			pledgeId,
			correction({ step: 'publish', effectiveDate: '2024-04-01' }),
		)
		expect(unchanged.status).toBe(400)
		expect(field(unchanged.body, 'result', 'error', 'status')).toEqual([
			'This correction changes neither the status nor the date it took effect: change at least one of them.',
		])
		expect(field(unchanged.body, 'result', 'initialValue', 'correctionReason')).toBe(
			'The entry was dated by the report, not by the decree.',
		)
		expect(await writeCounts()).toEqual(before)

		expect((await statusAction(pledgeId, correction({ step: 'publish' }))).status).toBe(302)
		expect(await prisma.statusUpdate.findFirst({ where: { correctsId: entryId } })).toMatchObject({
			effectiveDate: new Date('2023-04-01'),
			correctionReason: 'The entry was dated by the report, not by the decree.',
		})
	})
})

describe('the status form from a piece of evidence (?evidence=<id>)', () => {
	function loadFrom(pledgeId: string, evidenceId: string) {
		return outcomeOf(() =>
			statusPage.loader({
				request: request(
					`/admin/pledges/${pledgeId}/status?${new URLSearchParams({ evidence: evidenceId })}`,
				),
				params: { pledgeId },
				context: testContext,
			}),
		)
	}

	test('approved evidence of the pledge gives the fact-checker’s suggestion, which the form starts from', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'political-modernization')
		sequence += 1
		const evidence = await createEvidence(prisma, {
			pledgeId,
			userId: checkerId,
			title: `Suggested evidence ${sequence}`,
			publishedOn: '2026-10-01',
			suggestedStatus: 'IN_PROGRESS',
			suggestionReason: 'The reform package passed its first reading.',
		})
		const loaded = await loadFrom(pledgeId, evidence.id)
		expect(loaded.status).toBe(200)
		expect(field(loaded.body, 'page', 'suggestion')).toEqual({
			evidenceId: evidence.id,
			title: `Suggested evidence ${sequence}`,
			status: 'IN_PROGRESS',
			reason: 'The reform package passed its first reading.',
			submittedBy: expect.any(String),
		})
		// Without the parameter there is no suggestion to show, and nothing is looked up.
		expect(field((await loadStatusPage(pledgeId)).body, 'page', 'suggestion')).toBeUndefined()
	})

	test('evidence that is pending, of another pledge or unknown gives no suggestion (null: the page says so)', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'political-modernization')
		const pending = await pendingEvidence(pledgeId)
		const otherPledge = await approvedEvidence(itJobs)
		for (const evidenceId of [pending.id, otherPledge.id, 'no-such-evidence', "x' OR 1=1"]) {
			const loaded = await loadFrom(pledgeId, evidenceId)
			expect(loaded.status).toBe(200)
			expect(field(loaded.body, 'page', 'suggestion')).toBeNull()
		}
	})
})
