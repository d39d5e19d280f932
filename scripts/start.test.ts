import { spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'

/** `npm start` with these variables over the test run's own, stopped after 60 s at the latest. */
function start(variables: Record<string, string>) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
		encoding: 'utf8',
		env: { ...process.env, ...variables },
		timeout: 60_000,
	})
	return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm start with a bad setting', () => {
	test.each([
		[{ PORT: 'abc' }, '[uade] PORT must be a port number from 1 to 65535, not "abc".'],
		[
			{ SESSION_SECRET: 'too short' },
			'[uade] SESSION_SECRET needs at least 32 characters in every secret (comma-separated); make one ' +
				'with `openssl rand -base64 48`.',
		],
		[
			{ UADE_TRUST_PROXY: '10.0.0.0/33' },
			'[uade] UADE_TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of ' +
				'loopback, linklocal, uniquelocal, addresses and subnets (10.0.0.0/8), not "10.0.0.0/33".',
		],
		[
			{ DATABASE_URL: 'postgresql://uade@127.0.0.1:9/uade', SESSION_SECRET: 's'.repeat(48) },
			'[uade] UADE_PUBLIC_URL is not set. In production with DATABASE_URL, set it to the address visitors ' +
				'use (for example https://uade.example): pages link to it, requests for any other host are ' +
				'refused, and the session cookie is Secure when it is https.',
		],
	])('%j stops it before anything starts, with one line and exit code 1', (variables, line) => {
		const result = start(variables)
		expect(result.stderr).toBe(`${line}\n`)
		expect(result.stdout).toBe('')
		expect(result.code).toBe(1)
	})
})
