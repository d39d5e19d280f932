import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { createEvidence, pledgeIdOf } from '~/test/ledger-fixtures'
import { replyOf } from '~/test/reply'
import * as adminHome from './index'
import * as reviewPage from './review.$evidenceId'
import * as settingsPage from './settings'

// The four-eyes rule's setting (/admin/settings) and the rule as an admin meets it on the review page.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let adaId: string
let adaCookie: string
let olgaCookie: string
let checkerCookie: string
let itJobs: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const ada = await createTestAccount({ role: 'ADMIN', displayName: 'Ada Admin' })
	adaId = ada.id
	adaCookie = await sessionCookieFor(ada.id)
	olgaCookie = await sessionCookieFor(
		(await createTestAccount({ role: 'ADMIN', displayName: 'Olga Admin' })).id,
	)
	checkerCookie = await sessionCookieFor((await createTestAccount({ role: 'FACT_CHECKER' })).id)
	itJobs = await pledgeIdOf(prisma, 'it-jobs')
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

function loadSettings(cookie = adaCookie) {
	return outcomeOf(() =>
		settingsPage.loader({ request: request('/admin/settings', cookie), params: {}, context: testContext }),
	)
}

function saveSettings(fields: Record<string, string>, cookie = adaCookie) {
	return outcomeOf(() =>
		settingsPage.action({
			request: request('/admin/settings', cookie, fields),
			params: {},
			context: testContext,
		}),
	)
}

async function shownSettings() {
	const { body } = await loadSettings()
	const values = typeof body === 'object' && body !== null ? Reflect.get(body, 'values') : null
	return { fourEyes: Reflect.get(values, 'fourEyes'), version: Reflect.get(values, 'version') }
}

/** The rule as a test needs it, through the page as an admin would set it. */
async function setFourEyes(on: boolean) {
	const { version, fourEyes } = await shownSettings()
	if (fourEyes === (on ? 'on' : 'off')) return
	const outcome = await saveSettings({ version: String(version), fourEyes: on ? 'on' : 'off' })
	expect(outcome).toMatchObject({ status: 302, location: '/admin/settings?saved' })
}

async function dashboardWarns() {
	const { body } = await outcomeOf(() =>
		adminHome.loader({ request: request('/admin', adaCookie), params: {}, context: testContext }),
	)
	return typeof body === 'object' && body !== null && Reflect.get(body, 'fourEyes') === false
}

let sequence = 0
async function adasPendingEvidence() {
	sequence += 1
	return createEvidence(prisma, {
		pledgeId: itJobs,
		userId: adaId,
		title: `Ada’s evidence ${sequence}`,
		publishedOn: '2026-10-01',
		reviewState: 'PENDING',
	})
}

/**
 * An admin's decision, carrying the version the review page shows now (as if loaded just before), unless
 * the fields name one.
 */
async function review(evidenceId: string, fields: Record<string, string>, cookie = adaCookie) {
	const current = await prisma.evidence.findUnique({ where: { id: evidenceId }, select: { version: true } })
	const sent = { version: String(current?.version ?? 1), ...fields }
	return outcomeOf(() =>
		reviewPage.action({
			request: request(`/admin/review/${evidenceId}`, cookie, sent),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

describe('the settings page (/admin/settings)', () => {
	test('is for admins only: a fact-checker gets 403 for the page and the form, and nothing changes', async () => {
		expect((await loadSettings(checkerCookie)).status).toBe(403)
		const audit = await prisma.auditEntry.count()
		const stored = await prisma.installationSettings.findMany()
		expect((await saveSettings({ version: '1', fourEyes: 'off' }, checkerCookie)).status).toBe(403)
		expect(await prisma.auditEntry.count()).toBe(audit)
		expect(await prisma.installationSettings.findMany()).toEqual(stored)
	})

	test('shows the four-eyes rule on by default; turning it off is saved, audited with the IP, and the admin home warns', async () => {
		expect(await shownSettings()).toEqual({ fourEyes: 'on', version: '1' })
		expect(await dashboardWarns()).toBe(false)
		const outcome = await saveSettings({ version: '1', fourEyes: 'off' })
		expect(outcome).toMatchObject({ status: 302, location: '/admin/settings?saved' })
		expect(await shownSettings()).toEqual({ fourEyes: 'off', version: '2' })
		expect(await dashboardWarns()).toBe(true)
		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'settings.update' },
			orderBy: { createdAt: 'desc' },
		})
		expect(entry).toMatchObject({
			actorId: adaId,
			entityType: 'InstallationSettings',
			before: { fourEyes: true },
			after: { fourEyes: false },
			ipAddress: testContext.clientIp,
		})
		await setFourEyes(true)
		expect(await dashboardWarns()).toBe(false)
	})

	test('a stale form (another admin saved since) is 409 with their choice; a made-up value is 400; neither writes', async () => {
		await setFourEyes(true)
		const { version } = await shownSettings()
		expect(await saveSettings({ version: String(version), fourEyes: 'off' }, olgaCookie)).toMatchObject({
			status: 302,
		})
		const audit = await prisma.auditEntry.count()
		const stale = await saveSettings({ version: String(version), fourEyes: 'on' })
		expect(stale.status).toBe(409)
		expect(stale.body).toMatchObject({ conflict: { values: { fourEyes: 'off' } } })
		const madeUp = await saveSettings({ version: String(Number(version) + 1), fourEyes: 'sometimes' })
		expect(madeUp.status).toBe(400)
		expect(replyOf(madeUp.body).fieldErrors).toEqual({
			fourEyes: ['Choose whether the four-eyes rule applies.'],
		})
		expect(await prisma.auditEntry.count()).toBe(audit)
		expect((await shownSettings()).fourEyes).toBe('off')
		await setFourEyes(true)
	})
})

describe('the four-eyes rule on the review page', () => {
	test('on: approving one’s own evidence is 400 with the reason at the decision, nothing written; another admin approves it', async () => {
		await setFourEyes(true)
		const evidence = await adasPendingEvidence()
		const page = await outcomeOf(() =>
			reviewPage.loader({
				request: request(`/admin/review/${evidence.id}`, adaCookie),
				params: { evidenceId: evidence.id },
				context: testContext,
			}),
		)
		expect(page.body).toMatchObject({ ownUnderFourEyes: true })
		const audit = await prisma.auditEntry.count()
		const refused = await review(evidence.id, { decision: 'approve', note: 'Looks right to me.' })
		expect(refused.status).toBe(400)
		expect(replyOf(refused.body)).toMatchObject({
			values: { decision: 'approve', note: 'Looks right to me.' },
			fieldErrors: {
				decision: [
					'You submitted this evidence, so another admin must approve it (the four-eyes rule). You may still request changes or reject it.',
				],
			},
		})
		expect(await prisma.auditEntry.count()).toBe(audit)
		expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
			reviewState: 'PENDING',
			reviewedById: null,
		})
		expect(await review(evidence.id, { decision: 'approve' }, olgaCookie)).toMatchObject({
			status: 302,
			location: `/admin/pledges/${itJobs}/status?evidence=${evidence.id}`,
		})
	})

	test('off: the admin approves their own evidence and goes on to the status form', async () => {
		await setFourEyes(false)
		try {
			const evidence = await adasPendingEvidence()
			expect(await review(evidence.id, { decision: 'approve' })).toMatchObject({
				status: 302,
				location: `/admin/pledges/${itJobs}/status?evidence=${evidence.id}`,
			})
			expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
				reviewState: 'APPROVED',
				reviewedById: adaId,
			})
		} finally {
			await setFourEyes(true)
		}
	})
})
