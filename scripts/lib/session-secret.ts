import path from 'node:path'
import { generatedSecretFile, resolveSessionSecret, SessionSecretError } from '~/auth/session-secret.server'

/**
 * Makes sure SESSION_SECRET is set before the app serves: kept if given, generated and stored when that
 * is safe, and otherwise a refusal to start, explained in one message instead of a stack trace.
 */
export function ensureSessionSecret(log: (line: string) => void): void {
	const given = Boolean(process.env.SESSION_SECRET)
	try {
		process.env.SESSION_SECRET = resolveSessionSecret(process.env)
	} catch (error) {
		if (!(error instanceof SessionSecretError)) throw error
		console.error(`[uade] ${error.message}`)
		process.exit(1)
	}
	if (!given) {
		const file = generatedSecretFile()
		const shown = file.startsWith(`${process.cwd()}${path.sep}`) ? path.relative(process.cwd(), file) : file
		log(`SESSION_SECRET is not set: signing sessions with the secret kept in ${shown}`)
	}
}
