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
