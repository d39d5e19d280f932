import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { ConfigurationError, env, parseEnvironment } from './env.server'

const longSecret = 's'.repeat(48)

function refusal(variables: Record<string, string>): string {
	try {
		parseEnvironment(variables)
	} catch (error) {
		if (error instanceof ConfigurationError) return error.message
		throw error
	}
	throw new Error('the environment was accepted')
}

describe('the environment', () => {
	test('unset (or empty) variables take their defaults', () => {
		const defaults = {
			NODE_ENV: undefined,
			PORT: 3000,
			DATABASE_URL: undefined,
			UADE_APP_DATABASE_URL: undefined,
			DATABASE_REPLICA_URLS: undefined,
			SESSION_SECRET: undefined,
			UADE_DATA_DIR: path.resolve('.data/postgres'),
			UADE_DB_PORT: 54329,
			UADE_DB_LOG: false,
			UADE_DB_CONNECT_TIMEOUT_MS: 5_000,
			UADE_DB_STATEMENT_TIMEOUT_MS: 15_000,
			UADE_DEMO_DATA_DIR: path.resolve('.data/demo-postgres'),
			UADE_DEMO_DB_PORT: 54339,
			UADE_BUILD_DIR: path.resolve('build'),
			UADE_TRUST_PROXY: false,
			UADE_PUBLIC_URL: undefined,
			UADE_PAGE_CACHE: 'on',
			UADE_WORKERS: os.availableParallelism(),
			UADE_ORG_NAME: undefined,
			UADE_CONTACT_EMAIL: undefined,
			UADE_SOURCE_URL: undefined,
			UADE_SEED: 'launch',
			UADE_LOG_LEVEL: 'info',
			UADE_LOG_FORMAT: undefined,
			CHROMIUM_PATH: '/usr/bin/chromium',
			VITEST: false,
		}
		expect(parseEnvironment({})).toEqual(defaults)
		expect(parseEnvironment({ PORT: '', UADE_DB_PORT: ' ', SESSION_SECRET: '' })).toEqual(defaults)
	})

	test('reads every variable into its value', () => {
		expect(
			parseEnvironment({
				NODE_ENV: 'production',
				PORT: '8080',
				DATABASE_URL: 'postgresql://uade:secret@db.internal:5432/uade',
				UADE_APP_DATABASE_URL: 'postgresql://uade_server:secret2@db.internal:5432/uade',
				DATABASE_REPLICA_URLS:
					' postgresql://uade_server:secret2@replica1:5432/uade, postgres://uade_server:secret2@replica2/uade,',
				SESSION_SECRET: longSecret,
				UADE_DATA_DIR: 'elsewhere/postgres',
				UADE_DB_PORT: '5433',
				UADE_DB_LOG: '1',
				UADE_DB_CONNECT_TIMEOUT_MS: '2000',
				UADE_DB_STATEMENT_TIMEOUT_MS: '30000',
				UADE_DEMO_DATA_DIR: '/srv/demo',
				UADE_DEMO_DB_PORT: '5434',
				UADE_BUILD_DIR: 'out',
				UADE_TRUST_PROXY: 'loopback',
				UADE_PUBLIC_URL: 'https://uade.example/',
				UADE_PAGE_CACHE: 'off',
				UADE_WORKERS: '3',
				UADE_ORG_NAME: ' Civic Data Kazakhstan ',
				UADE_CONTACT_EMAIL: 'editors@uade.example',
				UADE_SOURCE_URL: 'https://git.example/civic/uade',
				UADE_SEED: 'none',
				UADE_LOG_LEVEL: 'debug',
				UADE_LOG_FORMAT: 'json',
				CHROMIUM_PATH: '/opt/chromium/chrome',
				VITEST: 'true',
			}),
		).toEqual({
			NODE_ENV: 'production',
			PORT: 8080,
			DATABASE_URL: 'postgresql://uade:secret@db.internal:5432/uade',
			UADE_APP_DATABASE_URL: 'postgresql://uade_server:secret2@db.internal:5432/uade',
			DATABASE_REPLICA_URLS: [
				'postgresql://uade_server:secret2@replica1:5432/uade',
				'postgres://uade_server:secret2@replica2/uade',
			],
			SESSION_SECRET: [longSecret],
			UADE_DATA_DIR: path.resolve('elsewhere/postgres'),
			UADE_DB_PORT: 5433,
			UADE_DB_LOG: true,
			UADE_DB_CONNECT_TIMEOUT_MS: 2_000,
			UADE_DB_STATEMENT_TIMEOUT_MS: 30_000,
			UADE_DEMO_DATA_DIR: '/srv/demo',
			UADE_DEMO_DB_PORT: 5434,
			UADE_BUILD_DIR: path.resolve('out'),
			UADE_TRUST_PROXY: 'loopback',
			UADE_PUBLIC_URL: 'https://uade.example',
			UADE_PAGE_CACHE: 'off',
			UADE_WORKERS: 3,
			UADE_ORG_NAME: 'Civic Data Kazakhstan',
			UADE_CONTACT_EMAIL: 'editors@uade.example',
			UADE_SOURCE_URL: 'https://git.example/civic/uade',
			UADE_SEED: 'none',
			UADE_LOG_LEVEL: 'debug',
			UADE_LOG_FORMAT: 'json',
			CHROMIUM_PATH: '/opt/chromium/chrome',
			VITEST: true,
		})
	})

	test.each([
		['PORT', 'abc', 'PORT must be a port number from 1 to 65535, not "abc".'],
		['PORT', '0', 'PORT must be a port number from 1 to 65535, not "0".'],
		['PORT', '65536', 'PORT must be a port number from 1 to 65535, not "65536".'],
		['PORT', '30.5', 'PORT must be a port number from 1 to 65535, not "30.5".'],
		['UADE_DB_PORT', '-1', 'UADE_DB_PORT must be a port number from 1 to 65535, not "-1".'],
		['UADE_DEMO_DB_PORT', 'x', 'UADE_DEMO_DB_PORT must be a port number from 1 to 65535, not "x".'],
		['NODE_ENV', 'staging', 'NODE_ENV must be production, development or test, not "staging".'],
		[
			'DATABASE_URL',
			'mysql://root:hunter2@db/uade',
			'DATABASE_URL must be a PostgreSQL connection string (postgresql://user:password@host/db).',
		],
		[
			'DATABASE_REPLICA_URLS',
			'postgresql://uade_server:secret2@replica1/uade,mysql://root:hunter2@replica2/uade',
			'DATABASE_REPLICA_URLS must be comma-separated PostgreSQL connection strings ' +
				'(postgresql://user:password@replica/db,…).',
		],
		[
			'DATABASE_REPLICA_URLS',
			' , ',
			'DATABASE_REPLICA_URLS must be comma-separated PostgreSQL connection strings ' +
				'(postgresql://user:password@replica/db,…).',
		],
		[
			'UADE_TRUST_PROXY',
			'loopbak',
			'UADE_TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of ' +
				'loopback, linklocal, uniquelocal, addresses and subnets (10.0.0.0/8), not "loopbak".',
		],
		['UADE_DB_LOG', 'yes', 'UADE_DB_LOG must be 1 (print the embedded PostgreSQL\'s log) or 0, not "yes".'],
		[
			'UADE_DB_STATEMENT_TIMEOUT_MS',
			'15s',
			'UADE_DB_STATEMENT_TIMEOUT_MS must be a number of milliseconds from 100 to 600000, not "15s".',
		],
		[
			'UADE_DB_CONNECT_TIMEOUT_MS',
			'0',
			'UADE_DB_CONNECT_TIMEOUT_MS must be a number of milliseconds from 100 to 600000, not "0".',
		],
		['UADE_PAGE_CACHE', 'disabled', 'UADE_PAGE_CACHE must be on or off, not "disabled".'],
		['UADE_WORKERS', '0', 'UADE_WORKERS must be a number of processes from 1 to 64, not "0".'],
		['UADE_WORKERS', '65', 'UADE_WORKERS must be a number of processes from 1 to 64, not "65".'],
		['UADE_WORKERS', 'auto', 'UADE_WORKERS must be a number of processes from 1 to 64, not "auto".'],
		['UADE_SEED', 'demo', 'UADE_SEED must be none, platform or launch, not "demo".'],
		[
			'UADE_LOG_LEVEL',
			'verbose',
			'UADE_LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent, not "verbose".',
		],
		['UADE_LOG_FORMAT', 'text', 'UADE_LOG_FORMAT must be json or pretty, not "text".'],
		[
			'UADE_PUBLIC_URL',
			'https://uade.example/en',
			'UADE_PUBLIC_URL must be the site\'s public address without a path, like https://uade.example, not "https://uade.example/en".',
		],
		[
			'UADE_CONTACT_EMAIL',
			'not-an-email',
			'UADE_CONTACT_EMAIL must be an e-mail address like editors@uade.example, not "not-an-email".',
		],
		[
			'UADE_SOURCE_URL',
			'git@git.example:civic/uade.git',
			'UADE_SOURCE_URL must be an http(s) address like https://git.example/uade, not "git@git.example:civic/uade.git".',
		],
		[
			'UADE_ORG_NAME',
			'x'.repeat(201),
			`UADE_ORG_NAME must be a name of at most 200 characters, not "${'x'.repeat(201)}".`,
		],
	])('refuses %s=%j in one sentence naming it and what it must be', (name, value, message) => {
		expect(refusal({ [name]: value })).toBe(message)
	})

	test('never repeats a secret it refuses', () => {
		const message = refusal({ DATABASE_URL: 'mysql://root:hunter2@db/uade', SESSION_SECRET: 'hunter2' })
		expect(message).not.toContain('hunter2')
		expect(message).toBe(
			'DATABASE_URL must be a PostgreSQL connection string (postgresql://user:password@host/db). ' +
				'SESSION_SECRET needs at least 32 characters in every secret (comma-separated); make one with ' +
				'`openssl rand -base64 48`.',
		)
		expect(message).not.toContain('\n')
	})

	test('the log is quiet under Vitest unless a level is asked for', () => {
		expect(parseEnvironment({ VITEST: 'true' }).UADE_LOG_LEVEL).toBe('silent')
		expect(parseEnvironment({ VITEST: 'true', UADE_LOG_LEVEL: 'warn' }).UADE_LOG_LEVEL).toBe('warn')
		expect(parseEnvironment({ UADE_LOG_LEVEL: 'silent' }).UADE_LOG_LEVEL).toBe('silent')
	})

	test('SESSION_SECRET: a comma-separated list for rotation, every secret 32 characters or more', () => {
		expect(
			parseEnvironment({ SESSION_SECRET: ` ${'n'.repeat(32)} , ${'o'.repeat(32)} ` }).SESSION_SECRET,
		).toEqual(['n'.repeat(32), 'o'.repeat(32)])
		expect(refusal({ SESSION_SECRET: `${longSecret},short` })).toMatch(/at least 32 characters/)
		expect(refusal({ SESSION_SECRET: ' , ' })).toBe('SESSION_SECRET is set but holds no secret.')
	})

	test('UADE_TRUST_PROXY becomes Express’s trust proxy setting', () => {
		const trustProxy = (value: string | undefined) =>
			parseEnvironment({ UADE_TRUST_PROXY: value }).UADE_TRUST_PROXY
		expect(trustProxy(undefined)).toBe(false)
		expect(trustProxy('1')).toBe(1)
		expect(trustProxy('true')).toBe(true)
		expect(trustProxy('false')).toBe(false)
		expect(trustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8')
		expect(trustProxy('uniquelocal,192.168.1.7,fd00::/8,10.0.0.0/255.0.0.0')).toBe(
			'uniquelocal,192.168.1.7,fd00::/8,10.0.0.0/255.0.0.0',
		)
		for (const malformed of ['10.0.0.0/33', '10.0.0', 'loopback,', 'fd00::/129', '10.0.0.1/8/8', 'yes']) {
			expect(() => trustProxy(malformed), malformed).toThrow(ConfigurationError)
		}
	})

	test('UADE_PUBLIC_URL is an http(s) origin', () => {
		expect(parseEnvironment({ UADE_PUBLIC_URL: 'http://localhost:3000' }).UADE_PUBLIC_URL).toBe(
			'http://localhost:3000',
		)
		for (const malformed of ['uade.example', 'ftp://uade.example', 'https://uade.example/?a=1']) {
			expect(() => parseEnvironment({ UADE_PUBLIC_URL: malformed }), malformed).toThrow(ConfigurationError)
		}
	})

	test('UADE_CONTACT_EMAIL is one address and UADE_SOURCE_URL an http(s) address', () => {
		for (const malformed of [
			'editors@',
			'@uade.example',
			'a b@uade.example',
			'editors@localhost',
			'a@b.c, d@e.f',
		]) {
			expect(() => parseEnvironment({ UADE_CONTACT_EMAIL: malformed }), malformed).toThrow(ConfigurationError)
		}
		for (const malformed of ['git.example/uade', 'javascript:alert(1)', 'https://user:pw@git.example/uade']) {
			expect(() => parseEnvironment({ UADE_SOURCE_URL: malformed }), malformed).toThrow(ConfigurationError)
		}
		expect(parseEnvironment({ UADE_SOURCE_URL: 'http://git.example/uade' }).UADE_SOURCE_URL).toBe(
			'http://git.example/uade',
		)
	})
})

describe('env()', () => {
	const original = process.env.UADE_PAGE_CACHE
	afterEach(() => {
		if (original === undefined) delete process.env.UADE_PAGE_CACHE
		else process.env.UADE_PAGE_CACHE = original
	})

	test('reads process.env again after a variable changed (the scripts hand settings on through it)', () => {
		process.env.UADE_PAGE_CACHE = 'off'
		expect(env().UADE_PAGE_CACHE).toBe('off')
		expect(env()).toBe(env())
		process.env.UADE_PAGE_CACHE = 'on'
		expect(env().UADE_PAGE_CACHE).toBe('on')
		process.env.UADE_PAGE_CACHE = 'sometimes'
		expect(() => env()).toThrow('UADE_PAGE_CACHE must be on or off, not "sometimes".')
	})
})
