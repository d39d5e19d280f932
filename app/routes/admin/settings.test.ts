import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import type { Actor } from '~/models/save.server'
import { changeRole, createAccount, setDisabled } from '~/models/user.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext, testPassword } from '~/test/accounts'
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
let olgaId: string
let olgaCookie: string
let checkerCookie: string
let itJobs: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const ada = await createTestAccount({ role: 'ADMIN', displayName: 'Ada Admin' })
	adaId = ada.id
	adaCookie = await sessionCookieFor(ada.id)
	olgaId = (await createTestAccount({ role: 'ADMIN', displayName: 'Olga Admin' })).id
	olgaCookie = await sessionCookieFor(olgaId)
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

/**
 * Runs `run` with Ada as the only active admin, as turning the rule off needs: every other active admin
 * of this file's database is disabled directly for the while, then the rule is turned back on (which
 * anyone may do) and they are enabled again, so that no test leaves the rule off with two admins.
 */
async function withAdaTheOnlyAdmin(run: () => Promise<void>) {
	const others = await prisma.user.findMany({
		where: { role: 'ADMIN', disabled: false, id: { not: adaId } },
		select: { id: true },
	})
	const ids = others.map(({ id }) => id)
	await prisma.user.updateMany({ where: { id: { in: ids } }, data: { disabled: true } })
	try {
		await run()
	} finally {
		await setFourEyes(true)
		await prisma.user.updateMany({ where: { id: { in: ids } }, data: { disabled: false } })
	}
}

function adaAsActor(): Actor {
	return { id: adaId, role: 'ADMIN', ipAddress: testContext.clientIp ?? null }
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

	test('shows the four-eyes rule on by default; the only active admin turning it off is saved, audited with the IP, and the admin home warns', async () => {
		expect(await shownSettings()).toEqual({ fourEyes: 'on', version: '1' })
		expect(await dashboardWarns()).toBe(false)
		await withAdaTheOnlyAdmin(async () => {
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
		})
		expect(await dashboardWarns()).toBe(false)
	})

	test('turning it off while another admin is active is 400 at the field, the choice kept, nothing written', async () => {
		await setFourEyes(true)
		const { version } = await shownSettings()
		const audit = await prisma.auditEntry.count()
		const stored = await prisma.installationSettings.findMany()
		const refused = await saveSettings({ version: String(version), fourEyes: 'off' })
		expect(refused.status).toBe(400)
		expect(replyOf(refused.body)).toMatchObject({
			values: { fourEyes: 'off' },
			fieldErrors: {
				fourEyes: [
					'Another admin can review: the rule can be turned off only while you are the only active admin.',
				],
			},
		})
		expect(await prisma.auditEntry.count()).toBe(audit)
		expect(await prisma.installationSettings.findMany()).toEqual(stored)
		expect(await dashboardWarns()).toBe(false)
	})

	test('a stale form (the settings changed since) is 409 with the stored choice; a made-up value is 400; neither writes', async () => {
		await withAdaTheOnlyAdmin(async () => {
			await setFourEyes(false)
			const stale = (await shownSettings()).version
			// Meanwhile Olga is enabled again, which turns the rule back on: Ada's open form is out of date.
			const olga = await prisma.user.findUniqueOrThrow({ where: { id: olgaId } })
			expect(
				await setDisabled({ userId: olgaId, version: olga.version, disabled: false }, adaAsActor()),
			).toMatchObject({ status: 'saved' })
			const { version } = await shownSettings()
			const audit = await prisma.auditEntry.count()
			const conflict = await saveSettings({ version: stale, fourEyes: 'off' })
			expect(conflict.status).toBe(409)
			expect(conflict.body).toMatchObject({ conflict: { values: { fourEyes: 'on', version } } })
			const madeUp = await saveSettings({ version, fourEyes: 'sometimes' })
			expect(madeUp.status).toBe(400)
			expect(replyOf(madeUp.body).fieldErrors).toEqual({
				fourEyes: ['Choose whether the four-eyes rule applies.'],
			})
			expect(await prisma.auditEntry.count()).toBe(audit)
			expect((await shownSettings()).fourEyes).toBe('on')
		})
	})
})

describe('a second active admin turns the rule back on', () => {
	/** Ada alone turns the rule off, then `makeSecondAdmin` runs while it is off. */
	async function offThen(makeSecondAdmin: () => Promise<{ status: string }>, account: string) {
		await withAdaTheOnlyAdmin(async () => {
			await setFourEyes(false)
			expect(await dashboardWarns()).toBe(true)
			const { version } = await shownSettings()
			expect(await makeSecondAdmin()).toMatchObject({ status: 'saved' })
			expect(await shownSettings()).toEqual({ fourEyes: 'on', version: String(Number(version) + 1) })
			expect(await dashboardWarns()).toBe(false)
			const entry = await prisma.auditEntry.findFirstOrThrow({
				where: { action: 'settings.update' },
				orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			})
			expect(entry).toMatchObject({
				actorId: adaId,
				entityType: 'InstallationSettings',
				entityId: '1',
				before: { fourEyes: false },
				after: { fourEyes: true, reason: `${account} became a second active admin, who can review` },
				ipAddress: testContext.clientIp,
			})
		})
	}

	test('an admin account created', async () => {
		let created = ''
		await offThen(async () => {
			const result = await createAccount(
				{
					email: 'second-admin@example.org',
					displayName: 'Bota Admin',
					role: 'ADMIN',
					password: testPassword,
					mustChangePassword: true,
				},
				adaAsActor(),
			)
			if (result.status === 'saved') created = result.record.id
			return result
		}, 'Bota Admin')
		// Not left behind for the next tests: Bota is disabled through the model, as an admin would.
		const bota = await prisma.user.findUniqueOrThrow({ where: { id: created } })
		expect(
			await setDisabled({ userId: created, version: bota.version, disabled: true }, adaAsActor()),
		).toMatchObject({
			status: 'saved',
		})
	})

	test('an admin account enabled', async () => {
		const zarina = await createTestAccount({ role: 'ADMIN', displayName: 'Zarina Admin' })
		const disabled = await setDisabled(
			{ userId: zarina.id, version: zarina.version, disabled: true },
			adaAsActor(),
		)
		if (disabled.status !== 'saved') throw new Error('Zarina was not disabled')
		await offThen(
			() =>
				setDisabled({ userId: zarina.id, version: disabled.record.version, disabled: false }, adaAsActor()),
			'Zarina Admin',
		)
	})

	test('a fact-checker promoted to admin', async () => {
		const farida = await createTestAccount({ role: 'FACT_CHECKER', displayName: 'Farida Fact-checker' })
		await offThen(
			() => changeRole({ userId: farida.id, version: farida.version, role: 'ADMIN' }, adaAsActor()),
			'Farida Fact-checker',
		)
	})

	test('a fact-checker created, enabled or promoted to fact-checker leaves the rule off', async () => {
		await withAdaTheOnlyAdmin(async () => {
			await setFourEyes(false)
			const mira = await createTestAccount({ role: 'FACT_CHECKER', displayName: 'Mira Fact-checker' })
			const disabled = await setDisabled(
				{ userId: mira.id, version: mira.version, disabled: true },
				adaAsActor(),
			)
			if (disabled.status !== 'saved') throw new Error('Mira was not disabled')
			expect(
				await setDisabled(
					{ userId: mira.id, version: disabled.record.version, disabled: false },
					adaAsActor(),
				),
			).toMatchObject({ status: 'saved' })
			expect((await shownSettings()).fourEyes).toBe('off')
			expect(await dashboardWarns()).toBe(true)
		})
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

	test('off: the only active admin approves their own evidence and goes on to the status form', async () => {
		await withAdaTheOnlyAdmin(async () => {
			await setFourEyes(false)
			const evidence = await adasPendingEvidence()
			expect(await review(evidence.id, { decision: 'approve' })).toMatchObject({
				status: 302,
				location: `/admin/pledges/${itJobs}/status?evidence=${evidence.id}`,
			})
			expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
				reviewState: 'APPROVED',
				reviewedById: adaId,
			})
		})
	})
})
