import type { Server } from 'node:http'

/** How long a shutdown waits for requests in flight before it closes their connections. */
export const drainDeadlineMs = 10_000

/**
 * Stops `server` taking requests and waits for the ones in flight to be answered, whole; resolves with
 * whether they all were (false when `deadlineMs` ran out first and the rest were cut off). Idle keep-alive
 * connections are closed at once, and the others as soon as their answer is sent.
 */
export function drain(server: Server, deadlineMs = drainDeadlineMs): Promise<boolean> {
	return new Promise((resolve) => {
		// A keep-alive connection goes idle when its answer is sent: closed then, not at its idle timeout.
		const idleSweep = setInterval(() => server.closeIdleConnections(), 50)
		const timer = setTimeout(() => {
			clearInterval(idleSweep)
			server.closeAllConnections()
			resolve(false)
		}, deadlineMs)
		server.close(() => {
			clearInterval(idleSweep)
			clearTimeout(timer)
			resolve(true)
		})
		server.closeIdleConnections()
	})
}
