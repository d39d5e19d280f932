import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { z } from 'zod'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { dashboardListSize } from '~/models/dashboard.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { createEvidence, pledgeIdOf, recordStatus } from '~/test/ledger-fixtures'
import { createQueryLoggingPrisma } from '~/test/query-log'
import * as adminHome from './index'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let adminCookie: string
let adminId: string
let pledgeCount: number

// The clock stands still at one moment (only Date: timers and sockets keep real time), so what counts as
// "lately" and "within six months" is the same on any day the test runs; the seeded deadlines are fixed too.
const now = new Date('2026-12-01T12:00:00Z')
const dayMs = 24 * 60 * 60 * 1000
const daysFromNow = (days: number) => new Date(now.getTime() + days * dayMs)
const isoDaysFromNow = (days: number) => daysFromNow(days).toISOString().slice(0, 10)

const pledgeRow = z.object({ id: z.string(), slug: z.string() })
const dashboardSchema = z.object({
	dashboard: z.object({
		pendingEvidence: z.number(),
		staleReview: z.object({ count: z.number(), pledges: z.array(pledgeRow), since: z.date() }),
		upcomingDeadlines: z.object({ count: z.number(), pledges: z.array(pledgeRow), until: z.date() }),
		recentActivity: z.array(z.object({ action: z.string(), entityType: z.string(), entityId: z.string() })),
	}),
})

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	vi.useFakeTimers({ toFake: ['Date'], now })
	await seed(prisma)
	pledgeCount = await prisma.pledge.count()
	const admin = await createTestAccount({ role: 'ADMIN' })
	adminId = admin.id
	adminCookie = await sessionCookieFor(admin.id)

	// Reviewed lately: a status recorded today, and evidence approved today.
	const rated = await pledgeIdOf(prisma, 'it-jobs')
	const ratedEvidence = await createEvidence(prisma, {
		pledgeId: rated,
		userId: adminId,
		title: 'Jobs figure',
		publishedOn: isoDaysFromNow(-3),
	})
	await recordStatus(prisma, {
		pledgeId: rated,
		userId: adminId,
		status: 'IN_PROGRESS',
		effectiveDate: isoDaysFromNow(-2),
		rationale: 'Moving.',
		evidenceIds: [ratedEvidence.id],
		recordedAt: now.toISOString(),
	})
	// Its evidence is dated today, but make sure only the status counts for it.
	await prisma.evidence.update({
		where: { id: ratedEvidence.id },
		data: { reviewedAt: daysFromNow(-200) },
	})
	const approvedLately = await pledgeIdOf(prisma, 'digital-economy-share')
	await createEvidence(prisma, {
		pledgeId: approvedLately,
		userId: adminId,
		title: 'Digital share',
		publishedOn: isoDaysFromNow(-1),
	})
	// Not reviewed lately: evidence approved 100 days ago; evidence still pending.
	const approvedLongAgo = await pledgeIdOf(prisma, 'drinking-water')
	const old = await createEvidence(prisma, {
		pledgeId: approvedLongAgo,
		userId: adminId,
		title: 'Water',
		publishedOn: isoDaysFromNow(-101),
	})
	await prisma.evidence.update({
		where: { id: old.id },
		data: { reviewedAt: daysFromNow(-100) },
	})
	for (const title of ['Pending one', 'Pending two']) {
		await createEvidence(prisma, {
			pledgeId: approvedLongAgo,
			userId: adminId,
			title,
			publishedOn: isoDaysFromNow(-1),
			reviewState: 'PENDING',
		})
	}

	// One deadline within six months, one just after, one already past.
	await prisma.pledge.update({
		where: { id: await pledgeIdOf(prisma, 'food-security') },
		data: { deadline: new Date(isoDaysFromNow(30)) },
	})
	await prisma.pledge.update({
		where: { id: await pledgeIdOf(prisma, 'social-infrastructure') },
		data: { deadline: new Date(isoDaysFromNow(200)) },
	})
	await prisma.pledge.update({
		where: { id: await pledgeIdOf(prisma, 'targeted-social-aid') },
		data: { deadline: new Date(isoDaysFromNow(-1)) },
	})
})

beforeEach(() => {
	vi.setSystemTime(now)
})

afterAll(async () => {
	vi.useRealTimers()
	await globalThis.uadePrisma?.$disconnect()
	await prisma.$disconnect()
	await database.drop()
})

function loadDashboard(cookie: string | null = adminCookie) {
	return outcomeOf(() =>
		adminHome.loader({
			request: new Request('http://localhost/admin', { headers: cookie ? { Cookie: cookie } : {} }),
			params: {},
			context: testContext,
		}),
	)
}

describe('the admin dashboard (/admin)', () => {
	test('counts pending evidence, pledges not reviewed in 90 days and deadlines in 6 months', async () => {
		const outcome = await loadDashboard()
		expect(outcome.status).toBe(200)
		const { dashboard } = dashboardSchema.parse(outcome.body)
		expect(dashboard.pendingEvidence).toBe(2)

		expect(dashboard.staleReview.count).toBe(pledgeCount - 2)
		const staleSlugs = dashboard.staleReview.pledges.map((pledge) => pledge.slug)
		expect(dashboard.staleReview.pledges).toHaveLength(dashboardListSize)
		expect(staleSlugs).not.toContain('it-jobs')
		expect(staleSlugs).not.toContain('digital-economy-share')

		expect(dashboard.staleReview.since).toEqual(daysFromNow(-90))

		expect(dashboard.upcomingDeadlines.until).toEqual(new Date('2027-06-01T00:00:00Z'))
		expect(dashboard.upcomingDeadlines.count).toBe(1)
		expect(dashboard.upcomingDeadlines.pledges.map((pledge) => pledge.slug)).toEqual(['food-security'])
	})

	test('recent activity is the newest audit entries, newest first', async () => {
		// A minute on, so that the new entry is newer than every other by its time, not by its id.
		vi.setSystemTime(now.getTime() + 60_000)
		const checker = await createTestAccount({ role: 'FACT_CHECKER', email: 'newest@example.org' })
		const { dashboard } = dashboardSchema.parse((await loadDashboard()).body)
		expect(dashboard.recentActivity[0]).toEqual({
			action: 'user.create',
			entityType: 'User',
			entityId: checker.id,
		})
	})

	test('the number of queries stays the same when the tables grow', async () => {
		const logging = createQueryLoggingPrisma(database.url)
		const appClient = globalThis.uadePrisma
		globalThis.uadePrisma = logging.prisma
		try {
			const before = await logging.recordQueries(() => loadDashboard())
			const pledgeIds = (await prisma.pledge.findMany({ select: { id: true } })).map((pledge) => pledge.id)
			await prisma.evidence.createMany({
				data: Array.from({ length: 300 }, (_, index) => ({
					pledgeId: pledgeIds[index % pledgeIds.length] ?? '',
					type: 'MEDIA_REPORT' as const,
					sourceUrl: 'https://example.org',
					title: `Report ${index}`,
					publisher: 'Example',
					publishedOn: new Date('2025-01-01'),
					excerpt: 'Words.',
					submittedById: adminId,
					reviewState: index % 2 === 0 ? ('PENDING' as const) : ('REJECTED' as const),
					reviewedAt: index % 2 === 0 ? null : now,
				})),
			})
			const after = await logging.recordQueries(() => loadDashboard())
			expect(after.queries.length).toBe(before.queries.length)
			expect(dashboardSchema.parse(after.result.body).dashboard.pendingEvidence).toBe(152)
		} finally {
			globalThis.uadePrisma = appClient
			await logging.prisma.$disconnect()
		}
	})

	test('only admins see it', async () => {
		expect((await loadDashboard(null)).status).toBe(302)
		const checker = await createTestAccount({ role: 'FACT_CHECKER' })
		expect((await loadDashboard(await sessionCookieFor(checker.id))).status).toBe(403)
	})
})
