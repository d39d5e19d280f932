import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { createRequestHandler as createRemixRequestHandler, type ServerBuild } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

/**
 * Remix behind Express, as @remix-run/express does it but for one thing: a streamed answer's body is piped
 * to the socket with backpressure. @remix-run/express writes each chunk as soon as it is read, whatever the
 * socket can take, so a download to a slow reader would sit in this process's memory whole; here a chunk is
 * read only once the last one is on its way (docs/decisions/019-downloads-streamed-by-copy.md), and a
 * reader who leaves cancels the body's stream (a download's COPY ends with it).
 */
export function remixRequestHandler({
	build,
	getLoadContext,
}: {
	build: ServerBuild
	getLoadContext: (req: ExpressRequest, res: ExpressResponse) => Record<string, unknown>
}) {
	const handle = createRemixRequestHandler(build, 'production')
	return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
		try {
			const request = remixRequest(req, res)
			const response = await handle(request, getLoadContext(req, res))
			await sendResponse(res, response)
		} catch (error) {
			// The reader left mid-answer: nothing to report, nobody to answer.
			if (res.destroyed && isPrematureClose(error)) return
			next(error)
		}
	}
}

function isPrematureClose(error: unknown): boolean {
	return (
		error instanceof Error &&
		'code' in error &&
		(error.code === 'ERR_STREAM_PREMATURE_CLOSE' || error.code === 'ABORT_ERR')
	)
}

/** The request as Remix sees it (@remix-run/express's createRemixRequest): aborted if the reader leaves. */
function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
	const [, forwardedPort] = req.get('X-Forwarded-Host')?.split(':') ?? []
	const [, hostPort] = req.get('host')?.split(':') ?? []
	const port = [forwardedPort, hostPort]
		.map((text) => Number.parseInt(text ?? '', 10))
		.find(Number.isSafeInteger)
	// req.hostname follows the "trust proxy" setting; originalUrl is the whole path.
	const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
	let controller: AbortController | null = new AbortController()
	res.on('finish', () => (controller = null))
	res.on('close', () => controller?.abort())
	const headers = new Headers()
	for (const [name, values] of Object.entries(req.headers)) {
		if (values === undefined) continue
		for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value)
	}
	const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal }
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>
		init.duplex = 'half'
	}
	return new Request(url.href, init)
}

async function sendResponse(res: ExpressResponse, response: Response) {
	res.statusMessage = response.statusText
	res.status(response.status)
	for (const [name, value] of response.headers.entries()) res.append(name, value)
	if (!response.body) {
		res.end()
		return
	}
	if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
	// The response already has close listeners of the logger, compression, on-finished and the page cache;
	// the pipeline's own take it past Node's default of 10, which warns of a leak on every page (there is none:
	// they all go with the response).
	res.setMaxListeners(Math.max(res.getMaxListeners(), 20))
	await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), res)
}
