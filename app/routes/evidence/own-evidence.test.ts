import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { auditActionLabel } from '~/models/audit-actions'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { pledgeIdOf } from '~/test/ledger-fixtures'
import { replyOf } from '~/test/reply'
import * as reviewQueuePage from '../admin/review'
import * as reviewPage from '../admin/review.$evidenceId'
import * as ownEvidencePage from './$evidenceId'
import * as minePage from './mine'
import * as newEvidencePage from './new'

// A fact-checker's own submission after it was sent (issue 9, item 3): edited while it waits, withdrawn,
// or sent back by an admin with a note, which its author reads and answers by resubmitting.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let faridaId: string
let faridaCookie: string
let otherCookie: string
let adminCookie: string
let qualitative: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const farida = await createTestAccount({ role: 'FACT_CHECKER', displayName: 'Farida' })
	faridaId = farida.id
	faridaCookie = await sessionCookieFor(farida.id)
	otherCookie = await sessionCookieFor((await createTestAccount({ role: 'FACT_CHECKER' })).id)
	adminCookie = await sessionCookieFor((await createTestAccount({ role: 'ADMIN', displayName: 'Ada' })).id)
	qualitative = await pledgeIdOf(prisma, 'independent-courts')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

function request(path: string, cookie: string, fields?: Record<string, string>) {
	return new Request(`http://localhost${path}`, {
		method: fields ? 'POST' : 'GET',
		headers: { Cookie: cookie },
		body: fields ? new URLSearchParams(fields) : undefined,
	})
}

let sequence = 0

function evidenceFields(fields: Record<string, string> = {}): Record<string, string> {
	sequence += 1
	return {
		type: 'OFFICIAL_STATEMENT',
		sourceUrl: `https://akorda.kz/en/statement-${sequence}`,
		title: `Statement on the courts, number ${sequence}`,
		publisher: 'Akorda',
		publishedOn: '2026-10-15',
		excerpt: 'Judges will be chosen by an independent council.',
		archiveUrl: '',
		measuredValue: '',
		measuredAsOf: '',
		suggestedStatus: 'IN_PROGRESS',
		suggestionReason: 'The council was announced.',
		...fields,
	}
}

/** Farida's submission through the "add evidence" form; its id. */
async function submitted(fields = evidenceFields()) {
	const url = `/evidence/new?${new URLSearchParams({ pledge: qualitative })}`
	const outcome = await outcomeOf(() =>
		newEvidencePage.action({ request: request(url, faridaCookie, fields), params: {}, context: testContext }),
	)
	const id = new URL(outcome.location ?? '', 'http://localhost').searchParams.get('submitted')
	if (!id) throw new Error(`not submitted: ${outcome.status}`)
	return { id, fields }
}

function loadOwn(evidenceId: string, cookie = faridaCookie) {
	return outcomeOf(() =>
		ownEvidencePage.loader({
			request: request(`/evidence/${evidenceId}`, cookie),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

function postOwn(evidenceId: string, fields: Record<string, string>, cookie = faridaCookie) {
	return outcomeOf(() =>
		ownEvidencePage.action({
			request: request(`/evidence/${evidenceId}`, cookie, fields),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

/** An admin's decision, carrying the version the review page shows now (as if loaded just before). */
async function review(evidenceId: string, fields: Record<string, string>) {
	const sent = { version: String((await stored(evidenceId)).version), ...fields }
	return outcomeOf(() =>
		reviewPage.action({
			request: request(`/admin/review/${evidenceId}`, adminCookie, sent),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

async function stored(evidenceId: string) {
	return prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } })
}

async function actionsOn(evidenceId: string) {
	const entries = await prisma.auditEntry.findMany({
		where: { entityType: 'Evidence', entityId: evidenceId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
	})
	return entries.map((entry) => entry.action)
}

async function queuedIds() {
	const { body } = await outcomeOf(() =>
		reviewQueuePage.loader({
			request: request('/admin/review', adminCookie),
			params: {},
			context: testContext,
		}),
	)
	const queue = typeof body === 'object' && body !== null ? Reflect.get(body, 'queue') : null
	const items: unknown = Reflect.get(queue ?? {}, 'items')
	return Array.isArray(items) ? items.map((item: unknown) => Reflect.get(Object(item), 'id')) : []
}

async function mine() {
	const { body } = await outcomeOf(() =>
		minePage.loader({ request: request('/evidence/mine', faridaCookie), params: {}, context: testContext }),
	)
	const submissions = typeof body === 'object' && body !== null ? Reflect.get(body, 'submissions') : null
	const items: unknown = Reflect.get(submissions ?? {}, 'items')
	return Array.isArray(items) ? items : []
}

describe('editing one’s pending submission (/evidence/:evidenceId)', () => {
	test('the author sees it with its values, saves a change (versioned, audited) and it stays in the queue', async () => {
		const { id, fields } = await submitted()
		const page = await loadOwn(id)
		expect(page.status).toBe(200)
		expect(page.body).toMatchObject({
			evidence: { id, title: fields.title, reviewState: 'PENDING', editable: true, version: 1 },
		})
		const outcome = await postOwn(id, { ...fields, title: 'Statement on judicial selection', version: '1' })
		expect(outcome).toMatchObject({ status: 302, location: `/evidence/mine?edited=${id}` })
		expect(await stored(id)).toMatchObject({
			title: 'Statement on judicial selection',
			reviewState: 'PENDING',
			version: 2,
		})
		expect(await actionsOn(id)).toEqual(['evidence.submit', 'evidence.edit'])
		const edit = await prisma.auditEntry.findFirstOrThrow({
			where: { entityId: id, action: 'evidence.edit' },
		})
		expect(edit).toMatchObject({
			actorId: faridaId,
			before: { title: fields.title },
			after: { title: 'Statement on judicial selection' },
			ipAddress: testContext.clientIp,
		})
		expect(await queuedIds()).toContain(id)
	})

	test('bad input is 400 with the message at the field and the values kept; a stale version is 409; neither writes', async () => {
		const { id, fields } = await submitted()
		const refused = await postOwn(id, { ...fields, title: '', excerpt: 'Kept as typed.', version: '1' })
		expect(refused.status).toBe(400)
		expect(replyOf(refused.body)).toMatchObject({
			values: { excerpt: 'Kept as typed.' },
			fieldErrors: { title: ['Enter the title of the source.'] },
		})
		expect(await postOwn(id, { ...fields, title: 'Edited in one tab', version: '1' })).toMatchObject({
			status: 302,
		})
		const stale = await postOwn(id, { ...fields, title: 'Edited in another tab', version: '1' })
		expect(stale.status).toBe(409)
		expect(stale.body).toMatchObject({ conflict: { title: 'Edited in one tab', version: 2, editable: true } })
		expect(await stored(id)).toMatchObject({ title: 'Edited in one tab', version: 2 })
		expect(await actionsOn(id)).toEqual(['evidence.submit', 'evidence.edit'])
	})

	test('someone else’s submission is 403 for another fact-checker and for an admin, page and form; nothing written', async () => {
		const { id, fields } = await submitted()
		for (const cookie of [otherCookie, adminCookie]) {
			expect((await loadOwn(id, cookie)).status).toBe(403)
			expect((await postOwn(id, { ...fields, title: 'Not mine', version: '1' }, cookie)).status).toBe(403)
			expect((await postOwn(id, { intent: 'withdraw', version: '1' }, cookie)).status).toBe(403)
		}
		expect(await stored(id)).toMatchObject({ title: fields.title, reviewState: 'PENDING', version: 1 })
		expect(await actionsOn(id)).toEqual(['evidence.submit'])
		expect((await loadOwn('no-such-evidence')).status).toBe(404)
	})

	test('once reviewed it can no longer be edited or withdrawn: the page says so, and a post is 409 that writes nothing', async () => {
		const { id, fields } = await submitted()
		expect(await review(id, { decision: 'approve' })).toMatchObject({ status: 302 })
		const { version } = await stored(id)
		expect((await loadOwn(id)).body).toMatchObject({ evidence: { reviewState: 'APPROVED', editable: false } })
		const edited = await postOwn(id, { ...fields, title: 'Too late', version: String(version) })
		expect(edited.status).toBe(409)
		expect(edited.body).toMatchObject({ conflict: { reviewState: 'APPROVED', editable: false } })
		expect((await postOwn(id, { intent: 'withdraw', version: String(version) })).status).toBe(409)
		expect(await stored(id)).toMatchObject({ title: fields.title, reviewState: 'APPROVED', version })
		expect(await actionsOn(id)).toEqual(['evidence.submit', 'evidence.approve'])
	})
})

describe('withdrawing one’s submission', () => {
	test('takes it out of the queue for good (audited): an admin can no longer approve it', async () => {
		const { id } = await submitted()
		expect(await queuedIds()).toContain(id)
		const outcome = await postOwn(id, { intent: 'withdraw', version: '1' })
		expect(outcome).toMatchObject({ status: 302, location: `/evidence/mine?withdrawn=${id}` })
		expect(await stored(id)).toMatchObject({ reviewState: 'WITHDRAWN', version: 2 })
		expect(await queuedIds()).not.toContain(id)
		expect(await mine()).toEqual(
			expect.arrayContaining([expect.objectContaining({ id, reviewState: 'WITHDRAWN' })]),
		)

		const approval = await review(id, { decision: 'approve' })
		expect(approval.status).toBe(409)
		expect(await stored(id)).toMatchObject({ reviewState: 'WITHDRAWN', reviewedById: null })
		expect(await prisma.evidence.count({ where: { id, reviewState: 'APPROVED' } })).toBe(0)
		expect(await actionsOn(id)).toEqual(['evidence.submit', 'evidence.withdraw'])
	})
})

describe('requesting changes, a round trip', () => {
	test('needs a note; the author reads it, resubmits, and the item is back in the queue, every step audited', async () => {
		const { id, fields } = await submitted()
		const noNote = await review(id, { decision: 'request-changes', note: '' })
		expect(noNote.status).toBe(400)
		expect(replyOf(noNote.body).fieldErrors).toEqual({
			note: ['Say what to change: the fact-checker reads it before resubmitting.'],
		})
		expect(await stored(id)).toMatchObject({ reviewState: 'PENDING' })

		const note = 'Link the decree itself, not the press release.'
		expect(await review(id, { decision: 'request-changes', note })).toMatchObject({
			status: 302,
			location: '/admin/review?reviewed=changes-requested',
		})
		expect(await queuedIds()).not.toContain(id)
		// An admin cannot approve it while it is with its author.
		expect((await review(id, { decision: 'approve' })).status).toBe(409)

		// The author sees the note in "My submissions" and on the submission's page.
		expect(await mine()).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					id,
					reviewState: 'CHANGES_REQUESTED',
					reviewNote: note,
					reviewedBy: { displayName: 'Ada' },
				}),
			]),
		)
		const page = await loadOwn(id)
		expect(page.body).toMatchObject({
			evidence: { reviewState: 'CHANGES_REQUESTED', reviewNote: note, editable: true },
		})

		const { version } = await stored(id)
		const resubmitted = await postOwn(id, {
			...fields,
			sourceUrl: 'https://adilet.zan.kz/eng/docs/decree-1',
			version: String(version),
		})
		expect(resubmitted).toMatchObject({ status: 302, location: `/evidence/mine?edited=${id}` })
		expect(await stored(id)).toMatchObject({
			reviewState: 'PENDING',
			sourceUrl: 'https://adilet.zan.kz/eng/docs/decree-1',
		})
		expect(await queuedIds()).toContain(id)
		expect(await actionsOn(id)).toEqual(['evidence.submit', 'evidence.request_changes', 'evidence.resubmit'])
		const requested = await prisma.auditEntry.findFirstOrThrow({
			where: { entityId: id, action: 'evidence.request_changes' },
		})
		expect(requested.after).toMatchObject({ reviewState: 'CHANGES_REQUESTED', reviewNote: note })

		// And now it can be approved.
		expect(await review(id, { decision: 'approve' })).toMatchObject({ status: 302 })
	})

	test('the audit log names every action this workflow records', () => {
		for (const action of [
			'evidence.request_changes',
			'evidence.edit',
			'evidence.resubmit',
			'evidence.withdraw',
			'settings.update',
		]) {
			expect(auditActionLabel(action), action).not.toBe(action)
		}
	})
})
