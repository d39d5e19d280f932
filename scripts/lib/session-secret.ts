import path from 'node:path'
import { generatedSecretFile, resolveSessionSecret } from '~/auth/session-secret.server'
import { env } from '~/env.server'

/**
 * Makes sure SESSION_SECRET is set before the app serves: kept if given, generated and stored when that
 * is safe, and otherwise a refusal to start (a ConfigurationError, which startScript prints as one line).
 * The server build reads it from process.env.
 */
export function ensureSessionSecret(log: (line: string) => void): void {
	const given = env().SESSION_SECRET !== undefined
	process.env.SESSION_SECRET = resolveSessionSecret(process.env)
	if (!given) {
		const file = generatedSecretFile()
		const shown = file.startsWith(`${process.cwd()}${path.sep}`) ? path.relative(process.cwd(), file) : file
		log(`SESSION_SECRET is not set: signing sessions with the secret kept in ${shown}`)
	}
}
