import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigurationError, env, minimumSecretLength, parseEnvironment } from '~/env.server'

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

/** The environment variables to read: process.env, or a test's own. */
type Variables = Record<string, string | undefined>

/**
 * Where a generated secret is kept when SESSION_SECRET is unset: next to the embedded database's data
 * folder (`.data/session-secret` by default), git-ignored, so that sessions survive restarts.
 */
export function generatedSecretFile(variables: Variables = process.env): string {
	return path.join(path.dirname(parseEnvironment(variables).UADE_DATA_DIR), 'session-secret')
}

/**
 * The value SESSION_SECRET should have for this run. Set: it is checked and kept. Unset in production on
 * a database of its own (DATABASE_URL): refused, because a secret generated on one machine would differ
 * between the app's processes and vanish with its container. Unset otherwise (development, tests, the
 * embedded database): generated once and kept in `generatedSecretFile`.
 */
export function resolveSessionSecret(
	variables: Variables = process.env,
	secretFile: string = generatedSecretFile(variables),
): string {
	const env = parseEnvironment(variables)
	if (env.SESSION_SECRET) return env.SESSION_SECRET.join(',')
	if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
		throw new ConfigurationError(
			'SESSION_SECRET is not set. In production with DATABASE_URL, every app process must sign session ' +
				'cookies with the same secret: set SESSION_SECRET to a long random value (for example the output ' +
				'of `openssl rand -base64 48`), the same for every process.',
		)
	}
	try {
		return readSecretFile(secretFile)
	} catch (error) {
		if (!isMissingFile(error)) throw error
	}
	mkdirSync(path.dirname(secretFile), { recursive: true })
	try {
		// 'wx': if another process created it meanwhile, read theirs instead of overwriting it.
		writeFileSync(secretFile, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' })
	} catch (error) {
		if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error
	}
	return readSecretFile(secretFile)
}

function readSecretFile(secretFile: string): string {
	const secret = readFileSync(secretFile, 'utf8').trim()
	if (secret.length < minimumSecretLength) {
		throw new ConfigurationError(
			`${secretFile} holds a session secret shorter than ${minimumSecretLength} characters: delete the ` +
				'file to have a new one generated (everybody will need to sign in again).',
		)
	}
	return secret
}

function isMissingFile(error: unknown): boolean {
	return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}
