import { readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { diffMigrationsToSchema } from '../../scripts/lib/prisma-schema-engine'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import {
	compareShapes,
	expectedShape,
	parseSchema,
	readShape,
	readShapeOf,
	type Datamodel,
	type Shape,
} from '~/test/schema-shape'

// schema.prisma and the migrations must describe the same database: see app/test/schema-shape.ts for how
// the two are compared, and docs/decisions/002-migrations-without-prisma-schema-engine.md for why.

const schemaPath = path.join(process.cwd(), 'prisma', 'schema.prisma')
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

	test("leave Prisma's own schema engine nothing to migrate (`prisma migrate diff --from-migrations`)", async () => {
		const result = await diffMigrationsToSchema({
			serverUrl: inject('testServerUrl'),
			migrationsDir: path.join(process.cwd(), 'prisma', 'migrations'),
			schema: await readFile(schemaPath, 'utf8'),
		})
		expect(result.sql, 'run `npm run db:migration -- --name <change>`').toBe(
			'-- This is an empty migration.\n',
		)
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
