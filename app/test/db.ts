import { inject } from 'vitest'
import {
	createDatabaseOnServer,
	dropDatabaseOnServer,
	templateDatabaseName,
	uniqueTestDatabaseName,
} from './database-server'

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> }

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
	return { name, url, drop: () => dropDatabaseOnServer(serverUrl, name) }
}

/**
 * Points the app's own Prisma client (`getPrisma()`, used by loaders and actions) at a fresh migrated
 * test database, for integration tests that call route modules. Call in beforeAll; returns the database
 * and the client (disconnect and drop in afterAll).
 */
export async function useTestDatabaseForApp() {
	const database = await createTestDatabase()
	await globalThis.uadePrisma?.$disconnect()
	globalThis.uadePrisma = undefined
	process.env.DATABASE_URL = database.url
	const { getPrisma } = await import('~/db/prisma.server')
	return { database, prisma: getPrisma() }
}
