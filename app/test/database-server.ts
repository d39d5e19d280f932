import { randomBytes } from 'node:crypto'
import pg from 'pg'

export const templateDatabaseName = 'uade_test_template'

/**
 * The login role, a member of `uade_app`, that the app's own client uses in tests (useTestDatabaseForApp), as
 * the server does in production (docs/decisions/010-database-roles.md). Made by global-setup; a fixed password,
 * since several runs may share DATABASE_URL's server.
 */
export const testAppRole = { name: 'uade_test_app', password: 'uade_test_app' }

/** `url` signed in as the test app role. */
export function asTestAppRole(url: string): string {
	const app = new URL(url)
	app.username = testAppRole.name
	app.password = testAppRole.password
	return app.toString()
}

export function uniqueTestDatabaseName(): string {
	return `uade_test_${randomBytes(6).toString('hex')}`
}

export async function withServerClient<T>(
	serverUrl: string,
	work: (client: pg.Client) => Promise<T>,
): Promise<T> {
	const client = new pg.Client({ connectionString: `${serverUrl}/postgres` })
	await client.connect()
	try {
		return await work(client)
	} finally {
		await client.end()
	}
}

export async function createDatabaseOnServer(
	serverUrl: string,
	name: string,
	{ template = 'template0', replace = false }: { template?: string; replace?: boolean } = {},
): Promise<string> {
	await withServerClient(serverUrl, async (client) => {
		if (replace) await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
		const create = `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`
		// Concurrent test files clone the same template; PostgreSQL refuses a clone while another is copying it.
		for (let attempt = 1; ; attempt++) {
			try {
				await client.query(create)
				return
			} catch (error) {
				const templateBusy = error instanceof Error && 'code' in error && error.code === '55006'
				if (!templateBusy || attempt >= 50) throw error
				await new Promise((resolve) => setTimeout(resolve, 100))
			}
		}
	})
	return `${serverUrl}/${name}`
}

export async function dropDatabaseOnServer(serverUrl: string, name: string): Promise<void> {
	await withServerClient(serverUrl, (client) =>
		client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
	)
}
