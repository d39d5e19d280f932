import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { defaultMigrationsDir, migrate } from '~/db/tooling/migrate.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { getOptionalUser } from './guards.server'
import { serializeSessionCookie, sessionIdOfToken } from './session.server'

// Before this migration a session row's id was the very token its cookie carries; after it, the row keeps
// the token's SHA-256. Someone signed in across the upgrade must stay signed in.
const hashingMigration = '20261201100000_hashed_sessions_and_password_checks'

let database: TestDatabase
let migrationsBefore: string

beforeAll(async () => {
	database = await createTestDatabase({ migrate: false })
	migrationsBefore = path.join(await mkdtemp(path.join(os.tmpdir(), 'uade-migrations-')), 'migrations')
	for (const entry of await readdir(defaultMigrationsDir, { withFileTypes: true })) {
		if (entry.isDirectory() && entry.name >= hashingMigration) continue
		await cp(path.join(defaultMigrationsDir, entry.name), path.join(migrationsBefore, entry.name), {
			recursive: true,
		})
	}
})

afterAll(async () => {
	await globalThis.uadePrisma?.$disconnect()
	globalThis.uadePrisma = undefined
	await database.drop()
	await rm(path.dirname(migrationsBefore), { recursive: true, force: true })
})

test('the migration hashes existing session ids as the app does, so their cookies still sign in', async () => {
	await migrate(database.url, { migrationsDir: migrationsBefore })
	const token = 'a-token-from-before-the-upgrade_0123456789abcdefgh'
	const client = new pg.Client({ connectionString: database.url })
	await client.connect()
	try {
		await client.query(
			`INSERT INTO "User" ("id", "email", "displayName", "role", "updatedAt")
			 VALUES ('user-1', 'kept@example.org', 'Kept Signed-in', 'FACT_CHECKER', now())`,
		)
		await client.query(
			`INSERT INTO "Session" ("id", "userId", "expiresAt", "updatedAt")
			 VALUES ($1, 'user-1', now() + interval '1 day', now())`,
			[token],
		)

		const result = await migrate(database.url)
		expect(result.applied).toContain(hashingMigration)

		const rows = await client.query<{ id: string }>('SELECT "id" FROM "Session"')
		expect(rows.rows).toEqual([{ id: sessionIdOfToken(token) }])
	} finally {
		await client.end()
	}

	// The app, on the upgraded database, with the cookie the browser already had.
	await globalThis.uadePrisma?.$disconnect()
	globalThis.uadePrisma = undefined
	process.env.DATABASE_URL = database.url
	const cookie = (await serializeSessionCookie(new Request('http://localhost/'), token)).split(';')[0] ?? ''
	const request = new Request('http://localhost/account', { headers: { Cookie: cookie } })
	expect(await getOptionalUser(request)).toMatchObject({ id: 'user-1', email: 'kept@example.org' })
})
