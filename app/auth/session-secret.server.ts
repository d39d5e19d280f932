import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** A refusal to start, explained in its message (printed without a stack trace). */
export class SessionSecretError extends Error {
	override name = 'SessionSecretError'
}

export const minimumSecretLength = 32

type Environment = Record<string, string | undefined>

/**
 * SESSION_SECRET's secrets: comma-separated, the first signs new cookies and every one still verifies, so
 * a secret can be rotated without signing everybody out (put the new one first, drop the old one later).
 */
export function parseSessionSecrets(value: string): string[] {
	const secrets = value
		.split(',')
		.map((secret) => secret.trim())
		.filter((secret) => secret !== '')
	if (secrets.length === 0) throw new SessionSecretError('SESSION_SECRET is set but holds no secret.')
	if (secrets.some((secret) => secret.length < minimumSecretLength)) {
		throw new SessionSecretError(
			`Every secret in SESSION_SECRET needs at least ${minimumSecretLength} characters; ` +
				'make one with `openssl rand -base64 48`.',
		)
	}
	return secrets
}

/**
 * Where a generated secret is kept when SESSION_SECRET is unset: next to the embedded database's data
 * folder (`.data/session-secret` by default), git-ignored, so that sessions survive restarts.
 */
export function generatedSecretFile(env: Environment = process.env): string {
	return env.UADE_DATA_DIR
		? path.join(path.dirname(path.resolve(env.UADE_DATA_DIR)), 'session-secret')
		: path.join(process.cwd(), '.data', 'session-secret')
}

/**
 * The value SESSION_SECRET should have for this run. Set: it is checked and kept. Unset in production on
 * a database of its own (DATABASE_URL): refused, because a secret generated on one machine would differ
 * between the app's processes and vanish with its container. Unset otherwise (development, tests, the
 * embedded database): generated once and kept in `generatedSecretFile`.
 */
export function resolveSessionSecret(
	env: Environment = process.env,
	secretFile: string = generatedSecretFile(env),
): string {
	if (env.SESSION_SECRET) {
		parseSessionSecrets(env.SESSION_SECRET)
		return env.SESSION_SECRET
	}
	if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
		throw new SessionSecretError(
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
		throw new SessionSecretError(
			`${secretFile} holds a session secret shorter than ${minimumSecretLength} characters: delete the ` +
				'file to have a new one generated (everybody will need to sign in again).',
		)
	}
	return secret
}

function isMissingFile(error: unknown): boolean {
	return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}
