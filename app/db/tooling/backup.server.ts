import { open } from 'node:fs/promises'
import { once } from 'node:events'
import { StringDecoder } from 'node:string_decoder'
import { pipeline } from 'node:stream/promises'
import { PassThrough } from 'node:stream'
import { createGunzip, createGzip } from 'node:zlib'
import pg from 'pg'
import { defaultMigrationsDir, migrate, prismaAdvisoryLockKey, readMigrations } from './migrate.server'

/**
 * A logical backup made with the `pg` driver alone (the embedded package has no pg_dump; see
 * docs/decisions/011-backup-and-restore.md): gzip'd JSON lines,
 *   1. a header: format, the applied migrations (name and checksum), when it was made;
 *   2. `{"table": …, "rows": [...]}` lines, rows as PostgreSQL's own row_to_json wrote them (never parsed
 *      and re-written by JavaScript, so a bigint or a numeric keeps every digit);
 *   3. a trailer with every sequence's position and each table's row count, so a cut-off file is refused.
 * Every table of the schema is in it, read in one REPEATABLE READ snapshot.
 */

export const backupFormat = 'uade-backup'
export const backupFormatVersion = 1

/** Rows per data line: bounds the memory a line takes on both sides. */
const rowsPerLine = 500

type Header = {
	format: typeof backupFormat
	version: number
	createdAt: string
	migrations: Array<{ name: string; checksum: string }>
	tables: string[]
}

type Trailer = {
	end: true
	rows: Record<string, number>
	sequences: Array<{ name: string; lastValue: string; isCalled: boolean }>
}

export type BackupSummary = { tables: number; rows: number; migrations: number }

export class RestoreRefused extends Error {
	override name = 'RestoreRefused'
}

/** Tables every migrated database has rows in from its migrations alone: not a sign of data to protect. */
const rowsWrittenByMigrations = new Set(['PublicDataVersion'])

const tablesQuery = `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
	ORDER BY c.relname`

/**
 * Writes a backup of the database at `url` to `file`, a new file (an existing one is never overwritten),
 * readable by this user only: it holds password hashes and sessions.
 */
export async function backupDatabase(
	url: string,
	file: string,
	{ now = new Date() }: { now?: Date } = {},
): Promise<BackupSummary> {
	const handle = await open(file, 'wx', 0o600)
	const lines = new PassThrough()
	const written = pipeline(lines, createGzip(), handle.createWriteStream())
	// Awaited below; until then a failure must not count as unhandled.
	written.catch(() => {})
	const client = new pg.Client({ connectionString: url })
	try {
		await client.connect()
	} catch (error) {
		lines.destroy()
		await written.catch(() => {})
		throw error
	}
	const write = async (line: string) => {
		if (!lines.write(`${line}\n`)) await once(lines, 'drain')
	}
	try {
		await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY')
		const migrations = await appliedMigrations(client)
		const tables = (await client.query<{ name: string }>(tablesQuery)).rows.map((row) => row.name)
		const header: Header = {
			format: backupFormat,
			version: backupFormatVersion,
			createdAt: now.toISOString(),
			migrations,
			tables,
		}
		await write(JSON.stringify(header))
		const counts: Record<string, number> = {}
		for (const table of tables) {
			counts[table] = 0
			const cursor = `uade_backup_${tables.indexOf(table)}`
			await client.query(
				`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${pg.escapeIdentifier(table)} t`,
			)
			for (;;) {
				const { rows } = await client.query<{ row: string }>(`FETCH ${rowsPerLine} FROM ${cursor}`)
				if (rows.length === 0) break
				counts[table] += rows.length
				await write(`{"table":${JSON.stringify(table)},"rows":[${rows.map((r) => r.row).join(',')}]}`)
			}
			await client.query(`CLOSE ${cursor}`)
		}
		const { rows: sequences } = await client.query<{ name: string }>(
			`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`,
		)
		const trailer: Trailer = { end: true, rows: counts, sequences: [] }
		for (const { name } of sequences) {
			const { rows } = await client.query<{ lastValue: string; isCalled: boolean }>(
				`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${pg.escapeIdentifier(name)}`,
			)
			const [position] = rows
			if (position) trailer.sequences.push({ name, ...position })
		}
		await write(JSON.stringify(trailer))
		await client.query('COMMIT')
		lines.end()
		await written
		return {
			tables: tables.length,
			rows: Object.values(counts).reduce((sum, count) => sum + count, 0),
			migrations: migrations.length,
		}
	} catch (error) {
		lines.destroy(error instanceof Error ? error : new Error(String(error)))
		await written.catch(() => {})
		throw error
	} finally {
		await client.end()
	}
}

async function appliedMigrations(client: pg.Client): Promise<Array<{ name: string; checksum: string }>> {
	const exists = await client.query<{ present: boolean }>(
		`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
	)
	if (!exists.rows[0]?.present) return []
	const { rows } = await client.query<{ name: string; checksum: string }>(
		`SELECT migration_name AS name, checksum FROM "_prisma_migrations"
		WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
	)
	return rows
}

export type RestoreSummary = BackupSummary & { replaced: boolean; migratedAfter: string[] }

/**
 * Restores `file` into the database at `url`, connected as its owner:
 * - refuses a backup whose schema this version does not know (a newer one), and a database migrated past it;
 * - migrates the database to the backup's schema, loads every row in one transaction (ids and timestamps as
 *   they were; foreign keys checked as rows go in, tables in dependency order), then applies this version's
 *   later migrations, so an older backup is upgraded exactly as the live database would have been;
 * - refuses a database that holds data unless `force`, which replaces it in that same transaction.
 */
export async function restoreDatabase(
	url: string,
	file: string,
	{
		force = false,
		migrationsDir = defaultMigrationsDir,
		log = () => {},
	}: { force?: boolean; migrationsDir?: string; log?: (line: string) => void } = {},
): Promise<RestoreSummary> {
	// Opened first, so that a missing file is an error here (ENOENT) rather than a stream's event.
	const handle = await open(file, 'r')
	const raw = handle.createReadStream()
	const gunzip = createGunzip()
	raw.on('error', (error) => gunzip.destroy(error))
	const lines = linesOf(raw.pipe(gunzip))
	try {
		const first = await lines.next().catch((error: unknown) => {
			// Not gzip at all (zlib's Z_DATA_ERROR, Z_BUF_ERROR): not a backup either.
			if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) return undefined
			throw error
		})
		const header = !first || first.done ? undefined : parseHeader(first.value)
		if (!header) throw new RestoreRefused(`${file} is not a Uade backup (${backupFormat}).`)
		const lastMigration = await checkMigrations(header, migrationsDir)
		await checkTargetSchema(url, header)
		await migrate(url, { migrationsDir, until: lastMigration })

		const client = new pg.Client({ connectionString: url })
		await client.connect()
		let summary: BackupSummary & { replaced: boolean }
		try {
			await client.query('BEGIN')
			try {
				summary = await loadRows(client, header, lines, force)
				await client.query('COMMIT')
			} catch (error) {
				await client.query('ROLLBACK')
				throw error
			}
		} finally {
			await client.end()
		}
		const { applied } = await migrate(url, { migrationsDir, log })
		return { ...summary, migratedAfter: applied }
	} finally {
		raw.destroy()
		gunzip.destroy()
	}
}

/**
 * The lines of a stream, read as they are asked for: the file is never held whole in memory (readline's
 * iterator reads ahead without bound).
 */
async function* linesOf(stream: AsyncIterable<Buffer>): AsyncGenerator<string, void> {
	const decoder = new StringDecoder('utf8')
	let pieces: string[] = []
	for await (const chunk of stream) {
		const text = decoder.write(chunk)
		let start = 0
		for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
			pieces.push(text.slice(start, end))
			yield pieces.join('')
			pieces = []
			start = end + 1
		}
		pieces.push(text.slice(start))
	}
	pieces.push(decoder.end())
	const last = pieces.join('')
	if (last) yield last
}

function parseHeader(line: string): Header | undefined {
	try {
		const value: unknown = JSON.parse(line)
		if (typeof value !== 'object' || value === null) return undefined
		if (!('format' in value) || value.format !== backupFormat) return undefined
		if (!('version' in value) || value.version !== backupFormatVersion) {
			throw new RestoreRefused(
				`This backup is in format version ${'version' in value ? String(value.version) : '?'}; this version ` +
					`of Uade reads version ${backupFormatVersion}: restore it with the version that made it.`,
			)
		}
		const header: Header = JSON.parse(line)
		return header
	} catch (error) {
		if (error instanceof RestoreRefused) throw error
		return undefined
	}
}

/** The backup's last migration, when every one of its migrations is this version's, unchanged. */
async function checkMigrations(header: Header, migrationsDir: string): Promise<string> {
	const known = await readMigrations(migrationsDir)
	const backup = header.migrations
	const last = backup.at(-1)
	if (!last)
		throw new RestoreRefused('The backup records no applied migration: it is not of a Uade database.')
	for (const [index, migration] of backup.entries()) {
		const ours = known[index]
		if (!ours || ours.name !== migration.name) {
			throw new RestoreRefused(
				`The backup is of a newer schema: its migration ${migration.name} is not this version's ` +
					`(${migrationsDir}). Restore it with the version of Uade that made it, or a later one.`,
			)
		}
		if (ours.checksum !== migration.checksum) {
			throw new RestoreRefused(
				`The backup's migration ${migration.name} differs from this version's (checksum): it is of ` +
					'another schema, and is not restored.',
			)
		}
	}
	return last.name
}

/** The target may be new, or migrated as far as the backup, no further. */
async function checkTargetSchema(url: string, header: Header): Promise<void> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const applied = (await appliedMigrations(client)).map((migration) => migration.name)
		const backup = header.migrations.map((migration) => migration.name)
		const beyond = applied.filter((name) => !backup.includes(name))
		if (beyond.length > 0) {
			throw new RestoreRefused(
				`The database is migrated past the backup (${beyond.join(', ')}): restore into a new, empty ` +
					'database, which is migrated to the backup first and then to this version.',
			)
		}
	} finally {
		await client.end()
	}
}

type TableShape = { name: string; columns: string[]; references: string[] }

async function loadRows(
	client: pg.Client,
	header: Header,
	lines: AsyncIterator<string>,
	force: boolean,
): Promise<BackupSummary & { replaced: boolean }> {
	// No migration runs (nor a second restore) while this one does; the app waits on the table locks.
	await client.query('SELECT pg_advisory_xact_lock($1)', [prismaAdvisoryLockKey])
	const tables = await tableShapes(client)
	const byName = new Map(tables.map((table) => [table.name, table]))
	const missing = header.tables.filter((name) => !byName.has(name))
	if (missing.length > 0) throw new RestoreRefused(`The database has no table ${missing.join(', ')}.`)
	const quoted = tables.map((table) => pg.escapeIdentifier(table.name)).join(', ')
	await client.query(`LOCK TABLE ${quoted} IN ACCESS EXCLUSIVE MODE`)

	// The version public pages' ETags are made of, as it stands: the restored one must pass it, or an ETag
	// seen before the restore could come back for other content and a browser's or CDN's copy hold.
	const liveVersion = await client.query<{ version: string }>(
		'SELECT coalesce(max("version"), 0)::text AS version FROM "PublicDataVersion"',
	)
	const versionBefore = liveVersion.rows[0]?.version ?? '0'

	const holdingData: string[] = []
	for (const table of tables) {
		if (rowsWrittenByMigrations.has(table.name)) continue
		const { rows } = await client.query<{ any: boolean }>(
			`SELECT EXISTS (SELECT 1 FROM ${pg.escapeIdentifier(table.name)}) AS any`,
		)
		if (rows[0]?.any) holdingData.push(table.name)
	}
	if (holdingData.length > 0 && !force) {
		throw new RestoreRefused(
			`The database already holds data (rows in ${holdingData.join(', ')}): restore into an empty ` +
				'database, or pass --force to replace everything in it with the backup.',
		)
	}
	// Emptied in this transaction, so a failed restore leaves the data as it was. The append-only ledger's
	// TRUNCATE triggers are switched off for this statement only (the owner may; the app role may not).
	for (const table of tables) {
		await client.query(`ALTER TABLE ${pg.escapeIdentifier(table.name)} DISABLE TRIGGER USER`)
	}
	await client.query(`TRUNCATE ${quoted}`)
	for (const table of tables) {
		await client.query(`ALTER TABLE ${pg.escapeIdentifier(table.name)} ENABLE TRIGGER USER`)
	}

	// Rows are staged first, then moved in dependency order, so rows referring to rows of their own table
	// (a correction and the entry it corrects) or of a later line go in together.
	const stage = new Map(tables.map((table, index) => [table.name, `pg_temp.uade_restore_${index}`]))
	for (const table of tables) {
		await client.query(
			`CREATE TEMP TABLE ${stage.get(table.name)} (LIKE ${pg.escapeIdentifier(table.name)}) ON COMMIT DROP`,
		)
	}
	const counts: Record<string, number> = {}
	let trailer: Trailer | undefined
	for (let next = await lines.next(); !next.done; next = await lines.next()) {
		if (trailer) throw new RestoreRefused('The backup goes on after its last line: it is damaged.')
		const line: unknown = JSON.parse(next.value)
		if (typeof line !== 'object' || line === null) throw new RestoreRefused('The backup has a damaged line.')
		if ('end' in line) {
			const parsed: Trailer = JSON.parse(next.value)
			trailer = parsed
			continue
		}
		const table = 'table' in line && typeof line.table === 'string' ? line.table : undefined
		const into = table === undefined ? undefined : stage.get(table)
		if (table === undefined || into === undefined) throw new RestoreRefused('The backup has a damaged line.')
		const { rowCount } = await client.query(
			`INSERT INTO ${into} SELECT * FROM json_populate_recordset(NULL::${into}, ($1::json)->'rows')`,
			[next.value],
		)
		counts[table] = (counts[table] ?? 0) + (rowCount ?? 0)
	}
	if (!trailer) throw new RestoreRefused('The backup is cut off (it has no last line): nothing was restored.')
	for (const name of header.tables) {
		if ((counts[name] ?? 0) !== (trailer.rows[name] ?? 0)) {
			throw new RestoreRefused(
				`The backup's ${name} has ${counts[name] ?? 0} rows where it says ${trailer.rows[name] ?? 0}: it is damaged.`,
			)
		}
	}
	for (const table of dependencyOrder(tables)) {
		const columns = table.columns.map((column) => pg.escapeIdentifier(column)).join(', ')
		await client.query(
			`INSERT INTO ${pg.escapeIdentifier(table.name)} (${columns}) OVERRIDING SYSTEM VALUE
			SELECT ${columns} FROM ${stage.get(table.name)}`,
		)
	}
	for (const sequence of trailer.sequences) {
		await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
			pg.escapeIdentifier(sequence.name),
			sequence.lastValue,
			sequence.isCalled,
		])
	}
	// Past both the backup's version and the one this database had (the commit moves it on once more).
	await client.query(
		'UPDATE "PublicDataVersion" SET "version" = greatest("version", $1::bigint) + 1, "changedAt" = clock_timestamp()',
		[versionBefore],
	)
	return {
		tables: header.tables.length,
		rows: Object.values(counts).reduce((sum, count) => sum + count, 0),
		migrations: header.migrations.length,
		replaced: holdingData.length > 0,
	}
}

async function tableShapes(client: pg.Client): Promise<TableShape[]> {
	const { rows } = await client.query<TableShape>(
		`SELECT c.relname AS name,
			ARRAY(SELECT a.attname::text FROM pg_attribute a
				WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
				ORDER BY a.attnum) AS columns,
			ARRAY(SELECT DISTINCT r.relname::text FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
				WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS "references"
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
		ORDER BY c.relname`,
	)
	return rows
}

/** Tables with every table they refer to before them. */
function dependencyOrder(tables: TableShape[]): TableShape[] {
	const ordered: TableShape[] = []
	const placed = new Set<string>()
	let remaining = tables
	while (remaining.length > 0) {
		const ready = remaining.filter((table) => table.references.every((name) => placed.has(name)))
		if (ready.length === 0) {
			throw new Error(`Foreign keys form a cycle among ${remaining.map((table) => table.name).join(', ')}`)
		}
		for (const table of ready) {
			ordered.push(table)
			placed.add(table.name)
		}
		remaining = remaining.filter((table) => !placed.has(table.name))
	}
	return ordered
}
