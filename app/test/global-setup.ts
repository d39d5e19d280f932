import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { findFreePort, startEmbeddedPostgres } from '~/db/tooling/embedded-postgres.server'
import { ensureAppRole } from '~/db/tooling/app-role.server'
import { migrate } from '~/db/tooling/migrate.server'
import { env } from '~/env.server'
import { asTestAppRole, createDatabaseOnServer, templateDatabaseName } from './database-server'

declare module 'vitest' {
	export interface ProvidedContext {
		testServerUrl: string
	}
}

/**
 * One PostgreSQL server for the whole test run: DATABASE_URL's server when it is set, otherwise a
 * throw-away embedded one. Test files never use the database DATABASE_URL names; each creates its own
 * (app/test/db.ts), cloned from a template database that is migrated once here.
 */
export default async function setup(project: TestProject) {
	let serverUrl: string
	let stop = async () => {}
	const { DATABASE_URL } = env()
	if (DATABASE_URL) {
		const url = new URL(DATABASE_URL)
		url.pathname = ''
		serverUrl = url.toString().replace(/\/$/, '')
	} else {
		const running = await startEmbeddedPostgres({
			dataDir: path.join(await mkdtemp(path.join(os.tmpdir(), 'uade-test-')), 'postgres'),
			port: await findFreePort(),
			database: 'postgres',
			persistent: false,
		})
		serverUrl = running.serverUrl
		stop = running.stop
	}
	const templateUrl = await createDatabaseOnServer(serverUrl, templateDatabaseName, { replace: true })
	await migrate(templateUrl)
	await ensureAppRole(templateUrl, asTestAppRole(templateUrl))
	project.provide('testServerUrl', serverUrl)
	return stop
}
