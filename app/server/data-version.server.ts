import postgres from 'postgres'

/** The channel the database announces each new public data version on (migration 20261202180000). */
export const publicDataChannel = 'uade_public_data'

/**
 * Where a process learns the public data version (see the PublicDataVersion model): pushed by the
 * database while the listener is connected, read from the database on every request while it is not.
 */
export type PublicDataVersionSource = {
	/** The current version; null when the database has no version row. Rejects when it cannot be read. */
	current(): Promise<bigint | null>
	/** Whether the version in memory is kept current by notifications right now. */
	readonly listening: boolean
	close(): Promise<void>
}

/** Always asks the database: the behaviour without a listener (and the one tests of other parts use). */
export function readEveryTime(read: () => Promise<bigint | null>): PublicDataVersionSource {
	return { current: read, listening: false, close: async () => {} }
}

type ListenerOptions = {
	/** A connection string for the database (any role: LISTEN needs no privilege). */
	url: string
	/** Reads the version per request while the listener is down (the app's Prisma client). */
	read: () => Promise<bigint | null>
	/** Told of a listener that could not (re)connect; it keeps trying. */
	log?: (error: unknown) => void
	/** Called each time the listener is connected again and has read the version (tests wait for it). */
	onListening?: (version: bigint | null) => void
	/** Called with each version a notification brings. */
	onNotified?: (version: bigint) => void
	connectTimeoutMs?: number
	/** Milliseconds before trying again after a failed connection (then doubling, at most 10 s). */
	retryMs?: number
}

/**
 * Keeps the public data version in memory, moved by the database's NOTIFY on every change the public can
 * see, over one connection of its own (Postgres.js). On connecting it runs LISTEN and only then reads the
 * version on the same connection, so no change that commits after the read goes unheard; when the
 * connection drops, `current()` reads the database on every request until it is back and has read the
 * version again (a change made meanwhile was not heard).
 *
 * Not `sql.listen`, which reconnects by itself but says nothing when its connection drops: a process
 * would go on serving a version it no longer hears about. Here the client's `onclose` says so, and the
 * reconnection is the same LISTEN again on a new connection, tried again with a growing wait.
 */
export function listenForPublicDataVersion({
	url,
	read,
	log = () => {},
	onListening,
	onNotified,
	connectTimeoutMs = 5_000,
	retryMs = 250,
}: ListenerOptions): PublicDataVersionSource {
	let version: bigint | null = null
	let listening = false
	let closed = false
	let subscribing = false

	// `onnotify` is how Postgres.js hands over a connection's notifications (its own `sql.listen` is built on
	// it); it is parsed like every option but missing from the package's types.
	const options: postgres.Options<Record<string, never>> & {
		onnotify: (channel: string, payload: string) => void
	} = {
		max: 1,
		idle_timeout: 0,
		max_lifetime: null,
		fetch_types: false,
		connect_timeout: connectTimeoutMs / 1000,
		connection: { application_name: 'uade-data-version' },
		onnotice: () => {},
		onnotify: (channel, payload) => {
			if (channel !== publicDataChannel || !/^\d+$/.test(payload)) return
			const notified = BigInt(payload)
			// Versions only grow; notifications of two commits may cross a read.
			if (version === null || notified > version) version = notified
			onNotified?.(notified)
		},
		onclose: () => {
			listening = false
			if (!closed) void subscribe()
		},
	}
	const sql = postgres(url, options)

	async function subscribe() {
		if (subscribing) return
		subscribing = true
		let wait = retryMs
		try {
			while (!closed) {
				try {
					await sql.unsafe(`LISTEN ${publicDataChannel}`)
					const rows = await sql<Array<{ version: string }>>`
						SELECT "version"::text AS "version" FROM "PublicDataVersion" WHERE "id" = 1`
					const read = rows[0] ? BigInt(rows[0].version) : null
					version = version === null || read === null || read > version ? read : version
					if (closed) return
					listening = true
					onListening?.(version)
					return
				} catch (error) {
					if (closed) return
					log(error)
					await new Promise((resolve) => setTimeout(resolve, wait).unref())
					wait = Math.min(wait * 2, 10_000)
				}
			}
		} finally {
			subscribing = false
		}
	}
	void subscribe()

	return {
		current: () => (listening ? Promise.resolve(version) : read()),
		get listening() {
			return listening
		},
		async close() {
			closed = true
			listening = false
			await sql.end({ timeout: 1 })
		},
	}
}
