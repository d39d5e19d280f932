import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import { publicOriginOf } from '~/auth/public-origin.server'
import { validIpAddress } from '~/models/ip-address.server'
import type { Logger } from './log.server'

// Optional: tests call loaders and actions with a context of their own (often `{}`).
declare module '@remix-run/server-runtime' {
	interface AppLoadContext {
		/** This response's Content-Security-Policy nonce: every inline script must carry it. */
		cspNonce?: string
		/** The visitor's IP address (behind a proxy, as UADE_TRUST_PROXY allows Express to read it). */
		clientIp?: string | null
		/** This request's logger (app/server/log.server.ts): every line it writes carries `requestId`. */
		log?: Logger
		/** This request's id, sent back as `X-Request-Id`. */
		requestId?: string
	}
}

type SecurityOptions = {
	/** Vite's dev server: its hot reload needs a websocket and injected styles. */
	development: boolean
}

/**
 * Scripts run only from this site and, inline, only with this response's nonce (Remix's and React's own
 * inline scripts get it through entry.server.tsx); no plugins, no framing, no `<base>`, forms post only
 * here. Style attributes are allowed (`style-src-attr`): React renders data-driven colours as `style`, and
 * an attribute cannot run code; `<style>` elements need the nonce like scripts do.
 */
export function contentSecurityPolicy(nonce: string, { development }: SecurityOptions): string {
	// Development: Vite injects <style> elements for hot-reloaded CSS without a nonce.
	return policy([`'nonce-${nonce}'`], development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`], {
		development,
	})
}

/**
 * The policy of a public page kept in memory and served to every reader (app/server/http-cache.server.ts):
 * the same, but its inline scripts and styles are allowed by their hashes (`'sha256-…'`), not by a nonce.
 */
export function hashedContentSecurityPolicy(scriptHashes: string[], styleHashes: string[]): string {
	return policy(scriptHashes, styleHashes, { development: false })
}

function policy(scripts: string[], styles: string[], { development }: SecurityOptions): string {
	const directives: Record<string, string[]> = {
		'default-src': ["'self'"],
		'script-src': ["'self'", ...scripts],
		'style-src': ["'self'", ...styles],
		'style-src-attr': ["'unsafe-inline'"],
		'img-src': ["'self'", 'data:'],
		'font-src': ["'self'"],
		// Development: Vite's hot-reload websocket.
		'connect-src': development ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
		'object-src': ["'none'"],
		'base-uri': ["'none'"],
		'form-action': ["'self'"],
		'frame-ancestors': ["'none'"],
	}
	return Object.entries(directives)
		.map(([name, values]) => `${name} ${values.join(' ')}`)
		.join('; ')
}

/** The embeds (app/routes/embed/), the only addresses another site may frame. */
export function isEmbedPath(path: string): boolean {
	return path.startsWith('/embed/')
}

/**
 * An embed's policy: framable by any site (`frame-ancestors *`), and nothing else: no script at all, its own
 * inline styles (a card is one self-contained document), images from here, no form.
 */
export const embedContentSecurityPolicy =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *"

/** Headers on every response, and a fresh CSP nonce per request in `res.locals.cspNonce`. */
export function securityHeaders(options: SecurityOptions) {
	return (req: Request, res: Response, next: NextFunction) => {
		const nonce = randomBytes(16).toString('base64')
		res.locals.cspNonce = nonce
		const embed = isEmbedPath(req.path)
		res.setHeader(
			'Content-Security-Policy',
			embed ? embedContentSecurityPolicy : contentSecurityPolicy(nonce, options),
		)
		res.setHeader('X-Content-Type-Options', 'nosniff')
		res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
		if (!embed) res.setHeader('X-Frame-Options', 'DENY')
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
		res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
		// Production only: on a development machine it would pin localhost to https for a year. Without
		// includeSubDomains, as this app cannot know what else lives under its domain.
		if (!options.development) res.setHeader('Strict-Transport-Security', 'max-age=63072000')
		next()
	}
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Why a request that can change something must be refused as cross-site, or null when it may proceed:
 * its Origin (or, when a browser sends none, its Referer) must name the site's public host (`host`: see
 * app/auth/public-origin.server.ts). A request with neither is refused too: every browser sends one of them
 * on a form post or a fetch.
 */
export function crossSiteRefusal(
	method: string,
	host: string | undefined,
	header: (name: string) => string | null | undefined,
): string | null {
	if (safeMethods.has(method.toUpperCase())) return null
	if (!host) return 'it names no host'
	const origin = header('origin')
	const source = origin ?? header('referer')
	if (!source) return 'it carries neither Origin nor Referer'
	if (source === 'null') return 'it comes from an opaque origin'
	let sourceHost: string
	try {
		sourceHost = new URL(source).host
	} catch {
		return 'its Origin or Referer is not a URL'
	}
	return sourceHost === host.toLowerCase() ? null : 'it comes from another site'
}

/** Answers 403 to a cross-site POST (or PUT, PATCH, DELETE) before it reaches any action. */
export function refuseCrossSiteRequests() {
	return (req: Request, res: Response, next: NextFunction) => {
		const publicOrigin = publicOriginOf(req)
		const host = publicOrigin && new URL(publicOrigin).host
		const refusal = crossSiteRefusal(req.method, host, (name) => req.get(name))
		if (!refusal) return next()
		res
			.status(403)
			.type('text/plain')
			.send(
				`Refused: this ${req.method} request was not sent from a page of this site (${refusal}). ` +
					'If you submitted a form on Uade, reload the page and try again.',
			)
	}
}

/** What every loader and action gets as `context`. */
export function getLoadContext(req: Request, res: Response) {
	const nonce: unknown = res.locals.cspNonce
	return {
		cspNonce: typeof nonce === 'string' ? nonce : '',
		// Null unless an IP address: with UADE_TRUST_PROXY it comes from X-Forwarded-For, which a client
		// reaching the port directly can fill with any string.
		clientIp: validIpAddress(req.ip),
		// From requestLogging (app/server/log.server.ts); absent when a test calls a loader without it.
		log: req.log,
		requestId: typeof req.id === 'string' ? req.id : undefined,
	}
}
