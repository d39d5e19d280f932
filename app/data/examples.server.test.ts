import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import type { Actor } from '~/models/save.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { importFile } from './import-source.server'
import type { RecordKind } from './import.server'
import { loadLaunch } from './launch.server'

// The examples in docs/examples on what a fresh `npm start` holds (the seed and the launch dataset) and the
// admin its operator creates, in the order docs/import-format.md gives: the JSON example makes a draft
// platform, the CSV files add pledges and evidence to it. Each is checked by a dry run, then imported, as
// `npm run data:import` and /admin/import do (importFile is what both call).

let database: TestDatabase
let prisma: PrismaClient
let admin: Actor

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
	await seed(prisma)
	const launch = await loadLaunch(prisma)
	if (launch.status !== 'applied') throw new Error('the launch dataset did not load')
	const user = await prisma.user.create({
		data: { email: 'operator@example.org', displayName: 'Operator', role: 'ADMIN' },
		select: { id: true },
	})
	admin = { id: user.id, role: 'ADMIN', ipAddress: null }
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

const creations = (changes: ReadonlyArray<{ kind: RecordKind; action: string }>) => {
	const counts: Partial<Record<RecordKind, number>> = {}
	for (const change of changes) {
		expect(change.action).toBe('create')
		counts[change.kind] = (counts[change.kind] ?? 0) + 1
	}
	return counts
}

test.each([
	[
		'example-platform.json',
		{ politician: 1, platform: 1, category: 3, pledge: 3, evidence: 2, statusUpdate: 1 },
	],
	['pledges.csv', { pledge: 3 }],
	['evidence.csv', { evidence: 3 }],
])(
	'docs/examples/%s: a dry run says what it creates, writing nothing; the import creates it',
	async (name, creates) => {
		const bytes = readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url))
		const evidenceBefore = await prisma.evidence.count()
		const pledgesBefore = await prisma.pledge.count()
		const checked = await importFile(prisma, bytes, name, { actor: admin, dryRun: true })
		if (checked.status === 'refused') throw new Error(`refused: ${JSON.stringify(checked.problems)}`)
		expect(checked.status).toBe('checked')
		expect(creations(checked.changes)).toEqual(creates)
		expect([await prisma.evidence.count(), await prisma.pledge.count()]).toEqual([
			evidenceBefore,
			pledgesBefore,
		])

		const applied = await importFile(prisma, bytes, name, { actor: admin, dryRun: false })
		expect(applied.status).toBe('applied')
		if (applied.status !== 'applied') return
		expect(creations(applied.changes)).toEqual(creates)
		// The example platform stays a draft: nothing of it reaches the public site.
		const platform = await prisma.platform.findUniqueOrThrow({ where: { slug: 'example-platform-2030' } })
		expect(platform.publishedAt).toBeNull()
	},
)

test('a CSV file’s problems are placed at its lines and columns, also those the import finds', async () => {
	const text = [
		'platform,pledge,type,sourceUrl,title,publisher,publishedOn,excerpt',
		'example-platform-2030,no-such-pledge,OTHER,https://example.org/x,A title,A publisher,2026-01-01,Some words here.',
	].join('\n')
	const result = await importFile(prisma, new TextEncoder().encode(text), 'evidence.csv', {
		actor: admin,
		dryRun: true,
	})
	expect(result).toEqual({
		status: 'refused',
		problems: [
			{ where: 'evidence.csv line 2, column pledge', message: expect.stringContaining('no-such-pledge') },
		],
	})
})
