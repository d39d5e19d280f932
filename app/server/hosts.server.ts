import type { NextFunction, Request, Response } from 'express'
import { addressedOrigin } from '~/auth/public-origin.server'
import { env } from '~/env.server'

function refuse(res: Response, status: number, text: string) {
	// end, not send: no ETag for a refusal.
	res.status(status).set('Cache-Control', 'no-store').type('text/plain').end(text)
}

/**
 * Before anything that builds a page, a link, a cookie or a cache key (after the health checks, which answer
 * on any host: compose asks 127.0.0.1): settles which host this request is for (app/auth/public-origin.server.ts).
 *
 * - No valid host: 400.
 * - UADE_PUBLIC_URL set and another host addressed: 421 Misdirected Request, never cached.
 * - Otherwise the request goes on with that one host as its Host and without X-Forwarded-Host, so that every
 *   later reader agrees: Remix's adapter (which would take X-Forwarded-Host's port even from an untrusted
 *   peer), Remix's own Origin check, the page cache and the cross-site check.
 */
export function resolveRequestHost() {
	return (req: Request, res: Response, next: NextFunction) => {
		const origin = addressedOrigin(req)
		if (!origin) return refuse(res, 400, 'Refused: this request names no valid host.')
		const host = new URL(origin).host
		const { UADE_PUBLIC_URL } = env()
		const publicHost = UADE_PUBLIC_URL && new URL(UADE_PUBLIC_URL).host
		if (publicHost && host !== publicHost) {
			return refuse(res, 421, `Refused: this server answers for ${publicHost}, not for ${host}.`)
		}
		req.headers.host = host
		delete req.headers['x-forwarded-host']
		next()
	}
}
