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
 *   and no query while the process hears the database's notifications of new versions
 *   (app/server/data-version.server.ts; else one primary-key read). The version is taken before the
 *   loaders run, so a page can be newer than its ETag (costing one extra render later) but never older.
 *
 * The middleware also keeps each rendered public answer in memory under its ETag, compressed once with
 * gzip and brotli, and answers the next request for the same address with those bytes while the ETag
 * holds (no loader, no render): exact, since any change moves the ETag. A stored HTML page is the same
 * for every reader: its nonces are taken out and its policy allows its inline scripts by their hashes.
 * Concurrent requests for a page not yet in memory wait for one render of it.
 *
 * A request carrying a session cookie (see app/auth/session.server.ts) is never answered from this logic
 * nor stored as public: the middleware leaves it alone and entry.server.tsx makes its response
 * `private, no-store`. A response that sets a cookie is not public either, and a server error is `no-store`.
 * Only responses through the production server get ETags; `npm run dev` (no middleware) never answers 304.
 */
import type { HeadersFunction } from '@remix-run/node'
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'
import { LRUCache } from 'lru-cache'
import onHeaders from 'on-headers'
import type { PrismaClient } from '~/.server/prisma/client'
import { publicOriginOf } from '~/auth/public-origin.server'
import { accessRules } from '~/auth/route-access'
import { hasSessionCookie } from '~/auth/session.server'
import { getPrisma } from '~/db/prisma.server'
import { readFromReplicas } from '~/db/read-replicas.server'
import { env } from '~/env.server'
import { readEveryTime, type PublicDataVersionSource } from './data-version.server'
import { databaseOutage, type DatabaseOutage } from './outage.server'
import type { ReplicaVersions } from './replica-versions.server'
import { hashedContentSecurityPolicy } from './security.server'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

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
	return version === null ? null : etagOf(buildVersion, version, now)
}

/** The ETag of every public page for this build and public data version, today. */
export function etagOf(buildVersion: string, version: bigint, now = new Date()): string {
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

// The first segments of addresses only staff or signed-in accounts use (app/auth/route-access.ts).
const privateSegments = new Set(
	accessRules
		.filter((rule) => rule.access.kind !== 'public' && !rule.prefix.includes(':'))
		.map((rule) => rule.prefix.split('/')[1]),
)

/** An address anyone may read (not under /admin, /account, /evidence): its reads may come from a replica. */
function isPublicAddress(req: ExpressRequest): boolean {
	return !privateSegments.has(req.path.split('/')[1])
}

/** A public answer kept in memory: the same bytes and headers for every reader, compressed once. */
export type StoredPage = {
	etag: string
	/** Every header of the answer but those of one transfer (encoding, length, date) and the CSP. */
	headers: Array<[string, string]>
	/** An HTML page's policy, allowing its inline scripts and styles by hash; null: the request's own. */
	csp: string | null
	/** The bytes as rendered (a page's HTML without its nonce, a feed, an image), and compressed once. */
	body: Buffer
	gzip: Buffer | null
	br: Buffer | null
}

const storedSize = (page: StoredPage) => page.body.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0)

// Headers that belong to one transfer (compression adds its own again) or must never be replayed.
const unstoredHeaders = new Set([
	'content-encoding',
	'content-length',
	'transfer-encoding',
	'connection',
	'keep-alive',
	'date',
	'set-cookie',
	// Said anew by each answer: `hit` from memory, `fwd=miss` when rendered.
	'cache-status',
	// An HTML page's is rebuilt with hashes; any other answer gets the request's own from securityHeaders.
	'content-security-policy',
])

/**
 * Public answers kept in memory, each under the ETag it was rendered for: a copy is served only while the
 * public data version, the build and the day are still the ones it was rendered with, so it is never
 * stale, unlike a shared cache's. Bounded by bytes (the page and its compressed copies): the least recently
 * used go first, and no one answer may take more than a sixteenth of it.
 */
export class RenderedPageCache {
	readonly #pages: LRUCache<string, StoredPage>
	constructor(readonly maxBytes = 64 * 2 ** 20) {
		this.#pages = new LRUCache({
			maxSize: maxBytes,
			maxEntrySize: maxBytes / 16,
			sizeCalculation: storedSize,
		})
	}

	get(key: string, etag: string): StoredPage | undefined {
		const page = this.#pages.get(key)
		if (!page) return undefined
		if (page.etag !== etag) {
			this.#pages.delete(key)
			return undefined
		}
		return page
	}

	/** The copy kept for `key` whatever its ETag: while the database is unreachable, none can be checked. */
	peek(key: string): StoredPage | undefined {
		return this.#pages.peek(key)
	}

	set(key: string, page: StoredPage) {
		if (storedSize(page) > this.maxBytes / 16) return
		this.#pages.set(key, page)
	}

	get size() {
		return this.#pages.size
	}

	/** The bytes held, compressed copies included. */
	get bytes() {
		return this.#pages.calculatedSize
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
 * Whether an answer is a public HTML page whose policy allows its inline scripts by `nonce`: one to send as
 * every reader gets it, with hashes instead (withHashedPolicy).
 */
function isPageWithNonce(res: ExpressResponse, nonce: unknown): nonce is string {
	return (
		typeof nonce === 'string' &&
		nonce !== '' &&
		res.statusCode === 200 &&
		isPublic(res) &&
		/^text\/html\b/i.test(String(res.getHeader('Content-Type') ?? '')) &&
		String(res.getHeader('Content-Security-Policy') ?? '').includes(`'nonce-${nonce}'`)
	)
}

const toBuffer = (chunk: unknown): Buffer | null =>
	typeof chunk === 'string' ? Buffer.from(chunk) : chunk instanceof Uint8Array ? Buffer.from(chunk) : null

/**
 * Records the body Remix writes (before compression, which wraps these same methods), up to `limit` bytes.
 *
 * A public HTML page rendered with `nonce` is not sent as it is written: it is held until complete, then
 * sent as the copy every later reader gets, its nonce out and its inline scripts allowed by their hashes.
 * So no reader, and no shared cache in front (nginx, a CDN: they keep the first answer they see and give it
 * to everyone), ever gets a nonce that another reader has. A page past `limit` is sent as rendered, from the
 * point it passes it.
 */
function recordBody(
	res: ExpressResponse,
	limit: number,
	nonce: unknown,
	onComplete: (body: Buffer, hashed?: { html: Buffer; csp: string }) => void,
	onOverflow: () => void,
) {
	const chunks: Buffer[] = []
	let size = 0
	let overflow = false
	// Decided at the first write, when the headers are all set.
	let holding: boolean | undefined
	const write = res.write
	const end = res.end
	const keep = (chunk: unknown) => {
		if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return
		const buffer = toBuffer(chunk)
		if (!buffer) return
		size += buffer.length
		if (size <= limit) {
			chunks.push(buffer)
			return
		}
		overflow = true
		// What was held goes out first, as rendered.
		if (holding) for (const held of chunks) Reflect.apply(write, res, [held])
		holding = false
		chunks.length = 0
		onOverflow()
	}
	res.write = function (chunk: unknown, ...rest: unknown[]) {
		holding ??= isPageWithNonce(res, nonce)
		keep(chunk)
		if (!holding) return Reflect.apply(write, res, [chunk, ...rest])
		const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined
		if (callback) process.nextTick(callback)
		return true
	}
	res.end = function (chunk?: unknown, ...rest: unknown[]) {
		holding ??= isPageWithNonce(res, nonce)
		keep(chunk)
		if (holding && isPageWithNonce(res, nonce)) {
			const body = Buffer.concat(chunks)
			const hashed = withHashedPolicy(body.toString('utf8'), nonce)
			res.setHeader('Content-Security-Policy', hashed.csp)
			const callback = rest.filter((argument) => typeof argument === 'function')
			const html = Buffer.from(hashed.html)
			const ended = Reflect.apply(end, res, [html, ...callback]) as ExpressResponse
			onComplete(body, { html, csp: hashed.csp })
			return ended
		}
		// After the original: an answer sent whole by `end` has its headers (the ETag among them) only then.
		const ended = Reflect.apply(end, res, [chunk, ...rest]) as ExpressResponse
		if (!overflow) onComplete(Buffer.concat(chunks))
		return ended
	}
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * An HTML page rendered with `nonce`, made the same for every reader: the nonce attributes taken out, and a
 * policy that allows exactly the page's inline scripts and styles by their SHA-256 hashes (CSP Level 3)
 * instead. A script injected into a stored page would have no hash in its policy; a nonce would have been
 * shared by every reader of the copy.
 */
export function withHashedPolicy(html: string, nonce: string): { html: string; csp: string } {
	const scripts = new Set<string>()
	const styles = new Set<string>()
	const attribute = ` nonce="${nonce}"`
	const inline = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi
	const stripped = html.replace(inline, (element, name: string, attributes: string, content: string) => {
		if (!attributes.includes(attribute)) return element
		// An external script (`src`) is allowed by 'self'; only inline content is hashed.
		if (!/\bsrc=/i.test(attributes)) (name.toLowerCase() === 'script' ? scripts : styles).add(sha256(content))
		return `<${name}${attributes.replace(attribute, '')}>${content}</${name}>`
	})
	// Elements without content (a modulepreload link) lose the attribute too: 'self' allows them.
	const html2 = stripped.replaceAll(attribute, '')
	return { html: html2, csp: hashedContentSecurityPolicy([...scripts], [...styles]) }
}

const compressible =
	/^(text\/|application\/(json|problem\+json|xml|atom\+xml|rss\+xml|javascript)|image\/svg\+xml)/i

/** Compressed once, with gzip and brotli, where the type gains from it (an image does not). */
async function compressed(body: Buffer, contentType: string) {
	if (!compressible.test(contentType) || body.length < 1024) return { gzip: null, br: null }
	const [gzipped, brotli] = await Promise.all([
		gzipAsync(body, { level: 6 }),
		// Quality 5: most of brotli's gain over gzip at a few milliseconds per page; the top (11) costs a
		// hundred times more and every write that moves the version recompresses the hot pages.
		brotliAsync(body, {
			params: {
				[zlibConstants.BROTLI_PARAM_QUALITY]: 5,
				[zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
			},
		}),
	])
	return { gzip: gzipped, br: brotli }
}

/**
 * Sends a stored answer as it is: its headers, the encoding the request prefers among the stored ones, the
 * length. The compression middleware lets an encoded body through untouched.
 */
function sendStored(
	req: ExpressRequest,
	res: ExpressResponse,
	stored: StoredPage,
	overrides: Record<string, string> = {},
) {
	for (const [name, value] of stored.headers) res.setHeader(name, value)
	// RFC 9211: answered from this process's memory, without rendering.
	res.setHeader('Cache-Status', 'uade; hit')
	res.set(overrides)
	if (stored.csp) res.setHeader('Content-Security-Policy', stored.csp)
	const offered = [...(stored.br ? ['br'] : []), ...(stored.gzip ? ['gzip'] : []), 'identity']
	const encoding = offered.length > 1 ? req.acceptsEncodings(offered) || 'identity' : 'identity'
	const body = encoding === 'br' ? stored.br : encoding === 'gzip' ? stored.gzip : stored.body
	if (offered.length > 1) res.vary('Accept-Encoding')
	if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding)
	res.setHeader('Content-Length', (body ?? stored.body).length)
	res.status(200).end(req.method === 'HEAD' ? undefined : body)
}

/** The most of a page held to be sent without its nonce when no memory keeps it (UADE_PAGE_CACHE=off). */
const defaultRecordLimit = 4 * 2 ** 20

/** How long a request waits for another's render of the same page before it renders the page itself. */
const coalesceTimeoutMs = 10_000

/**
 * Express middleware, before the Remix handler: answers 304 when the visitor's copy is current, gives
 * public answers (those whose route set `publicPageHeaders`) their ETag, and keeps each rendered one in
 * memory, compressed once, to answer the next request for it while its ETag holds without running loaders
 * or React. Concurrent requests for a page that is not in memory wait for the first one's render rather
 * than each rendering it (after a write, a hot page renders once, not once per reader).
 * The ETag comes from `versions`: in memory while its listener hears the database's notifications
 * (app/server/data-version.server.ts), else one read per request.
 * UADE_PAGE_CACHE=off turns the memory off (the benchmark does, to measure rendering).
 */
export function publicPageCache({
	buildVersion,
	prisma = () => getPrisma(),
	versions = readEveryTime(() => readPublicDataVersion(prisma())),
	log = (error: unknown) => console.error(error),
	pages = env().UADE_PAGE_CACHE === 'off' ? undefined : new RenderedPageCache(),
	outage = databaseOutage(),
	replicas,
}: {
	/** The build's own version (`build.assets.version`): new markup, new ETags. */
	buildVersion: string
	prisma?: () => PrismaClient
	versions?: PublicDataVersionSource
	log?: (error: unknown) => void
	pages?: RenderedPageCache
	outage?: DatabaseOutage
	/**
	 * With DATABASE_REPLICA_URLS: whether the replicas have the version a render is filed under. A render
	 * reads from them only then (app/db/read-replicas.server.ts), else from the primary.
	 */
	replicas?: ReplicaVersions
}) {
	// The last ETag the database confirmed: while it cannot be asked, a visitor holding it keeps a 304.
	let lastEtag: string | null = null
	// Renders under way, by ETag and page: the requests that wait for them.
	const rendering = new Map<string, Promise<void>>()

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
		sendStored(req, res, stored, staleHeaders)
	}

	/** After the render: the answer kept, if it is a public page of this ETag, as the same bytes for all. */
	const keep = async (
		res: ExpressResponse,
		key: string,
		etag: string,
		nonce: unknown,
		body: Buffer,
		sent?: { html: Buffer; csp: string },
	) => {
		if (!pages || res.statusCode !== 200 || !isPublic(res) || res.getHeader('ETag') !== etag) return
		const headers: Array<[string, string]> = []
		for (const [name, value] of Object.entries(res.getHeaders())) {
			if (unstoredHeaders.has(name) || value === undefined) continue
			const joined = Array.isArray(value) ? value.join(', ') : String(value)
			// compression adds Accept-Encoding to Vary again on every response.
			const text = name === 'vary' ? varyWithoutEncoding(joined) : joined
			if (text) headers.push([name, text])
		}
		const contentType = String(res.getHeader('Content-Type') ?? '')
		let csp: string | null = null
		let stored = body
		// A page whose policy allows its scripts by this nonce; an embed's own policy (no script at all, framable)
		// is left to securityHeaders, which gives every request for it that policy again.
		const policy = String(res.getHeader('Content-Security-Policy') ?? '')
		if (sent) {
			// Sent as every reader gets it (recordBody): these bytes and this policy.
			stored = sent.html
			csp = sent.csp
		} else if (
			/^text\/html\b/i.test(contentType) &&
			typeof nonce === 'string' &&
			nonce &&
			policy.includes(`'nonce-${nonce}'`)
		) {
			const hashed = withHashedPolicy(body.toString('utf8'), nonce)
			stored = Buffer.from(hashed.html)
			csp = hashed.csp
		}
		pages.set(key, { etag, headers, csp, body: stored, ...(await compressed(stored, contentType)) })
	}

	return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
		if ((req.method !== 'GET' && req.method !== 'HEAD') || isSignedIn(req)) return next()
		// Known to be down: no request waits for it again until its probe sees it back.
		if (outage.active) return serveStale(req, res, next)
		let etag: string | null
		let version: bigint | null
		const askedAt = outage.now()
		try {
			version = await versions.current()
			etag = version === null ? null : etagOf(buildVersion, version)
		} catch (error) {
			if (outage.report(error)) return serveStale(req, res, next)
			// Without a version the page is still served, only without an ETag.
			log(error)
			return next()
		}
		outage.recovered(askedAt)
		lastEtag = etag
		if (!etag || version === null) return next()

		if (ifNoneMatchHolds(req.get('if-none-match'), etag)) {
			// The visitor's (or the cache's) stored copy keeps the headers it came with: a new CSP here
			// would replace the one its inline scripts were allowed by.
			res.removeHeader('Content-Security-Policy')
			res.status(304).set({ ETag: etag, 'Cache-Control': publicCacheControl, Vary: 'Cookie' }).end()
			return
		}

		const key = pageKey(req)
		const renderKey = `${etag} ${key}`
		let stored = pages?.get(key, etag)
		const underway = stored ? undefined : rendering.get(renderKey)
		if (underway) {
			await Promise.race([underway, new Promise((resolve) => setTimeout(resolve, coalesceTimeoutMs).unref())])
			stored = pages?.get(key, etag)
		}
		if (stored) return sendStored(req, res, stored)

		// Never a page older than its ETag: the replicas read only once each has replayed this version.
		if (replicas && isPublicAddress(req) && (await replicas.caughtUp(version))) readFromReplicas()

		onHeaders(res, () => {
			if (!isPublic(res)) return
			// A refusal (a bad filter's 400) or a server error is no page to keep; a missing page (404) may be.
			if (res.statusCode >= 400 && res.statusCode !== 404) res.setHeader('Cache-Control', 'no-store')
			else if (res.statusCode === 200) {
				res.setHeader('ETag', etag)
				// RFC 9211: rendered for this request (the copy kept in memory says `hit`).
				res.setHeader('Cache-Status', 'uade; fwd=miss')
			}
		})
		const nonce: unknown = res.locals.cspNonce
		if (pages && req.method === 'GET' && !rendering.has(renderKey)) {
			// This request renders the page for every request for it that comes meanwhile.
			let done = () => {}
			rendering.set(
				renderKey,
				new Promise<void>((resolve) => {
					let released = false
					done = () => {
						if (released) return
						released = true
						rendering.delete(renderKey)
						resolve()
					}
				}),
			)
			let kept = false
			recordBody(
				res,
				pages.maxBytes / 16,
				nonce,
				(body, sent) => {
					kept = true
					keep(res, key, etag, nonce, body, sent).then(done, (error: unknown) => {
						log(error)
						done()
					})
				},
				// Too large to keep: those waiting for it render (or stream) their own at once.
				done,
			)
			// An answer that never completes (the reader left, an error) releases the waiting ones too.
			res.on('close', () => {
				if (!kept) done()
			})
		} else if (req.method === 'GET') {
			// Rendered for this reader alone (the memory off, or another render of it underway too long): still
			// the bytes every reader gets.
			recordBody(
				res,
				pages ? pages.maxBytes / 16 : defaultRecordLimit,
				nonce,
				() => {},
				() => {},
			)
		}
		next()
	}
}

function varyWithoutEncoding(vary: string): string {
	return vary
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part.toLowerCase() !== 'accept-encoding')
		.join(', ')
}
