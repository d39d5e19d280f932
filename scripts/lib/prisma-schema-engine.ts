/**
 * Prisma's own schema engine, in the WebAssembly build `prisma migrate` uses with driver adapters, run
 * against a throw-away database to compute the SQL `prisma migrate dev --create-only` would write.
 *
 * The engine talks to PostgreSQL through `@prisma/adapter-pg`, which in 7.10 needs two fixes for it:
 * - it cannot return PostgreSQL's internal `"char"` type ("Column type 'char' could not be deserialized"),
 *   and the engine reads such columns from pg_catalog (`pg_constraint.contype`, `confdeltype`, ...): a
 *   query that returns one is run again with those columns cast to text, reported as characters;
 * - its `executeScript` splits a script at every `;`, which breaks a migration that defines a function
 *   (`$$ ... ; ... $$`): scripts are sent whole instead, as PostgreSQL's simple query protocol allows.
 *
 * With a `migrations` source the WASM engine applies the migrations to the database it is connected to
 * (it has no separate shadow database), so every diff gets a fresh, empty database that is dropped after.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import {
	bindMigrationAwareSqlAdapterFactory,
	ColumnTypeEnum,
	DriverAdapterError,
	isDriverAdapterError,
	type SqlDriverAdapter,
	type SqlMigrationAwareDriverAdapterFactory,
	type SqlQuery,
} from '@prisma/driver-adapter-utils'
import type { DiffTarget, MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm'
import pg from 'pg'
import { readMigrations } from '~/db/tooling/migrate.server'

export type SchemaDiff = {
	/** The SQL, exactly as Prisma renders it ("-- This is an empty migration." when there is nothing to do). */
	sql: string
	/** True when the migrations already create what the schema describes. */
	empty: boolean
}

/** The SQL that takes a database migrated by `migrationsDir` to what `schema` (the text of a schema.prisma) describes. */
export async function diffMigrationsToSchema({
	serverUrl,
	migrationsDir,
	schema,
}: {
	/** A PostgreSQL server, without a database name; a temporary database is created and dropped on it. */
	serverUrl: string
	migrationsDir: string
	schema: string
}): Promise<SchemaDiff> {
	const migrations = await migrationList(migrationsDir)
	return withScratchDatabase(serverUrl, (url) =>
		diff(url, { tag: 'migrations', ...migrations }, schemaTarget(schema)),
	)
}

/** The SQL that creates what `schema` describes in an empty database (`prisma migrate diff --from-empty`). */
export async function diffEmptyToSchema({ serverUrl, schema }: { serverUrl: string; schema: string }) {
	return withScratchDatabase(serverUrl, (url) => diff(url, { tag: 'empty' }, schemaTarget(schema)))
}

function schemaTarget(schema: string): DiffTarget {
	return { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] }
}

async function migrationList(migrationsDir: string): Promise<MigrationList> {
	const lockfile = path.join(migrationsDir, 'migration_lock.toml')
	return {
		baseDir: migrationsDir,
		lockfile: {
			path: 'migration_lock.toml',
			content: existsSync(lockfile) ? await readFile(lockfile, 'utf8') : null,
		},
		shadowDbInitScript: '',
		migrationDirectories: (await readMigrations(migrationsDir)).map((migration) => ({
			path: migration.name,
			migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: migration.sql } },
		})),
	}
}

async function diff(url: string, from: DiffTarget, to: DiffTarget): Promise<SchemaDiff> {
	const adapters = new Set<SqlDriverAdapter>()
	const engine = await loadSchemaEngine(adapterFactory(url, adapters))
	lastPanic = undefined
	try {
		const result = await engine.diff({
			from,
			to,
			script: true,
			exitCode: true,
			filters: { externalTables: [], externalEnums: [] },
		})
		// With `exitCode`, the engine answers 2 when the two sides differ, as `prisma migrate diff --exit-code` does.
		return { sql: result.stdout ?? '', empty: result.exitCode === 0 }
	} catch (error) {
		if (lastPanic) throw new Error(`Prisma's schema engine failed: ${lastPanic}`, { cause: error })
		throw error
	} finally {
		engine.free()
		// The engine disposes of the connections it is done with (dropping a shadow database); close the rest.
		for (const adapter of adapters) await adapter.dispose()
	}
}

async function withScratchDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
	const name = `uade_schema_diff_${randomBytes(6).toString('hex')}`
	const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` })
	await admin.connect()
	try {
		await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8'`)
		try {
			return await work(`${serverUrl}/${name}`)
		} finally {
			await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
		}
	} finally {
		await admin.end()
	}
}

function adapterFactory(url: string, opened: Set<SqlDriverAdapter>): SqlMigrationAwareDriverAdapterFactory {
	const base = new PrismaPg({ connectionString: url })
	const track = async (connecting: ReturnType<PrismaPg['connect']>) => {
		const adapter = await connecting
		opened.add(adapter)
		return withEngineFixes(adapter, opened)
	}
	return {
		adapterName: base.adapterName,
		provider: base.provider,
		connect: () => track(base.connect()),
		connectToShadowDb: () => track(base.connectToShadowDb()),
	}
}

/** PostgreSQL's one-byte internal type, `"char"`, as pg_catalog uses it (pg_type OID 18). */
const internalCharTypeId = 18

function withEngineFixes(
	adapter: SqlDriverAdapter & { underlyingDriver(): pg.Pool },
	opened: Set<SqlDriverAdapter>,
): SqlDriverAdapter {
	const pool = adapter.underlyingDriver()
	return {
		adapterName: adapter.adapterName,
		provider: adapter.provider,
		executeRaw: (query) => adapter.executeRaw(query),
		startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
		getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
		dispose: () => {
			opened.delete(adapter)
			return adapter.dispose()
		},
		queryRaw: async (query) => {
			try {
				return await adapter.queryRaw(query)
			} catch (error) {
				if (!(isDriverAdapterError(error) && error.cause.kind === 'UnsupportedNativeDataType')) throw error
				return queryWithCharColumnsAsText(adapter, pool, query)
			}
		},
		executeScript: async (script) => {
			try {
				await pool.query(script)
			} catch (error) {
				if (!(error instanceof pg.DatabaseError)) throw error
				throw new DriverAdapterError({
					kind: 'postgres',
					code: error.code ?? 'XX000',
					severity: error.severity ?? 'ERROR',
					message: error.message,
					detail: error.detail,
					column: error.column,
					hint: error.hint,
				})
			}
		},
	}
}

async function queryWithCharColumnsAsText(adapter: SqlDriverAdapter, pool: pg.Pool, query: SqlQuery) {
	const sql = query.sql.replace(/[\s;]+$/, '')
	// Only the result's column types are wanted here: LIMIT 0 returns them without running the query through.
	const { fields } = await pool.query(`SELECT * FROM (${sql}) AS uade_query LIMIT 0`, query.args)
	const charColumns = new Set(
		fields.flatMap((field, index) => (field.dataTypeID === internalCharTypeId ? [index] : [])),
	)
	const columns = fields.map((field, index) => {
		const column = `uade_query.${pg.escapeIdentifier(field.name)}`
		return charColumns.has(index) ? `${column}::text AS ${pg.escapeIdentifier(field.name)}` : column
	})
	// A subquery with ORDER BY is never flattened into the outer query, so its row order is kept.
	const result = await adapter.queryRaw({
		...query,
		sql: `SELECT ${columns.join(', ')} FROM (${sql}) AS uade_query`,
	})
	return {
		...result,
		columnTypes: result.columnTypes.map((type, index) =>
			charColumns.has(index) ? ColumnTypeEnum.Character : type,
		),
	}
}

let engineClass: typeof SchemaEngine | undefined

async function loadSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
	if (!engineClass) {
		// The package's own entry imports the .wasm file as a module, which Node cannot; instantiate it by hand
		// the way @prisma/internals' WasmSchemaEngineLoader does.
		const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg')
		const wasmFile = path.join(
			path.dirname(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm')),
			'schema_engine_bg.wasm',
		)
		const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmFile)), {
			'./schema_engine_bg.js': bindings,
		})
		bindings.__wbg_set_wasm(instance.exports)
		const start = instance.exports.__wbindgen_start
		if (typeof start !== 'function') throw new Error('@prisma/schema-engine-wasm has no __wbindgen_start')
		start()
		engineClass = bindings.SchemaEngine
	}
	// A Rust panic inside the engine reports its message here; the call then fails with "unreachable".
	globalThis.PRISMA_WASM_PANIC_REGISTRY = {
		set_message: (message: string) => {
			lastPanic = message
		},
	}
	const ignoreLogs = () => {}
	return engineClass.new({ datamodels: undefined }, ignoreLogs, bindMigrationAwareSqlAdapterFactory(factory))
}

let lastPanic: string | undefined

declare global {
	var PRISMA_WASM_PANIC_REGISTRY: { set_message: (message: string) => void } | undefined
}
