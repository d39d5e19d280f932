import { PassThrough } from 'node:stream'
import type { EntryContext } from '@remix-run/node'
import { createElement } from 'react'
import { renderToPipeableStream } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { DatabaseOutage } from '~/server/outage.server'
import { capturedLogger } from '~/test/log'
import handleRequest, { handleDataRequest, handleError, withoutNulBytes } from './entry.server'

describe("Remix's handleError", () => {
	test("a server error is logged with the request's id; a 4xx answer or a visitor who left is not", () => {
		const { log, records } = capturedLogger({ secrets: () => [] })
		const context = { log: log.child({ requestId: 'request-1' }), requestId: 'request-1' }
		const left = new AbortController()
		left.abort()

		handleError(new Error('a loader failed (handleError test)'), {
			request: new Request('http://localhost/en', { signal: left.signal }),
			context,
		})
		// What Remix hands over for a thrown 404 (an ErrorResponse).
		const notFound = { status: 404, statusText: 'Not Found', internal: false, data: 'No such pledge' }
		handleError(notFound, { request: new Request('http://localhost/en'), context })
		expect(records()).toEqual([])

		handleError(new Error('a loader failed (handleError test)'), {
			request: new Request('http://localhost/en'),
			context,
		})
		expect(records()).toEqual([
			expect.objectContaining({
				level: 'error',
				requestId: 'request-1',
				msg: 'Error: a loader failed (handleError test)',
			}),
		])
	})
})

describe('a loader that failed because every database connection was busy', () => {
	test('its page and its data request are a 503 with Retry-After, and the error is logged once', async () => {
		// The database answers its own probe: busy, not gone, so no outage opens.
		const outage = new DatabaseOutage({ probe: async () => {}, log: () => {} })
		globalThis.uadeDatabaseOutage = outage
		const { log, records } = capturedLogger({ secrets: () => [] })
		const context = { log: log.child({ requestId: 'request-2' }), requestId: 'request-2' }
		const busy = new Error('timeout exceeded when trying to connect')

		const page = new Request('http://localhost/ru/platforms/fair-kazakhstan-2022')
		handleError(busy, { request: page, context })
		// What production Remix hands handleRequest: a sanitized copy of the loader's error.
		const remixContext = {
			staticHandlerContext: { errors: { root: new Error('Unexpected Server Error') } },
		} as unknown as EntryContext
		const answer = await handleRequest(page, 500, new Headers(), remixContext, context)
		expect(answer.status).toBe(503)
		expect(answer.headers.get('Retry-After')).toBe('5')
		expect(await answer.text()).toContain('lang="ru"')

		const data = new Request('http://localhost/en/platforms/fair-kazakhstan-2022.data')
		handleError(busy, { request: data, context })
		const dataAnswer = await handleDataRequest(new Response('sanitized', { status: 500 }), {
			request: data,
			context,
			params: {},
		})
		expect(dataAnswer.status).toBe(503)

		expect(outage.active).toBe(false)
		expect(records()).toEqual([
			expect.objectContaining({ level: 'error', requestId: 'request-2', msg: `Error: ${busy.message}` }),
		])
		outage.stop()
		globalThis.uadeDatabaseOutage = undefined
	})
})

describe('the HTML stream', () => {
	test('has no NUL byte where React 18 leaves one at a full buffer (a long Kazakh text)', async () => {
		// Text runs that straddle React's 2 kB buffers at every offset, in two-byte letters and ASCII.
		const runs = Array.from(
			{ length: 64 },
			(_, index) => `${'a'.repeat(index)}${'Көрсеткіштің өлшем бірлігі '.repeat(9)}`,
		)
		const html = (through: boolean) =>
			new Promise<Buffer>((resolve, reject) => {
				const chunks: Buffer[] = []
				const { pipe } = renderToPipeableStream(
					createElement(
						'ul',
						null,
						runs.map((run, index) => createElement('li', { key: index }, run)),
					),
					{
						onAllReady() {
							const target = through ? withoutNulBytes() : new PassThrough()
							target.on('data', (chunk: Buffer) => chunks.push(chunk))
							target.on('end', () => resolve(Buffer.concat(chunks)))
							pipe(target)
						},
						onError: reject,
					},
				)
			})
		// What React alone sends has them (if it ever stops, this test says so: the guard may go).
		expect((await html(false)).includes(0)).toBe(true)
		const cleaned = (await html(true)).toString('utf8')
		expect(cleaned).not.toContain('\u0000')
		for (const run of runs) expect(cleaned).toContain(`<li>${run}</li>`)
	})
})
