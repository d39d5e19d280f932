import http, { type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { drain, isDraining } from './drain.server'

let server: Server | undefined

afterEach(() => {
	server?.closeAllConnections()
	server?.close()
})

/** A server whose answers take `delayMs`, then send a body of 100 lines, one chunk at a time. */
async function slowServer(delayMs: number) {
	const started = http.createServer((_req, res) => {
		setTimeout(() => {
			res.writeHead(200, { 'Content-Type': 'text/plain' })
			let line = 0
			const writeLine = () => {
				if (line === 100) return res.end()
				res.write(`line ${line++}\n`)
				setImmediate(writeLine)
			}
			writeLine()
		}, delayMs)
	})
	await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve))
	server = started
	return { server: started, port: (started.address() as AddressInfo).port }
}

function get(port: number, agent?: http.Agent) {
	return new Promise<{ status: number; lines: number }>((resolve, reject) => {
		http
			.get({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
				let text = ''
				response.setEncoding('utf8')
				response.on('data', (chunk: string) => (text += chunk))
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, lines: text.split('\n').length - 1 }),
				)
				response.on('error', reject)
			})
			.on('error', reject)
	})
}

/** Resolves once the server has `count` requests in hand (they are waiting to be answered). */
function requestsInHand(target: Server, count: number) {
	let seen = 0
	return new Promise<void>((resolve) => {
		target.on('request', () => {
			if (++seen === count) resolve()
		})
	})
}

describe('draining the server on shutdown', () => {
	test('requests in flight are answered whole; new ones are refused; then it resolves', async () => {
		const { server: slow, port } = await slowServer(300)
		const inHand = requestsInHand(slow, 20)
		const inFlight = Array.from({ length: 20 }, () => get(port))
		await inHand
		const drained = drain(slow, { graceMs: 200 })
		expect(isDraining()).toBe(true)
		// Once the grace is over, the port takes no new connection.
		await new Promise((resolve) => setTimeout(resolve, 300))
		await expect(get(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
		const answers = await Promise.all(inFlight)
		expect(answers).toEqual(Array.from({ length: 20 }, () => ({ status: 200, lines: 100 })))
		expect(await drained).toBe(true)
	})

	test('a connection made during the grace is answered, whole, and closed after its answer', async () => {
		const { server: slow, port } = await slowServer(0)
		const drained = drain(slow, { graceMs: 500 })
		// As a request sent a moment before the signal, picked up only after it.
		const late = await new Promise<{ status: number; connection: string | undefined; lines: number }>(
			(resolve, reject) => {
				http
					.get(
						{ host: '127.0.0.1', port, path: '/', agent: new http.Agent({ keepAlive: true }) },
						(response) => {
							let text = ''
							response.setEncoding('utf8')
							response.on('data', (chunk: string) => (text += chunk))
							response.on('end', () =>
								resolve({
									status: response.statusCode ?? 0,
									connection: response.headers.connection,
									lines: text.split('\n').length - 1,
								}),
							)
						},
					)
					.on('error', reject)
			},
		)
		expect(late).toEqual({ status: 200, connection: 'close', lines: 100 })
		expect(await drained).toBe(true)
	})

	test('an idle keep-alive connection does not hold the shutdown up', async () => {
		const { server: slow, port } = await slowServer(0)
		const agent = new http.Agent({ keepAlive: true })
		expect(await get(port, agent)).toEqual({ status: 200, lines: 100 })
		// The agent's socket stays open, idle; draining must not wait for it (nor for the deadline).
		expect(await drain(slow, { deadlineMs: 60_000, graceMs: 0 })).toBe(true)
		agent.destroy()
	})

	test('past the deadline, what is still in flight is cut off and it resolves false', async () => {
		const { server: slow, port } = await slowServer(60_000)
		const inHand = requestsInHand(slow, 1)
		const stuck = get(port).catch((error: NodeJS.ErrnoException) => error.code)
		await inHand
		expect(await drain(slow, { deadlineMs: 100, graceMs: 0 })).toBe(false)
		expect(await stuck).toBe('ECONNRESET')
	})
})
