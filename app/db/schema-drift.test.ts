import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { getDMMF } from '@prisma/internals'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, type TestDatabase } from '~/test/db'

// The migrations are written by hand (docs/decisions/002-migrations-without-prisma-schema-engine.md), so
// nothing but this test keeps them equal to schema.prisma. It derives the database Prisma would create
// from the schema (Prisma's type mapping, defaults, constraint names and referential actions), reads the
// database our migrations create from pg_catalog, and compares the two as sorted lines of text.

type Datamodel = Awaited<ReturnType<typeof getDMMF>>['datamodel']
type Model = Datamodel['models'][number]
type Field = Model['fields'][number]

/** A database's tables, columns, enums, keys, indexes and foreign keys, one line each. */
type Shape = Record<ShapePart, string[]>
type ShapePart = (typeof shapeParts)[number]
const shapeParts = [
	'tables',
	'columns',
	'enums',
	'primaryKeys',
	'uniqueIndexes',
	'indexes',
	'foreignKeys',
] as const

const schemaPath = path.join(process.cwd(), 'prisma', 'schema.prisma')

async function parseSchema(schema: string): Promise<Datamodel> {
	// The DMMF leaves out `@relation(map: ...)`, so a custom foreign-key name would look like drift.
	if (/@relation\([^)]*\bmap\s*:/.test(schema)) {
		throw new Error(unsupported('@relation(map: ...) (the DMMF does not expose foreign-key names)'))
	}
	return (await getDMMF({ datamodel: schema })).datamodel
}

function unsupported(feature: string): string {
	return `schema-drift.test.ts does not know how Prisma renders ${feature} yet: teach it before using it.`
}

// --- What Prisma would create for a schema -----------------------------------------------------------

/** PostgreSQL's identifier limit; Prisma shortens the generated part of a name to fit it. */
const maxIdentifierLength = 63

function constraintName(table: string, columns: readonly string[], suffix: 'pkey' | 'key' | 'idx' | 'fkey') {
	return `${[table, ...columns].join('_').slice(0, maxIdentifierLength - suffix.length - 1)}_${suffix}`
}

// Written the way PostgreSQL's format_type() prints them.
const scalarTypes: Record<string, string> = {
	String: 'text',
	Int: 'integer',
	BigInt: 'bigint',
	Float: 'double precision',
	Decimal: 'numeric(65,30)',
	Boolean: 'boolean',
	DateTime: 'timestamp(3) without time zone',
	Json: 'jsonb',
	Bytes: 'bytea',
}

function nativeType(name: string, args: readonly string[]): string {
	const modifier = args.length > 0 ? `(${args.join(',')})` : ''
	const simple: Record<string, string> = {
		Text: 'text',
		Uuid: 'uuid',
		Xml: 'xml',
		Inet: 'inet',
		Citext: 'citext',
		Money: 'money',
		Oid: 'oid',
		SmallInt: 'smallint',
		Integer: 'integer',
		BigInt: 'bigint',
		DoublePrecision: 'double precision',
		Real: 'real',
		Date: 'date',
		Boolean: 'boolean',
		Json: 'json',
		JsonB: 'jsonb',
		ByteA: 'bytea',
	}
	const withModifier: Record<string, string> = {
		VarChar: `character varying${modifier}`,
		Char: `character${modifier || '(1)'}`,
		Decimal: `numeric${modifier}`,
		Timestamp: `timestamp${modifier} without time zone`,
		Timestamptz: `timestamp${modifier} with time zone`,
		Time: `time${modifier} without time zone`,
		Timetz: `time${modifier} with time zone`,
		Bit: `bit${modifier || '(1)'}`,
		VarBit: `bit varying${modifier}`,
	}
	const type = simple[name] ?? withModifier[name]
	if (type === undefined) throw new Error(unsupported(`@db.${name}`))
	return type
}

function quoteLiteral(value: string) {
	return `'${value.replaceAll("'", "''")}'`
}

const referentialActions: Record<string, string> = {
	Cascade: 'CASCADE',
	Restrict: 'RESTRICT',
	NoAction: 'NO ACTION',
	SetNull: 'SET NULL',
	SetDefault: 'SET DEFAULT',
}

function expectedShape(datamodel: Datamodel): Shape {
	const models = new Map(datamodel.models.map((model) => [model.name, model]))
	const enums = new Map(datamodel.enums.map((enumType) => [enumType.name, enumType]))
	const modelNamed = (name: string) => {
		const model = models.get(name)
		if (!model) throw new Error(`schema.prisma has no model ${name}`)
		return model
	}
	const tableOf = (model: Model) => model.dbName ?? model.name
	const columnOf = (model: Model, fieldName: string) => {
		const field = model.fields.find((candidate) => candidate.name === fieldName)
		if (!field) throw new Error(`model ${model.name} has no field ${fieldName}`)
		return field.dbName ?? field.name
	}

	const columnType = (field: Field) => {
		let type: string | undefined
		if (field.kind === 'enum') {
			const enumType = enums.get(field.type)
			type = enumType?.dbName ?? enumType?.name
		} else if (field.kind === 'scalar') {
			type = field.nativeType ? nativeType(field.nativeType[0], field.nativeType[1]) : scalarTypes[field.type]
		}
		if (type === undefined)
			throw new Error(unsupported(`a field of kind ${field.kind} and type ${field.type}`))
		return field.isList ? `${type}[]` : type
	}

	const columnDefault = (field: Field): string | undefined => {
		const value = field.default
		if (value === undefined) return undefined
		if (typeof value === 'object') {
			if (!('name' in value)) throw new Error(unsupported('a list default'))
			if (value.name === 'now') return 'CURRENT_TIMESTAMP'
			if (value.name === 'autoincrement') return 'autoincrement'
			// Filled in by Prisma Client, not by the database.
			if (['cuid', 'uuid', 'nanoid', 'ulid'].includes(value.name)) return undefined
			if (value.name === 'dbgenerated') return value.args[0] === undefined ? undefined : String(value.args[0])
			throw new Error(unsupported(`@default(${value.name}())`))
		}
		if (typeof value === 'boolean' || typeof value === 'number') return String(value)
		if (field.kind === 'enum') {
			const member = enums.get(field.type)?.values.find((candidate) => candidate.name === value)
			return quoteLiteral(member?.dbName ?? value)
		}
		if (['Int', 'BigInt', 'Float', 'Decimal'].includes(field.type)) return value
		if (field.type === 'DateTime' || field.type === 'Bytes')
			throw new Error(unsupported(`a ${field.type} literal default`))
		return quoteLiteral(value)
	}

	const shape: Shape = {
		tables: [],
		columns: [],
		enums: [],
		primaryKeys: [],
		uniqueIndexes: [],
		indexes: [],
		foreignKeys: [],
	}

	for (const enumType of datamodel.enums) {
		const values = enumType.values.map((value) => value.dbName ?? value.name)
		shape.enums.push(`${enumType.dbName ?? enumType.name} (${values.join(', ')})`)
	}

	for (const model of datamodel.models) {
		const table = tableOf(model)
		shape.tables.push(table)
		for (const field of model.fields) {
			if (field.kind === 'object') continue
			// Prisma creates scalar lists without NOT NULL.
			const nullability = field.isRequired && !field.isList ? 'NOT NULL' : 'NULL'
			const columnDefaultValue = columnDefault(field)
			const defaultClause = columnDefaultValue === undefined ? '' : ` DEFAULT ${columnDefaultValue}`
			shape.columns.push(
				`${table}.${columnOf(model, field.name)} ${columnType(field)} ${nullability}${defaultClause}`,
			)
		}
		for (const field of model.fields) {
			if (field.kind !== 'object') continue
			const fromFields = field.relationFromFields ?? []
			if (fromFields.length === 0) {
				const otherSide = modelNamed(field.type).fields.find(
					(candidate) => candidate.relationName === field.relationName && candidate !== field,
				)
				if (field.isList && otherSide?.isList)
					throw new Error(unsupported('an implicit many-to-many relation'))
				continue
			}
			const target = modelNamed(field.type)
			const columns = fromFields.map((name) => columnOf(model, name))
			const referenced = (field.relationToFields ?? []).map((name) => columnOf(target, name))
			const onDelete = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')
			const onUpdate = field.relationOnUpdate ?? 'Cascade'
			shape.foreignKeys.push(
				`${constraintName(table, columns, 'fkey')} ON ${table} (${columns.join(', ')}) ` +
					`REFERENCES ${tableOf(target)} (${referenced.join(', ')}) ` +
					`ON DELETE ${referentialActions[onDelete]} ON UPDATE ${referentialActions[onUpdate]}`,
			)
		}
	}

	for (const index of datamodel.indexes) {
		const model = modelNamed(index.model)
		const table = tableOf(model)
		const columns = index.fields.map((field) => columnOf(model, field.name))
		if (index.type === 'id') {
			shape.primaryKeys.push(
				`${index.dbName ?? constraintName(table, [], 'pkey')} ON ${table} (${columns.join(', ')})`,
			)
			continue
		}
		if (index.type !== 'unique' && index.type !== 'normal')
			throw new Error(unsupported(`a ${index.type} index`))
		const keyColumns = index.fields.map((field, position) => {
			if (field.operatorClass || field.length)
				throw new Error(unsupported('index operator classes and lengths'))
			return field.sortOrder === 'desc' ? `${columns[position]} DESC` : columns[position]
		})
		const name = index.dbName ?? constraintName(table, columns, index.type === 'unique' ? 'key' : 'idx')
		const method = (index.algorithm ?? 'BTree').toLowerCase()
		const line = `${name} ON ${table} USING ${method} (${keyColumns.join(', ')})`
		;(index.type === 'unique' ? shape.uniqueIndexes : shape.indexes).push(line)
	}

	return sortShape(shape)
}

// --- What the migrations created ------------------------------------------------------------------------

const inAppSchema = `n.nspname = current_schema() AND c.relname <> '_prisma_migrations'`

// pg_constraint's action codes.
const actionCodes: Record<string, string> = {
	a: 'NO ACTION',
	r: 'RESTRICT',
	c: 'CASCADE',
	n: 'SET NULL',
	d: 'SET DEFAULT',
}

/** pg_get_expr() casts literals; Prisma's schema does not, so the casts are dropped before comparing. */
function normalizeDefault(expression: string): string {
	if (/^nextval\('[^']*'::regclass\)$/.test(expression)) return 'autoincrement'
	const number =
		/^'(-?[\d.]+(?:e[+-]?\d+)?)'::(?:smallint|integer|bigint|real|double precision|numeric)$/.exec(expression)
	if (number?.[1] !== undefined) return number[1]
	const literal = /^('(?:[^']|'')*')::[^']+$/.exec(expression)
	return literal?.[1] ?? expression
}

async function readShape(client: pg.Client): Promise<Shape> {
	const tables = await client.query<{ table: string }>(
		`SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE ${inAppSchema} AND c.relkind IN ('r', 'p')`,
	)
	const columns = await client.query<{
		table: string
		column: string
		type: string
		notNull: boolean
		default: string | null
		identity: string
		generated: string
	}>(
		`SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
		        a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS default,
		        a.attidentity AS identity, a.attgenerated AS generated
		 FROM pg_attribute a
		 JOIN pg_class c ON c.oid = a.attrelid
		 JOIN pg_namespace n ON n.oid = c.relnamespace
		 LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
		 WHERE ${inAppSchema} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
	)
	const enums = await client.query<{ name: string; values: string[] }>(
		`SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
		 FROM pg_type t
		 JOIN pg_namespace n ON n.oid = t.typnamespace
		 JOIN pg_enum e ON e.enumtypid = t.oid
		 WHERE n.nspname = current_schema()
		 GROUP BY t.typname`,
	)
	const constraints = await client.query<{
		name: string
		kind: string
		table: string
		columns: string[]
		referencedTable: string | null
		referencedColumns: string[]
		onDelete: string
		onUpdate: string
		deferrable: boolean
	}>(
		`SELECT con.conname AS name, con.contype AS kind, c.relname AS table,
		        ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
		              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
		              ORDER BY k.position) AS columns,
		        rc.relname AS "referencedTable",
		        ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
		              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
		              ORDER BY k.position) AS "referencedColumns",
		        con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate", con.condeferrable AS deferrable
		 FROM pg_constraint con
		 JOIN pg_class c ON c.oid = con.conrelid
		 JOIN pg_namespace n ON n.oid = c.relnamespace
		 LEFT JOIN pg_class rc ON rc.oid = con.confrelid
		 WHERE ${inAppSchema} AND con.contype IN ('p', 'f')`,
	)
	const indexes = await client.query<{ name: string; table: string; unique: boolean; definition: string }>(
		`SELECT ic.relname AS name, c.relname AS table, i.indisunique AS unique,
		        pg_get_indexdef(i.indexrelid) AS definition
		 FROM pg_index i
		 JOIN pg_class ic ON ic.oid = i.indexrelid
		 JOIN pg_class c ON c.oid = i.indrelid
		 JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE ${inAppSchema} AND NOT i.indisprimary`,
	)

	const shape: Shape = {
		tables: tables.rows.map((row) => row.table),
		columns: columns.rows.map((row) => {
			const type = row.type.replaceAll('"', '')
			const nullability = row.notNull ? 'NOT NULL' : 'NULL'
			const defaultClause = row.default === null ? '' : ` DEFAULT ${normalizeDefault(row.default)}`
			// Prisma never creates identity or generated columns: show them so that they count as drift.
			const identity = row.identity ? ' GENERATED AS IDENTITY' : ''
			const generated = row.generated ? ' GENERATED ALWAYS (STORED)' : ''
			return `${row.table}.${row.column} ${type} ${nullability}${defaultClause}${identity}${generated}`
		}),
		enums: enums.rows.map((row) => `${row.name} (${row.values.join(', ')})`),
		primaryKeys: [],
		uniqueIndexes: [],
		indexes: [],
		foreignKeys: [],
	}
	for (const row of constraints.rows) {
		const head = `${row.name} ON ${row.table} (${row.columns.join(', ')})`
		if (row.kind === 'p') {
			shape.primaryKeys.push(head)
			continue
		}
		shape.foreignKeys.push(
			`${head} REFERENCES ${row.referencedTable} (${row.referencedColumns.join(', ')}) ` +
				`ON DELETE ${actionCodes[row.onDelete]} ON UPDATE ${actionCodes[row.onUpdate]}` +
				(row.deferrable ? ' DEFERRABLE' : ''),
		)
	}
	for (const row of indexes.rows) {
		// "CREATE [UNIQUE] INDEX name ON table USING method (columns) [INCLUDE (...)] [WHERE ...]"
		const method = row.definition.slice(row.definition.indexOf(' USING ') + 1).replaceAll('"', '')
		;(row.unique ? shape.uniqueIndexes : shape.indexes).push(`${row.name} ON ${row.table} ${method}`)
	}
	return sortShape(shape)
}

function sortShape(shape: Shape): Shape {
	const sorted: Shape = { ...shape }
	for (const part of shapeParts) sorted[part] = [...shape[part]].sort()
	return sorted
}

async function readShapeOf(url: string): Promise<Shape> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return await readShape(client)
	} finally {
		await client.end()
	}
}

// --- Comparing ------------------------------------------------------------------------------------------

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Every line found on one side only, e.g.
 * `columns | schema.prisma | Pledge.summary text NOT NULL` next to `columns | migrations    | Pledge.summary text NULL`.
 */
function compareShapes(expected: Shape, actual: Shape): string[] {
	const differences: string[] = []
	for (const part of shapeParts) {
		const inSchema = new Set(expected[part])
		const inMigrations = new Set(actual[part])
		const lines = [
			...expected[part].filter((line) => !inMigrations.has(line)).map((line) => ({ line, side: 0 })),
			...actual[part].filter((line) => !inSchema.has(line)).map((line) => ({ line, side: 1 })),
		]
		// Each line starts with the name of what it describes: keep both versions of one thing together.
		const nameOf = (line: string) => line.split(' ')[0] ?? line
		lines.sort(
			(a, b) => compareText(nameOf(a.line), nameOf(b.line)) || a.side - b.side || compareText(a.line, b.line),
		)
		const sides = ['schema.prisma', 'migrations   ']
		differences.push(...lines.map(({ line, side }) => `${part} | ${sides[side]} | ${line}`))
	}
	return differences
}

// --- Tests ----------------------------------------------------------------------------------------------

describe('schema.prisma and prisma/migrations', () => {
	let database: TestDatabase
	let datamodel: Datamodel
	beforeAll(async () => {
		database = await createTestDatabase()
		datamodel = await parseSchema(await readFile(schemaPath, 'utf8'))
	})
	afterAll(async () => {
		await database?.drop()
	})

	test('describe the same database', async () => {
		const differences = compareShapes(expectedShape(datamodel), await readShapeOf(database.url))
		expect(
			differences,
			'schema.prisma and the migrations disagree: add a migration under prisma/migrations (or fix the schema)',
		).toEqual([])
	})

	test('the comparison covers every model, field, enum, key, index and relation of schema.prisma', () => {
		const expected = expectedShape(datamodel)
		const fields = datamodel.models.flatMap((model) => model.fields)
		expect(expected.tables).toHaveLength(datamodel.models.length)
		expect(expected.columns).toHaveLength(fields.filter((field) => field.kind !== 'object').length)
		expect(expected.enums).toHaveLength(datamodel.enums.length)
		expect(expected.primaryKeys).toHaveLength(datamodel.models.length)
		expect(expected.uniqueIndexes.length + expected.indexes.length).toBe(
			datamodel.indexes.filter((index) => index.type !== 'id').length,
		)
		expect(expected.foreignKeys).toHaveLength(
			fields.filter((field) => (field.relationFromFields ?? []).length > 0).length,
		)
		expect(expected.columns).toContain(`Pledge.status PledgeStatus NOT NULL DEFAULT 'NOT_RATED'`)
	})

	test('the ledger, its evidence links and the audit log refuse UPDATE, DELETE and TRUNCATE', async () => {
		const client = new pg.Client({ connectionString: database.url })
		await client.connect()
		try {
			const triggers = await client.query<{ table: string; events: string }>(
				`SELECT event_object_table AS table,
				        string_agg(event_manipulation || ' ' || action_orientation, ', '
				                   ORDER BY event_manipulation) AS events
				 FROM information_schema.triggers
				 WHERE action_statement = 'EXECUTE FUNCTION uade_refuse_change()'
				 GROUP BY event_object_table ORDER BY event_object_table`,
			)
			// information_schema.triggers leaves out TRUNCATE triggers; pg_trigger has them.
			const truncateTriggers = await client.query<{ table: string }>(
				`SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
				 WHERE t.tgfoid = 'uade_refuse_change'::regproc AND t.tgtype & 32 <> 0 ORDER BY c.relname`,
			)
			expect(triggers.rows).toEqual(
				['AuditEntry', 'StatusUpdate', 'StatusUpdateEvidence'].map((table) => ({
					table,
					events: 'DELETE ROW, UPDATE ROW',
				})),
			)
			expect(truncateTriggers.rows.map((row) => row.table)).toEqual([
				'AuditEntry',
				'StatusUpdate',
				'StatusUpdateEvidence',
			])

			await client.query(
				`INSERT INTO "AuditEntry" (id, action, "entityType", "entityId") VALUES ('audit-1', 'test', 'Pledge', 'p1')`,
			)
			for (const [operation, sql] of [
				['UPDATE', `UPDATE "AuditEntry" SET action = 'changed'`],
				['DELETE', `DELETE FROM "AuditEntry"`],
				['TRUNCATE', `TRUNCATE "AuditEntry"`],
			] as const) {
				await expect(client.query(sql)).rejects.toThrow(
					`table "AuditEntry" is append-only: ${operation} is refused`,
				)
			}
			const kept = await client.query<{ action: string }>(`SELECT action FROM "AuditEntry"`)
			expect(kept.rows).toEqual([{ action: 'test' }])
		} finally {
			await client.end()
		}
	})
})

// A schema that uses what ours does not (@map, @@map, composite and custom-named keys, native types, sort
// orders, index methods, scalar lists, names longer than 63 characters), and the SQL Prisma 7.10's own
// schema engine generates for it (its WASM build's `diff` from empty to this schema, which is what
// `prisma migrate diff --from-empty --to-schema` prints). If the derivation above agrees with Prisma's
// output here, it is Prisma's mapping and not a guess that merely agrees with our hand-written SQL.
const fixtureSchema = `
datasource db {
  provider = "postgresql"
}

enum Mood {
  HAPPY
  SAD   @map("sad")

  @@map("mood")
}

model Author {
  id        Int       @id @default(autoincrement())
  email     String    @unique @db.VarChar(320)
  name      String    @default("it's me") @map("display_name")
  mood      Mood      @default(SAD)
  moods     Mood[]
  tags      String[]
  score     Decimal?  @db.Decimal(10, 2)
  ratio     Decimal   @default(0.5)
  rating    Float     @default(-1.5)
  balance   BigInt    @default(0)
  level     Int       @default(-2) @db.SmallInt
  active    Boolean   @default(true)
  seenAt    DateTime? @db.Timestamptz(6)
  stamp     DateTime? @db.Timestamp
  born      DateTime? @db.Date
  createdAt DateTime  @default(now())
  updatedAt DateTime  @updatedAt
  data      Json?
  avatar    Bytes?
  code      String?   @db.Char(4)
  label     String?   @db.VarChar
  token     String    @default(uuid()) @db.Uuid
  secret    String    @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  mentorId  Int?
  mentor    Author?   @relation("Mentoring", fields: [mentorId], references: [id])
  mentees   Author[]  @relation("Mentoring")
  posts     Post[]

  @@index([rating(sort: Desc), balance])
  @@index([data], type: Gin)
  @@map("authors")
}

model Post {
  authorId Int    @map("author_id")
  slug     String
  title    String @db.Text
  longs    AVeryLongModelNameThatGoesOnAndOnForeverAndEver[]
  author   Author @relation(fields: [authorId], references: [id], onDelete: Cascade, onUpdate: NoAction)

  @@id([authorId, slug])
  @@unique([title, authorId])
  @@index([title], type: Hash)
}

model AVeryLongModelNameThatGoesOnAndOnForeverAndEver {
  id                                       String  @id(map: "long_pk") @default(cuid())
  anotherExtremelyLongColumnNameForTesting String  @unique
  code                                     String
  n                                        Int
  postAuthorId                             Int?
  postSlug                                 String?
  post                                     Post?   @relation(fields: [postAuthorId, postSlug], references: [authorId, slug], onDelete: SetDefault)

  @@unique([code, n], map: "custom_unique_name")
  @@index([n], map: "custom_index_name")
}
`

const fixturePrismaSql = `
CREATE TYPE "mood" AS ENUM ('HAPPY', 'sad');

CREATE TABLE "authors" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "display_name" TEXT NOT NULL DEFAULT 'it''s me',
    "mood" "mood" NOT NULL DEFAULT 'sad',
    "moods" "mood"[],
    "tags" TEXT[],
    "score" DECIMAL(10,2),
    "ratio" DECIMAL(65,30) NOT NULL DEFAULT 0.5,
    "rating" DOUBLE PRECISION NOT NULL DEFAULT -1.5,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "level" SMALLINT NOT NULL DEFAULT -2,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "seenAt" TIMESTAMPTZ(6),
    "stamp" TIMESTAMP,
    "born" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "data" JSONB,
    "avatar" BYTEA,
    "code" CHAR(4),
    "label" VARCHAR,
    "token" UUID NOT NULL,
    "secret" UUID NOT NULL DEFAULT gen_random_uuid(),
    "mentorId" INTEGER,

    CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Post" (
    "author_id" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("author_id","slug")
);

CREATE TABLE "AVeryLongModelNameThatGoesOnAndOnForeverAndEver" (
    "id" TEXT NOT NULL,
    "anotherExtremelyLongColumnNameForTesting" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "postAuthorId" INTEGER,
    "postSlug" TEXT,

    CONSTRAINT "long_pk" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "authors_email_key" ON "authors"("email");
CREATE INDEX "authors_rating_balance_idx" ON "authors"("rating" DESC, "balance");
CREATE INDEX "authors_data_idx" ON "authors" USING GIN ("data");
CREATE INDEX "Post_title_idx" ON "Post" USING HASH ("title");
CREATE UNIQUE INDEX "Post_title_author_id_key" ON "Post"("title", "author_id");
CREATE UNIQUE INDEX "AVeryLongModelNameThatGoesOnAndOnForeverAndEver_anotherExtr_key" ON "AVeryLongModelNameThatGoesOnAndOnForeverAndEver"("anotherExtremelyLongColumnNameForTesting");
CREATE INDEX "custom_index_name" ON "AVeryLongModelNameThatGoesOnAndOnForeverAndEver"("n");
CREATE UNIQUE INDEX "custom_unique_name" ON "AVeryLongModelNameThatGoesOnAndOnForeverAndEver"("code", "n");

ALTER TABLE "authors" ADD CONSTRAINT "authors_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "authors"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Post" ADD CONSTRAINT "Post_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "authors"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "AVeryLongModelNameThatGoesOnAndOnForeverAndEver" ADD CONSTRAINT "AVeryLongModelNameThatGoesOnAndOnForeverAndEver_postAuthor_fkey" FOREIGN KEY ("postAuthorId", "postSlug") REFERENCES "Post"("author_id", "slug") ON DELETE SET DEFAULT ON UPDATE CASCADE;
`

describe('the drift comparison', () => {
	let database: TestDatabase
	beforeAll(async () => {
		database = await createTestDatabase({ migrate: false })
	})
	afterAll(async () => {
		await database?.drop()
	})

	test("derives Prisma's own names, types, defaults and referential actions", async () => {
		const expected = expectedShape(await parseSchema(fixtureSchema))
		const client = new pg.Client({ connectionString: database.url })
		await client.connect()
		try {
			await client.query(fixturePrismaSql)
			expect(compareShapes(expected, await readShape(client))).toEqual([])

			await client.query(`
				DROP INDEX "authors_rating_balance_idx";
				CREATE INDEX "authors_rating_balance_idx" ON "authors"("rating", "balance");
				ALTER TABLE "authors" ALTER COLUMN "email" DROP NOT NULL;
				ALTER TABLE "authors" ALTER COLUMN "balance" SET DEFAULT 1;
				ALTER TYPE "mood" ADD VALUE 'ANGRY' BEFORE 'sad';
				ALTER TABLE "Post" DROP CONSTRAINT "Post_author_id_fkey";
				ALTER TABLE "Post" ADD CONSTRAINT "Post_author_id_fkey" FOREIGN KEY ("author_id")
					REFERENCES "authors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
				DROP INDEX "custom_unique_name";
				ALTER TABLE "Post" ADD COLUMN "extra" TEXT;
			`)
			expect(compareShapes(expected, await readShape(client))).toEqual([
				'columns | migrations    | Post.extra text NULL',
				'columns | schema.prisma | authors.balance bigint NOT NULL DEFAULT 0',
				'columns | migrations    | authors.balance bigint NOT NULL DEFAULT 1',
				'columns | schema.prisma | authors.email character varying(320) NOT NULL',
				'columns | migrations    | authors.email character varying(320) NULL',
				'enums | schema.prisma | mood (HAPPY, sad)',
				'enums | migrations    | mood (HAPPY, ANGRY, sad)',
				'uniqueIndexes | schema.prisma | custom_unique_name ON AVeryLongModelNameThatGoesOnAndOnForeverAndEver USING btree (code, n)',
				'indexes | schema.prisma | authors_rating_balance_idx ON authors USING btree (rating DESC, balance)',
				'indexes | migrations    | authors_rating_balance_idx ON authors USING btree (rating, balance)',
				'foreignKeys | schema.prisma | Post_author_id_fkey ON Post (author_id) REFERENCES authors (id) ON DELETE CASCADE ON UPDATE NO ACTION',
				'foreignKeys | migrations    | Post_author_id_fkey ON Post (author_id) REFERENCES authors (id) ON DELETE RESTRICT ON UPDATE NO ACTION',
			])
		} finally {
			await client.end()
		}
	})

	test("reports a removed index and a flipped nullability in our own schema's expectation", async () => {
		const expected = expectedShape(await parseSchema(await readFile(schemaPath, 'utf8')))
		const index = 'Pledge_platformId_status_idx ON Pledge USING btree (platformId, status)'
		const column = 'Pledge.summary text NOT NULL'
		expect(expected.indexes).toContain(index)
		expect(expected.columns).toContain(column)

		const drifted: Shape = {
			...expected,
			indexes: expected.indexes.filter((line) => line !== index),
			columns: expected.columns.map((line) => (line === column ? 'Pledge.summary text NULL' : line)),
		}
		expect(compareShapes(expected, drifted)).toEqual([
			`columns | schema.prisma | ${column}`,
			'columns | migrations    | Pledge.summary text NULL',
			`indexes | schema.prisma | ${index}`,
		])
		expect(compareShapes(expected, expected)).toEqual([])
	})

	test('refuses schema features it cannot derive instead of passing over them', async () => {
		const withMap = fixtureSchema.replace('onDelete: SetDefault)', 'onDelete: SetDefault, map: "long_post")')
		await expect(parseSchema(withMap)).rejects.toThrow('@relation(map: ...)')
		const withOperatorClass = await parseSchema(
			fixtureSchema.replace('@@index([data], type: Gin)', '@@index([data(ops: JsonbPathOps)], type: Gin)'),
		)
		expect(() => expectedShape(withOperatorClass)).toThrow('operator classes')
		const withImplicitManyToMany = await parseSchema(
			fixtureSchema.replace(
				'posts     Post[]',
				'posts     Post[]\n  follows   Author[] @relation("Following")\n  followers Author[] @relation("Following")',
			),
		)
		expect(() => expectedShape(withImplicitManyToMany)).toThrow('implicit many-to-many')
	})
})
