import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { evidenceSchema } from '~/forms/evidence'
import { reviewSchema } from '~/forms/review'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { createEvidence, pledgeIdOf } from '~/test/ledger-fixtures'
import { acceptedForm, parseForm } from '~/test/forms'
import { createQueryLoggingPrisma } from '~/test/query-log'
import {
	duplicateSubmissionWindowMs,
	getEvidence,
	getPledgeForEvidence,
	listEvidenceBySubmitter,
	listPendingEvidence,
	reviewEvidence,
	submissionLimits,
	submitEvidence,
} from './evidence.server'
import type { Actor } from './save.server'

let database: TestDatabase
let prisma: PrismaClient
let checker: Actor
let otherChecker: Actor
let admin: Actor
let otherAdmin: Actor
let itJobs: string
let qualitative: string
const ip = '203.0.113.20'
// The forms refuse dates after "today": the tests fix it.
const now = new Date('2026-11-28T12:00:00Z')

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
	await seed(prisma)
	const user = async (email: string, role: 'ADMIN' | 'FACT_CHECKER') => ({
		...(await prisma.user.create({
			data: { email, displayName: email, role },
			select: { id: true, role: true },
		})),
		ipAddress: ip,
	})
	checker = await user('checker@example.org', 'FACT_CHECKER')
	otherChecker = await user('other.checker@example.org', 'FACT_CHECKER')
	admin = await user('admin@example.org', 'ADMIN')
	otherAdmin = await user('other.admin@example.org', 'ADMIN')
	itJobs = await pledgeIdOf(prisma, 'it-jobs')
	qualitative = await pledgeIdOf(prisma, 'independent-courts')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

let sequence = 0

/** A parsed evidence form; each call a different source, so that no two count as the same submission. */
function evidenceInput(fields: Record<string, string> = {}) {
	sequence += 1
	return acceptedForm(evidenceSchema(now), {
		type: 'OFFICIAL_STATISTIC',
		sourceUrl: `https://stat.gov.kz/en/news/${sequence}`,
		title: `Employment in IT companies, release ${sequence}`,
		publisher: 'Bureau of National Statistics',
		publishedOn: '2026-10-15',
		excerpt: `Release ${sequence}: the number of people employed in IT companies reached 118 400.`,
		...fields,
	})
}

const approve = acceptedForm(reviewSchema, { decision: 'approve', version: '1' })

function auditEntriesOf(entityId: string) {
	return prisma.auditEntry.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } })
}

async function submitted(pledgeId: string, fields: Record<string, string> = {}, actor = checker) {
	const result = await submitEvidence({ actor, pledgeId, input: evidenceInput(fields) }, prisma)
	if (result.status !== 'saved') throw new Error(`not submitted: ${result.status}`)
	return result.record.id
}

describe('submitting evidence', () => {
	test('records it as pending, with one audit entry holding what was submitted', async () => {
		const input = evidenceInput({ archiveUrl: 'https://web.archive.org/web/2026/x' })
		const result = await submitEvidence({ actor: checker, pledgeId: qualitative, input }, prisma)
		expect(result).toMatchObject({ status: 'saved', record: { duplicate: false } })
		if (result.status !== 'saved') return
		const row = await prisma.evidence.findUniqueOrThrow({ where: { id: result.record.id } })
		expect(row).toMatchObject({
			pledgeId: qualitative,
			reviewState: 'PENDING',
			submittedById: checker.id,
			sourceUrl: input.sourceUrl,
			archiveUrl: 'https://web.archive.org/web/2026/x',
			measuredValue: null,
			reviewedById: null,
		})
		const audit = await auditEntriesOf(result.record.id)
		expect(audit).toHaveLength(1)
		expect(audit[0]).toMatchObject({
			action: 'evidence.submit',
			entityType: 'Evidence',
			actorId: checker.id,
			ipAddress: ip,
		})
		expect(audit[0]?.before).toBeNull()
		expect(audit[0]?.after).toMatchObject({
			pledgeId: qualitative,
			title: input.title,
			publishedOn: '2026-10-15',
			reviewState: 'PENDING',
		})
	})

	test('keeps a measured value exactly, for a quantitative pledge with an indicator', async () => {
		const id = await submitted(itJobs, { measuredValue: '118400.5', measuredAsOf: '2026-09-30' })
		const row = await prisma.evidence.findUniqueOrThrow({ where: { id } })
		expect(row.measuredValue?.toString()).toBe('118400.5')
		expect(row.measuredAsOf).toEqual(new Date('2026-09-30T00:00:00Z'))
	})

	test('refuses a measured value for a pledge without a numeric target, recording nothing', async () => {
		const before = await prisma.evidence.count()
		const auditBefore = await prisma.auditEntry.count()
		const result = await submitEvidence(
			{
				actor: checker,
				pledgeId: qualitative,
				input: evidenceInput({ measuredValue: '5', measuredAsOf: '2026-09-30' }),
			},
			prisma,
		)
		expect(result).toEqual({ status: 'invalid', problems: { measuredValue: 'not-quantitative' } })
		expect(await prisma.evidence.count()).toBe(before)
		expect(await prisma.auditEntry.count()).toBe(auditBefore)
	})

	test('answers not-found for an unknown pledge', async () => {
		const auditBefore = await prisma.auditEntry.count()
		const result = await submitEvidence(
			{ actor: checker, pledgeId: 'no-such-pledge', input: evidenceInput() },
			prisma,
		)
		expect(result).toEqual({ status: 'not-found' })
		expect(await prisma.auditEntry.count()).toBe(auditBefore)
	})

	test('a double submit records one thing, even when both requests arrive together', async () => {
		const input = evidenceInput()
		const submit = () => submitEvidence({ actor: checker, pledgeId: qualitative, input }, prisma)
		const together = await Promise.all(Array.from({ length: 8 }, submit))
		const again = await submit()
		const results = [...together, again]
		const ids = new Set(
			results.map((result) => (result.status === 'saved' ? result.record.id : result.status)),
		)
		expect(ids.size).toBe(1)
		expect(results.filter((result) => result.status === 'saved' && !result.record.duplicate)).toHaveLength(1)
		expect(await prisma.evidence.count({ where: { sourceUrl: input.sourceUrl } })).toBe(1)
		const [first] = results
		if (first?.status !== 'saved') throw new Error('refused')
		expect(await auditEntriesOf(first.record.id)).toHaveLength(1)
	})

	test('the same evidence from someone else, or later than the double-submit window, is a new submission', async () => {
		// The first submission is stored at a fixed moment (only Date stands still), so the window is
		// measured from it exactly, however long the steps take.
		vi.useFakeTimers({ toFake: ['Date'], now })
		try {
			const input = evidenceInput()
			const first = await submitEvidence({ actor: checker, pledgeId: qualitative, input }, prisma)
			const byOther = await submitEvidence({ actor: otherChecker, pledgeId: qualitative, input }, prisma)
			const after = (ms: number) => new Date(now.getTime() + ms)
			const withinWindow = await submitEvidence(
				{ actor: checker, pledgeId: qualitative, input, now: after(duplicateSubmissionWindowMs - 1000) },
				prisma,
			)
			const later = await submitEvidence(
				{ actor: checker, pledgeId: qualitative, input, now: after(duplicateSubmissionWindowMs + 60_000) },
				prisma,
			)
			expect(
				[first, byOther, withinWindow, later].map(
					(result) => result.status === 'saved' && result.record.duplicate,
				),
			).toEqual([false, false, true, false])
			expect(await prisma.evidence.count({ where: { sourceUrl: input.sourceUrl } })).toBe(3)
		} finally {
			vi.useRealTimers()
		}
	})
})

describe('the submission limit', () => {
	async function freshChecker(email: string): Promise<Actor> {
		const user = await prisma.user.create({
			data: { email, displayName: email, role: 'FACT_CHECKER' },
			select: { id: true, role: true },
		})
		return { ...user, ipAddress: ip }
	}
	const at = (ms: number) => new Date(now.getTime() + ms)

	test('30 submissions in 10 minutes; the 31st records nothing and says when to try again', async () => {
		const burst = await freshChecker('burst@example.org')
		const submit = (actor: Actor, ms: number) =>
			submitEvidence({ actor, pledgeId: qualitative, input: evidenceInput(), now: at(ms) }, prisma)
		for (let index = 0; index < submissionLimits.perAccount; index++) {
			expect((await submit(burst, index * 1000)).status).toBe('saved')
		}
		const auditBefore = await prisma.auditEntry.count()
		// The first of the 30 was at 0 s: it leaves the 10-minute window at 600 s, 560 s after this one.
		expect(await submit(burst, 40_000)).toEqual({ status: 'too-many', retryAfterSeconds: 560 })
		expect(await prisma.evidence.count({ where: { submittedById: burst.id } })).toBe(
			submissionLimits.perAccount,
		)
		expect(await prisma.auditEntry.count()).toBe(auditBefore)
		// Another account is not held back by this one.
		expect((await submit(await freshChecker('bystander@example.org'), 40_000)).status).toBe('saved')
		// Once the first has left the window, one more may come in.
		expect((await submit(burst, submissionLimits.windowMs + 1)).status).toBe('saved')
		expect((await submit(burst, submissionLimits.windowMs + 2)).status).toBe('too-many')
	})

	test('a burst sent at once is counted one by one: exactly the room left is recorded', async () => {
		const burst = await freshChecker('parallel.burst@example.org')
		const submit = (ms: number) =>
			submitEvidence({ actor: burst, pledgeId: qualitative, input: evidenceInput(), now: at(ms) }, prisma)
		for (let index = 0; index < submissionLimits.perAccount - 2; index++) await submit(index)
		const together = await Promise.all(Array.from({ length: 6 }, () => submit(1000)))
		expect(together.filter((result) => result.status === 'saved')).toHaveLength(2)
		expect(together.filter((result) => result.status === 'too-many')).toHaveLength(4)
		expect(await prisma.evidence.count({ where: { submittedById: burst.id } })).toBe(
			submissionLimits.perAccount,
		)
	})
})

describe('reviewing evidence', () => {
	test('approving records the reviewer, the time and one audit entry with before and after', async () => {
		const id = await submitted(qualitative)
		const result = await reviewEvidence(
			{
				actor: admin,
				evidenceId: id,
				decision: acceptedForm(reviewSchema, { decision: 'approve', note: 'Checked', version: '1' }),
			},
			prisma,
		)
		expect(result).toEqual({
			status: 'saved',
			record: { id, pledgeId: qualitative, reviewState: 'APPROVED', measurementId: null },
		})
		const row = await prisma.evidence.findUniqueOrThrow({ where: { id } })
		expect(row).toMatchObject({ reviewState: 'APPROVED', reviewedById: admin.id, reviewNote: 'Checked' })
		expect(row.reviewedAt).toBeInstanceOf(Date)
		const audit = await auditEntriesOf(id)
		expect(audit.map((entry) => entry.action)).toEqual(['evidence.submit', 'evidence.approve'])
		expect(audit[1]).toMatchObject({
			actorId: admin.id,
			before: { reviewState: 'PENDING', reviewedById: null, reviewNote: null },
			after: { reviewState: 'APPROVED', reviewedById: admin.id, reviewNote: 'Checked' },
		})
	})

	test('rejecting keeps the reason for the fact-checker', async () => {
		const id = await submitted(qualitative)
		const decision = acceptedForm(reviewSchema, {
			decision: 'reject',
			note: 'Not a primary source',
			version: '1',
		})
		expect(await reviewEvidence({ actor: admin, evidenceId: id, decision }, prisma)).toEqual({
			status: 'saved',
			record: { id, pledgeId: qualitative, reviewState: 'REJECTED', measurementId: null },
		})
		const row = await prisma.evidence.findUniqueOrThrow({ where: { id } })
		expect(row).toMatchObject({ reviewState: 'REJECTED', reviewNote: 'Not a primary source' })
		expect((await auditEntriesOf(id)).map((entry) => entry.action)).toEqual([
			'evidence.submit',
			'evidence.reject',
		])
	})

	test('approving evidence with a figure records the measurement on the pledge’s indicator, audited', async () => {
		const id = await submitted(itJobs, { measuredValue: '121000', measuredAsOf: '2026-09-30' })
		const result = await reviewEvidence({ actor: admin, evidenceId: id, decision: approve }, prisma)
		if (result.status !== 'saved' || !result.record.measurementId) throw new Error('no measurement')
		const { measurementId } = result.record
		const indicator = await prisma.indicator.findUniqueOrThrow({ where: { pledgeId: itJobs } })
		const measurement = await prisma.measurement.findUniqueOrThrow({ where: { id: measurementId } })
		expect(measurement).toMatchObject({ indicatorId: indicator.id, evidenceId: id, createdById: admin.id })
		expect(measurement.value.toString()).toBe('121000')
		expect(measurement.asOf).toEqual(new Date('2026-09-30T00:00:00Z'))
		const audit = await auditEntriesOf(measurementId)
		expect(audit).toHaveLength(1)
		expect(audit[0]).toMatchObject({
			action: 'measurement.create',
			entityType: 'Measurement',
			before: null,
			after: { indicatorId: indicator.id, value: '121000', asOf: '2026-09-30', evidenceId: id },
		})
	})

	test('an approval moves the public data version on (public pages change their ETag); a refusal does not', async () => {
		const version = async () =>
			(await prisma.publicDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version
		const id = await submitted(itJobs, { measuredValue: '122000', measuredAsOf: '2026-09-30' })
		const before = await version()
		await reviewEvidence({ actor: admin, evidenceId: id, decision: approve }, prisma)
		const afterApproval = await version()
		expect(afterApproval).toBeGreaterThan(before)
		await reviewEvidence({ actor: otherAdmin, evidenceId: id, decision: approve }, prisma)
		expect(await version()).toBe(afterApproval)
	})

	test('rejecting evidence with a figure records no measurement', async () => {
		const id = await submitted(itJobs, { measuredValue: '1', measuredAsOf: '2026-09-30' })
		const decision = acceptedForm(reviewSchema, { decision: 'reject', note: 'Wrong table', version: '1' })
		await reviewEvidence({ actor: admin, evidenceId: id, decision }, prisma)
		expect(await prisma.measurement.count({ where: { evidenceId: id } })).toBe(0)
	})

	test('a second decision on the same evidence is a conflict with the first decision, changing nothing', async () => {
		const id = await submitted(qualitative)
		await reviewEvidence({ actor: admin, evidenceId: id, decision: approve }, prisma)
		const reject = acceptedForm(reviewSchema, { decision: 'reject', note: 'Changed my mind', version: '1' })
		expect(await reviewEvidence({ actor: otherAdmin, evidenceId: id, decision: reject }, prisma)).toEqual({
			status: 'conflict',
			record: { id, pledgeId: qualitative, reviewState: 'APPROVED', measurementId: null },
		})
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({
			reviewState: 'APPROVED',
			reviewedById: admin.id,
		})
		expect(await auditEntriesOf(id)).toHaveLength(2)
	})

	test('answers not-found for unknown evidence, or an id no record can have', async () => {
		expect(await reviewEvidence({ actor: admin, evidenceId: 'x\u0000y', decision: approve }, prisma)).toEqual(
			{ status: 'not-found' },
		)
		expect(
			await reviewEvidence({ actor: admin, evidenceId: 'no-such-evidence', decision: approve }, prisma),
		).toEqual({ status: 'not-found' })
	})

	test('a fact-checker cannot review: the model refuses (throws), changing nothing', async () => {
		const id = await submitted(qualitative)
		await expect(
			reviewEvidence({ actor: checker, evidenceId: id, decision: approve }, prisma),
		).rejects.toThrow(/only an admin/)
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({
			reviewState: 'PENDING',
		})
		expect(await auditEntriesOf(id)).toHaveLength(1)
	})

	test('two admins approving at the same moment: one approval, one conflict, one measurement', async () => {
		for (let round = 0; round < 5; round++) {
			const id = await submitted(itJobs, { measuredValue: `${130000 + round}`, measuredAsOf: '2026-10-01' })
			const results = await Promise.all([
				reviewEvidence({ actor: admin, evidenceId: id, decision: approve }, prisma),
				reviewEvidence({ actor: otherAdmin, evidenceId: id, decision: approve }, prisma),
			])
			const saved = results.filter((result) => result.status === 'saved')
			expect(saved).toHaveLength(1)
			// The loser is shown the evidence as the winner left it.
			expect(results.filter((result) => result.status !== 'saved')).toEqual([
				{ status: 'conflict', record: saved[0]?.status === 'saved' ? saved[0].record : null },
			])
			expect(await prisma.measurement.count({ where: { evidenceId: id } })).toBe(1)
			const approvals = await prisma.auditEntry.count({ where: { entityId: id, action: 'evidence.approve' } })
			expect(approvals).toBe(1)
			const measurements = await prisma.auditEntry.count({
				where: { action: 'measurement.create', after: { path: ['evidenceId'], equals: id } },
			})
			expect(measurements).toBe(1)
		}
	})

	test('an approval that cannot record its measurement is rolled back whole: still pending, no audit entry', async () => {
		// A quantitative pledge whose indicator is not set up yet: the figure has nowhere to go.
		const template = await prisma.pledge.findUniqueOrThrow({ where: { id: itJobs } })
		const pledge = await prisma.pledge.create({
			data: {
				platformId: template.platformId,
				categoryId: template.categoryId,
				slug: 'unmeasured-target',
				title: 'A target without an indicator yet',
				summary: 'For the rollback test.',
				quote: 'We will do more.',
				sourceUrl: 'https://example.org/platform',
				sourceDate: template.sourceDate,
				kind: 'QUANTITATIVE',
				deadline: template.deadline,
			},
		})
		const { id } = await createEvidence(prisma, {
			pledgeId: pledge.id,
			userId: checker.id,
			title: 'A figure for an unmeasured target',
			publishedOn: '2026-10-01',
			measuredValue: 10,
			measuredAsOf: '2026-09-30',
			reviewState: 'PENDING',
		})
		const result = await reviewEvidence({ actor: admin, evidenceId: id, decision: approve }, prisma)
		expect(result).toEqual({ status: 'invalid', problems: { decision: 'no-indicator' } })
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({
			reviewState: 'PENDING',
			reviewedById: null,
			reviewedAt: null,
			reviewNote: null,
		})
		expect(await auditEntriesOf(id)).toHaveLength(0)
		expect(await prisma.measurement.count({ where: { evidenceId: id } })).toBe(0)
	})

	test('a database failure while recording the measurement rolls back the approval and its audit entry', async () => {
		const id = await submitted(itJobs, { measuredValue: '140000', measuredAsOf: '2026-10-01' })
		// A measurement already tied to this evidence makes the approval's own insert fail (one per evidence).
		const indicator = await prisma.indicator.findUniqueOrThrow({ where: { pledgeId: itJobs } })
		await prisma.measurement.create({
			data: {
				indicatorId: indicator.id,
				value: 1,
				asOf: new Date('2026-10-01'),
				evidenceId: id,
				createdById: admin.id,
			},
		})
		await expect(
			reviewEvidence({ actor: admin, evidenceId: id, decision: approve }, prisma),
		).rejects.toThrow()
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({
			reviewState: 'PENDING',
		})
		expect((await auditEntriesOf(id)).map((entry) => entry.action)).toEqual(['evidence.submit'])
	})
})

describe('reading evidence', () => {
	test('the review queue lists pending evidence oldest first, with the pledge’s status and latest approved evidence', async () => {
		const fresh = await createTestDatabase()
		const db = createQueryLoggingPrisma(fresh.url)
		try {
			await seed(db.prisma)
			const reviewer = await db.prisma.user.create({
				data: { email: 'r@example.org', displayName: 'Reviewer', role: 'ADMIN' },
			})
			const jobs = await pledgeIdOf(db.prisma, 'it-jobs')
			const courts = await pledgeIdOf(db.prisma, 'independent-courts')
			const approved = async (pledgeId: string, title: string, publishedOn: string) =>
				createEvidence(db.prisma, { pledgeId, userId: reviewer.id, title, publishedOn })
			await approved(jobs, 'Oldest approved', '2024-01-01')
			await approved(jobs, 'Newest approved', '2026-01-01')
			await approved(jobs, 'Middle approved', '2025-01-01')
			await approved(jobs, 'Older approved', '2024-06-01')
			await createEvidence(db.prisma, {
				pledgeId: jobs,
				userId: reviewer.id,
				title: 'Rejected',
				publishedOn: '2026-06-01',
				reviewState: 'REJECTED',
			})
			const pending = async (pledgeId: string, title: string) =>
				createEvidence(db.prisma, {
					pledgeId,
					userId: reviewer.id,
					title,
					publishedOn: '2026-02-01',
					reviewState: 'PENDING',
				})
			const first = await pending(jobs, 'First pending')
			const second = await pending(courts, 'Second pending')
			const third = await pending(jobs, 'Third pending')

			const { result: queue, queries } = await db.recordQueries(() =>
				listPendingEvidence({ page: 1, pageSize: 2 }, db.prisma),
			)
			expect(queue.total).toBe(3)
			expect(queue.pageCount).toBe(2)
			expect(queue.items.map((item) => item.id)).toEqual([first.id, second.id])
			expect(queue.items[0]?.pledge).toMatchObject({
				slug: 'it-jobs',
				status: 'NOT_RATED',
				kind: 'QUANTITATIVE',
			})
			expect(queue.items[0]?.pledge.latestApprovedEvidence.map((evidence) => evidence.title)).toEqual([
				'Newest approved',
				'Middle approved',
				'Older approved',
			])
			expect(queue.items[1]?.pledge.latestApprovedEvidence).toEqual([])
			const secondPage = await listPendingEvidence({ page: 2, pageSize: 2 }, db.prisma)
			expect(secondPage.items.map((item) => item.id)).toEqual([third.id])
			// A page number from a tampered query string gives a page, not an error.
			for (const page of [0, -3, 1.5, Number.NaN]) {
				expect((await listPendingEvidence({ page, pageSize: 2 }, db.prisma)).page).toBe(1)
			}

			// A fuller page costs no more queries than a smaller one.
			const { queries: fullPage } = await db.recordQueries(() =>
				listPendingEvidence({ page: 1, pageSize: 20 }, db.prisma),
			)
			expect(fullPage.length).toBe(queries.length)
			// The page, its count, one per relation (submitter, pledge, platform, indicator, translations) and the
			// latest evidence.
			expect(queries.length).toBeLessThanOrEqual(8)
		} finally {
			await db.prisma.$disconnect()
			await fresh.drop()
		}
	})

	test('“my submissions” lists one person’s evidence, newest first, with the review outcome and note', async () => {
		const first = await submitted(qualitative, {}, otherChecker)
		const second = await submitted(qualitative, {}, otherChecker)
		await reviewEvidence(
			{
				actor: admin,
				evidenceId: first,
				decision: acceptedForm(reviewSchema, { decision: 'reject', note: 'Duplicate source', version: '1' }),
			},
			prisma,
		)
		const mine = await listEvidenceBySubmitter({ userId: otherChecker.id, page: 1, pageSize: 20 }, prisma)
		const ids = mine.items.map((item) => item.id)
		expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first))
		expect(mine.items.every((item) => item.submittedAt)).toBe(true)
		expect(mine.items.find((item) => item.id === first)).toMatchObject({
			reviewState: 'REJECTED',
			reviewNote: 'Duplicate source',
			reviewedBy: { displayName: 'admin@example.org' },
		})
		expect(mine.items.find((item) => item.id === second)).toMatchObject({
			reviewState: 'PENDING',
			reviewNote: null,
		})
		const checkersOwn = await listEvidenceBySubmitter({ userId: checker.id }, prisma)
		expect(checkersOwn.items.map((item) => item.id)).not.toContain(first)
	})

	test('getEvidence gives one item with its pledge and measurement, or null', async () => {
		const id = await submitted(itJobs, { measuredValue: '125000', measuredAsOf: '2026-09-30' })
		const result = await reviewEvidence({ actor: admin, evidenceId: id, decision: approve }, prisma)
		const evidence = await getEvidence(id, prisma)
		expect(evidence).toMatchObject({
			id,
			reviewState: 'APPROVED',
			measuredValue: '125000',
			measuredAsOf: '2026-09-30',
			measurementId: result.status === 'saved' ? result.record.measurementId : 'none',
			pledge: { slug: 'it-jobs', indicator: { unit: expect.any(String) } },
			submittedBy: { id: checker.id },
			reviewedBy: { id: admin.id },
		})
		expect(await getEvidence('no-such-evidence', prisma)).toBeNull()
	})
})

describe('random forms never cause an error', () => {
	// Per field: mostly something valid, sometimes what a broken or hostile client could send.
	const mostly = <T>(valid: fc.Arbitrary<T>, junk: fc.Arbitrary<T>) =>
		fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: junk, weight: 1 })
	const text = mostly(
		fc.oneof(
			fc.string({ minLength: 1, maxLength: 200 }),
			fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
		),
		fc.oneof(fc.constantFrom('', 'a\u0000b'), fc.string({ maxLength: 400 })),
	)
	const validDate = fc
		.date({ min: new Date('1990-01-01'), max: new Date('2026-10-01'), noInvalidDate: true })
		.map((value) => value.toISOString().slice(0, 10))
	const date = mostly(
		validDate,
		fc.oneof(fc.constantFrom('2026-02-29', '1899-12-31', '2999-01-01', ''), fc.string()),
	)
	const randomEvidenceForm = fc.record(
		{
			type: mostly(fc.constantFrom('MEDIA_REPORT', 'BUDGET', 'OTHER'), fc.string()),
			sourceUrl: mostly(fc.webUrl(), fc.oneof(fc.string(), fc.constant('javascript:alert(1)'))),
			title: text,
			publisher: text,
			publishedOn: date,
			excerpt: text,
			archiveUrl: mostly(fc.oneof(fc.constant(''), fc.webUrl()), fc.string()),
			measuredValue: mostly(
				fc.oneof(fc.constant(''), fc.nat().map(String)),
				fc.oneof(fc.double().map(String), fc.string({ maxLength: 30 })),
			),
			measuredAsOf: mostly(fc.oneof(fc.constant(''), validDate), date),
			suggestedStatus: mostly(fc.constantFrom('', 'KEPT', 'BROKEN'), fc.string()),
			suggestionReason: mostly(fc.oneof(fc.constant(''), text), fc.string()),
		},
		{ requiredKeys: ['type', 'sourceUrl', 'title', 'publisher', 'publishedOn', 'excerpt'] },
	)

	async function counts() {
		const [evidence, audit, measurements] = await Promise.all([
			prisma.evidence.count(),
			prisma.auditEntry.count(),
			prisma.measurement.count(),
		])
		return { evidence, audit, measurements }
	}

	test('submitting: a form that parses is recorded, or refused at a field with nothing written', async () => {
		let recorded = 0
		await fc.assert(
			fc.asyncProperty(randomEvidenceForm, fc.boolean(), async (values, quantitative) => {
				const parsed = parseForm(evidenceSchema(now), values)
				if (parsed.status !== 'success') return
				const before = await counts()
				const result = await submitEvidence(
					{ actor: checker, pledgeId: quantitative ? itJobs : qualitative, input: parsed.value },
					prisma,
				)
				if (result.status === 'saved') {
					recorded += 1
					return
				}
				expect(result.status).toBe('invalid')
				expect(result.status === 'invalid' ? Object.keys(result.problems) : []).toEqual(['measuredValue'])
				expect(await counts()).toEqual(before)
			}),
			{ numRuns: 150 },
		)
		expect(recorded).toBeGreaterThan(0)
	})

	test('reviewing: any decision form is applied or refused, never an error', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.record(
					{
						decision: fc.oneof(fc.constantFrom('approve', 'reject'), fc.string()),
						note: fc.oneof(fc.constant(''), fc.string()),
					},
					{ requiredKeys: [] },
				),
				fc.boolean(),
				async (values, withFigure) => {
					// Fresh evidence, so the version the admin loaded is its first.
					const parsed = parseForm(reviewSchema, { version: '1', ...values })
					if (parsed.status !== 'success') return
					const id = await submitted(
						itJobs,
						withFigure ? { measuredValue: '7', measuredAsOf: '2026-01-01' } : {},
					)
					const result = await reviewEvidence(
						{ actor: admin, evidenceId: id, decision: parsed.value },
						prisma,
					)
					expect(result.status).toBe('saved')
					const row = await prisma.evidence.findUniqueOrThrow({
						where: { id },
						include: { measurement: true },
					})
					expect(row.reviewState).toBe(parsed.value.decision === 'approve' ? 'APPROVED' : 'REJECTED')
					expect(row.measurement !== null).toBe(withFigure && parsed.value.decision === 'approve')
				},
			),
			{ numRuns: 40 },
		)
	})
})

test('the evidence form learns whether its pledge takes a measured value, and in what unit', async () => {
	const quantitative = await getPledgeForEvidence(itJobs, prisma)
	expect(quantitative).toMatchObject({ slug: 'it-jobs', indicator: { unit: expect.any(String) } })
	expect(await getPledgeForEvidence(qualitative, prisma)).toMatchObject({
		slug: 'independent-courts',
		indicator: null,
	})
	expect(await getPledgeForEvidence('no-such-pledge', prisma)).toBeNull()
})
