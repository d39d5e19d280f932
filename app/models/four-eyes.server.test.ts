import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { evidenceSchema } from '~/forms/evidence'
import { reviewSchema } from '~/forms/review'
import {
	correctionSchema,
	ledgerProblemMessages,
	ownEvidenceMessage,
	statusUpdateSchema,
} from '~/forms/status-update'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { acceptedForm } from '~/test/forms'
import { pledgeIdOf } from '~/test/ledger-fixtures'
import { reviewEvidence, submitEvidence } from './evidence.server'
import type { Actor } from './save.server'
import { recordCorrection, recordStatusUpdate } from './status-update.server'

// The four-eyes rule (issue 9, item 4) in the models: nobody approves evidence they submitted, nor records
// a status that rests only on their own evidence, while the installation's setting is on (the default).
// The settings page that turns it off is tested in app/routes/admin/settings.test.ts; here the row is
// written directly.

let database: TestDatabase
let prisma: PrismaClient
let ada: Actor
let olga: Actor
let checker: Actor
let itJobs: string
const ip = '203.0.113.40'
const now = new Date('2026-11-28T12:00:00Z')
let sequence = 0

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
	ada = await user('ada@example.org', 'ADMIN')
	olga = await user('olga@example.org', 'ADMIN')
	checker = await user('checker@example.org', 'FACT_CHECKER')
	itJobs = await pledgeIdOf(prisma, 'it-jobs')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

// Each test says which way the rule is; none relies on what an earlier one left. The rule is off only
// while Ada is the only active admin (updateInstallationSettings refuses it otherwise), so turning it off
// here disables Olga first; beforeEach enables her again.
async function setFourEyes(fourEyes: boolean) {
	if (!fourEyes) await prisma.user.update({ where: { id: olga.id }, data: { disabled: true } })
	await prisma.installationSettings.upsert({
		where: { id: 1 },
		create: { id: 1, fourEyes },
		update: { fourEyes },
	})
}

beforeEach(async () => {
	await prisma.installationSettings.deleteMany()
	await prisma.user.update({ where: { id: olga.id }, data: { disabled: false } })
})

async function submitted(actor: Actor) {
	sequence += 1
	const input = acceptedForm(evidenceSchema(now), {
		type: 'OFFICIAL_STATISTIC',
		sourceUrl: `https://stat.gov.kz/en/four-eyes/${sequence}`,
		title: `Employment in IT companies, release ${sequence}`,
		publisher: 'Bureau of National Statistics',
		publishedOn: '2026-10-15',
		excerpt: `Release ${sequence}: employment in IT companies keeps rising.`,
	})
	const result = await submitEvidence({ actor, pledgeId: itJobs, input, now }, prisma)
	if (result.status !== 'saved') throw new Error(`not submitted: ${result.status}`)
	return result.record.id
}

const approve = acceptedForm(reviewSchema, { decision: 'approve', version: '1' })

async function approved(by: Actor, reviewer: Actor) {
	const id = await submitted(by)
	const result = await reviewEvidence({ actor: reviewer, evidenceId: id, decision: approve, now }, prisma)
	if (result.status !== 'saved') throw new Error(`not approved: ${result.status}`)
	return id
}

/** A parsed status form, without the stale-ledger check (`ledgerHeadId` left out): these tests share a ledger. */
function statusInput(evidenceIds: string[]) {
	const { ledgerHeadId, ...input } = acceptedForm(statusUpdateSchema(now), {
		status: 'IN_PROGRESS',
		effectiveDate: '2026-10-20',
		rationale: 'The third-quarter release shows hiring in IT companies under way.',
		evidenceIds,
	})
	expect(ledgerHeadId).toBeNull()
	return input
}

async function writes() {
	return {
		approved: await prisma.evidence.count({ where: { reviewState: 'APPROVED' } }),
		ledger: await prisma.statusUpdate.count(),
		audit: await prisma.auditEntry.count(),
		pledge: await prisma.pledge.findUniqueOrThrow({ where: { id: itJobs }, select: { status: true } }),
	}
}

describe('approving one’s own evidence', () => {
	test('is refused while the rule is on (the default, with no settings saved): nothing written', async () => {
		const id = await submitted(ada)
		const before = await writes()
		expect(await reviewEvidence({ actor: ada, evidenceId: id, decision: approve, now }, prisma)).toEqual({
			status: 'invalid',
			problems: { decision: 'own-evidence' },
		})
		expect(await writes()).toEqual(before)
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({
			reviewState: 'PENDING',
			reviewedById: null,
		})
		// Another admin may, and the author may still send it back or reject it.
		expect(
			await reviewEvidence({ actor: olga, evidenceId: id, decision: approve, now }, prisma),
		).toMatchObject({
			status: 'saved',
			record: { reviewState: 'APPROVED' },
		})
		const second = await submitted(ada)
		const reject = acceptedForm(reviewSchema, {
			decision: 'reject',
			note: 'Sent to the wrong pledge.',
			version: '1',
		})
		expect(
			await reviewEvidence({ actor: ada, evidenceId: second, decision: reject, now }, prisma),
		).toMatchObject({ status: 'saved', record: { reviewState: 'REJECTED' } })
	})

	test('is allowed once an admin turned the rule off', async () => {
		await setFourEyes(false)
		const id = await submitted(ada)
		expect(
			await reviewEvidence({ actor: ada, evidenceId: id, decision: approve, now }, prisma),
		).toMatchObject({
			status: 'saved',
			record: { reviewState: 'APPROVED' },
		})
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({
			reviewState: 'APPROVED',
			submittedById: ada.id,
			reviewedById: ada.id,
		})
	})
})

describe('a status resting only on one’s own evidence', () => {
	test('is refused while the rule is on, at the evidence, with nothing written; a status update and a correction alike', async () => {
		await setFourEyes(true)
		const own = await approved(ada, olga)
		const before = await writes()
		const result = await recordStatusUpdate(
			{ actor: ada, pledgeId: itJobs, input: statusInput([own]), now },
			prisma,
		)
		expect(result).toEqual({ status: 'invalid', problems: { evidenceIds: 'own-evidence' } })
		if (result.status === 'invalid') {
			expect(ledgerProblemMessages(result.problems)).toEqual({ evidenceIds: [ownEvidenceMessage] })
		}
		expect(await writes()).toEqual(before)

		// Olga records it; Ada may not correct it on her own evidence either.
		const recorded = await recordStatusUpdate(
			{ actor: olga, pledgeId: itJobs, input: statusInput([own]), now },
			prisma,
		)
		if (recorded.status !== 'saved') throw new Error(`not recorded: ${recorded.status}`)
		const beforeCorrection = await writes()
		const correction = acceptedForm(correctionSchema(now), {
			intent: 'correct',
			correctsId: recorded.record.id,
			status: 'STALLED',
			effectiveDate: '2026-10-20',
			rationale: 'The release counted contracts signed, not people hired: hiring has stalled.',
			correctionReason: 'The entry misread what the release counted.',
			evidenceIds: [own],
		})
		expect(await recordCorrection({ actor: ada, pledgeId: itJobs, input: correction, now }, prisma)).toEqual({
			status: 'invalid',
			problems: { evidenceIds: 'own-evidence' },
		})
		expect(await writes()).toEqual(beforeCorrection)
	})

	test('is allowed when it also rests on someone else’s evidence, and for another admin', async () => {
		await setFourEyes(true)
		const own = await approved(ada, olga)
		const checkers = await approved(checker, olga)
		expect(
			await recordStatusUpdate(
				{ actor: ada, pledgeId: itJobs, input: statusInput([own, checkers]), now },
				prisma,
			),
		).toMatchObject({ status: 'saved' })
		expect(
			await recordStatusUpdate({ actor: olga, pledgeId: itJobs, input: statusInput([own]), now }, prisma),
		).toMatchObject({ status: 'saved' })
	})

	test('is allowed once an admin turned the rule off', async () => {
		await setFourEyes(false)
		const own = await approved(ada, ada)
		const before = await prisma.statusUpdate.count()
		expect(
			await recordStatusUpdate({ actor: ada, pledgeId: itJobs, input: statusInput([own]), now }, prisma),
		).toMatchObject({ status: 'saved' })
		expect(await prisma.statusUpdate.count()).toBe(before + 1)
	})
})
