import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import {
	createEvidence,
	createFactChecker,
	pledgeIdOf,
	recordMeasurement,
	recordStatus,
} from '~/test/ledger-fixtures'
import { createPrismaClient } from '../prisma.server'
import { backupDatabase, restoreDatabase } from './backup.server'
import { migrate, readMigrations } from './migrate.server'
import { seed } from './seed.server'

let folder: string
let source: TestDatabase
let backupFile: string
/** Every table's full contents in the source, as PostgreSQL prints its rows. */
let sourceContents: Record<string, string[]>
const databases: TestDatabase[] = []

async function newDatabase(options?: { migrate?: boolean }) {
	const database = await createTestDatabase(options)
	databases.push(database)
	return database
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return (await client.query<T>(sql)).rows
	} finally {
		await client.end()
	}
}

async function tablesOf(url: string): Promise<string[]> {
	const rows = await query<{ name: string }>(
		url,
		`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
	)
	return rows.map((row) => row.name)
}

async function contentsOf(url: string): Promise<Record<string, string[]>> {
	const contents: Record<string, string[]> = {}
	for (const table of await tablesOf(url)) {
		const rows = await query<{ row: string }>(
			url,
			`SELECT row_to_json(t)::text AS row FROM ${pg.escapeIdentifier(table)} t ORDER BY 1`,
		)
		contents[table] = rows.map((row) => row.row)
	}
	return contents
}

/** The contents with the public data version's row apart: a restore moves it on once, so caches refresh. */
function withoutVersion(contents: Record<string, string[]>) {
	const { PublicDataVersion: version, ...rest } = contents
	return { rest, version: (version ?? []).map((row): { id: number; version: number } => JSON.parse(row)) }
}

async function rewriteBackup(file: string, target: string, edit: (lines: string[]) => string[]) {
	const lines = gunzipSync(await readFile(file))
		.toString('utf8')
		.trimEnd()
		.split('\n')
	await writeFile(target, gzipSync(`${edit(lines).join('\n')}\n`))
}

beforeAll(async () => {
	folder = await mkdtemp(path.join(os.tmpdir(), 'uade-backup-'))
	source = await newDatabase()
	const prisma = createPrismaClient(source.url)
	try {
		await seed(prisma)
		const pledgeId = await pledgeIdOf(prisma, 'it-jobs')
		const { id: userId } = await createFactChecker(prisma, 'backup@example.org', 'Aïgerim «Backup» Ş')
		await prisma.password.create({ data: { userId, hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' } })
		await prisma.session.create({
			data: {
				// As createSession stores it: the SHA-256 of the cookie's token, never the token.
				id: 'a'.repeat(64),
				userId,
				expiresAt: new Date('2027-01-01T00:00:00.123Z'),
				ipAddress: '203.0.113.7',
				userAgent: 'Vitest',
			},
		})
		await prisma.signInAttempt.create({
			data: { email: 'backup@example.org', ipAddress: '203.0.113.7', succeeded: false },
		})
		await prisma.passwordCheckFailure.create({
			data: { userId, createdAt: new Date('2026-11-30T08:00:00.456Z') },
		})
		const evidence = await createEvidence(prisma, {
			pledgeId,
			userId,
			title: 'A decree',
			publishedOn: '2024-01-15',
		})
		await createEvidence(prisma, {
			pledgeId,
			userId,
			title: 'Pending, with a "quote" and a \\ backslash',
			publishedOn: '2024-03-01',
			reviewState: 'PENDING',
		})
		const entry = await recordStatus(prisma, {
			pledgeId,
			userId,
			status: 'IN_PROGRESS',
			effectiveDate: '2024-02-01',
			rationale: 'First rating',
			evidenceIds: [evidence.id],
			recordedAt: '2024-02-02T10:11:12.345Z',
		})
		const correction = await recordStatus(prisma, {
			pledgeId,
			userId,
			status: 'STALLED',
			effectiveDate: '2024-02-01',
			rationale: 'A correction of the first rating',
			evidenceIds: [evidence.id],
			correctsId: entry.id,
			recordedAt: '2024-02-03T10:11:12.345Z',
		})
		await prisma.statusUpdateTranslation.create({
			data: {
				statusUpdateId: correction.id,
				locale: 'RU',
				rationale: 'Исправление первой оценки статуса.',
				correctionReason: 'Первая оценка опиралась на неверно прочитанный отчёт.',
			},
		})
		await prisma.evidenceTranslation.create({
			data: { evidenceId: evidence.id, locale: 'KK', title: 'Дәлелдің атауы', excerpt: null },
		})
		const { id: platformId } = await prisma.platform.findUniqueOrThrow({
			where: { slug: 'fair-kazakhstan-2022' },
			select: { id: true },
		})
		const roadmap = await prisma.platformSource.create({
			data: {
				platformId,
				type: 'OFFICIAL_STATEMENT',
				sourceUrl: 'https://example.org/roadmap',
				title: 'A roadmap of 117 items',
				publisher: 'Government of Kazakhstan',
				publishedOn: null,
				publishedPrecision: 'NONE',
				publishedNote: 'No date on the page.',
				excerpt: 'Жол картасы 117 тармақтан тұрады.',
				excerptLanguage: 'kk',
			},
		})
		await prisma.platformSourceTranslation.create({
			data: {
				platformSourceId: roadmap.id,
				locale: 'RU',
				title: 'Дорожная карта из 117 пунктов',
				excerpt: null,
			},
		})
		await recordMeasurement(prisma, { pledgeId, userId, value: 123456.789, asOf: '2024-06-30' })
		await prisma.auditEntry.create({
			data: {
				actorId: userId,
				action: 'pledge.update',
				entityType: 'Pledge',
				entityId: pledgeId,
				before: { title: 'Old', big: '12345678901234567890', ratio: 0.1, nested: { list: [1, 'два', null] } },
				after: { title: 'New — ✓' },
				ipAddress: '203.0.113.7',
				createdAt: new Date('2024-02-02T10:11:12.345Z'),
			},
		})
		await prisma.auditEntry.create({ data: { action: 'user.create', entityType: 'User', entityId: userId } })
		// A single-admin installation that turned the four-eyes rule off: the setting survives a restore.
		await prisma.installationSettings.create({ data: { id: 1, fourEyes: false, version: 2 } })
	} finally {
		await prisma.$disconnect()
	}
	sourceContents = await contentsOf(source.url)
	backupFile = path.join(folder, 'backup.jsonl.gz')
	await backupDatabase(source.url, backupFile, { now: new Date('2026-12-01T12:00:00Z') })
})

afterAll(async () => {
	for (const database of databases) await database.drop()
	await rm(folder, { recursive: true, force: true })
})

describe('npm run db:backup and db:restore', () => {
	test('the fixtures hold rows in every table, so the round trip below covers every table', () => {
		expect(Object.keys(sourceContents).length).toBeGreaterThan(10)
		expect(Object.entries(sourceContents).filter(([, rows]) => rows.length === 0)).toEqual([])
	})

	test('back up, destroy, restore into a new database: every row of every table is there again', async () => {
		await source.drop()
		const target = await newDatabase({ migrate: false })
		const summary = await restoreDatabase(target.url, backupFile)
		const restored = await contentsOf(target.url)
		const before = withoutVersion(sourceContents)
		const after = withoutVersion(restored)
		// Ids, timestamps, JSON, the ledger's corrections: identical, table by table.
		expect(after.rest).toEqual(before.rest)
		// Moved past the backup's, so no ETag of before the restore comes back for other content.
		expect(after.version.map((row) => row.id)).toEqual([1])
		expect(after.version[0]?.version).toBeGreaterThan(before.version[0]?.version ?? Infinity)
		expect(summary).toMatchObject({
			tables: Object.keys(sourceContents).length,
			rows: Object.values(sourceContents).reduce((sum, rows) => sum + rows.length, 0),
			replaced: false,
			migratedAfter: [],
		})
		// The restored ledger is append-only as before.
		await expect(query(target.url, `UPDATE "StatusUpdate" SET rationale = 'x'`)).rejects.toThrow(
			/append-only/,
		)
	})

	test('the backup file is readable by its owner only, and an existing file is never overwritten', async () => {
		expect((await stat(backupFile)).mode & 0o777).toBe(0o600)
		const other = await newDatabase()
		await expect(backupDatabase(other.url, backupFile)).rejects.toThrow(/EEXIST/)
	})

	test('refuses a database that holds data, unless forced, and then replaces it in full', async () => {
		const target = await newDatabase()
		const prisma = createPrismaClient(target.url)
		try {
			await seed(prisma)
			await createFactChecker(prisma, 'someone-else@example.org')
		} finally {
			await prisma.$disconnect()
		}
		const existing = await contentsOf(target.url)
		await expect(restoreDatabase(target.url, backupFile)).rejects.toThrow(
			/The database already holds data \(rows in .*User.*\): restore into an empty database, or pass --force/,
		)
		expect(await contentsOf(target.url)).toEqual(existing)

		// Its public pages' version runs ahead of the backup's: the restore must pass it, not go back.
		const client = new pg.Client({ connectionString: target.url })
		await client.connect()
		await client.query('UPDATE "PublicDataVersion" SET "version" = 1000000')
		await client.end()
		const summary = await restoreDatabase(target.url, backupFile, { force: true })
		expect(summary.replaced).toBe(true)
		const replaced = withoutVersion(await contentsOf(target.url))
		expect(replaced.rest).toEqual(withoutVersion(sourceContents).rest)
		expect(replaced.version[0]?.version).toBeGreaterThan(1000000)
	})

	test('refuses a backup of a newer schema, and touches nothing', async () => {
		const newer = path.join(folder, 'newer.jsonl.gz')
		await rewriteBackup(backupFile, newer, ([header = '', ...rest]) => {
			const parsed: { migrations: Array<{ name: string; checksum: string }> } = JSON.parse(header)
			parsed.migrations.push({ name: '29991231000000_from_the_future', checksum: 'f'.repeat(64) })
			return [JSON.stringify(parsed), ...rest]
		})
		const target = await newDatabase({ migrate: false })
		await expect(restoreDatabase(target.url, newer)).rejects.toThrow(
			/The backup is of a newer schema: its migration 29991231000000_from_the_future is not this version's/,
		)
		expect(await tablesOf(target.url)).toEqual([])
	})

	test('a cut-off backup restores nothing: the rows go in in one transaction', async () => {
		const cut = path.join(folder, 'cut.jsonl.gz')
		await rewriteBackup(backupFile, cut, (lines) => lines.slice(0, -1))
		const target = await newDatabase({ migrate: false })
		await expect(restoreDatabase(target.url, cut)).rejects.toThrow(/The backup is cut off/)
		const contents = withoutVersion(await contentsOf(target.url))
		expect(Object.values(contents.rest).flat()).toEqual([])
	})

	test('refuses a file that is not a backup', async () => {
		const notBackup = path.join(folder, 'not-a-backup.jsonl.gz')
		await writeFile(notBackup, gzipSync('{"hello": "world"}\n'))
		const target = await newDatabase({ migrate: false })
		await expect(restoreDatabase(target.url, notBackup)).rejects.toThrow(/is not a Uade backup/)
		const plain = path.join(folder, 'plain.txt')
		await writeFile(plain, 'not gzip at all\n')
		await expect(restoreDatabase(target.url, plain)).rejects.toThrow(/is not a Uade backup/)
	})

	test('a backup of an older schema is restored at its schema, then migrated to this version', async () => {
		const migrations = (await readMigrations()).map((migration) => migration.name)
		const older = await newDatabase({ migrate: false })
		await migrate(older.url, { until: migrations.at(-2) })
		await query(
			older.url,
			`INSERT INTO "Politician" (id, slug, name, office, "createdAt", "updatedAt")
			VALUES ('p1', 'someone', 'Someone', 'Office', '2024-01-01 10:00:00.5', '2024-01-02 10:00:00.5')`,
		)
		const olderFile = path.join(folder, 'older.jsonl.gz')
		await backupDatabase(older.url, olderFile)
		const target = await newDatabase({ migrate: false })
		const summary = await restoreDatabase(target.url, olderFile)
		expect(summary.migratedAfter).toEqual(migrations.slice(-1))
		expect(await query(target.url, 'SELECT id, "createdAt"::text AS "createdAt" FROM "Politician"')).toEqual([
			{ id: 'p1', createdAt: '2024-01-01 10:00:00.5' },
		])
		const applied = await query<{ name: string }>(
			target.url,
			'SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY 1',
		)
		expect(applied.map((row) => row.name)).toEqual(migrations)
	})

	test('refuses a database migrated past the backup', async () => {
		const migrations = (await readMigrations()).map((migration) => migration.name)
		const older = await newDatabase({ migrate: false })
		await migrate(older.url, { until: migrations.at(-2) })
		const olderFile = path.join(folder, 'older-again.jsonl.gz')
		await backupDatabase(older.url, olderFile)
		const target = await newDatabase()
		await expect(restoreDatabase(target.url, olderFile, { force: true })).rejects.toThrow(
			`The database is migrated past the backup (${migrations.at(-1)}): restore into a new, empty database`,
		)
	})
})
