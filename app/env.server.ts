import { isIP } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

/**
 * A setting that keeps the process from starting (a bad environment variable, a port or data folder in
 * use), explained in its message: the scripts print it as one line, without a stack trace.
 */
export class ConfigurationError extends Error {
	override name = 'ConfigurationError'
}

export const minimumSecretLength = 32

/**
 * One environment variable: unset or empty is `undefined`; otherwise `read` turns it into its value, or
 * answers `undefined` for a bad one, which is refused as "NAME must be <expected>, not "<value>"."
 * (a secret's value is never repeated).
 */
function variable<T>(read: (value: string) => T | undefined, expected: string, { secret = false } = {}) {
	return z
		.string()
		.optional()
		.transform((raw, context): T | undefined => {
			const value = raw?.trim()
			if (!value) return undefined
			const parsedValue = read(value)
			if (parsedValue !== undefined) return parsedValue
			context.addIssue({
				code: 'custom',
				message: `must be ${expected}${secret ? '' : `, not ${JSON.stringify(raw)}`}.`,
			})
			return z.NEVER
		})
}

function oneOf<const T extends string>(...choices: T[]) {
	return (value: string): T | undefined => choices.find((choice) => choice === value)
}

function portNumber(value: string): number | undefined {
	const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN
	return port >= 1 && port <= 65535 ? port : undefined
}

function anyPath(value: string): string {
	return path.resolve(value)
}

function postgresUrl(value: string): string | undefined {
	return URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol) ? value : undefined
}

/** Comma-separated PostgreSQL connection strings (the replicas), each valid; at least one. */
function postgresUrls(value: string): string[] | undefined {
	const urls = value
		.split(',')
		.map((url) => url.trim())
		.filter((url) => url !== '')
	return urls.length > 0 && urls.every((url) => postgresUrl(url) !== undefined) ? urls : undefined
}

/** A duration in milliseconds, from 100 ms to ten minutes. */
function milliseconds(value: string): number | undefined {
	const ms = /^\d{1,6}$/.test(value) ? Number(value) : NaN
	return ms >= 100 && ms <= 600_000 ? ms : undefined
}

/** How many server processes: 1 to 64. */
function workerCount(value: string): number | undefined {
	const count = /^\d{1,2}$/.test(value) ? Number(value) : NaN
	return count >= 1 && count <= 64 ? count : undefined
}

function flag(value: string): boolean | undefined {
	if (value === '1' || value === 'true') return true
	if (value === '0' || value === 'false') return false
	return undefined
}

/** An http(s) origin (`https://uade.example`, a trailing slash allowed), without a path, query or fragment. */
function httpOrigin(value: string): string | undefined {
	if (!URL.canParse(value)) return undefined
	const url = new URL(value)
	const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
	return (url.protocol === 'https:' || url.protocol === 'http:') && bare ? url.origin : undefined
}

/** A name shown to readers (the organization running the site): any text of up to 200 characters. */
function displayName(value: string): string | undefined {
	return value.length <= 200 ? value : undefined
}

/** An e-mail address as a reader can write to it: one @, no spaces, a dot in the domain. */
function emailAddress(value: string): string | undefined {
	return /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:.]+$/.test(value) ? value : undefined
}

/** An http(s) address, a path allowed (a repository's page), without credentials. */
function httpUrl(value: string): string | undefined {
	if (!URL.canParse(value)) return undefined
	const url = new URL(value)
	const web = url.protocol === 'https:' || url.protocol === 'http:'
	return web && !url.username && !url.password ? url.href : undefined
}

const proxySubnetNames = new Set(['loopback', 'linklocal', 'uniquelocal'])

/** One entry of a trust-proxy list as Express (proxy-addr) reads it: a name, an address, or a subnet. */
function isProxyAddress(entry: string): boolean {
	if (proxySubnetNames.has(entry)) return true
	const [address = '', range, ...rest] = entry.split('/')
	const family = isIP(address)
	if (family === 0 || rest.length > 0) return false
	if (range === undefined) return true
	if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128)
	return family === 4 && isIP(range) === 4
}

/**
 * UADE_TRUST_PROXY as Express's `trust proxy`: unset, the TCP peer is the client; behind a proxy, which
 * hops to trust (`1`, `loopback`, an address or subnet list), so that the per-address sign-in limit and
 * the audit log see visitors' addresses rather than the proxy's.
 */
function trustProxy(value: string): boolean | number | string | undefined {
	if (value === 'true') return true
	if (value === 'false') return false
	if (/^\d+$/.test(value)) return Number(value)
	const entries = value.split(',').map((entry) => entry.trim())
	return entries.every(isProxyAddress) ? value : undefined
}

/**
 * SESSION_SECRET's secrets: comma-separated, the first signs new cookies and every one still verifies, so
 * a secret can be rotated without signing everybody out (put the new one first, drop the old one later).
 */
const sessionSecrets = z
	.string()
	.optional()
	.transform((raw, context): string[] | undefined => {
		if (!raw) return undefined
		const secrets = raw
			.split(',')
			.map((secret) => secret.trim())
			.filter((secret) => secret !== '')
		const problem =
			secrets.length === 0
				? 'is set but holds no secret.'
				: secrets.some((secret) => secret.length < minimumSecretLength)
					? `needs at least ${minimumSecretLength} characters in every secret (comma-separated); ` +
						'make one with `openssl rand -base64 48`.'
					: undefined
		if (!problem) return secrets
		context.addIssue({ code: 'custom', message: problem })
		return z.NEVER
	})

const port = 'a port number from 1 to 65535'
const milliseconds100 = 'a number of milliseconds from 100 to 600000'

/** Every environment variable the app and its scripts read (the README's Configuration table). */
const variables = z.object({
	NODE_ENV: variable(oneOf('production', 'development', 'test'), 'production, development or test'),
	PORT: variable(portNumber, port),
	DATABASE_URL: variable(postgresUrl, 'a PostgreSQL connection string (postgresql://user:password@host/db)', {
		secret: true,
	}),
	/**
	 * With DATABASE_URL (the owner's, for migrations and scripts): the server's own connection, as a login
	 * role in the group `uade_app` that may write rows but not alter tables (docs/decisions/010-database-roles.md).
	 */
	UADE_APP_DATABASE_URL: variable(
		postgresUrl,
		'a PostgreSQL connection string (postgresql://user:password@host/db)',
		{ secret: true },
	),
	/**
	 * PostgreSQL streaming replicas of DATABASE_URL's database, as the app role: public pages, the API and
	 * feeds read from them (docs/decisions/020-more-than-one-machine.md). Unset: everything on the primary.
	 */
	DATABASE_REPLICA_URLS: variable(
		postgresUrls,
		'comma-separated PostgreSQL connection strings (postgresql://user:password@replica/db,…)',
		{ secret: true },
	),
	SESSION_SECRET: sessionSecrets,
	UADE_DATA_DIR: variable(anyPath, 'a folder'),
	UADE_DB_PORT: variable(portNumber, port),
	UADE_DB_LOG: variable(flag, "1 (print the embedded PostgreSQL's log) or 0"),
	UADE_DB_CONNECT_TIMEOUT_MS: variable(milliseconds, milliseconds100),
	UADE_DB_STATEMENT_TIMEOUT_MS: variable(milliseconds, milliseconds100),
	UADE_DEMO_DATA_DIR: variable(anyPath, 'a folder'),
	UADE_DEMO_DB_PORT: variable(portNumber, port),
	UADE_BUILD_DIR: variable(anyPath, 'a folder'),
	UADE_TRUST_PROXY: variable(
		trustProxy,
		'true, false, a number of proxy hops, or a comma-separated list of loopback, linklocal, ' +
			'uniquelocal, addresses and subnets (10.0.0.0/8)',
	),
	UADE_PUBLIC_URL: variable(
		httpOrigin,
		"the site's public address without a path, like https://uade.example",
	),
	UADE_PAGE_CACHE: variable(oneOf('on', 'off'), 'on or off'),
	/** How many server processes `npm start` runs (node:cluster), each with its own page cache. */
	UADE_WORKERS: variable(workerCount, 'a number of processes from 1 to 64'),
	/** Who runs this installation, how to reach them and where its code is: the About page and structured data. */
	UADE_ORG_NAME: variable(displayName, 'a name of at most 200 characters'),
	UADE_CONTACT_EMAIL: variable(emailAddress, 'an e-mail address like editors@uade.example'),
	UADE_SOURCE_URL: variable(httpUrl, 'an http(s) address like https://git.example/uade'),
	/** What an empty database gets on start: nothing, the platform, or the platform and the launch dataset. */
	UADE_SEED: variable(oneOf('none', 'platform', 'launch'), 'none, platform or launch'),
	UADE_LOG_LEVEL: variable(
		oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
		'fatal, error, warn, info, debug, trace or silent',
	),
	UADE_LOG_FORMAT: variable(oneOf('json', 'pretty'), 'json or pretty'),
	CHROMIUM_PATH: variable(anyPath, 'a file'),
	/** Set by Vitest, which calls loaders without scripts/start.ts. */
	VITEST: z
		.string()
		.optional()
		.transform((value) => Boolean(value)),
})

const variableNames = Object.keys(variables.shape)

/** The defaults, resolved against the working folder. */
const environmentSchema = variables.transform((given) => ({
	...given,
	PORT: given.PORT ?? 3000,
	UADE_DATA_DIR: given.UADE_DATA_DIR ?? path.resolve('.data', 'postgres'),
	UADE_DB_PORT: given.UADE_DB_PORT ?? 54329,
	UADE_DB_LOG: given.UADE_DB_LOG ?? false,
	UADE_DB_CONNECT_TIMEOUT_MS: given.UADE_DB_CONNECT_TIMEOUT_MS ?? 5_000,
	UADE_DB_STATEMENT_TIMEOUT_MS: given.UADE_DB_STATEMENT_TIMEOUT_MS ?? 15_000,
	UADE_DEMO_DATA_DIR: given.UADE_DEMO_DATA_DIR ?? path.resolve('.data', 'demo-postgres'),
	UADE_DEMO_DB_PORT: given.UADE_DEMO_DB_PORT ?? 54339,
	UADE_BUILD_DIR: given.UADE_BUILD_DIR ?? path.resolve('build'),
	UADE_TRUST_PROXY: given.UADE_TRUST_PROXY ?? false,
	UADE_PAGE_CACHE: given.UADE_PAGE_CACHE ?? 'on',
	// One per core: a process renders on one core at a time.
	UADE_WORKERS: given.UADE_WORKERS ?? os.availableParallelism(),
	UADE_SEED: given.UADE_SEED ?? 'launch',
	// Tests run quiet: a test that wants the log sets the level, or captures a logger of its own.
	UADE_LOG_LEVEL: given.UADE_LOG_LEVEL ?? (given.VITEST ? 'silent' : 'info'),
	CHROMIUM_PATH: given.CHROMIUM_PATH ?? '/usr/bin/chromium',
}))

export type Environment = z.output<typeof environmentSchema>

/**
 * The configuration these variables give, or a ConfigurationError whose message names every bad variable
 * and what it must be, in one line.
 */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
	const result = environmentSchema.safeParse(
		Object.fromEntries(variableNames.map((name) => [name, source[name]])),
	)
	if (result.success) return result.data
	throw new ConfigurationError(
		result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join(' '),
	)
}

let parsed: { key: string; environment: Environment } | undefined

/**
 * This process's configuration, from process.env. Parsed again only when a variable changed: the scripts
 * hand the server its DATABASE_URL and SESSION_SECRET through process.env, and tests change them.
 */
export function env(): Environment {
	const key = JSON.stringify([process.cwd(), ...variableNames.map((name) => process.env[name] ?? null)])
	if (parsed?.key !== key) parsed = { key, environment: parseEnvironment(process.env) }
	return parsed.environment
}
