/**
 * HTTP caching for public pages.
 *
 * In a public route module (a page anyone may see, the same for every visitor), add:
 *
 *     import { publicPageHeaders } from '~/server/http-cache.server'
 *     export const headers = publicPageHeaders
 *
 * That is all a route does. The page then gets
 * - `Cache-Control: public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400`: a shared cache (a CDN, a
 *   reverse proxy) may serve it for a minute, and for ten more minutes while it fetches a fresh copy in the
 *   background, and for a day while this server answers only errors (a database outage: RFC 5861); a browser
 *   keeps it but asks again every time (max-age=0), cheaply thanks to the ETag;
 * - `Vary: Cookie`, so a cache never answers a request carrying a cookie (a signed-in editor's) with the
 *   copy it stored for a visitor without one;
 * - an `ETag`, added by the `publicPageCache` Express middleware (`createHttpApp`), derived from the public
 *   data version (a counter the database moves on in every transaction that changes anything public: see
 *   the PublicDataVersion model), the build and the date (pages say "12 days left"). A request whose
 *   `If-None-Match` holds the current ETag gets a 304 straight from the middleware: no loader, no render,
 *   one primary-key read. The version is read before the loaders run, so a page can be newer than its ETag
 *   (costing one extra render later) but never older.
 *
 * The middleware also keeps each rendered public page in memory under its ETag and answers the next
 * request for the same address with it while the ETag holds (no loader, no render): exact, since any
 * change moves the ETag. Each answer still gets a CSP nonce of its own: the stored page's nonce is
 * replaced by the request's fresh one, so a nonce seen by one reader is worth nothing to another.
 *
 * A request carrying a session cookie (see app/auth/session.server.ts) is never answered from this logic
 * nor stored as public: the middleware leaves it alone and entry.server.tsx makes its response
 * `private, no-store`. A response that sets a cookie is not public either, and a server error is `no-store`.
 * Only responses through the production server get ETags; `npm run dev` (no middleware) never answers 304.
 */
import type { HeadersFunction } from '@remix-run/node'
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express'
import onHeaders from 'on-headers'
import type { PrismaClient } from '~/.server/prisma/client'
import { publicOriginOf } from '~/auth/public-origin.server'
import { hasSessionCookie } from '~/auth/session.server'
import { getPrisma } from '~/db/prisma.server'
import { env } from '~/env.server'
import { databaseOutage, type DatabaseOutage } from './outage.server'

// Sixty seconds is how long a correction may take to reach every reader through a shared cache; ten
// minutes of stale-while-revalidate keeps pages instant for readers while a cache refreshes them.
export const publicCacheControl =
	'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400'
const privateCacheControl = 'private, no-store'
// A copy served while the database is unreachable (app/server/outage.server.ts): fresh for no cache, which
// may keep serving it for ten minutes should its next request for the page fail too (RFC 5861).
export const staleCacheControl = 'public, max-age=0, s-maxage=0, stale-if-error=600'
// Says so without the obsolete Warning header: RFC 9211's Cache-Status, served from this process's memory.
export const staleCacheStatus = 'uade; hit; detail="database unreachable"'

/** A public route's `headers` export. */
export const publicPageHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders, errorHeaders }) => {
	const setsCookie = [loaderHeaders, actionHeaders, errorHeaders].some((headers) =>
		headers?.has('Set-Cookie'),
	)
	const headers: Record<string, string> = setsCookie
		? { 'Cache-Control': privateCacheControl }
		: { 'Cache-Control': publicCacheControl, Vary: 'Cookie' }
	return headers
}

/** The current public data version (see the PublicDataVersion model), or null if its row is missing. */
export async function readPublicDataVersion(prisma: PrismaClient = getPrisma()): Promise<bigint | null> {
	// Raw, since it runs on every anonymous request: no query planning inside Prisma for one row by key.
	const rows = await prisma.$queryRaw<
		Array<{ version: bigint }>
	>`SELECT version FROM "PublicDataVersion" WHERE id = 1`
	return rows[0]?.version ?? null
}

/**
 * The ETag of every public page right now: weak, since compression (ours or a proxy's) changes the bytes
 * but not the page. Without the version row there is no ETag, rather than one that never changes.
 */
export async function currentPublicEtag(
	buildVersion: string,
	{ now = new Date(), prisma }: { now?: Date; prisma?: PrismaClient } = {},
): Promise<string | null> {
	const version = await readPublicDataVersion(prisma)
	if (version === null) return null
	return `W/"${buildVersion}.${version}.${now.toISOString().slice(0, 10)}"`
}

/**
 * RFC 9110's weak comparison: any listed tag equal to ours, with or without `W/`. `*` is not taken as a
 * match: only a copy that came with one of our ETags can be current.
 */
export function ifNoneMatchHolds(ifNoneMatch: string | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
	return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag))
}

function isSignedIn(req: ExpressRequest): boolean {
	const cookie = req.get('cookie')
	if (!cookie) return false
	// At the address Remix would see, since the cookie's name depends on the public origin.
	const origin = publicOriginOf(req) ?? 'http://localhost'
	return hasSessionCookie(new Request(`${origin}${req.originalUrl}`, { headers: { cookie } }))
}

type StoredPage = {
	etag: string
	headers: Array<[string, string]>
	body: string
	/** The CSP nonce the page was rendered with, replaced by each request's own when it is served. */
	nonce: string | undefined
}

// Headers that belong to one transfer (compression adds its own again) or must never be replayed.
const unstoredHeaders = new Set([
	'content-encoding',
	'content-length',
	'transfer-encoding',
	'connection',
	'keep-alive',
	'date',
	'set-cookie',
	// Each answer carries the policy with its own nonce, set by securityHeaders.
	'content-security-policy',
])

/**
 * Rendered public pages kept in memory, each under the ETag it was rendered for: a copy is served only while
 * the public data version, the build and the day are still the ones it was rendered with, so it is never
 * stale, unlike a shared cache's. Least recently used copies go first once `maxBytes` is reached.
 */
export class RenderedPageCache {
	readonly #pages = new Map<string, StoredPage>()
	#bytes = 0
	constructor(readonly maxBytes = 64 * 2 ** 20) {}

	get(key: string, etag: string): StoredPage | undefined {
		const page = this.#pages.get(key)
		if (!page) return undefined
		this.#pages.delete(key)
		if (page.etag !== etag) {
			this.#bytes -= page.body.length
			return undefined
		}
		this.#pages.set(key, page)
		return page
	}

	/** The copy kept for `key` whatever its ETag: while the database is unreachable, none can be checked. */
	peek(key: string): StoredPage | undefined {
		return this.#pages.get(key)
	}

	set(key: string, page: StoredPage) {
		const bytes = (stored: StoredPage) => stored.body.length
		if (bytes(page) > this.maxBytes / 16) return
		const previous = this.#pages.get(key)
		if (previous) this.#bytes -= bytes(previous)
		this.#pages.delete(key)
		this.#pages.set(key, page)
		this.#bytes += bytes(page)
		for (const [oldest, stored] of this.#pages) {
			if (this.#bytes <= this.maxBytes) break
			this.#pages.delete(oldest)
			this.#bytes -= bytes(stored)
		}
	}

	get size() {
		return this.#pages.size
	}
}

/**
 * The page's identity apart from its data: the public origin its links were built from (canonical, hreflang,
 * og:url: app/auth/public-origin.server.ts) and its address. Without UADE_PUBLIC_URL that origin is the
 * request's own, so a page rendered for a made-up Host is filed under that host and served only to requests
 * naming it again, never to another host's visitors; such pages can only push real ones out of memory (LRU),
 * costing a render each, as with the cache off. With UADE_PUBLIC_URL set, other hosts never get this far.
 */
function pageKey(req: ExpressRequest): string {
	return `${publicOriginOf(req) ?? ''}${req.originalUrl}`
}

function isPublic(res: ExpressResponse): boolean {
	const cacheControl = res.getHeader('Cache-Control')
	return typeof cacheControl === 'string' && cacheControl.startsWith('public')
}

/**
 * Whether the answer is text, which the memory keeps as a string: an image (a share card's PNG) would not
 * come back from it byte for byte, and has a memory of its own (app/routes/share-card/).
 */
function isText(res: ExpressResponse): boolean {
	const type = res.getHeader('Content-Type')
	return (
		typeof type === 'string' && /^(text\/|application\/([\w.+-]*\+)?(json|xml)\b|image\/svg\+xml)/.test(type)
	)
}

/** Records the body Remix writes (before compression, which wraps these same methods), up to `limit` bytes. */
function recordBody(res: ExpressResponse, limit: number, onComplete: (body: Buffer) => void) {
	const chunks: Buffer[] = []
	let size = 0
	let overflow = false
	const keep = (chunk: unknown) => {
		if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return
		const buffer =
			typeof chunk === 'string' ? Buffer.from(chunk) : chunk instanceof Uint8Array ? Buffer.from(chunk) : null
		if (!buffer) return
		size += buffer.length
		if (size > limit) overflow = true
		else chunks.push(buffer)
	}
	const write = res.write
	const end = res.end
	res.write = function (chunk: unknown, ...rest: unknown[]) {
		keep(chunk)
		return Reflect.apply(write, res, [chunk, ...rest])
	}
	res.end = function (chunk?: unknown, ...rest: unknown[]) {
		keep(chunk)
		if (!overflow) onComplete(Buffer.concat(chunks))
		return Reflect.apply(end, res, [chunk, ...rest])
	}
}

/**
 * Express middleware, before the Remix handler: answers 304 when the visitor's copy is current, gives
 * public pages (those whose route set `publicPageHeaders`) their ETag, and keeps each rendered public page
 * in memory to answer the next request for it while its ETag holds, without running loaders or React.
 * UADE_PAGE_CACHE=off turns the memory off (the benchmark does, to measure rendering).
 */
export function publicPageCache({
	buildVersion,
	prisma = () => getPrisma(),
	log = (error: unknown) => console.error(error),
	pages = env().UADE_PAGE_CACHE === 'off' ? undefined : new RenderedPageCache(),
	outage = databaseOutage(),
}: {
	/** The build's own version (`build.assets.version`): new markup, new ETags. */
	buildVersion: string
	prisma?: () => PrismaClient
	log?: (error: unknown) => void
	pages?: RenderedPageCache
	outage?: DatabaseOutage
}) {
	// The last ETag the database confirmed: while it cannot be asked, a visitor holding it keeps a 304.
	let lastEtag: string | null = null

	/** Without the database: the copy kept in memory, or the visitor's own, else on to the outage's 503. */
	const serveStale = (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
		const stored = pages?.peek(pageKey(req))
		const knownEtag = stored?.etag ?? lastEtag
		const staleHeaders = { 'Cache-Control': staleCacheControl, 'Cache-Status': staleCacheStatus }
		if (knownEtag && ifNoneMatchHolds(req.get('if-none-match'), knownEtag)) {
			res.removeHeader('Content-Security-Policy')
			res
				.status(304)
				.set({ ETag: knownEtag, Vary: 'Cookie', ...staleHeaders })
				.end()
			return
		}
		if (!stored) return next()
		sendStored(res, stored)
		res.set(staleHeaders).status(200).end(bodyWithNonce(res, stored))
	}

	return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
		if ((req.method !== 'GET' && req.method !== 'HEAD') || isSignedIn(req)) return next()
		// Known to be down: no request waits for it again until its probe sees it back.
		if (outage.active) return serveStale(req, res, next)
		let etag: string | null
		const askedAt = outage.now()
		try {
			etag = await currentPublicEtag(buildVersion, { prisma: prisma() })
		} catch (error) {
			if (outage.report(error)) return serveStale(req, res, next)
			// Without a version the page is still served, only without an ETag.
			log(error)
			return next()
		}
		outage.recovered(askedAt)
		lastEtag = etag
		if (!etag) return next()

		if (ifNoneMatchHolds(req.get('if-none-match'), etag)) {
			// The visitor's (or the cache's) stored copy keeps the headers it came with: a new CSP nonce here
			// would replace the one its inline scripts carry.
			res.removeHeader('Content-Security-Policy')
			res.status(304).set({ ETag: etag, 'Cache-Control': publicCacheControl, Vary: 'Cookie' }).end()
			return
		}

		const key = pageKey(req)
		const stored = pages?.get(key, etag)
		if (stored) {
			sendStored(res, stored)
			// The compression middleware encodes it for this request, as for a rendered page.
			res.status(200).end(bodyWithNonce(res, stored))
			return
		}

		onHeaders(res, () => {
			if (!isPublic(res)) return
			// A refusal (a bad filter's 400) or a server error is no page to keep; a missing page (404) may be.
			if (res.statusCode >= 400 && res.statusCode !== 404) res.setHeader('Cache-Control', 'no-store')
			else if (res.statusCode === 200) res.setHeader('ETag', etag)
		})
		if (pages && req.method === 'GET') {
			const renderedWithNonce: unknown = res.locals.cspNonce
			recordBody(res, pages.maxBytes / 16, (body) => {
				if (res.statusCode !== 200 || !isPublic(res) || !isText(res) || res.getHeader('ETag') !== etag) return
				const headers: Array<[string, string]> = []
				for (const [name, value] of Object.entries(res.getHeaders())) {
					if (unstoredHeaders.has(name) || value === undefined) continue
					const joined = Array.isArray(value) ? value.join(', ') : String(value)
					// compression adds Accept-Encoding to Vary again on every response.
					const text = name === 'vary' ? varyWithoutEncoding(joined) : joined
					if (text) headers.push([name, text])
				}
				pages.set(key, {
					etag,
					headers,
					body: body.toString('utf8'),
					nonce: typeof renderedWithNonce === 'string' ? renderedWithNonce : undefined,
				})
			})
		}
		next()
	}
}

function sendStored(res: ExpressResponse, stored: StoredPage) {
	for (const [name, value] of stored.headers) res.setHeader(name, value)
}

/** The stored page with this request's CSP nonce in place of the one it was rendered with. */
function bodyWithNonce(res: ExpressResponse, stored: StoredPage): string {
	const nonce: unknown = res.locals.cspNonce
	return stored.nonce && typeof nonce === 'string' ? stored.body.replaceAll(stored.nonce, nonce) : stored.body
}

function varyWithoutEncoding(vary: string): string {
	return vary
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part.toLowerCase() !== 'accept-encoding')
		.join(', ')
}
