import { randomInt } from 'node:crypto'
import { hash, verify, type Options } from '@node-rs/argon2'

/**
 * Argon2id with OWASP's baseline parameters (19 MiB, 2 passes, 1 lane): about 30 ms on the development
 * machine, slow enough to make guessing expensive, fast enough for a sign-in. `2` is Argon2id in the
 * package's const enum, which isolatedModules does not let us import.
 */
const argon2Options: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
	return hash(password, argon2Options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password)
	} catch {
		// A malformed stored hash is a wrong password, not a crash of the sign-in page.
		return false
	}
}

let dummyHash: Promise<string> | undefined

/**
 * Verifies against a throw-away hash, so that an unknown email costs the same time as a wrong password
 * and the answer's timing does not tell whether an account exists.
 */
export async function spendVerificationTime(password: string): Promise<void> {
	dummyHash ??= hashPassword('uade-dummy-password-for-timing')
	await verifyPassword(await dummyHash, password)
}

// No 0/O, 1/I/L: the password is read off a screen and typed in by someone else.
const oneTimeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A password to hand over once (about 99 bits, in four groups of five): its owner must replace it. */
export function generateOneTimePassword(): string {
	const groups = Array.from({ length: 4 }, () =>
		Array.from({ length: 5 }, () => oneTimeAlphabet[randomInt(oneTimeAlphabet.length)]).join(''),
	)
	return groups.join('-')
}
