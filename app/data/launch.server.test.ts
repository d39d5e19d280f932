import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { launchAccounts, loadLaunch } from './launch.server'

// The launch file through the import, as a fresh `npm start` loads it (UADE_SEED=launch): the file's own
// checks are in prisma/seed/launch/launch.test.ts.

let database: TestDatabase
let prisma: PrismaClient

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
	await seed(prisma)
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

describe('the launch dataset', () => {
	test('imports after the seed, as the editorial team, with the evidence its ratings rest on', async () => {
		const result = await loadLaunch(prisma)
		expect(result.status === 'refused' ? result.problems : []).toEqual([])
		expect(result.status).toBe('applied')

		const editorial = await prisma.user.findUniqueOrThrow({
			where: { email: launchAccounts.editorial.email },
		})
		const research = await prisma.user.findUniqueOrThrow({ where: { email: launchAccounts.research.email } })
		// Nobody signs in as them: no password, disabled.
		expect([editorial.disabled, research.disabled]).toEqual([true, true])
		expect(await prisma.password.count({ where: { userId: { in: [editorial.id, research.id] } } })).toBe(0)

		const pledges = await prisma.pledge.findMany({
			where: { statusUpdates: { some: {} } },
			select: {
				slug: true,
				status: true,
				statusUpdates: { select: { authorId: true, evidence: { select: { evidence: true } } } },
			},
			orderBy: { slug: 'asc' },
		})
		expect(pledges.map((pledge) => [pledge.slug, pledge.status])).toEqual([
			['digital-economy-share', 'NOT_RATED'],
			['it-jobs', 'IN_PROGRESS'],
			['national-fund-for-children', 'PARTIAL'],
			['youth-policy-law', 'IN_PROGRESS'],
		])
		for (const pledge of pledges) {
			for (const entry of pledge.statusUpdates) {
				expect(entry.authorId).toBe(editorial.id)
				expect(entry.evidence.length).toBeGreaterThan(0)
				for (const { evidence } of entry.evidence) {
					expect(evidence).toMatchObject({
						reviewState: 'APPROVED',
						submittedById: research.id,
						reviewedById: editorial.id,
					})
				}
			}
		}
		// Plotted: the accrual per child the sources report, and nothing for the IT jobs.
		const figures = await prisma.measurement.findMany({
			select: { value: true, indicator: { select: { pledge: { select: { slug: true } } } } },
		})
		expect(new Set(figures.map((figure) => figure.indicator.pledge.slug))).toEqual(
			new Set(['national-fund-for-children']),
		)
		expect(await prisma.platformSource.count()).toBeGreaterThan(0)
		// The concept step of the youth pledge is dated by the decree that approved it; the law is not.
		const steps = await prisma.milestoneStep.findMany({
			where: { pledge: { slug: 'youth-policy-law' } },
			orderBy: { position: 'asc' },
			select: { title: true, doneOn: true },
		})
		expect(steps.map((step) => [step.title, step.doneOn?.toISOString().slice(0, 10) ?? null])).toEqual([
			['Youth policy concept adopted', '2023-03-28'],
			['Youth policy law adopted', null],
		])
		const audit = await prisma.auditEntry.groupBy({
			by: ['actorId'],
			_count: true,
			where: { actorId: { not: null } },
		})
		expect(audit.map((group) => group.actorId)).toEqual([editorial.id])
	})

	test('loading it again changes nothing', async () => {
		const audit = await prisma.auditEntry.count()
		const evidence = await prisma.evidence.count()
		const result = await loadLaunch(prisma)
		expect(result.status).toBe('applied')
		if (result.status !== 'applied') return
		expect(result.changes.filter((change) => change.action !== 'unchanged')).toEqual([])
		expect(await prisma.auditEntry.count()).toBe(audit)
		expect(await prisma.evidence.count()).toBe(evidence)
	})
})
