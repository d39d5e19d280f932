import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'

let database: TestDatabase
let empty: TestDatabase
let prisma: PrismaClient
let folder: string

beforeAll(async () => {
	database = await createTestDatabase()
	empty = await createTestDatabase({ migrate: false })
	prisma = createPrismaClient(database.url)
	await seed(prisma)
	await prisma.user.create({ data: { email: 'editor@example.org', displayName: 'Editor', role: 'ADMIN' } })
	folder = await mkdtemp(path.join(os.tmpdir(), 'uade-import-'))
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	await Promise.all([database?.drop(), empty?.drop()])
	if (folder) await rm(folder, { recursive: true, force: true })
})

/** `npm run data:import -- ARGS` against `url`. */
function dataImport(args: string[], url = database.url) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-import.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: url },
		timeout: 60_000,
	})
	return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm run data:import', () => {
	test('a dry run of the JSON example lists what it would create, as the only admin, and writes nothing', async () => {
		const platforms = await prisma.platform.count()
		const result = dataImport(['docs/examples/example-platform.json', '--dry-run'])
		expect(result.stderr).toBe('')
		expect(result.code).toBe(0)
		expect(result.stdout).toContain('  create  platform example-platform-2030')
		expect(result.stdout).toContain('pledge: 3 to create, 0 to change, 0 unchanged')
		expect(result.stdout.trim().split('\n').at(-1)).toBe(
			'Dry run of example-platform.json: every record passed; nothing was written.',
		)
		expect(await prisma.platform.count()).toBe(platforms)
	})

	test('imports it as the account --as names; the audit log says so', async () => {
		const result = dataImport(['docs/examples/example-platform.json', '--as', 'Editor@example.org'])
		expect(result.stderr).toBe('')
		expect(result.code).toBe(0)
		expect(result.stdout.trim().split('\n').at(-1)).toBe(
			'Imported example-platform.json as editor@example.org.',
		)
		const editor = await prisma.user.findUniqueOrThrow({ where: { email: 'editor@example.org' } })
		expect(await prisma.auditEntry.count({ where: { action: 'data.import', actorId: editor.id } })).toBe(1)
	})

	test('a bad file lists every problem with its place, exit code 1', async () => {
		const file = path.join(folder, 'evidence.csv')
		await writeFile(
			file,
			'platform,pledge,type,sourceUrl,title,publisher,publishedOn,excerpt\n' +
				'fair-kazakhstan-2022,it-jobs,RUMOUR,https://example.org/r,A rumour,Someone,2025-01-01,They say so.\n',
		)
		const result = dataImport([file, '--dry-run'])
		expect(result.code).toBe(1)
		expect(result.stderr).toContain('nothing was imported.')
		expect(result.stderr).toContain('evidence.csv line 2, column type')
		expect(result.stdout).toBe('')
	})

	test('refuses an account that is not an admin, and a database not migrated yet, in one line each', () => {
		const notAdmin = dataImport(['docs/examples/example-platform.json', '--as', 'nobody@example.org'])
		expect(notAdmin.code).toBe(1)
		expect(notAdmin.stderr.trim()).toBe(
			'[uade] nobody@example.org is not an active admin account: only an admin imports.',
		)
		const unmigrated = dataImport(['docs/examples/example-platform.json'], empty.url)
		expect(unmigrated.code).toBe(1)
		expect(unmigrated.stderr.trim()).toMatch(
			/^\[uade\] The database lacks \d+ migrations .*run `npm run db:migrate`/,
		)
	})
})
