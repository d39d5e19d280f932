import { Transform } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { keepSignedInResponsesPrivate } from '~/auth/session.server'
import { NonceProvider } from '~/components/nonce'
import { reportError } from '~/server/log.server'
import { installRouteMatchCache } from '~/server/route-matching.server'
import {
	databaseOutage,
	noteRequestError,
	outageDataResponse,
	outageResponseFor,
} from '~/server/outage.server'

// Route matching remembered across requests (ADR 021: a fifth of a render's CPU went to it).
installRouteMatchCache()

export const streamTimeout = 5_000

/**
 * React 18.3's streaming renderer can leave up to three NUL bytes in the HTML where a character of two or
 * more bytes in UTF-8 (every Cyrillic letter) does not fit at the end of its 2 kB buffer: it sends the
 * whole buffer, unfilled tail and all (facebook/react#31134; fixed only in React 19). A browser shows them
 * as stray marks, or breaks a word with them. The HTML never holds a NUL of its own (PostgreSQL's text
 * cannot store one, and React would not write one into markup), so every NUL byte is one of these: dropped.
 */
export function withoutNulBytes(): Transform {
	return new Transform({
		transform(chunk: Buffer, _encoding, done) {
			if (chunk.indexOf(0) === -1) return done(null, chunk)
			const kept = Buffer.allocUnsafe(chunk.length)
			let length = 0
			for (const byte of chunk) if (byte !== 0) kept[length++] = byte
			done(null, kept.subarray(0, length))
		},
	})
}

/**
 * Reports server errors, once per cause, with the request's id (app/server/log.server.ts); a 404 or another
 * answer about the request, or a visitor who left, is not one.
 */
export function handleError(
	error: unknown,
	{ request, context }: { request: Request; context: AppLoadContext },
) {
	if (request.signal.aborted) return
	if (isRouteErrorResponse(error) && error.status < 500) return
	// The database's failure: a 503 for this request (app/server/outage.server.ts). Unreachable, it is logged
	// once for the whole outage; every connection busy (no outage), once per cause like any other error.
	if (noteRequestError(request, error) && databaseOutage().active) return
	reportError(error, { log: context.log, requestId: context.requestId })
}

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	// A loader or action that failed for want of the database: a 503, not the 500 error page.
	const outage = outageResponseFor(request, remixContext.staticHandlerContext.errors)
	if (outage) return outage
	// From the Express middleware that put it in the Content-Security-Policy (app/server/security.server.ts).
	const nonce = loadContext.cspNonce
	// Crawlers and no-JavaScript readers get the whole document at once; browsers get it streamed.
	const waitForAll = isbot(request.headers.get('user-agent') ?? '')
	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce ?? ''}>
				<RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
			</NonceProvider>,
			{
				nonce,
				[waitForAll ? 'onAllReady' : 'onShellReady']() {
					shellRendered = true
					const body = withoutNulBytes()
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					keepSignedInResponsesPrivate(request, responseHeaders)
					resolve(
						new Response(createReadableStreamFromReadable(body), {
							headers: responseHeaders,
							status: responseStatusCode,
						}),
					)
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					// Errors after the shell was sent are reported; before it, onShellError handles them.
					if (shellRendered && !request.signal.aborted) {
						reportError(error, { log: loadContext.log, requestId: loadContext.requestId })
					}
				},
			},
		)
		setTimeout(abort, streamTimeout + 1_000)
	})
}

export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
	const outage = outageDataResponse(request)
	if (outage) return outage
	keepSignedInResponsesPrivate(request, response.headers)
	return response
}
