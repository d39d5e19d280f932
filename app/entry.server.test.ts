import { describe, expect, test } from 'vitest'
import { capturedLogger } from '~/test/log'
import { handleError } from './entry.server'

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
