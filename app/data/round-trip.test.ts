import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadDemoData } from '../../scripts/lib/demo-data'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { getPledgePage } from '~/models/pledge.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { exportDocument, serializeExport } from './export.server'
import { readImportFile, runImport } from './import.server'

// An export imported into an empty database gives the same public site: the same export, the same
// statuses, the same pledge pages — but for ids and the times rows were written: a ledger entry imported
// today says it was recorded today (the format carries no `recordedAt`: an import must not backdate when
// this installation made a call; docs/import-format.md).

let source: TestDatabase
let target: TestDatabase
let from: PrismaClient
let to: PrismaClient

beforeAll(async () => {
	source = await createTestDatabase()
	target = await createTestDatabase()
	from = createPrismaClient(source.url)
	to = createPrismaClient(target.url)
	// The demo dataset: evidence with figures, a ledger with corrections, translations in three languages.
	await seed(from)
	await loadDemoData(from)
}, 120_000)

afterAll(async () => {
	await Promise.all([from?.$disconnect(), to?.$disconnect()])
	await Promise.all([source?.drop(), target?.drop()])
})

/** A page's data without what differs between two databases by nature: ids and write times. */
function comparable(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(comparable)
	if (value instanceof Date) return value.toISOString().slice(0, 10)
	if (typeof value !== 'object' || value === null) return value
	return Object.fromEntries(
		Object.entries(value)
			.filter(
				([key]) =>
					key !== 'id' &&
					!key.endsWith('Id') &&
					!/^(created|updated|reviewed|recorded|statusUpdated|activity)At$/.test(key),
			)
			.map(([key, inner]) => [key, comparable(inner)]),
	)
}

describe('export, then import into an empty database', () => {
	test('reproduces the public site', async () => {
		const exported = serializeExport(await exportDocument(from, { audience: 'public' }))
		// A public export names no accounts: everything is the importer's, who is the only admin of the new
		// installation, so the four-eyes rule is off there (as /admin/settings allows for a sole admin).
		const importer = await to.user.create({
			data: { email: 'restorer@example.org', displayName: 'Restorer', role: 'ADMIN' },
			select: { id: true },
		})
		await to.installationSettings.create({ data: { id: 1, fourEyes: false } })
		const read = readImportFile(new TextEncoder().encode(exported), 'export.json')
		if (read.status !== 'read') throw new Error(JSON.stringify(read.problems))
		const result = await runImport(to, read.document, {
			actor: { id: importer.id, role: 'ADMIN', ipAddress: null },
			dryRun: false,
		})
		expect(result.status === 'refused' ? result.problems : []).toEqual([])
		expect(result.status).toBe('applied')

		expect(serializeExport(await exportDocument(to, { audience: 'public' }))).toBe(exported)
		const statuses = (prisma: PrismaClient) =>
			prisma.pledge.findMany({ select: { slug: true, status: true }, orderBy: { slug: 'asc' } })
		const fromStatuses = await statuses(from)
		expect(await statuses(to)).toEqual(fromStatuses)
		// The demo rates pledges, so the comparison below compares ratings, not 21 grey pages.
		expect(fromStatuses.filter((pledge) => pledge.status !== 'NOT_RATED').length).toBeGreaterThan(3)
		const today = new Date()
		for (const { slug } of fromStatuses) {
			for (const locale of ['en', 'ru', 'kk'] as const) {
				const page = (prisma: PrismaClient) =>
					getPledgePage(
						{ platformSlug: 'fair-kazakhstan-2022', pledgeSlug: slug, locale, evidencePage: 1, today },
						prisma,
					)
				expect(comparable(await page(to))).toEqual(comparable(await page(from)))
			}
		}
	}, 120_000)
})
