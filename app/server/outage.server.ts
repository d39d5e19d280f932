/**
 * Serving through a database outage.
 *
 * While PostgreSQL cannot be reached (killed, restarting, frozen, cut off), the site keeps answering: the
 * public pages still in the page cache are served from it (app/server/http-cache.server.ts), and every
 * other request gets a 503 with `Retry-After` and a short page in the visitor's language, never a 500 and
 * never a wait for as long as the database is gone.
 *
 * The first error that says the database is unreachable opens the outage (logged once); from then on
 * requests are answered at once instead of each waiting for a connection timeout, and a probe (a
 * connection of its own) asks the database once a second until it answers, which closes the outage
 * (logged once) with no restart. A pool with every connection busy gets 503s too, but opens the outage
 * only if the probe fails as well. A query error that is not about reaching the database (a bad query, a
 * constraint) stays what it was: a 500.
 *
 * The state lives on globalThis: the Remix build (entry.server.tsx) and the Express server
 * (http.server.ts) each load their own copy of this module.
 */
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import pg from 'pg'
import { databaseTimeouts } from '~/db/prisma.server'
import { env } from '~/env.server'
import { isLocale, negotiateLocale, type Locale } from '~/i18n/locales'
import { messagesByLocale } from '~/i18n/messages.server'
import { createI18n } from '~/i18n/translator'
import { logger } from './log.server'

/** Seconds a visitor (or a proxy) is told to wait before trying again. */
export const outageRetryAfterSeconds = 5

/** How often the probe asks the database whether it is back. */
export const outageProbeIntervalMs = 1_000

// Node's socket errors when the server is gone, refuses, resets or cannot be routed to.
const unreachableSocketCodes = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EHOSTDOWN',
])

// Prisma's: can't reach the server (P1001), timed out (P1002), the server closed the connection (P1017).
const unreachablePrismaCodes = new Set(['P1001', 'P1002', 'P1017'])

// PostgreSQL's SQLSTATEs for a server going or not there yet: class 08 (connection exception),
// admin/crash shutdown (57P01, 57P02), starting up or in recovery (57P03).
const unreachableSqlStates = new Set(['57P01', '57P02', '57P03'])

// The driver adapter's kinds for the same (@prisma/adapter-pg's convertDriverError).
const unreachableAdapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout'])

// node-postgres's own messages, which carry no code: a connection cut midway or not opened in time, the
// client's query timeout (a frozen server answers nothing), a client broken by such an error.
const unreachableMessages = [
	/Connection terminated/i,
	/Query read timeout/i,
	/Client has encountered a connection error/i,
	/Can't reach database server/i,
	/the database system is (shutting down|starting up|in recovery mode)/i,
	/terminating connection due to administrator command/i,
]

/**
 * Errors that say every connection is busy rather than that the server is gone: the pool's wait for a free
 * connection ran out (node-postgres, Prisma's P2024), or the server has no connection slot left (53300).
 * The request gets a 503 all the same, but an outage is declared only once a probe of its own fails too:
 * a burst of traffic is not an outage.
 */
const saturationCodes = new Set(['P2024', '53300'])
const saturationMessages = [/timeout exceeded when trying to connect/i, /too many clients already/i]

function field(value: unknown, name: string): unknown {
	return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined
}

type DatabaseFailure = 'unreachable' | 'saturated'

/**
 * What `error` says of the database: `unreachable` (it cannot be reached), `saturated` (no connection to it
 * is free), or null (anything else: a query it refused, a bug). Looked for in the error, its `cause` chain
 * and Prisma's driver-adapter details.
 */
export function databaseFailure(error: unknown): DatabaseFailure | null {
	const seen = new Set<unknown>()
	const pending: unknown[] = [error]
	let saturated = false
	while (pending.length > 0) {
		const current = pending.pop()
		if (typeof current !== 'object' || current === null || seen.has(current)) continue
		seen.add(current)
		const codes = [field(current, 'code'), field(current, 'originalCode')].filter(
			(code): code is string => typeof code === 'string',
		)
		for (const code of codes) {
			if (unreachableSocketCodes.has(code) || unreachablePrismaCodes.has(code)) return 'unreachable'
			if (unreachableSqlStates.has(code) || /^08/.test(code)) return 'unreachable'
			if (saturationCodes.has(code)) saturated = true
		}
		const kind = field(current, 'kind')
		if (typeof kind === 'string' && unreachableAdapterKinds.has(kind)) return 'unreachable'
		if (kind === 'TooManyConnections') saturated = true
		const message = field(current, 'message')
		if (typeof message === 'string') {
			if (unreachableMessages.some((pattern) => pattern.test(message))) return 'unreachable'
			if (saturationMessages.some((pattern) => pattern.test(message))) saturated = true
		}
		pending.push(
			field(current, 'cause'),
			field(field(current, 'meta'), 'driverAdapterError'),
			...(current instanceof AggregateError ? current.errors : []),
		)
	}
	return saturated ? 'saturated' : null
}

/** Whether `error` says the database cannot be reached (rather than that a query is wrong or all are busy). */
export function isDatabaseUnreachable(error: unknown): boolean {
	return databaseFailure(error) === 'unreachable'
}

/**
 * Whether the database answers a connection of its own (not one of the pool's, which may all be busy),
 * within the configured timeouts.
 */
export async function probeDatabase(url: string | undefined = env().DATABASE_URL): Promise<void> {
	if (!url) throw new Error('DATABASE_URL is not set')
	const { connectMs, statementMs } = databaseTimeouts()
	const client = new pg.Client({
		connectionString: url,
		connectionTimeoutMillis: connectMs,
		query_timeout: statementMs,
	})
	// A connection that breaks while idle must not become an uncaught error.
	client.on('error', () => {})
	try {
		await client.connect()
		await client.query('SELECT 1')
	} finally {
		await client.end().catch(() => {})
	}
}

type OutageEvent = { kind: 'start'; error: unknown } | { kind: 'end'; durationMs: number }

/** The one place an outage is logged: once when it starts, once when it ends, never per request. */
export function logOutage(event: OutageEvent) {
	if (event.kind === 'start') {
		logger().error(
			{ err: event.error },
			'The database cannot be reached: answering 503 (cached public pages from memory) until it is back.',
		)
	} else {
		logger().info(`The database is back after ${(event.durationMs / 1000).toFixed(1)} s.`)
	}
}

type OutageOptions = {
	/** Asks the database whether it answers (resolves) or not (rejects). */
	probe?: () => Promise<unknown>
	log?: (event: OutageEvent) => void
	probeIntervalMs?: number
	now?: () => number
}

/**
 * Whether the database is known to be unreachable right now, opened by `report` and closed by `recovered`
 * or by its own probe.
 */
export class DatabaseOutage {
	#since: number | null = null
	#confirming = false
	#probeTimer: NodeJS.Timeout | undefined
	readonly #probe: () => Promise<unknown>
	readonly #log: (event: OutageEvent) => void
	readonly #probeIntervalMs: number
	readonly #now: () => number

	constructor({
		probe = () => probeDatabase(),
		log = logOutage,
		probeIntervalMs = outageProbeIntervalMs,
		now = () => performance.now(),
	}: OutageOptions = {}) {
		this.#probe = probe
		this.#log = log
		this.#probeIntervalMs = probeIntervalMs
		this.#now = now
	}

	get active(): boolean {
		return this.#since !== null
	}

	/**
	 * Takes note of an error: true when it says the database is unreachable (the outage is then open, and
	 * the caller answers 503 and logs nothing), false for any other error (the caller handles it as before).
	 */
	report(error: unknown): boolean {
		const failure = databaseFailure(error)
		if (failure === null) return false
		if (failure === 'unreachable') this.#open(error)
		else if (this.#since === null && !this.#confirming) {
			// Busy, or gone? Its own connection tells; meanwhile this request gets its 503.
			this.#confirming = true
			this.#probe().then(
				() => (this.#confirming = false),
				() => {
					this.#confirming = false
					this.#open(error)
				},
			)
		}
		return true
	}

	#open(error: unknown) {
		if (this.#since !== null) return
		this.#since = this.#now()
		this.#log({ kind: 'start', error })
		this.#scheduleProbe()
	}

	/** A moment to pass to `recovered` when a question to the database begins. */
	now(): number {
		return this.#now()
	}

	/**
	 * The database answered: the outage, if there was one, is over. `askedAt` (from `now()`) is when the
	 * question began: an answer to one asked before the outage opened (in flight when PostgreSQL died) says
	 * nothing about it now, and is ignored.
	 */
	recovered(askedAt?: number) {
		if (this.#since === null) return
		if (askedAt !== undefined && askedAt <= this.#since) return
		const durationMs = this.#now() - this.#since
		this.#since = null
		clearTimeout(this.#probeTimer)
		this.#probeTimer = undefined
		this.#log({ kind: 'end', durationMs })
	}

	/** Stops probing (the process is shutting down, or a test is done). */
	stop() {
		clearTimeout(this.#probeTimer)
		this.#probeTimer = undefined
	}

	#scheduleProbe() {
		clearTimeout(this.#probeTimer)
		this.#probeTimer = setTimeout(async () => {
			this.#probeTimer = undefined
			if (this.#since === null) return
			try {
				await this.#probe()
				this.recovered()
			} catch {
				if (this.#since !== null && this.#probeTimer === undefined) this.#scheduleProbe()
			}
		}, this.#probeIntervalMs)
		// A probe never keeps the process alive on its own.
		this.#probeTimer.unref()
	}
}

declare global {
	var uadeDatabaseOutage: DatabaseOutage | undefined
	var uadeRequestsFailedForDatabase: WeakSet<Request> | undefined
}

function requestsFailedForDatabase(): WeakSet<Request> {
	globalThis.uadeRequestsFailedForDatabase ??= new WeakSet()
	return globalThis.uadeRequestsFailedForDatabase
}

/**
 * For entry.server.tsx's handleError, which alone sees a loader's or action's original error (in
 * production Remix hands handleRequest and handleDataRequest sanitized copies): true when the error is the
 * database's (unreachable, or every connection busy), and the request is then answered 503 by
 * `outageResponseFor` or `outageDataResponse`.
 */
export function noteRequestError(
	request: Request,
	error: unknown,
	outage: DatabaseOutage = databaseOutage(),
): boolean {
	if (!outage.report(error)) return false
	requestsFailedForDatabase().add(request)
	return true
}

/** The process's outage state, shared by the Express server and the Remix build. */
export function databaseOutage(): DatabaseOutage {
	globalThis.uadeDatabaseOutage ??= new DatabaseOutage()
	return globalThis.uadeDatabaseOutage
}

/**
 * The visitor's language for a page that has no loader: the address's (`/kk/…`, `/ru/…`, `/en/…`), else
 * the remembered choice or Accept-Language, else English.
 */
export function outageLocale(pathname: string, request: Request): Locale {
	const first = pathname.split('/')[1]
	return isLocale(first) ? first : negotiateLocale(request)
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/**
 * The 503 page: self-contained (no stylesheet, script or image to fetch from a server in trouble), in the
 * visitor's language, with a link that tries the same address again.
 */
export function outagePage(locale: Locale, retryPath: string): string {
	const { t } = createI18n(locale, messagesByLocale[locale])
	const title = escapeHtml(t('outage.title'))
	return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title} · Uade</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1f2933">
<main>
<h1 style="font-size:1.5rem">${title}</h1>
<p>${escapeHtml(t('outage.text'))}</p>
<p><a href="${escapeHtml(retryPath)}">${escapeHtml(t('outage.retry'))}</a></p>
</main>
</body>
</html>
`
}

export const outageHeaders = {
	'Content-Type': 'text/html; charset=utf-8',
	'Cache-Control': 'no-store',
	'Retry-After': String(outageRetryAfterSeconds),
} as const

/** A GET may be tried again as it was; a form post goes back to its page rather than being re-sent. */
function retryPathOf(method: string, url: URL): string {
	return method === 'GET' || method === 'HEAD' ? `${url.pathname}${url.search}` : url.pathname
}

/** The 503 answer for a Remix request (entry.server.tsx). */
export function outageResponse(request: Request): Response {
	const url = new URL(request.url)
	const body = outagePage(outageLocale(url.pathname, request), retryPathOf(request.method, url))
	return new Response(request.method === 'HEAD' ? null : body, { status: 503, headers: outageHeaders })
}

/**
 * For entry.server.tsx's handleRequest: the 503 answer when a loader or action failed because the database
 * is unreachable (`errors` is Remix's staticHandlerContext.errors), else null (render as usual). In
 * production Remix hands this function sanitized copies ("Unexpected Server Error"), so a thrown error
 * while the outage is open (opened by handleError, which sees the original) counts as one of it.
 */
export function outageResponseFor(
	request: Request,
	errors: Record<string, unknown> | null | undefined,
	outage: DatabaseOutage = databaseOutage(),
): Response | null {
	const failures = Object.values(errors ?? {})
	// Every one is reported (the first opens the outage), none logged here.
	const unreachable = failures.filter((error) => outage.report(error))
	const thrownDuringOutage = outage.active && failures.some((error) => error instanceof Error)
	return unreachable.length > 0 || thrownDuringOutage || requestsFailedForDatabase().has(request)
		? outageResponse(request)
		: null
}

/** For entry.server.tsx's handleDataRequest: the 503 for a data request whose loader or action failed so. */
export function outageDataResponse(request: Request): Response | null {
	return requestsFailedForDatabase().has(request) ? outageResponse(request) : null
}

function sendOutage(req: ExpressRequest, res: ExpressResponse) {
	const url = new URL(req.originalUrl, 'http://localhost')
	const request = new Request(url, {
		headers: { cookie: req.get('cookie') ?? '', 'accept-language': req.get('accept-language') ?? '' },
	})
	const page = outagePage(outageLocale(url.pathname, request), retryPathOf(req.method, url))
	// The body of a form post is not read: the connection closes after the answer rather than wait for it.
	if (req.method === 'POST') res.setHeader('Connection', 'close')
	res
		.status(503)
		.set(outageHeaders)
		.send(req.method === 'HEAD' ? undefined : page)
}

/**
 * Express middleware, just before the Remix handler: while the outage is open, answers 503 at once (the
 * page cache before it has already answered what it could).
 */
export function outageGuard(outage: DatabaseOutage = databaseOutage()) {
	return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
		if (!outage.active) return next()
		sendOutage(req, res)
	}
}

/**
 * Express error handler, after the Remix handler: an error that escaped Remix because the database is
 * unreachable is a 503 like the others; any other goes on to Express's own handling (a 500).
 */
export function outageErrors(outage: DatabaseOutage = databaseOutage()) {
	return (error: unknown, req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
		if (res.headersSent || !outage.report(error)) return next(error)
		sendOutage(req, res)
	}
}
