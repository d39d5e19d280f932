import pg from 'pg'
import { inject } from 'vitest'
import {
	asTestAppRole,
	createDatabaseOnServer,
	dropDatabaseOnServer,
	templateDatabaseName,
	uniqueTestDatabaseName,
} from './database-server'

export type TestDatabase = {
	name: string
	/** The owner's connection (a superuser's), as migrations and scripts use. */
	url: string
	/** The app role's connection, as the server uses (docs/decisions/010-database-roles.md). */
	appUrl: string
	drop: () => Promise<void>
}

/**
 * A fresh database of the test's own on the run's PostgreSQL server: migrated (cloned from the template
 * that global-setup migrated), or empty with `{ migrate: false }`.
 */
export async function createTestDatabase({
	migrate = true,
}: { migrate?: boolean } = {}): Promise<TestDatabase> {
	const serverUrl = inject('testServerUrl')
	const name = uniqueTestDatabaseName()
	const url = await createDatabaseOnServer(serverUrl, name, {
		template: migrate ? templateDatabaseName : 'template0',
	})
	return { name, url, appUrl: asTestAppRole(url), drop: () => dropDatabaseOnServer(serverUrl, name) }
}

/**
 * Points the app's own Prisma client (`getPrisma()`, used by loaders and actions) at a fresh migrated
 * test database, for integration tests that call route modules. The client signs in as the app role, as
 * the server does, so these tests also show that the app needs no more. Call in beforeAll; returns the
 * database and the client (disconnect and drop in afterAll).
 */
export async function useTestDatabaseForApp() {
	const database = await createTestDatabase()
	await globalThis.uadePrisma?.$disconnect()
	globalThis.uadePrisma = undefined
	process.env.DATABASE_URL = database.appUrl
	const { getPrisma } = await import('~/db/prisma.server')
	return { database, prisma: getPrisma() }
}

/** Runs `sql` as the test database's owner: schema changes a test makes (a trigger) are beyond the app role. */
export async function runAsOwner(database: TestDatabase, sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: database.url })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}
