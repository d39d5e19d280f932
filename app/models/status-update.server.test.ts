import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Prisma, PrismaClient } from '~/.server/prisma/client'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { correctionSchema, ledgerProblemMessages, statusUpdateSchema } from '~/forms/status-update'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { acceptedForm, parseForm, type SentValue } from '~/test/forms'
import { createEvidence, pledgeIdOf } from '~/test/ledger-fixtures'
import { getStatusOverTime } from './overview.server'
import { getPlatform } from './platform.server'
import type { Actor } from './save.server'
import {
	currentStatusFromLedger,
	getStatusPage,
	listLedger,
	recordCorrection,
	recordStatusUpdate,
	type LedgerEntry,
	type LedgerWriteResult,
} from './status-update.server'

describe('currentStatusFromLedger', () => {
	const today = new Date('2026-06-01')
	let recorded = 0
	const entry = (
		id: string,
		status: PledgeStatus,
		effectiveDate: string,
		correctsId: string | null = null,
	) => {
		recorded += 1
		return {
			id,
			status,
			effectiveDate: new Date(effectiveDate),
			createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, recorded)),
			correctsId,
		} satisfies LedgerEntry
	}

	test('a pledge with no entry is not rated', () => {
		expect(currentStatusFromLedger([], today)).toEqual({ status: 'NOT_RATED', entryId: null })
	})

	test('the latest effective date wins, whatever order the entries were recorded in', () => {
		const later = entry('b', 'KEPT', '2026-04-05')
		const earlier = entry('a', 'IN_PROGRESS', '2026-01-10')
		expect(currentStatusFromLedger([later, earlier], today)).toEqual({ status: 'KEPT', entryId: 'b' })
	})

	test('on the same effective date, the entry recorded last wins', () => {
		const first = entry('z', 'IN_PROGRESS', '2026-03-01')
		const second = entry('a', 'STALLED', '2026-03-01')
		expect(currentStatusFromLedger([second, first], today).status).toBe('STALLED')
	})

	test('a correction replaces the entry it corrects, from its own effective date', () => {
		const started = entry('a', 'IN_PROGRESS', '2026-01-10')
		const kept = entry('b', 'KEPT', '2026-04-05')
		const stalledInstead = entry('c', 'STALLED', '2026-03-15', 'b')
		expect(currentStatusFromLedger([started, kept, stalledInstead], today)).toEqual({
			status: 'STALLED',
			entryId: 'c',
		})
		// Corrected to a date before the first entry: the first entry is the newest again.
		const backdated = entry('d', 'BROKEN', '2025-12-01', 'b')
		expect(currentStatusFromLedger([started, kept, backdated], today).status).toBe('IN_PROGRESS')
	})

	test('a correction of a correction replaces both', () => {
		const first = entry('a', 'KEPT', '2026-01-10')
		const correction = entry('b', 'BROKEN', '2026-01-10', 'a')
		const again = entry('c', 'PARTIAL', '2026-01-10', 'b')
		expect(currentStatusFromLedger([again, first, correction], today).status).toBe('PARTIAL')
	})

	test('an entry not yet in effect does not count', () => {
		const now = entry('a', 'IN_PROGRESS', '2026-01-10')
		const future = entry('b', 'KEPT', '2026-07-01')
		expect(currentStatusFromLedger([now, future], today).status).toBe('IN_PROGRESS')
	})
})

let database: TestDatabase
let prisma: PrismaClient
let admin: Actor
let otherAdmin: Actor
let checker: Actor
const ip = '203.0.113.30'
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
	admin = await user('admin@example.org', 'ADMIN')
	otherAdmin = await user('other.admin@example.org', 'ADMIN')
	checker = await user('checker@example.org', 'FACT_CHECKER')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

async function evidenceFor(
	slug: string,
	reviewState: 'APPROVED' | 'PENDING' | 'REJECTED' = 'APPROVED',
	title = `Evidence on ${slug}`,
) {
	const pledgeId = await pledgeIdOf(prisma, slug)
	const { id } = await createEvidence(prisma, {
		pledgeId,
		userId: checker.id,
		title,
		publishedOn: '2026-01-05',
		reviewState,
	})
	return id
}

type StatusUpdate = Parameters<typeof recordStatusUpdate>[0]['input']

/**
 * A parsed status form. Without a `ledgerHeadId` the update skips the stale-ledger check (the form always
 * sends one: blank for an empty ledger).
 */
function update(fields: Record<string, SentValue>): StatusUpdate {
	const { ledgerHeadId, ...input } = acceptedForm(statusUpdateSchema(now), {
		rationale: 'As the evidence shows.',
		...fields,
	})
	return 'ledgerHeadId' in fields ? { ...input, ledgerHeadId } : input
}

function saved(result: LedgerWriteResult) {
	if (result.status !== 'saved') throw new Error(`not recorded: ${result.status}`)
	return result.record
}

/** A refusal's messages, as the status page shows them. */
function messagesOf(result: LedgerWriteResult) {
	return result.status === 'invalid' ? ledgerProblemMessages(result.problems, result.detail) : null
}

async function snapshot(pledgeId: string) {
	const [pledge, entries, audit] = await Promise.all([
		prisma.pledge.findUniqueOrThrow({
			where: { id: pledgeId },
			select: { status: true, statusUpdatedAt: true },
		}),
		prisma.statusUpdate.count({ where: { pledgeId } }),
		prisma.auditEntry.count({ where: { entityType: 'StatusUpdate' } }),
	])
	return { pledge, entries, audit }
}

describe('recording a status update', () => {
	test('writes the ledger entry with its evidence, the pledge’s status and one audit entry, together', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'it-jobs')
		const evidenceId = await evidenceFor('it-jobs')
		const result = await recordStatusUpdate(
			{
				actor: admin,
				pledgeId,
				input: update({
					status: 'IN_PROGRESS',
					effectiveDate: '2026-01-10',
					evidenceIds: evidenceId,
					ledgerHeadId: '',
				}),
			},
			prisma,
		)
		expect(result).toMatchObject({ status: 'saved', record: { pledgeStatus: 'IN_PROGRESS' } })
		const entry = await prisma.statusUpdate.findUniqueOrThrow({
			where: { id: saved(result).id },
			include: { evidence: true },
		})
		expect(entry).toMatchObject({
			pledgeId,
			fromStatus: 'NOT_RATED',
			status: 'IN_PROGRESS',
			effectiveDate: new Date('2026-01-10'),
			authorId: admin.id,
			correctsId: null,
		})
		expect(entry.evidence.map((link) => link.evidenceId)).toEqual([evidenceId])
		const pledge = await prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } })
		expect(pledge.status).toBe('IN_PROGRESS')
		expect(pledge.statusUpdatedAt).toEqual(entry.createdAt)
		const audit = await prisma.auditEntry.findMany({ where: { entityId: entry.id } })
		expect(audit).toHaveLength(1)
		expect(audit[0]).toMatchObject({
			action: 'status_update.create',
			entityType: 'StatusUpdate',
			actorId: admin.id,
			ipAddress: ip,
			before: { pledgeStatus: 'NOT_RATED' },
			after: {
				pledgeId,
				status: 'IN_PROGRESS',
				effectiveDate: '2026-01-10',
				evidenceIds: [evidenceId],
				pledgeStatus: 'IN_PROGRESS',
				correctsId: null,
			},
		})

		const next = await recordStatusUpdate(
			{
				actor: admin,
				pledgeId,
				input: update({ status: 'KEPT', effectiveDate: '2026-03-01', evidenceIds: evidenceId }),
			},
			prisma,
		)
		expect(await prisma.statusUpdate.findUniqueOrThrow({ where: { id: saved(next).id } })).toMatchObject({
			fromStatus: 'IN_PROGRESS',
			status: 'KEPT',
		})
	})

	test('NOT_RATED needs no evidence', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'food-security')
		const result = await recordStatusUpdate(
			{
				actor: admin,
				pledgeId,
				input: update({ status: 'NOT_RATED', effectiveDate: '2026-01-10' }),
			},
			prisma,
		)
		expect(result).toMatchObject({ status: 'saved', record: { pledgeStatus: 'NOT_RATED' } })
	})

	describe('refuses, writing nothing', () => {
		const slug = 'independent-courts'

		async function expectRefused(
			input: StatusUpdate,
			expected: LedgerWriteResult,
			messages?: Record<string, string[]>,
		) {
			const pledgeId = await pledgeIdOf(prisma, slug)
			const before = await snapshot(pledgeId)
			const result = await recordStatusUpdate({ actor: admin, pledgeId, input }, prisma)
			expect(result).toEqual(expected)
			if (messages) expect(messagesOf(result)).toEqual(messages)
			expect(await snapshot(pledgeId)).toEqual(before)
		}

		test('a rated status with no evidence', async () => {
			await expectRefused(
				{
					status: 'KEPT',
					effectiveDate: new Date('2026-01-10'),
					rationale: 'As the evidence shows.',
					evidenceIds: [],
				},
				{ status: 'invalid', problems: { evidenceIds: 'evidence-required' } },
				{ evidenceIds: ['Choose at least one approved evidence item this status rests on.'] },
			)
		})

		test('evidence of another pledge', async () => {
			const other = await evidenceFor('it-jobs', 'APPROVED', 'IT jobs report')
			await expectRefused(
				update({ status: 'KEPT', effectiveDate: '2026-01-10', evidenceIds: other }),
				{
					status: 'invalid',
					problems: { evidenceIds: 'evidence-unusable' },
					detail: { unusableEvidence: [{ id: other, problem: 'other-pledge', title: 'IT jobs report' }] },
				},
				{ evidenceIds: ['“IT jobs report” is evidence for another pledge.'] },
			)
		})

		test('pending, rejected or unknown evidence', async () => {
			const approved = await evidenceFor(slug, 'APPROVED')
			const pending = await evidenceFor(slug, 'PENDING', 'Pending report')
			const rejected = await evidenceFor(slug, 'REJECTED', 'Rejected report')
			await expectRefused(
				update({
					status: 'IN_PROGRESS',
					effectiveDate: '2026-01-10',
					evidenceIds: [approved, pending, rejected, 'no-such-evidence'],
				}),
				{
					status: 'invalid',
					problems: { evidenceIds: 'evidence-unusable' },
					detail: {
						unusableEvidence: [
							{ id: pending, problem: 'pending', title: 'Pending report' },
							{ id: rejected, problem: 'rejected', title: 'Rejected report' },
							{ id: 'no-such-evidence', problem: 'not-found' },
						],
					},
				},
				{
					evidenceIds: [
						'“Pending report” is not reviewed yet: a status rests only on approved evidence.',
						'“Rejected report” is rejected: a status rests only on approved evidence.',
						'One of the chosen evidence items does not exist. Reload the page.',
					],
				},
			)
		})

		test('a fact-checker (the model refuses: throws)', async () => {
			const pledgeId = await pledgeIdOf(prisma, slug)
			const approved = await evidenceFor(slug)
			const before = await snapshot(pledgeId)
			const input = update({ status: 'IN_PROGRESS', effectiveDate: '2026-01-10', evidenceIds: approved })
			await expect(recordStatusUpdate({ actor: checker, pledgeId, input }, prisma)).rejects.toThrow(
				/only an admin/,
			)
			const correction = acceptedForm(correctionSchema(now), {
				status: 'IN_PROGRESS',
				effectiveDate: '2026-01-10',
				rationale: 'As the evidence shows.',
				evidenceIds: approved,
				correctsId: 'any-entry',
				correctionReason: 'The entry misread the source.',
			})
			await expect(recordCorrection({ actor: checker, pledgeId, input: correction }, prisma)).rejects.toThrow(
				/only an admin/,
			)
			expect(await snapshot(pledgeId)).toEqual(before)
		})

		test('an update made on a ledger someone else changed since the form was loaded', async () => {
			const pledgeId = await pledgeIdOf(prisma, slug)
			const approved = await evidenceFor(slug)
			const first = await recordStatusUpdate(
				{
					actor: admin,
					pledgeId,
					input: update({
						status: 'IN_PROGRESS',
						effectiveDate: '2026-01-10',
						evidenceIds: approved,
						ledgerHeadId: '',
					}),
				},
				prisma,
			)
			// A conflict, with the entry the admin did not see.
			await expectRefused(
				update({ status: 'BROKEN', effectiveDate: '2026-02-10', evidenceIds: approved, ledgerHeadId: '' }),
				{ status: 'conflict', record: { id: saved(first).id, pledgeStatus: 'IN_PROGRESS' } },
			)
			// A head the ledger never held is not found.
			await expectRefused(
				update({
					status: 'BROKEN',
					effectiveDate: '2026-02-10',
					evidenceIds: approved,
					ledgerHeadId: 'nope',
				}),
				{ status: 'not-found' },
			)
		})

		test('a status taking effect before the one now in effect', async () => {
			const pledgeId = await pledgeIdOf(prisma, slug)
			const approved = await evidenceFor(slug)
			await recordStatusUpdate(
				{
					actor: admin,
					pledgeId,
					input: update({ status: 'STALLED', effectiveDate: '2026-03-01', evidenceIds: approved }),
				},
				prisma,
			)
			await expectRefused(
				update({ status: 'KEPT', effectiveDate: '2026-02-28', evidenceIds: approved }),
				{
					status: 'invalid',
					problems: { effectiveDate: 'before-current' },
					detail: { currentSince: '2026-03-01' },
				},
				{
					effectiveDate: [
						'The current status took effect on 2026-03-01: a new status cannot take effect before it. To change the past, correct that entry.',
					],
				},
			)
		})

		test('an entry whose evidence links cannot be written: the entry is rolled back with them', async () => {
			const approved = await evidenceFor(slug)
			// Bypassing the form (which removes repeats), the same evidence twice breaks the links' primary key
			// after the entry itself was inserted.
			const pledgeId = await pledgeIdOf(prisma, slug)
			const before = await snapshot(pledgeId)
			await expect(
				recordStatusUpdate(
					{
						actor: admin,
						pledgeId,
						input: {
							status: 'KEPT',
							effectiveDate: new Date('2026-05-01'),
							rationale: 'As the evidence shows.',
							evidenceIds: [approved, approved],
						},
					},
					prisma,
				),
			).rejects.toThrow()
			expect(await snapshot(pledgeId)).toEqual(before)
		})
	})

	test('answers not-found for an unknown pledge', async () => {
		expect(
			await recordStatusUpdate(
				{
					actor: admin,
					pledgeId: 'no-such-pledge',
					input: update({ status: 'NOT_RATED', effectiveDate: '2026-01-10' }),
				},
				prisma,
			),
		).toEqual({ status: 'not-found' })
	})

	test('two admins recording at the same moment: one after the other, never interleaved', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'drinking-water')
		const approved = await evidenceFor('drinking-water')
		const record = (actor: Actor, status: string, ledgerHeadId?: string) =>
			recordStatusUpdate(
				{
					actor,
					pledgeId,
					input: update({
						status,
						effectiveDate: '2026-02-01',
						evidenceIds: approved,
						...(ledgerHeadId === undefined ? {} : { ledgerHeadId }),
					}),
				},
				prisma,
			)
		// Both loaded the form on an empty ledger: the second is told it is stale, with the first one's entry.
		const raced = await Promise.all([record(admin, 'IN_PROGRESS', ''), record(otherAdmin, 'STALLED', '')])
		const winners = raced.filter((result) => result.status === 'saved')
		expect(winners).toHaveLength(1)
		expect(raced.filter((result) => result.status !== 'saved')).toEqual([
			{ status: 'conflict', record: winners[0]?.status === 'saved' ? winners[0].record : null },
		])

		// Without the check, both are written, and each one's fromStatus is the status the other left.
		await Promise.all([record(admin, 'PARTIAL'), record(otherAdmin, 'KEPT')])
		const entries = await prisma.statusUpdate.findMany({ where: { pledgeId }, orderBy: { createdAt: 'asc' } })
		expect(entries).toHaveLength(3)
		expect(entries[0]?.fromStatus).toBe('NOT_RATED')
		expect(entries[1]?.fromStatus).toBe(entries[0]?.status)
		expect(entries[2]?.fromStatus).toBe(entries[1]?.status)
		const pledge = await prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } })
		expect(pledge.status).toBe(entries[2]?.status)
		expect(
			await prisma.auditEntry.count({ where: { entityId: { in: entries.map((entry) => entry.id) } } }),
		).toBe(3)
	})
})

describe('recording a correction', () => {
	const slug = 'education-investment'

	async function ledgerOf(status: string, effectiveDate: string, evidenceId: string) {
		const result = await recordStatusUpdate(
			{
				actor: admin,
				pledgeId: await pledgeIdOf(prisma, slug),
				input: update({ status, effectiveDate, evidenceIds: evidenceId }),
			},
			prisma,
		)
		return saved(result).id
	}

	function correction(fields: Record<string, SentValue>) {
		return acceptedForm(correctionSchema(now), {
			rationale: 'As the newer evidence shows.',
			correctionReason: 'The earlier entry misread the source.',
			...fields,
		})
	}

	test('writes a new entry pointing at the corrected one and stores the status the corrected ledger gives', async () => {
		const pledgeId = await pledgeIdOf(prisma, slug)
		const evidenceId = await evidenceFor(slug)
		const started = await ledgerOf('IN_PROGRESS', '2026-01-10', evidenceId)
		const kept = await ledgerOf('KEPT', '2026-04-05', evidenceId)

		const result = await recordCorrection(
			{
				actor: admin,
				pledgeId,
				input: correction({
					correctsId: kept,
					status: 'STALLED',
					effectiveDate: '2026-03-15',
					evidenceIds: evidenceId,
				}),
			},
			prisma,
		)
		expect(result).toMatchObject({ status: 'saved', record: { pledgeStatus: 'STALLED' } })
		const correctionId = saved(result).id
		expect(await prisma.statusUpdate.findUniqueOrThrow({ where: { id: correctionId } })).toMatchObject({
			correctsId: kept,
			fromStatus: 'KEPT',
			status: 'STALLED',
		})
		expect(await prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({
			status: 'STALLED',
		})
		const audit = await prisma.auditEntry.findMany({ where: { entityId: correctionId } })
		expect(audit).toHaveLength(1)
		expect(audit[0]).toMatchObject({
			action: 'status_update.correct',
			before: {
				correctedEntry: { id: kept, status: 'KEPT', effectiveDate: '2026-04-05', evidenceIds: [evidenceId] },
				pledgeStatus: 'KEPT',
			},
			after: { correctsId: kept, status: 'STALLED', effectiveDate: '2026-03-15', pledgeStatus: 'STALLED' },
		})

		// The corrected entry stays in the ledger, marked as corrected.
		const ledger = await listLedger(pledgeId, prisma)
		expect(ledger.find((entry) => entry.id === kept)).toMatchObject({ isCorrected: true })
		expect(ledger.find((entry) => entry.id === started)).toMatchObject({ isCorrected: false })

		// An entry is corrected once; its correction can be corrected in turn.
		const twice = await recordCorrection(
			{
				actor: admin,
				pledgeId,
				input: correction({
					correctsId: kept,
					status: 'BROKEN',
					effectiveDate: '2026-03-15',
					evidenceIds: evidenceId,
				}),
			},
			prisma,
		)
		// A conflict, with the correction already made.
		expect(twice).toEqual({ status: 'conflict', record: { id: correctionId, pledgeStatus: 'STALLED' } })
		// Backdated before the first entry: the first entry is the newest again.
		const again = await recordCorrection(
			{
				actor: admin,
				pledgeId,
				input: correction({
					correctsId: correctionId,
					status: 'BROKEN',
					effectiveDate: '2025-12-01',
					evidenceIds: evidenceId,
				}),
			},
			prisma,
		)
		expect(again).toMatchObject({ status: 'saved', record: { pledgeStatus: 'IN_PROGRESS' } })
	})

	test('answers not-found for an unknown entry or an entry of another pledge', async () => {
		const pledgeId = await pledgeIdOf(prisma, slug)
		const evidenceId = await evidenceFor(slug)
		const otherSlug = 'youth-policy-law'
		const otherPledgeEntry = saved(
			await recordStatusUpdate(
				{
					actor: admin,
					pledgeId: await pledgeIdOf(prisma, otherSlug),
					input: update({
						status: 'IN_PROGRESS',
						effectiveDate: '2026-01-10',
						evidenceIds: await evidenceFor(otherSlug),
					}),
				},
				prisma,
			),
		)
		const before = await snapshot(pledgeId)
		for (const correctsId of ['no-such-entry', otherPledgeEntry.id]) {
			const result = await recordCorrection(
				{
					actor: admin,
					pledgeId,
					input: correction({
						correctsId,
						status: 'KEPT',
						effectiveDate: '2026-01-10',
						evidenceIds: evidenceId,
					}),
				},
				prisma,
			)
			expect(result).toEqual({ status: 'not-found' })
		}
		expect(await snapshot(pledgeId)).toEqual(before)
	})

	test('follows the status update’s evidence rules', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'targeted-social-aid')
		const evidenceId = await evidenceFor('targeted-social-aid')
		const pending = await evidenceFor('targeted-social-aid', 'PENDING', 'Unreviewed')
		const first = await recordStatusUpdate(
			{
				actor: admin,
				pledgeId,
				input: update({ status: 'IN_PROGRESS', effectiveDate: '2026-01-10', evidenceIds: evidenceId }),
			},
			prisma,
		)
		const before = await snapshot(pledgeId)
		const result = await recordCorrection(
			{
				actor: admin,
				pledgeId,
				input: correction({
					correctsId: saved(first).id,
					status: 'KEPT',
					effectiveDate: '2026-01-10',
					evidenceIds: pending,
				}),
			},
			prisma,
		)
		expect(result).toEqual({
			status: 'invalid',
			problems: { evidenceIds: 'evidence-unusable' },
			detail: { unusableEvidence: [{ id: pending, problem: 'pending', title: 'Unreviewed' }] },
		})
		expect(messagesOf(result)).toEqual({
			evidenceIds: ['“Unreviewed” is not reviewed yet: a status rests only on approved evidence.'],
		})
		expect(await snapshot(pledgeId)).toEqual(before)
	})
})

test('the status page gives the pledge, the ledger head the form sends back, and the evidence to choose from', async () => {
	const slug = 'lower-morbidity-longer-life'
	const pledgeId = await pledgeIdOf(prisma, slug)
	const empty = await getStatusPage(pledgeId, {}, prisma)
	expect(empty).toMatchObject({ pledge: { slug, status: 'NOT_RATED' }, ledgerHeadId: '', ledger: [] })
	const approved = await evidenceFor(slug)
	await evidenceFor(slug, 'PENDING')
	const result = await recordStatusUpdate(
		{
			actor: admin,
			pledgeId,
			input: update({
				status: 'IN_PROGRESS',
				effectiveDate: '2026-01-10',
				evidenceIds: approved,
				ledgerHeadId: '',
			}),
		},
		prisma,
	)
	const entryId = saved(result).id
	const page = await getStatusPage(pledgeId, {}, prisma)
	expect(page?.pledge.status).toBe('IN_PROGRESS')
	expect(page?.ledgerHeadId).toBe(entryId)
	expect(page?.ledger).toMatchObject([{ id: entryId, fromStatus: 'NOT_RATED', evidence: [{ id: approved }] }])
	expect(page?.approvedEvidence.map((item) => item.id)).toEqual([approved])
	expect(await getStatusPage('no-such-pledge', {}, prisma)).toBeNull()
})

describe('random forms never cause an error', () => {
	test('a status update or correction that parses is recorded, or refused with nothing written', async () => {
		const slug = 'social-infrastructure'
		const pledgeId = await pledgeIdOf(prisma, slug)
		const approved = [await evidenceFor(slug), await evidenceFor(slug)]
		const refused = [
			await evidenceFor(slug, 'PENDING'),
			await evidenceFor(slug, 'REJECTED'),
			await evidenceFor('reliable-energy'),
			'no-such-evidence',
		]
		// Per field: mostly something valid, sometimes what a broken or hostile client could send.
		const mostly = <T>(valid: fc.Arbitrary<T>, junk: fc.Arbitrary<T>) =>
			fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: junk, weight: 1 })
		const date = mostly(
			fc
				.date({ min: new Date('2020-01-01'), max: new Date('2026-10-01'), noInvalidDate: true })
				.map((value) => value.toISOString().slice(0, 10)),
			fc.oneof(fc.constantFrom('', '2026-02-30', '3000-01-01'), fc.string()),
		)
		const form = fc.record(
			{
				status: mostly(fc.constantFrom('NOT_RATED', 'IN_PROGRESS', 'KEPT', 'BROKEN'), fc.string()),
				effectiveDate: date,
				rationale: mostly(
					fc.constantFrom('As the evidence shows.', 'The law was adopted in its first reading.'),
					fc.oneof(fc.string(), fc.constantFrom('', 'a\u0000b', 'r')),
				),
				evidenceIds: mostly(
					fc.subarray(approved, { minLength: 1 }),
					fc.oneof(fc.subarray([...approved, ...refused]), fc.array(fc.string(), { maxLength: 3 })),
				),
			},
			{ requiredKeys: ['status', 'effectiveDate', 'rationale'] },
		)
		let recorded = 0
		await fc.assert(
			fc.asyncProperty(form, fc.boolean(), async (values, asCorrection) => {
				const ledger = await prisma.statusUpdate.findMany({
					where: { pledgeId, correctedBy: { none: {} } },
					select: { id: true },
				})
				const target = ledger.at(-1)?.id
				const before = await snapshot(pledgeId)
				let result
				if (asCorrection && target) {
					const parsed = parseForm(correctionSchema(now), {
						...values,
						correctsId: target,
						correctionReason: 'The entry it corrects misread the source.',
					})
					if (parsed.status !== 'success') return
					result = await recordCorrection({ actor: admin, pledgeId, input: parsed.value }, prisma)
				} else {
					const parsed = parseForm(statusUpdateSchema(now), values)
					if (parsed.status !== 'success') return
					// Without its ledger head, so that the stale check does not refuse every entry after the first.
					const { ledgerHeadId: _unchecked, ...input } = parsed.value
					result = await recordStatusUpdate({ actor: admin, pledgeId, input }, prisma)
				}
				if (result.status === 'saved') {
					recorded += 1
					return
				}
				expect(result.status).toBe('invalid')
				expect(await snapshot(pledgeId)).toEqual(before)
			}),
			{ numRuns: 80 },
		)
		expect(recorded).toBeGreaterThan(0)
		// Whatever was written, the stored status is what the ledger gives.
		const entries = await prisma.statusUpdate.findMany({ where: { pledgeId }, select: ledgerSelect })
		const pledge = await prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } })
		expect(pledge.status).toBe(currentStatusFromLedger(entries, now).status)
	})
})

const ledgerSelect = {
	id: true,
	status: true,
	effectiveDate: true,
	createdAt: true,
	correctsId: true,
} satisfies Prisma.StatusUpdateSelect

describe('the public status-over-time', () => {
	// A platform of its own, rated here and nowhere else: the test passes alone and in any order, and knows
	// every count. Today is fixed, so "this month" is November 2026 on any day the test runs.
	const platformSlug = 'status-over-time-check'
	const pledgeSlugs = ['rated-twice', 'corrected', 'broken', 'partial', 'never-rated'] as const

	beforeAll(async () => {
		const politician = await prisma.politician.findFirstOrThrow({ select: { id: true } })
		await prisma.platform.create({
			data: {
				slug: platformSlug,
				politicianId: politician.id,
				title: 'A platform for the status-over-time check',
				electionDate: new Date('2025-12-01'),
				termStart: new Date('2026-01-01'),
				termEnd: new Date('2029-12-31'),
				sourceUrl: 'https://example.org/platform',
				sourceTitle: 'The platform',
				sourcePublisher: 'Example Publisher',
				categories: { create: { slug: 'everything', title: 'Everything' } },
			},
		})
		const { id: platformId, categories } = await prisma.platform.findUniqueOrThrow({
			where: { slug: platformSlug },
			select: { id: true, categories: { select: { id: true } } },
		})
		const categoryId = categories[0]?.id ?? ''
		const pledgeIds = new Map<string, string>()
		for (const [position, slug] of pledgeSlugs.entries()) {
			const { id } = await prisma.pledge.create({
				data: {
					platformId,
					categoryId,
					slug,
					title: `Pledge ${slug}`,
					summary: 'A pledge.',
					quote: 'We will.',
					sourceUrl: 'https://example.org/platform',
					sourceDate: new Date('2025-11-01'),
					kind: 'QUALITATIVE',
					deadline: new Date('2029-12-31'),
					position,
				},
				select: { id: true },
			})
			pledgeIds.set(slug, id)
		}
		const rate = async (slug: string, status: PledgeStatus, effectiveDate: string, correctsId?: string) => {
			const pledgeId = pledgeIds.get(slug) ?? ''
			const { id: evidenceId } = await createEvidence(prisma, {
				pledgeId,
				userId: checker.id,
				title: `Evidence on ${slug} (${effectiveDate})`,
				publishedOn: '2026-01-05',
			})
			const fields = { status, effectiveDate, rationale: 'As the evidence shows.', evidenceIds: evidenceId }
			const result = correctsId
				? await recordCorrection(
						{
							actor: admin,
							pledgeId,
							input: acceptedForm(correctionSchema(now), {
								...fields,
								correctsId,
								correctionReason: 'The entry it corrects misread the source.',
							}),
						},
						prisma,
					)
				: await recordStatusUpdate({ actor: admin, pledgeId, input: update(fields) }, prisma)
			return saved(result).id
		}
		await rate('rated-twice', 'IN_PROGRESS', '2026-02-10')
		await rate('rated-twice', 'KEPT', '2026-09-01')
		const misread = await rate('corrected', 'KEPT', '2026-03-05')
		await rate('corrected', 'STALLED', '2026-03-05', misread)
		await rate('broken', 'BROKEN', '2026-05-20')
		await rate('partial', 'PARTIAL', '2026-06-15')
	})

	test('every stored status agrees with the public status-over-time for this month', async () => {
		// The platform is a draft (as every new one is): read as staff would.
		const platform = await getPlatform(platformSlug, prisma, { drafts: true })
		if (!platform) throw new Error('no platform')
		const overTime = await getStatusOverTime(platform, now, prisma)
		expect(overTime.at(-1)?.month).toBe('2026-11-01')
		const thisMonth = overTime.at(-1)?.counts
		const stored = await prisma.pledge.groupBy({
			by: ['status'],
			where: { platformId: platform.id },
			_count: { _all: true },
		})
		const storedCounts = Object.fromEntries(stored.map((row) => [row.status, row._count._all]))
		// The setup rated four of the five pledges, one of them twice and one through a correction.
		expect(storedCounts).toEqual({ NOT_RATED: 1, STALLED: 1, PARTIAL: 1, KEPT: 1, BROKEN: 1 })
		expect(Object.keys(storedCounts).length).toBeGreaterThan(2)
		for (const [status, count] of Object.entries(thisMonth ?? {}))
			expect(count).toBe(storedCounts[status] ?? 0)
		expect(thisMonth).toEqual({ NOT_RATED: 1, IN_PROGRESS: 0, STALLED: 1, PARTIAL: 1, KEPT: 1, BROKEN: 1 })
		// An earlier month counts the ledger as it stood then, with the correction in place of what it corrected.
		expect(overTime.find((entry) => entry.month === '2026-03-01')?.counts).toEqual({
			NOT_RATED: 3,
			IN_PROGRESS: 1,
			STALLED: 1,
			PARTIAL: 0,
			KEPT: 0,
			BROKEN: 0,
		})
	})
})

describe('the integrity rules, whatever path writes (app/forms/integrity-rules)', () => {
	const tooShort = [
		'Write at least a short sentence (20 characters, 3 words or more): the public reads this, and it stays on record.',
	]

	test('a date before the pledge was made (its source, 2022-10-26) or after today: refused, nothing written', async () => {
		const slug = 'competitive-agriculture'
		const pledgeId = await pledgeIdOf(prisma, slug)
		const evidenceId = await evidenceFor(slug)
		const before = await snapshot(pledgeId)
		const entry = (effectiveDate: string) => ({
			status: 'IN_PROGRESS' as const,
			effectiveDate: new Date(effectiveDate),
			rationale: 'As the evidence shows.',
			evidenceIds: [evidenceId],
		})
		const early = await recordStatusUpdate(
			{ actor: admin, pledgeId, input: entry('1990-01-01'), now },
			prisma,
		)
		expect(early).toEqual({
			status: 'invalid',
			problems: { effectiveDate: 'before-pledge' },
			detail: { pledgeMadeOn: '2022-10-26' },
		})
		expect(messagesOf(early)).toEqual({
			effectiveDate: ['The pledge was made on 2022-10-26: a status cannot take effect before it.'],
		})
		const late = await recordStatusUpdate({ actor: admin, pledgeId, input: entry('2026-11-30'), now }, prisma)
		expect(late).toMatchObject({ status: 'invalid', problems: { effectiveDate: 'in-future' } })
		expect(await snapshot(pledgeId)).toEqual(before)
		// The day the pledge was made is the earliest a status may take effect.
		const first = await recordStatusUpdate(
			{ actor: admin, pledgeId, input: entry('2022-10-26'), now },
			prisma,
		)
		expect(first.status).toBe('saved')
	})

	test('a rationale or a correction reason that is no sentence: refused at its field, nothing written', async () => {
		const slug = 'open-transport-corridors'
		const pledgeId = await pledgeIdOf(prisma, slug)
		const evidenceId = await evidenceFor(slug)
		const fields = {
			status: 'IN_PROGRESS' as const,
			effectiveDate: new Date('2026-01-10'),
			evidenceIds: [evidenceId],
		}
		const before = await snapshot(pledgeId)
		const short = await recordStatusUpdate(
			{ actor: admin, pledgeId, input: { ...fields, rationale: 'r' }, now },
			prisma,
		)
		expect(messagesOf(short)).toEqual({ rationale: tooShort })
		expect(await snapshot(pledgeId)).toEqual(before)

		const entryId = saved(
			await recordStatusUpdate(
				{ actor: admin, pledgeId, input: { ...fields, rationale: 'As the evidence shows.' }, now },
				prisma,
			),
		).id
		const afterEntry = await snapshot(pledgeId)
		const correction = {
			...fields,
			status: 'STALLED' as const,
			rationale: 'As the evidence shows.',
			correctsId: entryId,
			correctionReason: 'wrong',
		}
		const refused = await recordCorrection({ actor: admin, pledgeId, input: correction, now }, prisma)
		expect(messagesOf(refused)).toEqual({ correctionReason: tooShort })
		expect(await snapshot(pledgeId)).toEqual(afterEntry)
	})

	test('a correction that changes neither the status nor its date: refused at the status, nothing written', async () => {
		const slug = 'new-economic-model'
		const pledgeId = await pledgeIdOf(prisma, slug)
		const evidenceId = await evidenceFor(slug)
		const entryId = saved(
			await recordStatusUpdate(
				{
					actor: admin,
					pledgeId,
					input: update({ status: 'IN_PROGRESS', effectiveDate: '2023-04-01', evidenceIds: evidenceId }),
					now,
				},
				prisma,
			),
		).id
		const before = await snapshot(pledgeId)
		const same = acceptedForm(correctionSchema(now), {
			status: 'IN_PROGRESS',
			effectiveDate: '2023-04-01',
			rationale: 'A better explanation of the same status.',
			evidenceIds: evidenceId,
			correctsId: entryId,
			correctionReason: 'The rationale was unclear to readers.',
		})
		const result = await recordCorrection({ actor: admin, pledgeId, input: same, now }, prisma)
		expect(result).toEqual({ status: 'invalid', problems: { status: 'unchanged' } })
		expect(messagesOf(result)).toEqual({
			status: [
				'This correction changes neither the status nor the date it took effect: change at least one of them.',
			],
		})
		expect(await snapshot(pledgeId)).toEqual(before)

		// Only the date changes: recorded, with its own reason beside the new entry's rationale.
		const input = {
			...same,
			effectiveDate: new Date('2024-04-01'),
			correctionReason: 'The entry was dated by the report, not by the law.',
		}
		const corrected = saved(await recordCorrection({ actor: admin, pledgeId, input, now }, prisma))
		expect(
			await prisma.statusUpdate.findUniqueOrThrow({
				where: { id: corrected.id },
				select: { correctionReason: true, rationale: true, correctsId: true },
			}),
		).toEqual({
			correctionReason: 'The entry was dated by the report, not by the law.',
			rationale: 'A better explanation of the same status.',
			correctsId: entryId,
		})
		const [audit] = await prisma.auditEntry.findMany({ where: { entityId: corrected.id } })
		expect(audit?.after).toMatchObject({
			correctionReason: 'The entry was dated by the report, not by the law.',
		})
		expect((await listLedger(pledgeId, prisma))[0]).toMatchObject({
			id: corrected.id,
			correctionReason: 'The entry was dated by the report, not by the law.',
		})
	})

	test('a dry run (the preview) checks everything and writes nothing; the same entry then publishes', async () => {
		const slug = 'efficient-state-apparatus'
		const pledgeId = await pledgeIdOf(prisma, slug)
		const evidenceId = await evidenceFor(slug)
		const input = update({
			status: 'IN_PROGRESS',
			effectiveDate: '2024-04-01',
			evidenceIds: evidenceId,
			ledgerHeadId: '',
		})
		const before = await snapshot(pledgeId)
		expect(await recordStatusUpdate({ actor: admin, pledgeId, input, now, dryRun: true }, prisma)).toEqual({
			status: 'checked',
		})
		expect(await snapshot(pledgeId)).toEqual(before)
		// A dry run refuses what the write would refuse.
		const pending = await evidenceFor(slug, 'PENDING', 'Not yet reviewed')
		expect(
			await recordStatusUpdate(
				{ actor: admin, pledgeId, input: { ...input, evidenceIds: [pending] }, now, dryRun: true },
				prisma,
			),
		).toMatchObject({ status: 'invalid', problems: { evidenceIds: 'evidence-unusable' } })
		const entryId = saved(await recordStatusUpdate({ actor: admin, pledgeId, input, now }, prisma)).id
		const afterEntry = await snapshot(pledgeId)
		const correction = acceptedForm(correctionSchema(now), {
			status: 'STALLED',
			effectiveDate: '2024-04-01',
			rationale: 'No step was taken for twelve months.',
			evidenceIds: evidenceId,
			correctsId: entryId,
			correctionReason: 'The entry misread the ministry’s report.',
		})
		expect(
			await recordCorrection({ actor: admin, pledgeId, input: correction, now, dryRun: true }, prisma),
		).toEqual({ status: 'checked' })
		expect(await snapshot(pledgeId)).toEqual(afterEntry)
	})

	test('PostgreSQL keeps the static rules too (a script writing around the models is refused)', async () => {
		const slug = 'balanced-foreign-policy'
		const pledgeId = await pledgeIdOf(prisma, slug)
		const evidenceId = await evidenceFor(slug)
		const written = await recordStatusUpdate(
			{
				actor: admin,
				pledgeId,
				input: update({ status: 'IN_PROGRESS', effectiveDate: '2023-01-10', evidenceIds: evidenceId }),
				now,
			},
			prisma,
		)
		const entry = { id: saved(written).id, authorId: admin.id }
		const row = {
			pledgeId,
			fromStatus: 'NOT_RATED' as const,
			status: 'IN_PROGRESS' as const,
			effectiveDate: new Date('2024-01-01'),
			rationale: 'As the evidence shows.',
			authorId: entry.authorId,
		}
		const constraint = (name: string) => new RegExp(name)
		await expect(prisma.statusUpdate.create({ data: { ...row, correctsId: entry.id } })).rejects.toThrow(
			constraint('StatusUpdate_correction_has_reason'),
		)
		await expect(
			prisma.statusUpdate.create({ data: { ...row, correctionReason: 'Not a correction at all.' } }),
		).rejects.toThrow(constraint('StatusUpdate_correction_has_reason'))
		await expect(
			prisma.pledge.update({ where: { id: pledgeId }, data: { deadline: new Date('2020-01-01') } }),
		).rejects.toThrow(constraint('Pledge_deadline_not_before_source'))
		const platform = await prisma.platform.findFirstOrThrow({ select: { id: true } })
		// The seed's term: 2022-11-26 to 2029-11-26, after the election of 2022-11-20.
		await expect(
			prisma.platform.update({ where: { id: platform.id }, data: { termEnd: new Date('2022-11-23') } }),
		).rejects.toThrow(constraint('Platform_term_ends_after_start'))
		await expect(
			prisma.platform.update({ where: { id: platform.id }, data: { electionDate: new Date('2030-01-01') } }),
		).rejects.toThrow(constraint('Platform_term_ends_after_election'))
		const indicator = await prisma.indicator.findFirstOrThrow({ select: { id: true, targetDate: true } })
		await expect(
			prisma.indicator.update({
				where: { id: indicator.id },
				data: { baselineDate: indicator.targetDate, baselineValue: 1 },
			}),
		).rejects.toThrow(constraint('Indicator_target_after_baseline'))
	})
})
