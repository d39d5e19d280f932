import http, { type Server } from 'node:http'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bodyLimitFor, limitRefusal, requestLimits } from './limits.server'

const form = 'application/x-www-form-urlencoded'

function refusalOf(method: string, path: string, headers: Record<string, string> = {}) {
	const lower = Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	)
	return limitRefusal({ method, path, header: (name) => lower[name.toLowerCase()] })?.status ?? null
}

describe('what is refused before a body is read', () => {
	test('an address with a backslash, a control character or broken percent-encoding is a 400', () => {
		for (const path of [
			'/%5C',
			'/%5c/',
			'/en/%5C%5C',
			'/%09/',
			'/%0A/',
			'/%00',
			'/x%7F',
			'/%E0%A4%A',
			'/%',
		]) {
			expect(refusalOf('GET', path), path).toBe(400)
		}
		expect(limitRefusal({ method: 'GET', path: '/%5C', header: () => undefined })?.message).toBe(
			'This address holds a backslash or a control character; no page of this site has one.',
		)
		for (const path of ['/', '/en/platforms/fair-kazakhstan', '/ru/%D1%8F', '/a%20b']) {
			expect(refusalOf('GET', path), path).toBeNull()
		}
	})

	test('a method the site does not answer is a 405 naming the ones it does', () => {
		for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'CONNECT']) {
			expect(refusalOf(method, '/')).toBe(405)
		}
		const refusal = limitRefusal({ method: 'TRACE', path: '/', header: () => undefined })
		expect(refusal?.headers).toEqual({ Allow: 'GET, HEAD, POST, OPTIONS' })
		for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(refusalOf(method, '/en')).toBeNull()
	})

	test('a post that is not a form (JSON, text, nothing said) is a 415', () => {
		for (const type of ['application/json', 'text/plain', 'application/xml', '']) {
			expect(refusalOf('POST', '/sign-in', { 'Content-Type': type, 'Content-Length': '10' })).toBe(415)
		}
		expect(refusalOf('POST', '/sign-in', { 'Content-Length': '10' })).toBe(415)
		for (const type of [
			form,
			'multipart/form-data; boundary=x',
			'Application/X-WWW-Form-Urlencoded; charset=utf-8',
		]) {
			expect(refusalOf('POST', '/sign-in', { 'Content-Type': type, 'Content-Length': '10' })).toBeNull()
		}
	})

	test('a form that does not say its length is a 411; one longer than its address takes, a 413', () => {
		expect(refusalOf('POST', '/sign-in', { 'Content-Type': form })).toBe(411)
		expect(refusalOf('POST', '/sign-in', { 'Content-Type': form, 'Content-Length': '1e9' })).toBe(411)
		const signIn = bodyLimitFor('/sign-in')
		expect(signIn).toBe(16 * 1024)
		expect(
			refusalOf('POST', '/sign-in', { 'Content-Type': form, 'Content-Length': String(signIn) }),
		).toBeNull()
		expect(
			refusalOf('POST', '/sign-in', { 'Content-Type': form, 'Content-Length': String(signIn + 1) }),
		).toBe(413)
		// A staff form may be larger: a pledge with its steps and three languages.
		const staff = bodyLimitFor('/admin/catalogue/pledges/new')
		expect(staff).toBe(256 * 1024)
		expect(
			refusalOf('POST', '/admin/catalogue/pledges/new', { 'Content-Type': form, 'Content-Length': '100000' }),
		).toBeNull()
		expect(
			refusalOf('POST', '/admin/catalogue/pledges/new', {
				'Content-Type': form,
				'Content-Length': String(50 * 1024 * 1024),
			}),
		).toBe(413)
	})
})

describe('the limits in front of the site', () => {
	let server: Server
	let port: number
	/** How many bytes of body the page behind the limits has read, over all requests. */
	let bytesRead = 0

	beforeAll(async () => {
		const app = express()
		app.use(requestLimits())
		app.all('*', (req, res) => {
			req.on('data', (chunk: Buffer) => (bytesRead += chunk.length))
			req.on('end', () => res.type('text/plain').send('read'))
		})
		server = await new Promise<Server>((resolve) => {
			const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
		})
		const address = server.address()
		if (address === null || typeof address === 'string') throw new Error('not listening on a port')
		port = address.port
	})

	afterAll(() => {
		server.close()
	})

	/** Sends the head of a request and `body` (a part of it, or all), and reads the answer. */
	function send(method: string, path: string, headers: Record<string, string>, body = '') {
		return new Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }>(
			(resolve, reject) => {
				const request = http.request({ host: '127.0.0.1', port, method, path, headers }, (response) => {
					let text = ''
					response.setEncoding('utf8')
					response.on('data', (chunk: string) => (text += chunk))
					response.on('end', () =>
						resolve({ status: response.statusCode ?? 0, text, headers: response.headers }),
					)
				})
				// The server may close the connection while the rest of a refused body is still due.
				request.on('error', (error: NodeJS.ErrnoException) => {
					if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error)
				})
				request.write(body)
				// A body declared longer than sent is left unfinished: the answer must come without it.
				if (!headers['Content-Length'] || Number(headers['Content-Length']) <= body.length) request.end()
			},
		)
	}

	test('a 50 MB sign-in is answered 413 from its head, its body never read', async () => {
		const before = bytesRead
		const answer = await send(
			'POST',
			'/sign-in',
			{ 'Content-Type': form, 'Content-Length': String(50 * 1024 * 1024) },
			'email=a%40b.c&password=',
		)
		expect(answer.status).toBe(413)
		expect(answer.text).toBe('This form is too large: at most 16 KiB may be posted here.')
		expect(answer.headers['cache-control']).toBe('no-store')
		expect(bytesRead).toBe(before)
	})

	test('an import of 50 MB is answered 413 from its head, saying the limit; one of 20 MB goes through', async () => {
		const multipart = 'multipart/form-data; boundary=x'
		const before = bytesRead
		const large = await send('POST', '/admin/import', {
			'Content-Type': multipart,
			'Content-Length': String(50 * 1024 * 1024),
		})
		expect(large.status).toBe(413)
		expect(large.text).toBe('This form is too large: at most 20 MB may be posted here.')
		expect(bytesRead).toBe(before)
		expect(
			refusalOf('POST', '/admin/import', {
				'Content-Type': multipart,
				'Content-Length': String(20 * 1024 * 1024 + 4096),
			}),
		).toBeNull()
	})

	test('a form sent in chunks of unknown length is a 411; JSON a 415; TRACE a 405', async () => {
		const before = bytesRead
		const chunked = await send(
			'POST',
			'/sign-in',
			{ 'Content-Type': form, 'Transfer-Encoding': 'chunked' },
			'a=1',
		)
		expect(chunked.status).toBe(411)
		const json = await send(
			'POST',
			'/sign-in',
			{ 'Content-Type': 'application/json', 'Content-Length': '2' },
			'{}',
		)
		expect(json.status).toBe(415)
		const trace = await send('TRACE', '/', {})
		expect(trace.status).toBe(405)
		expect(trace.headers.allow).toBe('GET, HEAD, POST, OPTIONS')
		expect(bytesRead).toBe(before)
	})

	test('a form within its limit reaches the page, whole', async () => {
		const before = bytesRead
		const body = 'email=a%40b.c&password=' + 'x'.repeat(1000)
		const answer = await send(
			'POST',
			'/sign-in',
			{ 'Content-Type': form, 'Content-Length': String(body.length) },
			body,
		)
		expect(answer).toMatchObject({ status: 200, text: 'read' })
		expect(bytesRead - before).toBe(body.length)
	})
})
