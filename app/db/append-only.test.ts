import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from './prisma.server'
import { seed } from './tooling/seed.server'

let database: TestDatabase
let prisma: PrismaClient
let entry: { id: string; pledgeId: string }
let evidenceId: string

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
	await seed(prisma)
	const admin = await prisma.user.create({
		data: { email: 'admin@example.org', displayName: 'Admin', role: 'ADMIN' },
	})
	const pledge = await prisma.pledge.findFirstOrThrow({ where: { slug: 'it-jobs' } })
	const evidence = await prisma.evidence.create({
		data: {
			pledgeId: pledge.id,
			type: 'OFFICIAL_STATISTIC',
			sourceUrl: 'https://example.org/statistics',
			title: 'A test figure',
			publisher: 'Test bureau',
			publishedOn: new Date('2024-01-15'),
			excerpt: 'A test excerpt.',
			submittedById: admin.id,
			reviewState: 'APPROVED',
			reviewedById: admin.id,
			reviewedAt: new Date(),
		},
	})
	evidenceId = evidence.id
	entry = await prisma.statusUpdate.create({
		data: {
			pledgeId: pledge.id,
			fromStatus: 'NOT_RATED',
			status: 'IN_PROGRESS',
			effectiveDate: new Date('2024-02-01'),
			rationale: 'Test entry',
			authorId: admin.id,
			evidence: { create: [{ evidenceId: evidence.id }] },
		},
	})
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

describe('the status ledger is append-only in the database', () => {
	test('an entry cannot be edited', async () => {
		await expect(
			prisma.statusUpdate.update({ where: { id: entry.id }, data: { rationale: 'Quietly rewritten' } }),
		).rejects.toThrow(/"StatusUpdate" is append-only: UPDATE is refused/)
		await expect(
			prisma.$executeRawUnsafe(`UPDATE "StatusUpdate" SET status = 'KEPT' WHERE id = $1`, entry.id),
		).rejects.toThrow(/append-only/)
	})

	test('an entry cannot be deleted, alone, in bulk or by truncation', async () => {
		await expect(prisma.statusUpdate.delete({ where: { id: entry.id } })).rejects.toThrow(
			/"StatusUpdate" is append-only: DELETE is refused/,
		)
		await expect(prisma.statusUpdate.deleteMany({})).rejects.toThrow(/append-only/)
		await expect(prisma.$executeRawUnsafe('TRUNCATE "StatusUpdate" CASCADE')).rejects.toThrow(
			/append-only: TRUNCATE is refused/,
		)
	})

	test('the evidence an entry rests on cannot be unlinked or swapped', async () => {
		await expect(
			prisma.statusUpdateEvidence.deleteMany({ where: { statusUpdateId: entry.id } }),
		).rejects.toThrow(/"StatusUpdateEvidence" is append-only: DELETE is refused/)
		await expect(
			prisma.statusUpdateEvidence.updateMany({
				where: { statusUpdateId: entry.id },
				data: { evidenceId: 'another-evidence' },
			}),
		).rejects.toThrow(/append-only: UPDATE is refused/)
	})

	test('the ledger keeps its entries, and a correction is a new entry pointing at the one it corrects', async () => {
		const author = await prisma.user.findFirstOrThrow()
		const correction = await prisma.statusUpdate.create({
			data: {
				pledgeId: entry.pledgeId,
				fromStatus: 'IN_PROGRESS',
				status: 'STALLED',
				effectiveDate: new Date('2024-02-01'),
				rationale: 'Stalled since the figure was for another programme.',
				correctionReason: 'The figure was for another programme.',
				correctsId: entry.id,
				authorId: author.id,
				evidence: { create: [{ evidenceId }] },
			},
		})

		const ledger = await prisma.statusUpdate.findMany({
			where: { pledgeId: entry.pledgeId },
			orderBy: { createdAt: 'asc' },
			include: { evidence: true },
		})
		expect(ledger.map((row) => [row.id, row.status, row.rationale, row.correctsId])).toEqual([
			[entry.id, 'IN_PROGRESS', 'Test entry', null],
			[correction.id, 'STALLED', 'Stalled since the figure was for another programme.', entry.id],
		])
		expect(ledger.every((row) => row.evidence.length === 1)).toBe(true)
	})

	test('a pledge with ledger entries cannot be deleted out from under them', async () => {
		await expect(prisma.pledge.delete({ where: { id: entry.pledgeId } })).rejects.toThrow()
		expect(await prisma.statusUpdate.count({ where: { pledgeId: entry.pledgeId } })).toBeGreaterThan(0)
	})
})
