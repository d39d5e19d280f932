import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash, randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express'
import { pino, type DestinationStream, type Logger } from 'pino'
import { pinoHttp, startTime } from 'pino-http'
import pretty from 'pino-pretty'
import { env, type Environment } from '~/env.server'
import { validIpAddress } from '~/models/ip-address.server'

export type { Logger }

/** What no line may hold under these names, wherever a logged object nests them (up to three levels). */
const secretKeys = [
	'password',
	'currentPassword',
	'newPassword',
	'cookie',
	'authorization',
	'["set-cookie"]',
	'SESSION_SECRET',
	'DATABASE_URL',
	'UADE_APP_DATABASE_URL',
]
const redactedPaths = secretKeys.flatMap((key) =>
	key.startsWith('[') ? [key, `*${key}`, `*.*${key}`] : [key, `*.${key}`, `*.*.${key}`],
)

const censor = '[redacted]'

/**
 * The values of this process's secrets, as they could appear in a line: each SESSION_SECRET, and the
 * passwords of DATABASE_URL, UADE_APP_DATABASE_URL and the owner's URL npm start kept aside, as given
 * (percent-encoded) and decoded. Read at each write, since the scripts
 * set both after the first lines are logged.
 */
function processSecrets(): string[] {
	let environment: Environment
	try {
		environment = env()
	} catch {
		// A variable made invalid after start: the line is still written, scrubbed of connection strings.
		return []
	}
	const secrets = [...(environment.SESSION_SECRET ?? [])]
	const urls = [environment.DATABASE_URL, environment.UADE_APP_DATABASE_URL, ...keptOutOfLogs()]
	for (const url of urls) {
		if (!url || !URL.canParse(url)) continue
		const { username, password } = new URL(url)
		// Not the embedded server's `postgres:postgres` (written in its source, reachable only from this
		// machine): scrubbing "postgres" would mangle every line that names PostgreSQL.
		if (password && password !== username) secrets.push(password, decodeURIComponentOrSelf(password))
	}
	// Too short to replace without mangling the text around it; the connection-string rule still applies.
	return secrets.filter((secret) => secret.length >= 4)
}

declare global {
	var uadeUrlsKeptOutOfLogs: Set<string> | undefined
}

function keptOutOfLogs(): Set<string> {
	globalThis.uadeUrlsKeptOutOfLogs ??= new Set()
	return globalThis.uadeUrlsKeptOutOfLogs
}

/**
 * Keeps a connection string's password out of every line from now on, once it is no longer in the
 * environment: npm start hands the server the app role's DATABASE_URL and keeps the owner's aside.
 */
export function keepPasswordOutOfLogs(url: string): void {
	keptOutOfLogs().add(url)
}

function decodeURIComponentOrSelf(value: string): string {
	try {
		return decodeURIComponent(value)
	} catch {
		return value
	}
}

/** A connection string's password, whichever server it names (`postgres://user:password@host`). */
const urlPassword = /(\/\/[^\s:/@"]+:)[^\s@"]+@/g

/**
 * A JSON line with every secret value replaced: `secrets` literally and as they read inside a JSON
 * string, and the password of any URL. The last guard, behind the redacted keys: an error message can
 * quote a connection string or a value whose key says nothing.
 */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
	let scrubbed = line.replace(urlPassword, `$1${censor}@`)
	for (const secret of secrets) {
		scrubbed = scrubbed.replaceAll(secret, censor)
		const inJson = JSON.stringify(secret).slice(1, -1)
		if (inJson !== secret) scrubbed = scrubbed.replaceAll(inJson, censor)
	}
	return scrubbed
}

export type LogFormat = 'json' | 'pretty'

/**
 * A logger writing one JSON object a line (level as a word, ISO time, the stack of an `err` as a field)
 * to `destination` (stdout by default), or in `pretty` format for a person at a terminal. Keys that name
 * secrets are redacted and secret values scrubbed from every line.
 */
export function createLogger({
	level = 'info',
	format = 'json',
	destination,
	secrets = processSecrets,
}: {
	level?: pino.LevelWithSilent
	format?: LogFormat
	destination?: DestinationStream
	secrets?: () => readonly string[]
} = {}): Logger {
	const stream =
		format === 'pretty'
			? pretty({
					destination: destination ?? 1,
					sync: true,
					ignore: 'pid,hostname,requestId,request,response,responseTime,aborted',
					messageFormat: '{if requestId}[{requestId}] {end}{msg}',
					translateTime: 'SYS:HH:MM:ss.l',
				})
			: (destination ?? pino.destination({ dest: 1, sync: true }))
	return pino(
		{
			level,
			redact: { paths: redactedPaths, censor },
			formatters: { level: (label) => ({ level: label }) },
			timestamp: pino.stdTimeFunctions.isoTime,
			hooks: { streamWrite: (line) => scrubSecrets(line, secrets()) },
		},
		stream,
	)
}

/** UADE_LOG_FORMAT, or when unset: readable in a terminal, JSON lines for anything else. */
function formatFor(environment = env()): LogFormat {
	return environment.UADE_LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json')
}

declare global {
	// One per process, on globalThis: both the server build (app/entry.server.tsx) and the scripts' own
	// import of this module must count the same causes and write through the same stream.
	var uadeLog: { logger: Logger; errors: ErrorReporter } | undefined
	// The request being answered, for code that reports an error without being handed it (a middleware's
	// callback, a model): its line still carries the request's id.
	var uadeRequestLog: AsyncLocalStorage<RequestLog> | undefined
}

type RequestLog = { log: Logger; requestId?: string }

function currentRequest() {
	globalThis.uadeRequestLog ??= new AsyncLocalStorage<RequestLog>()
	return globalThis.uadeRequestLog
}

function processLog() {
	if (!globalThis.uadeLog) {
		const { UADE_LOG_LEVEL } = env()
		const logger = createLogger({ level: UADE_LOG_LEVEL, format: formatFor() })
		globalThis.uadeLog = { logger, errors: createErrorReporter({ log: logger }) }
	}
	return globalThis.uadeLog
}

/** The process's one logger (UADE_LOG_LEVEL, UADE_LOG_FORMAT), on stdout. */
export function logger(): Logger {
	return processLog().logger
}

/**
 * Logs a server error once per cause (see createErrorReporter), with the request it happened in: `log` is
 * the request's logger (its lines carry the request id), `requestId` for a logger that does not know it.
 */
export function reportError(error: unknown, report: ErrorReport = {}): void {
	const current = currentRequest().getStore()
	processLog().errors.report(error, {
		log: report.log ?? current?.log,
		requestId: report.requestId ?? current?.requestId,
	})
}

/** Summarises every error still being counted (`npm start` calls it as it stops). */
export function flushErrorReports(): void {
	globalThis.uadeLog?.errors.flush({ all: true })
}

export type ErrorReport = { log?: Logger; requestId?: string }

type Cause = { key: string; summary: string; since: number; more: number; timer?: NodeJS.Timeout }

/** How long one cause's repetitions are only counted after it was logged in full. */
export const errorWindowMs = 60_000

/** Causes kept at once; past it the oldest are summarised and forgotten (the memory stays bounded). */
const maxCauses = 500

export type ErrorReporter = ReturnType<typeof createErrorReporter>

/**
 * Errors logged once per cause, so that an outage is a few lines rather than a stack trace per request.
 * A cause is the error's class, code and first message line (PostgreSQL unreachable is one cause, whatever
 * the request). Its first occurrence is logged in full (one line, the stack as a field); the ones within
 * `windowMs` after it are only counted, and a line "N more like this" follows when the window ends, or
 * sooner when another cause appears (so that the log keeps the order in which things happened).
 * `schedule: false` leaves window ends to `flush()` (tests drive the clock through `now`).
 */
export function createErrorReporter({
	log,
	windowMs = errorWindowMs,
	now = Date.now,
	schedule = true,
}: {
	log: Logger
	windowMs?: number
	now?: () => number
	schedule?: boolean
}) {
	const causes = new Map<string, Cause>()

	function summarise(cause: Cause) {
		if (cause.more === 0) return
		log.warn(
			{ cause: cause.key, more: cause.more, since: new Date(cause.since).toISOString() },
			`${cause.more} more like this since ${new Date(cause.since).toISOString()}: ${cause.summary}`,
		)
		cause.more = 0
	}

	function forget(cause: Cause) {
		summarise(cause)
		clearTimeout(cause.timer)
		causes.delete(cause.key)
	}

	/** Summarises and forgets every cause whose window has ended (`all`: every cause). */
	function flush({ all = false } = {}) {
		const at = now()
		for (const cause of causes.values()) if (all || at - cause.since >= windowMs) forget(cause)
	}

	function report(error: unknown, { log: requestLog, requestId }: ErrorReport = {}) {
		flush()
		const { key, summary } = causeOf(error)
		const known = causes.get(key)
		if (known) {
			known.more += 1
			if (schedule && !known.timer) {
				known.timer = setTimeout(() => flush(), known.since + windowMs - now()).unref()
			}
			return
		}
		// Another cause: what the others counted so far comes first.
		for (const cause of causes.values()) summarise(cause)
		if (causes.size >= maxCauses) {
			const oldest = causes.values().next().value
			if (oldest) forget(oldest)
		}
		causes.set(key, { key, summary, since: now(), more: 0 })
		// The request's own logger already writes its id on every line.
		if (requestLog) requestLog.error({ err: error, cause: key }, summary)
		else log.error({ err: error, cause: key, ...(requestId ? { requestId } : {}) }, summary)
	}

	return { report, flush }
}

/** An error's cause (its class, code and first message line) and the line that names it in the log. */
export function causeOf(error: unknown): { key: string; summary: string } {
	if (error instanceof Error) {
		// Prisma's driver failures (PostgreSQL unreachable, a timeout) name their kind, the same whatever the
		// query and whatever Prisma's code for it (P1001 for a model query, P2010 for a raw one).
		const driverFailure = property(property(property(error, 'meta'), 'driverAdapterError'), 'cause')
		const kind = property(driverFailure, 'kind')
		if (typeof kind === 'string') {
			return {
				key: causeId('driver', kind),
				summary: `${error.name} (${kind}): ${lastLine(error.message)}`,
			}
		}
		const code = 'code' in error && error.code !== undefined ? String(error.code) : ''
		const line = firstLine(error.message)
		// "Invalid `prisma.pledge.findMany()` invocation:" says where; its last line says what (in the summary
		// only: it can quote the request's own values).
		const reason = /^Invalid `.+` invocation:?$/.test(line) ? ` ${lastLine(error.message)}` : ''
		const summary = `${error.name}${code ? ` (${code})` : ''}: ${line}${reason}`
		return { key: causeId(error.constructor.name, error.name, code, line), summary }
	}
	// A thrown 5xx response (Remix's ErrorResponse) or anything else thrown.
	if (typeof error === 'object' && error !== null && 'status' in error) {
		const text = 'statusText' in error ? String(error.statusText) : ''
		const summary = `Response ${String(error.status)}${text ? ` ${text}` : ''}`
		return { key: causeId(summary), summary }
	}
	const summary = `Thrown ${typeof error}: ${firstLine(String(error))}`
	return { key: causeId(summary), summary }
}

/** A short id for a cause, the same in its full line and its summaries: the lines to group by. */
function causeId(...parts: string[]): string {
	return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 12)
}

/** The first line that says something (Prisma's messages start with an empty one), at most 200 characters. */
function firstLine(message: string): string {
	return shortened(lines(message)[0] ?? '')
}

function lastLine(message: string): string {
	return shortened(lines(message).at(-1) ?? '')
}

function lines(message: string): string[] {
	return message
		.split('\n')
		.map((part) => part.trim())
		.filter((part) => part !== '')
}

function shortened(line: string): string {
	return line.length > 200 ? `${line.slice(0, 200)}…` : line
}

function property(value: unknown, name: string): unknown {
	if (typeof value !== 'object' || value === null) return undefined
	return Object.entries(value).find(([key]) => key === name)?.[1]
}

/** An incoming request id worth keeping: a short token, nothing a line could be forged or bloated with. */
const requestIdToken = /^[\w.:=+/-]{1,64}$/

/**
 * This request's id: the proxy's `X-Request-Id` when UADE_TRUST_PROXY says a proxy stands in front (so
 * that its log and this one can be matched) and it is a short token; otherwise a new UUID. Anyone could
 * send the header to a server reached directly.
 */
export function requestIdFor(
	header: string | undefined,
	trustProxy: Environment['UADE_TRUST_PROXY'],
): string {
	const trusted = trustProxy !== false && trustProxy !== 0
	return trusted && header !== undefined && requestIdToken.test(header) ? header : randomUUID()
}

/** Query parameters whose values stay out of the access log, should a link ever carry one. */
const secretParameter = /pass|secret|token|key|code|session|auth/i

/** The address a request asked for, as logged: secret-looking query values redacted, at most 1000 characters. */
export function loggedUrl(url: string): string {
	const query = url.indexOf('?')
	let logged = url
	if (query !== -1) {
		const parameters = new URLSearchParams(url.slice(query + 1))
		for (const name of new Set(parameters.keys())) {
			if (secretParameter.test(name)) parameters.set(name, censor)
		}
		logged = `${url.slice(0, query)}?${parameters.toString()}`
	}
	return logged.length > 1000 ? `${logged.slice(0, 1000)}…` : logged
}

const healthPaths = new Set(['/healthz', '/readyz'])

/**
 * Express middleware, first of all: gives each request its id (`req.id`, sent back as `X-Request-Id`)
 * and a logger whose every line carries it (`req.log`), and writes one access line when the response is
 * sent or the visitor leaves: method, address, status, duration and the client's address, never a
 * header (cookies stay out). The health checks' lines are at debug level: compose polls them. What comes
 * after runs with the request's logger at hand, for reportError.
 */
export function requestLogging({
	log = logger(),
	trustProxy = env().UADE_TRUST_PROXY,
}: { log?: Logger; trustProxy?: Environment['UADE_TRUST_PROXY'] } = {}) {
	const access = (req: Request, res: Response, responseTime: number) => ({
		request: { method: req.method, url: loggedUrl(req.originalUrl), ip: validIpAddress(req.ip) },
		response: { status: res.statusCode },
		responseTime,
		...(res.writableEnded ? {} : { aborted: true }),
	})
	const line = (req: Request, res: Response, responseTime: number) =>
		`${req.method} ${loggedUrl(req.originalUrl)} ${res.writableEnded ? res.statusCode : 'aborted'} ${responseTime} ms`
	const middleware = pinoHttp<Request, Response>({
		logger: log,
		// The request's logger binds only its id: the access line says the rest, once.
		quietReqLogger: true,
		quietResLogger: true,
		customAttributeKeys: { reqId: 'requestId' },
		genReqId(req, res) {
			const id = requestIdFor(req.get('x-request-id'), trustProxy)
			res.setHeader('X-Request-Id', id)
			return id
		},
		customLogLevel(req, res, error) {
			if (error || res.statusCode >= 500) return 'warn'
			return healthPaths.has(req.path) ? 'debug' : 'info'
		},
		customSuccessMessage: line,
		customSuccessObject: (req, res, value: { responseTime: number }) => access(req, res, value.responseTime),
		// A 5xx's error, if any, is reported once per cause (reportError), not on every access line.
		customErrorMessage: (req, res) => line(req, res, Date.now() - res[startTime]),
		customErrorObject: (req, res, _error, value: { responseTime: number }) =>
			access(req, res, value.responseTime),
	})
	return (req: Request, res: Response, next: NextFunction) =>
		middleware(req, res, () =>
			currentRequest().run(
				{ log: req.log, requestId: typeof req.id === 'string' ? req.id : undefined },
				next,
			),
		)
}

/**
 * Express's last error handler, in place of its default one (which prints the whole stack for every
 * request): a server error is reported once per cause with the request's id, and answered with its status
 * in plain text. A visitor who already left is no error of the server's.
 */
export function reportServerErrors(): ErrorRequestHandler {
	return (error: unknown, req, res, _next) => {
		const status = statusOf(error)
		if (status >= 500 && !req.destroyed) {
			reportError(error, { log: req.log, requestId: typeof req.id === 'string' ? req.id : undefined })
		}
		if (res.headersSent || req.destroyed) {
			// Too late for a status: the connection is closed, so the visitor sees the answer cut short.
			res.destroy()
			return
		}
		res
			.status(status)
			.type('text/plain')
			.send(STATUS_CODES[status] ?? 'Error')
	}
}

/** The status an error asks for (body-parser's and http-errors' `status`), 500 for any other error. */
function statusOf(error: unknown): number {
	if (typeof error !== 'object' || error === null) return 500
	const status = 'status' in error ? error.status : 'statusCode' in error ? error.statusCode : undefined
	return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500
}
