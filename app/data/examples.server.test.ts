import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadDemoData } from '../../scripts/lib/demo-data'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { readCsvFile } from './csv.server'
import { readImportFile, runImport, type ReadResult } from './import.server'

// The examples in docs/examples, checked by a dry run against the seed and the demo data (whose
// fact-checker the JSON example names as a submitter), as `npm run data:import -- FILE --dry-run` does.

let database: TestDatabase
let prisma: PrismaClient

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
	await seed(prisma)
	await loadDemoData(prisma)
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

test.each([
	['pledges.csv', { pledge: 3 }],
	['evidence.csv', { evidence: 3 }],
	[
		'fair-kazakhstan-sample.json',
		{ politician: 1, platform: 1, category: 3, pledge: 3, evidence: 2, statusUpdate: 1 },
	],
])('a dry run of docs/examples/%s would create its records and nothing else', async (name, creates) => {
	const admin = await prisma.user.findUniqueOrThrow({ where: { email: 'demo-editor@uade.invalid' } })
	const bytes = readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url))
	const read: ReadResult = name.endsWith('.csv') ? readCsvFile(bytes, name) : readImportFile(bytes, name)
	if (read.status !== 'read') throw new Error(`refused: ${JSON.stringify(read.problems)}`)
	const result = await runImport(prisma, read.document, {
		actor: { id: admin.id, role: admin.role, ipAddress: null },
		dryRun: true,
	})
	if (result.status === 'refused') throw new Error(`refused: ${JSON.stringify(result.problems)}`)
	expect(result.status).toBe('checked')
	const counts: Record<string, number> = {}
	for (const change of result.changes) {
		expect(change.action).toBe('create')
		counts[change.kind] = (counts[change.kind] ?? 0) + 1
	}
	expect(counts).toEqual(creates)
})
