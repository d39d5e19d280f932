import http from 'node:http'
import { createAccountInDatabase } from './support/accounts'
import { expect, test } from './support/fixtures'

// The production server's limits and health checks over plain HTTP (README, "Health and limits"): what
// an attacker or an operator sends, not what a browser does. One browser project is enough.
test.beforeEach(() => {
	test.skip(test.info().project.name !== 'desktop', 'HTTP only: one browser project is enough')
})

type Answer = { status: number; text: string; headers: http.IncomingHttpHeaders }

/** Sends a request's head and `body` (all of it, or the start of a longer one), and reads the answer. */
function send(
	baseURL: string,
	{
		method,
		path,
		headers,
		body = '',
		localAddress,
	}: {
		method: string
		path: string
		headers: Record<string, string>
		body?: string
		/** The client's own address: any of 127.0.0.0/8 reaches this machine, each a visitor of its own. */
		localAddress?: string
	},
) {
	const url = new URL(path, baseURL)
	return new Promise<Answer>((resolve, reject) => {
		const request = http.request(url, { method, headers, localAddress }, (response) => {
			let text = ''
			response.setEncoding('utf8')
			response.on('data', (chunk: string) => (text += chunk))
			response.on('end', () => resolve({ status: response.statusCode ?? 0, text, headers: response.headers }))
		})
		// The server may close the connection while the rest of a refused body is still due.
		request.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error)
		})
		request.write(body)
		if (!headers['Content-Length'] || Number(headers['Content-Length']) <= Buffer.byteLength(body))
			request.end()
	})
}

test('a 50 MB sign-in is refused from its head; JSON, TRACE and a broken form are refused, never a 500', async ({
	baseURL,
}) => {
	const origin = baseURL ?? ''
	/** A post to the sign-in form of `type`, its length as sent. */
	const postSignIn = (type: string, body: string) =>
		send(origin, {
			method: 'POST',
			path: '/sign-in',
			headers: { Origin: origin, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) },
			body,
		})
	const huge = await send(origin, {
		method: 'POST',
		path: '/sign-in',
		headers: {
			Origin: origin,
			'Content-Type': 'application/x-www-form-urlencoded',
			'Content-Length': String(50 * 1024 * 1024),
		},
		body: 'email=a%40b.c&password=x',
	})
	// Answered from the head: the rest of the 50 MB is never sent, so waiting for it would never end.
	expect(huge.status).toBe(413)
	expect(huge.text).toBe('This form is too large: at most 16 KiB may be posted here.')

	const json = await postSignIn('application/json', '{}')
	expect(json.status).toBe(415)

	const trace = await send(origin, { method: 'TRACE', path: '/en', headers: {} })
	expect(trace.status).toBe(405)
	expect(trace.headers.allow).toBe('GET, HEAD, POST, OPTIONS')

	const multipart = await postSignIn('multipart/form-data; boundary=abc', 'garbage without a boundary')
	expect(multipart.status).toBe(400)

	const conformBomb = await postSignIn(
		'application/x-www-form-urlencoded',
		'email=a%40b.c&x%5B100000000%5D=1',
	)
	expect(conformBomb.status).toBe(400)

	// Addresses the router would read as a link to another host (`/\\` and `/\t/` become `//`): a 400, not a 500;
	// a backslash in a query string is only a search term.
	for (const path of ['/%5C', '/%5C?x=1', '/%09/', '/%0A/', '/%E0%A4%A']) {
		const answer = await send(origin, { method: 'GET', path, headers: {} })
		expect(answer.status, path).toBe(400)
	}
	const search = await send(origin, {
		method: 'GET',
		path: '/en/platforms/fair-kazakhstan-2022/pledges?q=%5C',
		headers: {},
	})
	expect(search.status).toBe(200)

	// The server is still there, and quick.
	const health = await send(origin, { method: 'GET', path: '/healthz', headers: {} })
	expect(health).toMatchObject({ status: 200, text: 'ok' })
})

test('the server is alive and ready: its database answers and has every migration', async ({ request }) => {
	const alive = await request.get('/healthz')
	expect(alive.status()).toBe(200)
	expect(await alive.text()).toBe('ok')
	const ready = await request.get('/readyz')
	expect(ready.status()).toBe(200)
	expect(await ready.text()).toBe('ready')
	expect(ready.headers()['cache-control']).toBe('no-store')
})

test('failed sign-ins hold back the addresses that make them, never the owner’s right password from another', async ({
	baseURL,
	server,
}) => {
	const origin = baseURL ?? ''
	const account = await createAccountInDatabase(server, { role: 'FACT_CHECKER' })
	const signIn = (localAddress: string, password: string) => {
		const body = new URLSearchParams({ email: account.email, password }).toString()
		return send(origin, {
			method: 'POST',
			path: '/sign-in',
			headers: {
				Origin: origin,
				'Content-Type': 'application/x-www-form-urlencoded',
				'Content-Length': String(Buffer.byteLength(body)),
			},
			body,
			localAddress,
		})
	}
	// Twelve guessing addresses of this test's own (no other test signs in from 127.0.0.20 to .31) fail once
	// each: every guess is checked, and the account's failures make each address wait 15 minutes.
	for (let guesser = 20; guesser <= 31; guesser++) {
		expect((await signIn(`127.0.0.${guesser}`, 'a wrong guess')).status).toBe(400)
	}
	const refused = await signIn('127.0.0.31', account.password)
	expect(refused.status).toBe(429)
	expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60)
	expect(refused.text).toContain('Too many unsuccessful sign-in attempts. Try again in 15 minutes.')
	expect(refused.headers['set-cookie']).toBeUndefined()

	const owner = await signIn('127.0.0.40', account.password)
	expect(owner.status).toBe(302)
	expect(owner.headers['set-cookie']?.[0]).toMatch(/^uade_session=/)
})
