import type { Request as ExpressRequest } from 'express'
import { env } from '~/env.server'

/*
 * The site's public origin: one answer for the page cache's keys, the absolute links pages carry (canonical,
 * hreflang, og:url, the sitemap, robots.txt), the session cookie's Secure/`__Host-` choice and the cross-site
 * check, so that none of them can disagree with another.
 *
 * - UADE_PUBLIC_URL when set; a request naming any other host is refused before it reaches a page
 *   (app/server/hosts.server.ts).
 * - Otherwise the origin the request addressed: its Host, or X-Forwarded-Host and X-Forwarded-Proto only
 *   when UADE_TRUST_PROXY trusts the peer that sent them. Anybody can send those headers; honoured from
 *   anyone, one request could make the server build a page for one host and file it under another.
 */

// A host name (letters, digits, `-`, `_`, dots) or a bracketed IPv6 address, and an optional port: anything
// else (userinfo, a path, spaces) could make `http://${host}` mean another host than the one compared.
const hostPattern = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/** Whether Express's `trust proxy` setting trusts this request's peer to forward the client's host and scheme. */
function trustsPeer(req: ExpressRequest): boolean {
	// The function Express compiles from `trust proxy` (and reads itself for req.hostname and req.protocol).
	const trust: unknown = req.app.get('trust proxy fn')
	return typeof trust === 'function' && trust(req.socket.remoteAddress, 0) === true
}

/**
 * The origin this request addressed (`https://uade.example`, lower-case, default port dropped), as far as
 * it can be believed: X-Forwarded-Host's first value only from a trusted proxy, else Host; the scheme is
 * req.protocol, which honours X-Forwarded-Proto on the same condition. Undefined without a valid host.
 */
export function addressedOrigin(req: ExpressRequest): string | undefined {
	const forwarded = trustsPeer(req) ? req.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
	const host = forwarded || req.get('host')?.trim()
	if (!host || !hostPattern.test(host)) return undefined
	try {
		// A trusted proxy's X-Forwarded-Proto is all req.protocol reads: anything but https is taken as http.
		return new URL(`${req.protocol.toLowerCase() === 'https' ? 'https' : 'http'}://${host}`).origin
	} catch {
		// A port past 65535.
		return undefined
	}
}

/** The public origin of a request reaching Express, before Remix: see the top of this module. */
export function publicOriginOf(req: ExpressRequest): string | undefined {
	return env().UADE_PUBLIC_URL ?? addressedOrigin(req)
}

/**
 * The public origin of a request inside Remix (a loader, an action). Its URL is the addressed origin, since
 * hosts.server.ts hands Remix's adapter one resolved Host (and no X-Forwarded-Host) to build it from.
 */
export function publicOrigin(request: Request): string {
	return env().UADE_PUBLIC_URL ?? new URL(request.url).origin
}

/** True for names that only ever reach this machine (RFC 6761 `localhost`, the loopback addresses). */
export function isLoopbackHost(host: string): boolean {
	const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]
	return (
		hostname === 'localhost' ||
		hostname?.endsWith('.localhost') === true ||
		hostname === '[::1]' ||
		/^127(\.\d{1,3}){3}$/.test(hostname ?? '')
	)
}
