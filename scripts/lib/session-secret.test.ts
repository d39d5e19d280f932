import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { ConfigurationError } from '~/env.server'
import { generatedSecretFile, resolveSessionSecret } from './session-secret'

let folder: string
beforeEach(async () => {
	folder = await mkdtemp(path.join(os.tmpdir(), 'uade-secret-'))
})
afterEach(async () => {
	await rm(folder, { recursive: true, force: true })
})

const longSecret = 's'.repeat(48)

describe('the session secret', () => {
	test('SESSION_SECRET is used as given, a comma-separated list for rotation', () => {
		expect(resolveSessionSecret({ SESSION_SECRET: longSecret }, path.join(folder, 'unused'))).toBe(longSecret)
		const rotating = `${'n'.repeat(32)},${'o'.repeat(32)}`
		expect(resolveSessionSecret({ SESSION_SECRET: rotating }, path.join(folder, 'unused'))).toBe(rotating)
	})

	test('a short secret is refused with a way to make a good one', () => {
		expect(() => resolveSessionSecret({ SESSION_SECRET: 'secret' })).toThrow(
			new ConfigurationError(
				'SESSION_SECRET needs at least 32 characters in every secret (comma-separated); make one with ' +
					'`openssl rand -base64 48`.',
			),
		)
		expect(() => resolveSessionSecret({ SESSION_SECRET: `${longSecret},short` })).toThrow(
			/at least 32 characters/,
		)
	})

	test('production on its own database refuses to start without one, saying why and what to do', () => {
		expect(() =>
			resolveSessionSecret(
				{ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/uade' },
				path.join(folder, 'session-secret'),
			),
		).toThrow(
			/^SESSION_SECRET is not set\. In production with DATABASE_URL, .* set SESSION_SECRET to a long random value/,
		)
	})

	test('otherwise one is generated once, kept private next to the embedded data, and reused', async () => {
		const env = { NODE_ENV: 'production', UADE_DATA_DIR: path.join(folder, 'postgres') }
		const file = generatedSecretFile(env)
		expect(file).toBe(path.join(folder, 'session-secret'))

		const first = resolveSessionSecret(env)
		const second = resolveSessionSecret(env)

		expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/)
		expect(second).toBe(first)
		expect((await readFile(file, 'utf8')).trim()).toBe(first)
		expect((await stat(file)).mode & 0o777).toBe(0o600)
	})

	test('development with DATABASE_URL keeps it in .data/session-secret', () => {
		expect(generatedSecretFile({ DATABASE_URL: 'postgresql://db/uade' })).toBe(
			path.join(process.cwd(), '.data', 'session-secret'),
		)
	})

	test('a damaged secret file is refused, not silently used', async () => {
		const file = path.join(folder, 'session-secret')
		await writeFile(file, 'short\n')
		expect(() => resolveSessionSecret({}, file)).toThrow(/holds a session secret shorter than 32 characters/)
	})
})
