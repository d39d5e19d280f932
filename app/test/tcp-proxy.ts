import net from 'node:net'

/**
 * A TCP proxy in front of the test PostgreSQL server, to play its faults without touching the server the
 * other tests share: `freeze()` holds every byte either way (a server stopped with SIGSTOP: connections
 * open, nothing answered), `cut()` closes every connection and refuses new ones (a killed server),
 * `restore()` undoes either.
 */
export async function startTcpProxy(targetUrl: string) {
	const target = new URL(targetUrl)
	const sockets = new Set<net.Socket>()
	let frozen = false
	const held: Array<{ to: net.Socket; chunk: Buffer }> = []
	const forward = (from: net.Socket, to: net.Socket) =>
		from.on('data', (chunk: Buffer) => (frozen ? held.push({ to, chunk }) : to.write(chunk)))
	const server = net.createServer((client) => {
		const upstream = net.connect({ host: target.hostname, port: Number(target.port || 5432) })
		for (const socket of [client, upstream]) {
			sockets.add(socket)
			socket.on('close', () => {
				sockets.delete(socket)
				client.destroy()
				upstream.destroy()
			})
			socket.on('error', () => socket.destroy())
		}
		forward(client, upstream)
		forward(upstream, client)
	})
	const listen = (port: number) =>
		new Promise<number>((resolve, reject) => {
			server.once('error', reject)
			server.listen(port, '127.0.0.1', () => {
				server.removeListener('error', reject)
				const address = server.address()
				resolve(typeof address === 'object' && address ? address.port : port)
			})
		})
	const closeAll = async () => {
		held.length = 0
		for (const socket of sockets) socket.destroy()
		if (server.listening) await new Promise((resolve) => server.close(resolve))
	}
	const port = await listen(0)
	return {
		port,
		/** `url` (a connection string to the target server) through the proxy. */
		through(url: string) {
			const proxied = new URL(url)
			proxied.hostname = '127.0.0.1'
			proxied.port = String(port)
			return proxied.toString()
		},
		freeze() {
			frozen = true
		},
		cut: closeAll,
		async restore() {
			frozen = false
			for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk)
			if (!server.listening) await listen(port)
		},
		close: closeAll,
	}
}
