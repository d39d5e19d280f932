import net from 'node:net'
import { Readable } from 'node:stream'
import postgres from 'postgres'
import { env } from '~/env.server'

/**
 * `COPY (SELECT …) TO STDOUT` for the CSV downloads (docs/decisions/019-downloads-streamed-by-copy.md). Each
 * download runs on a connection of its own, opened for it by a Postgres.js instance of its own (`max: 1`)
 * and closed when it ends: never the app's Prisma pool, and never a connection shared with another query,
 * since Postgres.js refuses every later query on a connection whose COPY was cancelled (`COPY_IN_PROGRESS`:
 * its copy stream is never cleared), so one that a reader left must be closed, not reused. At most
 * `maxCopies` run at once per process; the next waits for a slot. Postgres.js pauses the socket while the
 * stream's reader is behind, so a slow reader slows the COPY instead of filling memory.
 */

/** Downloads under way at once, per process: each holds one connection for as long as its reader reads. */
export const maxCopies = 3

/**
 * How long one COPY may run: a whole file to a slow reader (50 MB at 100 kB/s is eight minutes), far more
 * than the app's statement timeout for a page's query.
 */
const copyStatementTimeoutMs = 20 * 60_000

export const copyApplicationName = 'uade-downloads'

type CopyPool = {
	slots: number
	waiting: Array<() => void>
	/** The connections open now, each a download's: closed by `closeCopyPool`. */
	open: Set<postgres.Sql>
}

declare global {
	var uadeCopyPool: CopyPool | undefined
}

function pool(): CopyPool {
	globalThis.uadeCopyPool ??= { slots: maxCopies, waiting: [], open: new Set() }
	return globalThis.uadeCopyPool
}

/**
 * The connection's socket is opened here, not by Postgres.js, to be destroyed when a reader leaves: its own
 * ending (a Terminate message, then FIN) would wait behind a COPY that PostgreSQL cannot finish writing to a
 * socket nobody reads, and a cancel request is not acted on while the server is blocked writing to it.
 */
type SocketOptions = { host: string[]; port: number[]; path?: string | false }

function connect(): { sql: postgres.Sql; destroy: () => void } {
	const { DATABASE_URL: url, UADE_DB_CONNECT_TIMEOUT_MS } = env()
	if (!url) throw new Error('DATABASE_URL is not set')
	let socket: net.Socket | undefined
	let destroyed = false
	const openSocket = (options: SocketOptions) => {
		socket = options.path
			? net.connect(options.path)
			: net.connect(options.port[0] ?? 5432, options.host[0] ?? 'localhost')
		if (destroyed) socket.destroy()
		return socket
	}
	const destroy = () => {
		destroyed = true
		socket?.destroy()
	}
	// `socket` is parsed like every option but missing from the package's types.
	const options: postgres.Options<Record<string, never>> & {
		socket: (options: SocketOptions) => net.Socket
	} = {
		socket: openSocket,
		max: 1,
		idle_timeout: 0,
		max_lifetime: null,
		fetch_types: false,
		prepare: false,
		connect_timeout: Math.ceil(UADE_DB_CONNECT_TIMEOUT_MS / 1000),
		onnotice: () => {},
		connection: {
			application_name: copyApplicationName,
			statement_timeout: copyStatementTimeoutMs,
			// The literal quoting of `sqlLiteral` relies on it (PostgreSQL's default since 9.1).
			standard_conforming_strings: 'on',
		},
	}
	return { sql: postgres(url, options), destroy }
}

/**
 * A text as an SQL string literal: COPY takes no bind parameters (and Postgres.js runs it as a simple
 * query), so the few values a download's query needs are written into it. With standard_conforming_strings
 * on, doubling the single quotes is the whole escaping; a NUL cannot be in a PostgreSQL text and is refused.
 */
export function sqlLiteral(value: string): string {
	if (value.includes('\0')) throw new Error('An SQL literal cannot hold a NUL character')
	return `'${value.replaceAll("'", "''")}'`
}

async function acquire(copies: CopyPool, signal: AbortSignal): Promise<void> {
	signal.throwIfAborted()
	if (copies.slots > 0) {
		copies.slots -= 1
		return
	}
	await new Promise<void>((resolve, reject) => {
		const take = () => {
			signal.removeEventListener('abort', leave)
			resolve()
		}
		const leave = () => {
			copies.waiting.splice(copies.waiting.indexOf(take), 1)
			reject(signal.reason)
		}
		copies.waiting.push(take)
		signal.addEventListener('abort', leave, { once: true })
	})
}

function release(copies: CopyPool) {
	const next = copies.waiting.shift()
	if (next) next()
	else copies.slots += 1
}

export type CopyOut = {
	/** The COPY's bytes as PostgreSQL sends them; ends with the COPY, errors with it. */
	stream: Readable
	/** Ends the COPY early (the reader left): cancels it on the server and closes its connection. */
	abort: () => void
}

/**
 * Runs `copySql` (a `COPY (…) TO STDOUT …` statement, its values already quoted by `sqlLiteral`) on a
 * connection of its own, once a slot is free. `signal` (the request's) gives up the wait for a slot. The
 * stream given is not Postgres.js's own but one fed from it: destroying it (the reader left) ends the COPY
 * through `abort`, which cancels the statement and closes the connection, freeing the slot.
 */
export async function copyOut(copySql: string, signal: AbortSignal): Promise<CopyOut> {
	const copies = pool()
	await acquire(copies, signal)
	const { sql, destroy } = connect()
	copies.open.add(sql)
	let closed = false
	const close = (timeout: number) => {
		if (closed) return
		closed = true
		copies.open.delete(sql)
		void sql
			.end({ timeout })
			.catch(() => {})
			.finally(() => release(copies))
	}
	let query: postgres.PendingQuery<postgres.Row[]>
	let source: Readable
	try {
		query = sql.unsafe(copySql)
		source = await query.readable()
	} catch (error) {
		close(0)
		throw error
	}
	let finished = false
	const abort = () => {
		if (finished || closed) return
		finished = true
		// The socket destroyed: PostgreSQL's next write fails and its backend ends, COPY and all; the
		// connection is closed rather than reused (see the module's comment).
		destroy()
		close(0)
	}
	const stream = new Readable({
		read: () => {
			source.resume()
		},
		destroy: (error, callback) => {
			abort()
			callback(error)
		},
	})
	// Postgres.js resolves the query with its stream as soon as the COPY starts; the stream ends after the
	// last row, and is destroyed with the error if the COPY fails (or the connection is lost) mid-way.
	source.on('data', (chunk: Buffer) => {
		if (!stream.push(chunk)) source.pause()
	})
	source.once('end', () => {
		finished = true
		stream.push(null)
		close(5)
	})
	source.on('error', (error) => {
		if (finished) return
		finished = true
		stream.destroy(error)
		close(0)
	})
	return { stream, abort }
}

/** Closes the download connections still open (the server's stop, once the last request is answered). */
export async function closeCopyPool(): Promise<void> {
	const copies = globalThis.uadeCopyPool
	if (!copies) return
	await Promise.all([...copies.open].map((sql) => sql.end({ timeout: 5 }).catch(() => {})))
	copies.open.clear()
}
