import type { IncomingMessage, Server, ServerResponse } from 'node:http'

/** How long a shutdown waits for requests in flight before it closes their connections. */
export const drainDeadlineMs = 10_000

/**
 * How long a draining server keeps taking connections before it closes its port. A connection the system
 * has accepted but the process has not yet picked up (one sent a few milliseconds before the signal, or
 * while the event loop was busy) would be reset when the port closes; during this grace it is answered,
 * with `Connection: close`, and `/readyz` says 503 so that a load balancer sends no more.
 */
export const drainGraceMs = 1_000

let draining = false

/** Whether this process has begun to shut down: `/readyz` answers 503 from then on. */
export function isDraining(): boolean {
	return draining
}

/**
 * Stops `server` taking requests and waits for the ones in flight to be answered, whole; resolves with
 * whether they all were (false when `deadlineMs` ran out first and the rest were cut off). For `graceMs`
 * it still takes connections, each answer closing its own; then the port closes, idle keep-alive
 * connections are closed at once, and the others as soon as their answer is sent.
 */
export function drain(
	server: Server,
	{ deadlineMs = drainDeadlineMs, graceMs = drainGraceMs }: { deadlineMs?: number; graceMs?: number } = {},
): Promise<boolean> {
	draining = true
	// First of the request listeners, before the app has written a header.
	const closeAfterAnswer = (_req: IncomingMessage, res: ServerResponse) => {
		res.setHeader('Connection', 'close')
	}
	server.prependListener('request', closeAfterAnswer)
	server.closeIdleConnections()
	return new Promise((resolve) => {
		let idleSweep: NodeJS.Timeout | undefined
		const timer = setTimeout(() => {
			clearInterval(idleSweep)
			server.closeAllConnections()
			resolve(false)
		}, graceMs + deadlineMs)
		setTimeout(() => {
			// A keep-alive connection goes idle when its answer is sent: closed then, not at its idle timeout.
			idleSweep = setInterval(() => server.closeIdleConnections(), 50)
			server.close(() => {
				clearInterval(idleSweep)
				clearTimeout(timer)
				resolve(true)
			})
			server.closeIdleConnections()
		}, graceMs)
	})
}
