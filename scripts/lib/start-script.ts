import { MigrationError } from '~/db/tooling/migrate.server'
import { ConfigurationError, env, type Environment } from '~/env.server'

/**
 * The first call of every script: checks every environment variable (app/env.server.ts) and returns the
 * configuration. From then on, an error that explains itself (a bad setting, a database or port in use, a
 * refused migration) ends the script with its message as one line and exit code 1, without a stack trace;
 * any other error still shows its stack.
 */
export function startScript(): Environment {
	process.on('uncaughtException', (error) => {
		const explained = error instanceof ConfigurationError || error instanceof MigrationError
		console.error(explained ? `[uade] ${error.message}` : error)
		process.exit(1)
	})
	return env()
}
