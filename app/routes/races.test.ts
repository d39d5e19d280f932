import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { evidenceFormValues } from '~/forms/evidence'
import { getOwnEvidence } from '~/models/evidence.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { createEvidence, pledgeIdOf } from '~/test/ledger-fixtures'
import * as statusPage from './admin/pledges.$pledgeId.status'
import * as reviewPage from './admin/review.$evidenceId'
import * as ownEvidencePage from './evidence/$evidenceId'

// Two people on the same record at once (issue 9, the reviewer's races): a review decision is on the
// version the admin saw; a status recorded or evidence edited meanwhile keeps what the slower one typed.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let adaCookie: string
let olgaCookie: string
let faridaId: string
let faridaCookie: string
let itJobs: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	adaCookie = await sessionCookieFor((await createTestAccount({ role: 'ADMIN', displayName: 'Ada' })).id)
	olgaCookie = await sessionCookieFor((await createTestAccount({ role: 'ADMIN', displayName: 'Olga' })).id)
	const farida = await createTestAccount({ role: 'FACT_CHECKER', displayName: 'Farida' })
	faridaId = farida.id
	faridaCookie = await sessionCookieFor(farida.id)
	itJobs = await pledgeIdOf(prisma, 'it-jobs')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

function get(value: unknown, ...path: (string | number)[]): unknown {
	let current = value
	for (const key of path) {
		current =
			typeof current === 'object' && current !== null && key in current
				? Reflect.get(current, key)
				: undefined
	}
	return current
}

function request(path: string, cookie: string, fields?: URLSearchParams | Record<string, string>) {
	return new Request(`http://localhost${path}`, {
		method: fields ? 'POST' : 'GET',
		headers: { Cookie: cookie },
		body: fields ? new URLSearchParams(fields) : undefined,
	})
}

let sequence = 0

async function pendingEvidence() {
	sequence += 1
	return createEvidence(prisma, {
		pledgeId: itJobs,
		userId: faridaId,
		title: `Race evidence ${sequence}`,
		publishedOn: '2026-10-01',
		reviewState: 'PENDING',
		measuredValue: 121000 + sequence,
		measuredAsOf: '2026-09-30',
	})
}

/** The author's edit form as their page fills it, with `changes` typed in. */
async function ownForm(evidenceId: string, changes: Record<string, string>) {
	const own = await getOwnEvidence({ userId: faridaId, evidenceId }, prisma)
	if (own === null || own === 'not-yours') throw new Error('not Farida’s evidence')
	return { ...evidenceFormValues(own), ...changes }
}

function postOwn(evidenceId: string, fields: Record<string, string>) {
	return outcomeOf(() =>
		ownEvidencePage.action({
			request: request(`/evidence/${evidenceId}`, faridaCookie, fields),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

function loadReview(evidenceId: string) {
	return outcomeOf(() =>
		reviewPage.loader({
			request: request(`/admin/review/${evidenceId}`, adaCookie),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

function review(evidenceId: string, fields: Record<string, string>) {
	return outcomeOf(() =>
		reviewPage.action({
			request: request(`/admin/review/${evidenceId}`, adaCookie, fields),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

describe('a review decision is on the version the admin saw', () => {
	test('the author edits between load and approve: 409 with the new version and the admin’s values, nothing approved, no measurement; approving the fresh version works', async () => {
		const evidence = await pendingEvidence()
		const loaded = await loadReview(evidence.id)
		const seen = String(get(loaded.body, 'evidence', 'version'))
		expect(seen).toBe('1')

		const edited = await postOwn(
			evidence.id,
			await ownForm(evidence.id, { excerpt: 'The figure was revised after publication, and so was this.' }),
		)
		expect(edited.status).toBe(302)

		const stale = await review(evidence.id, {
			decision: 'approve',
			note: 'Checked the table.',
			version: seen,
		})
		expect(stale.status).toBe(409)
		expect(get(stale.body, 'changedMeanwhile')).toMatchObject({
			reviewState: 'PENDING',
			version: 2,
			excerpt: 'The figure was revised after publication, and so was this.',
		})
		expect(get(stale.body, 'result', 'initialValue')).toMatchObject({
			decision: 'approve',
			note: 'Checked the table.',
			version: '2',
		})
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
			reviewState: 'PENDING',
			reviewedById: null,
		})
		expect(await prisma.measurement.count({ where: { evidenceId: evidence.id } })).toBe(0)
		expect(
			await prisma.auditEntry.count({ where: { entityId: evidence.id, action: 'evidence.approve' } }),
		).toBe(0)

		const fresh = await review(evidence.id, { decision: 'approve', note: 'Checked the table.', version: '2' })
		expect(fresh.status).toBe(302)
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
			reviewState: 'APPROVED',
			reviewNote: 'Checked the table.',
		})
		expect(await prisma.measurement.count({ where: { evidenceId: evidence.id } })).toBe(1)
	})

	test('a decision without the version, or with a version never stored, writes nothing', async () => {
		const evidence = await pendingEvidence()
		expect((await review(evidence.id, { decision: 'reject', note: 'No version sent.' })).status).toBe(400)
		expect((await review(evidence.id, { decision: 'reject', note: 'Ahead.', version: '7' })).status).toBe(409)
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
			reviewState: 'PENDING',
		})
	})
})

function statusAction(pledgeId: string, fields: URLSearchParams, cookie: string) {
	return outcomeOf(() =>
		statusPage.action({
			request: request(`/admin/pledges/${pledgeId}/status`, cookie, fields),
			params: { pledgeId },
			context: testContext,
		}),
	)
}

async function ledgerHeadOf(pledgeId: string, cookie: string): Promise<string> {
	const loaded = await outcomeOf(() =>
		statusPage.loader({
			request: request(`/admin/pledges/${pledgeId}/status`, cookie),
			params: { pledgeId },
			context: testContext,
		}),
	)
	return String(get(loaded.body, 'page', 'ledgerHeadId'))
}

describe('two admins on the same status page', () => {
	test('the second publish is 409 naming what was recorded, with their values kept on the new head; publishing again on it succeeds', async () => {
		const evidence = await createEvidence(prisma, {
			pledgeId: itJobs,
			userId: faridaId,
			title: 'Approved for the race',
			publishedOn: '2026-10-01',
		})
		const opened = await ledgerHeadOf(itJobs, adaCookie)
		expect(await ledgerHeadOf(itJobs, olgaCookie)).toBe(opened)

		const olgas = new URLSearchParams({
			intent: 'record',
			step: 'publish',
			ledgerHeadId: opened,
			status: 'IN_PROGRESS',
			effectiveDate: '2026-10-02',
			rationale: 'Olga: employment in IT is rising.',
		})
		olgas.append('evidenceIds', evidence.id)
		const olgasOutcome = await statusAction(itJobs, olgas, olgaCookie)
		expect(olgasOutcome.status).toBe(302)
		const newHead = await ledgerHeadOf(itJobs, adaCookie)
		expect(newHead).not.toBe(opened)

		const adas = new URLSearchParams({
			intent: 'record',
			step: 'publish',
			ledgerHeadId: opened,
			status: 'STALLED',
			effectiveDate: '2026-10-03',
			rationale: 'Ada: the programme lost its funding this autumn.',
		})
		adas.append('evidenceIds', evidence.id)
		const conflict = await statusAction(itJobs, adas, adaCookie)
		expect(conflict.status).toBe(409)
		expect(get(conflict.body, 'conflict', 'recordedMeanwhile')).toEqual({
			status: 'IN_PROGRESS',
			effectiveDate: '2026-10-02',
			author: 'Olga',
			recordedAt: expect.any(String),
		})
		expect(get(conflict.body, 'conflict', 'kept', 'initialValue')).toMatchObject({
			status: 'STALLED',
			effectiveDate: '2026-10-03',
			rationale: 'Ada: the programme lost its funding this autumn.',
			// One chosen evidence, as the browser sent it (conform reads a lone value as the list of one).
			evidenceIds: evidence.id,
			ledgerHeadId: newHead,
			step: 'edit',
		})
		expect(await prisma.statusUpdate.count({ where: { rationale: { startsWith: 'Ada:' } } })).toBe(0)

		// Publishing again what the form now holds: on top of Olga's entry.
		const kept = get(conflict.body, 'conflict', 'kept', 'initialValue')
		const again = new URLSearchParams(adas)
		again.set('ledgerHeadId', String(get(kept, 'ledgerHeadId')))
		expect((await statusAction(itJobs, again, adaCookie)).status).toBe(302)
		expect(await prisma.pledge.findUniqueOrThrow({ where: { id: itJobs } })).toMatchObject({
			status: 'STALLED',
		})
	})
})

describe('the author’s evidence edit on a stale version', () => {
	test('409 with the stored version, the author’s typed values kept on it; saving again applies them', async () => {
		const evidence = await pendingEvidence()
		const firstTab = await ownForm(evidence.id, { title: 'Typed in the first tab' })
		const secondTab = await ownForm(evidence.id, { title: 'Saved in the second tab' })
		expect((await postOwn(evidence.id, secondTab)).status).toBe(302)

		const stale = await postOwn(evidence.id, firstTab)
		expect(stale.status).toBe(409)
		expect(get(stale.body, 'conflict')).toMatchObject({ title: 'Saved in the second tab', version: 2 })
		expect(get(stale.body, 'conflict', 'kept', 'initialValue')).toMatchObject({
			title: 'Typed in the first tab',
			version: '2',
		})
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
			title: 'Saved in the second tab',
		})

		const again = await postOwn(evidence.id, { ...firstTab, version: '2' })
		expect(again.status).toBe(302)
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
			title: 'Typed in the first tab',
			version: 3,
		})
	})
})
