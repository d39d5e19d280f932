import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import type { PrismaClient } from '~/.server/prisma/client'
import { recordAudit } from '~/models/audit.server'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { signIn } from '~/auth/sign-in.server'
import { auditActionChoices, auditActionLabel } from '~/models/audit-actions'
import { auditLogPageSize, auditSubjects } from '~/models/audit-log.server'
import { createQueryLoggingPrisma } from '~/test/query-log'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { replyOf } from '~/test/reply'
import * as auditPage from './audit'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let adminCookie: string
let adminId: string
let otherAdminId: string

const pageSchema = z.object({
	entries: z.array(
		z.object({
			id: z.string(),
			action: z.string(),
			entityType: z.string(),
			entityId: z.string(),
			subject: z.object({ name: z.string(), detail: z.string().nullable() }).nullable(),
			failedSignIn: z.object({ email: z.string(), reason: z.string().nullable() }).nullable(),
			changes: z.array(
				z.object({
					field: z.string(),
					before: z.string().nullable(),
					after: z.string().nullable(),
					changed: z.boolean(),
				}),
			),
		}),
	),
	nextCursor: z.string().nullable(),
	actors: z.array(z.object({ id: z.string() })),
})

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	const admin = await createTestAccount({ role: 'ADMIN', displayName: 'First Admin' })
	const other = await createTestAccount({ role: 'ADMIN', displayName: 'Second Admin' })
	adminId = admin.id
	otherAdminId = other.id
	adminCookie = await sessionCookieFor(admin.id)
	// 120 pledge edits by the first admin, two to a second (so the id must break ties), then one by the
	// second admin, now.
	const start = Date.UTC(2026, 0, 1)
	await prisma.auditEntry.createMany({
		data: Array.from({ length: 120 }, (_, index) => ({
			actorId: adminId,
			action: 'pledge.update',
			entityType: 'Pledge',
			entityId: `pledge-${index % 3}`,
			before: { title: `Title ${index}`, deadline: '2029-11-30' },
			after: { title: `Title ${index + 1}`, deadline: '2029-11-30' },
			ipAddress: '198.51.100.1',
			createdAt: new Date(start + Math.floor(index / 2) * 1000),
		})),
	})
	await prisma.$transaction((tx) =>
		recordAudit(tx, {
			actorId: otherAdminId,
			action: 'politician.create',
			entityType: 'Politician',
			entityId: 'politician-1',
			after: { name: 'Someone', office: { title: 'President' } },
			ipAddress: null,
		}),
	)
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

async function load(query: string, cookie: string | null = adminCookie) {
	return outcomeOf(() =>
		auditPage.loader({
			request: new Request(`http://localhost/admin/audit${query}`, {
				headers: cookie ? { Cookie: cookie } : {},
			}),
			params: {},
			context: testContext,
		}),
	)
}

function pageOf(body: unknown) {
	return pageSchema.parse(body)
}

describe('the audit log (/admin/audit)', () => {
	test('newest first, 50 a page, and the next pages follow on without gaps or repeats', async () => {
		const seen: string[] = []
		let query = ''
		for (let pageNumber = 0; pageNumber < 10; pageNumber += 1) {
			const outcome = await load(query)
			expect(outcome.status).toBe(200)
			const page = pageOf(outcome.body)
			expect(page.entries.length).toBeLessThanOrEqual(auditLogPageSize)
			seen.push(...page.entries.map((entry) => entry.id))
			if (!page.nextCursor) break
			query = `?after=${encodeURIComponent(page.nextCursor)}`
		}
		const all = await prisma.auditEntry.findMany({
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			select: { id: true },
		})
		expect(seen).toEqual(all.map((entry) => entry.id))
		expect(seen.length).toBeGreaterThan(120)
		const first = pageOf((await load('')).body)
		expect(first.entries[0]?.action).toBe('politician.create')
	})

	test('filters by actor, action (or its beginning), entity type and entity id', async () => {
		const byOther = pageOf((await load(`?actor=${otherAdminId}`)).body)
		expect(byOther.entries.map((entry) => entry.action)).toEqual(['politician.create'])

		const pledgeEdits = pageOf((await load('?action=pledge.')).body)
		expect(pledgeEdits.entries).toHaveLength(auditLogPageSize)
		expect(pledgeEdits.entries.every((entry) => entry.action === 'pledge.update')).toBe(true)

		const oneRecord = pageOf((await load('?entityType=Pledge&entityId=pledge-1')).body)
		expect(oneRecord.entries).toHaveLength(40)
		expect(oneRecord.nextCursor).toBeNull()
		expect(oneRecord.entries.every((entry) => entry.entityId === 'pledge-1')).toBe(true)

		const none = pageOf((await load(`?actor=${otherAdminId}&entityType=Pledge`)).body)
		expect(none.entries).toEqual([])
	})

	test('before and after are shown field by field, with what changed', async () => {
		const page = pageOf((await load('?entityId=pledge-0')).body)
		const newest = page.entries[0]
		expect(newest?.changes).toEqual([
			{ field: 'title', before: 'Title 117', after: 'Title 118', changed: true },
			{ field: 'deadline', before: '2029-11-30', after: '2029-11-30', changed: false },
		])
		const created = pageOf((await load('?action=politician.create')).body).entries[0]
		expect(created?.changes).toEqual([
			{ field: 'name', before: null, after: 'Someone', changed: true },
			{ field: 'office', before: null, after: '{"title":"President"}', changed: true },
		])
	})

	test('a bad filter or a forged page link is a 400 with a message at the filter', async () => {
		const badAction = await load('?action=DROP%20TABLE')
		expect(badAction.status).toBe(400)
		expect(replyOf(badAction.body).fieldErrors).toEqual({
			action: [
				'Actions are written like evidence.submit or user. (lowercase letters, dots and underscores).',
			],
		})
		// The filter as typed stays in the form.
		expect(replyOf(badAction.body).values).toEqual({ action: 'DROP TABLE' })
		expect(pageOf(badAction.body).entries).toEqual([])
		const badCursor = await load('?after=yesterday')
		expect(badCursor.status).toBe(400)
		expect(replyOf(badCursor.body).fieldErrors.after).toEqual([
			'This page link is broken: go back to the first page.',
		])
		const badActor = await load(`?actor=${encodeURIComponent("x' OR 1=1")}`)
		expect(badActor.status).toBe(400)
		expect(replyOf(badActor.body).fieldErrors).toEqual({ actor: ['Choose an account from the list.'] })
		const good = await load('?action=pledge.')
		expect(good.status).toBe(200)
		expect(Reflect.get(Object(good.body), 'result')).toBeNull()
		// A refused filter still offers every account to choose from.
		expect(pageOf(badActor.body).actors.map((actor) => actor.id)).toContain(otherAdminId)
	})

	test('a link with what no filter has (a campaign tag, a crafted list index) opens the filtered page', async () => {
		const outcome = await load(
			`?actor=${otherAdminId}&utm_source=newsletter&x[100000000]=1&${'a.'.repeat(5000)}b=1`,
		)
		expect(outcome.status).toBe(200)
		expect(pageOf(outcome.body).entries.map((entry) => entry.action)).toEqual(['politician.create'])
	})

	test('only admins may read it', async () => {
		expect((await load('', null)).status).toBe(302)
		const checker = await createTestAccount({ role: 'FACT_CHECKER' })
		expect((await load('', await sessionCookieFor(checker.id))).status).toBe(403)
	})
})

describe('the audit log in words', () => {
	test('names each record by its title or name, with the id kept beside it', async () => {
		const politician = await prisma.politician.create({
			data: { slug: 'named-politician', name: 'Named Politician', office: 'Mayor' },
		})
		await prisma.$transaction((tx) =>
			recordAudit(tx, {
				actorId: adminId,
				action: 'politician.update',
				entityType: 'Politician',
				entityId: politician.id,
				before: { name: 'Old name' },
				after: { name: 'Named Politician' },
				ipAddress: null,
			}),
		)
		const [entry] = pageOf((await load(`?entityId=${politician.id}`)).body).entries
		expect(entry).toMatchObject({
			entityType: 'Politician',
			entityId: politician.id,
			subject: { name: 'Named Politician', detail: null },
			failedSignIn: null,
		})
		// An account is named with its email; a record that no longer exists has no name, only its id.
		const pledgeEdit = pageOf((await load('?entityId=pledge-0')).body).entries[0]
		expect(pledgeEdit?.subject).toBeNull()
		await prisma.$transaction((tx) =>
			recordAudit(tx, {
				actorId: adminId,
				action: 'user.role_change',
				entityType: 'User',
				entityId: otherAdminId,
				before: { role: 'FACT_CHECKER' },
				after: { role: 'ADMIN' },
				ipAddress: null,
			}),
		)
		const roleChange = pageOf((await load(`?entityId=${otherAdminId}`)).body).entries[0]
		expect(roleChange?.subject).toEqual({
			name: 'Second Admin',
			detail: expect.stringContaining('@'),
		})
		// The installation's settings are one row, id 1: named in words, not by the bare id.
		await prisma.$transaction((tx) =>
			recordAudit(tx, {
				actorId: adminId,
				action: 'settings.update',
				entityType: 'InstallationSettings',
				entityId: '1',
				before: { fourEyes: true },
				after: { fourEyes: false },
				ipAddress: null,
			}),
		)
		const settingsChange = pageOf((await load('?entityType=InstallationSettings')).body).entries[0]
		expect(settingsChange).toMatchObject({
			entityId: '1',
			subject: { name: 'Installation settings', detail: null },
		})
	})

	test('a failed sign-in is shown as one, with the email that was tried', async () => {
		const tried = 'nobody-here@example.org'
		expect(
			await signIn({
				email: tried,
				password: 'a guess of a password',
				ipAddress: '203.0.113.9',
				userAgent: null,
				previousSessionId: null,
			}),
		).toEqual({ status: 'invalid' })
		const [entry] = pageOf((await load('?action=auth.sign_in_failed')).body).entries
		expect(entry).toMatchObject({
			failedSignIn: { email: tried, reason: 'unknown-email' },
			subject: { name: tried, detail: 'no account has this email' },
		})
	})

	test('names one page of entries in a query per kind of record, not one per entry', async () => {
		const logged = createQueryLoggingPrisma(database.appUrl)
		try {
			const entries = await prisma.auditEntry.findMany({
				take: auditLogPageSize,
				select: { entityType: true, entityId: true },
			})
			const many = [
				...entries,
				...Array.from({ length: 40 }, (_, index) => ({ entityType: 'User', entityId: `user-${index}` })),
			]
			const { queries } = await logged.recordQueries(() => auditSubjects(many, logged.prisma))
			expect(queries.length).toBe(new Set(many.map((entry) => entry.entityType)).size)
		} finally {
			await logged.prisma.$disconnect()
		}
	})

	test('offers every action the app writes in the filter, in words, with a choice for each kind of record', async () => {
		const written = await actionsWrittenByTheApp()
		expect(written.size).toBeGreaterThan(20)
		const offered = new Set(
			auditActionChoices().flatMap((group) => group.options.map((option) => option.value)),
		)
		for (const action of written) {
			expect(offered, `${action} is missing from app/models/audit-actions.ts`).toContain(action)
			expect(auditActionLabel(action)).not.toBe(action)
		}
		expect(auditActionLabel('pledge.')).toBe('Any pledge change')
		// A choice of a kind filters by the beginning of the action, as a typed prefix did.
		const pledgeEdits = pageOf((await load('?action=pledge.')).body)
		expect(pledgeEdits.entries.every((entry) => entry.action.startsWith('pledge.'))).toBe(true)
	})
})

/** The audit actions named in the app's source: `action: 'x.y'` and `audit('x.y')`. */
async function actionsWrittenByTheApp(): Promise<Set<string>> {
	const root = path.join(process.cwd(), 'app')
	const files = (await readdir(root, { recursive: true })).filter(
		(file) => /\.tsx?$/.test(file) && !file.includes('.test.') && !file.startsWith('.server'),
	)
	const actions = new Set<string>()
	for (const file of files) {
		const source = await readFile(path.join(root, file), 'utf8')
		for (const match of source.matchAll(/(?:action: |audit\()'([a-z_]+\.[a-z_]+)'/g)) {
			if (match[1]) actions.add(match[1])
		}
		for (const match of source.matchAll(/\? '([a-z_]+\.[a-z_]+)' : '([a-z_]+\.[a-z_]+)'/g)) {
			if (match[1]) actions.add(match[1])
			if (match[2]) actions.add(match[2])
		}
	}
	return actions
}
