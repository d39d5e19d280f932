import { existsSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { migrate } from '~/db/tooling/migrate.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { compareShapes, expectedShape, parseSchema, readShapeOf } from '~/test/schema-shape'
import { createMigration, migrationSlug } from './migration-create'

// A copy of prisma/ in a temporary folder, so that the repository's own migrations are never touched.
describe('npm run db:migration', () => {
	let prismaDir: string
	const databases: TestDatabase[] = []
	const serverUrl = inject('testServerUrl')
	beforeAll(async () => {
		prismaDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'uade-migration-test-')), 'prisma')
		await cp(path.join(process.cwd(), 'prisma'), prismaDir, { recursive: true })
	})
	afterAll(async () => {
		for (const database of databases) await database.drop()
		await rm(path.dirname(prismaDir), { recursive: true, force: true })
	})

	const schemaFile = () => path.join(prismaDir, 'schema.prisma')
	const migrationNames = async () =>
		(await readdir(path.join(prismaDir, 'migrations'))).filter((name) => /^\d{14}_/.test(name)).sort()

	test('writes nothing when schema.prisma and the migrations agree', async () => {
		const before = await migrationNames()
		expect(await createMigration({ name: 'nothing', prismaDir, serverUrl })).toEqual({ created: false })
		expect(await migrationNames()).toEqual(before)
	})

	test("writes Prisma's SQL for a schema change, and the drift comparison then finds no difference", async () => {
		const schema = await readFile(schemaFile(), 'utf8')
		const changed = schema
			.replace('  sourcePublisher   String\n', '  sourcePublisher   String\n  tagline           String?\n')
			.replace(
				'  @@index([platformId, status])\n',
				'  @@index([platformId, status])\n  @@index([platformId, kind])\n',
			)
			// At the end: Prisma appends a new enum value, and the drift comparison checks the order.
			.replace('  CHANGES_REQUESTED\n  WITHDRAWN\n}', '  CHANGES_REQUESTED\n  WITHDRAWN\n  ARCHIVED\n}')
		expect(changed).not.toBe(schema)
		await writeFile(schemaFile(), changed)

		const result = await createMigration({
			name: 'Add platform tagline',
			prismaDir,
			serverUrl,
			now: new Date('2030-01-02T03:04:05Z'),
		})
		if (!result.created) throw new Error('expected a migration')
		expect(result.name).toBe('20300102030405_add_platform_tagline')
		expect(result.verified).toBe(true)
		const sql = await readFile(path.join(prismaDir, 'migrations', result.name, 'migration.sql'), 'utf8')
		expect(sql).toBe(result.sql)
		expect(sql).toContain(`ALTER TYPE "ReviewState" ADD VALUE 'ARCHIVED';`)
		expect(sql).toContain(`ALTER TABLE "Platform" ADD COLUMN     "tagline" TEXT;`)
		expect(sql).toContain(`CREATE INDEX "Pledge_platformId_kind_idx" ON "Pledge"("platformId", "kind");`)

		// Our own migration runner applies it, and the drift test's comparison agrees with Prisma.
		const database = await createTestDatabase({ migrate: false })
		databases.push(database)
		const { applied } = await migrate(database.url, { migrationsDir: path.join(prismaDir, 'migrations') })
		expect(applied.at(-1)).toBe(result.name)
		const differences = compareShapes(
			expectedShape(await parseSchema(changed)),
			await readShapeOf(database.url),
		)
		expect(differences).toEqual([])
		// ...and it would have named the change had the migration been missing.
		const withoutChange = compareShapes(
			expectedShape(await parseSchema(schema)),
			await readShapeOf(database.url),
		)
		expect(withoutChange).toContain('columns | migrations    | Platform.tagline text NULL')

		expect(await createMigration({ name: 'again', prismaDir, serverUrl })).toEqual({ created: false })
	})

	test('dates a migration after the newest one even when the clock is behind it', async () => {
		const schema = await readFile(schemaFile(), 'utf8')
		await writeFile(schemaFile(), schema.replace('  tagline           String?\n', ''))
		const result = await createMigration({
			name: 'drop_tagline',
			prismaDir,
			serverUrl,
			now: new Date('2020-01-01T00:00:00Z'),
		})
		if (!result.created) throw new Error('expected a migration')
		expect(result.name).toBe('20300102030406_drop_tagline')
		expect(result.sql).toContain('ALTER TABLE "Platform" DROP COLUMN "tagline";')
		expect((await migrationNames()).at(-2)).toBe('20300102030405_add_platform_tagline')
	})

	test('turns a name into the folder suffix Prisma would use, and refuses an empty one', () => {
		expect(migrationSlug('Add pledge search!')).toBe('add_pledge_search')
		expect(migrationSlug('add_x')).toBe('add_x')
		expect(() => migrationSlug('---')).toThrow('not a usable migration name')
		expect(
			existsSync(path.join(process.cwd(), 'prisma', 'migrations', '20300102030405_add_platform_tagline')),
		).toBe(false)
	})
})
