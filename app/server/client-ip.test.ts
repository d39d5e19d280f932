import type { Server } from 'node:http'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { getLoadContext } from './security.server'

// Behind a proxy (UADE_TRUST_PROXY) Express reads the client's address from X-Forwarded-For. When the app's
// port is reachable directly, anyone can send that header with anything in it: what reaches loaders and
// actions (and from there sessions, the audit log and the sign-in counts) must be an IP address or null.

let server: Server
let origin: string

beforeAll(async () => {
	const app = express()
	// As UADE_TRUST_PROXY=true sets it: every hop trusted, the left-most X-Forwarded-For entry taken.
	app.set('trust proxy', true)
	app.get('/echo', (req, res) => {
		res.json(getLoadContext(req, res))
	})
	await new Promise<void>((resolve) => {
		server = app.listen(0, '127.0.0.1', () => resolve())
	})
	const address = server.address()
	if (address === null || typeof address === 'string') throw new Error('not listening on a port')
	origin = `http://127.0.0.1:${address.port}`
})

afterAll(() => {
	server.close()
})

async function clientIpFor(forwardedFor: string | null): Promise<string | null> {
	const response = await fetch(`${origin}/echo`, {
		headers: forwardedFor === null ? {} : { 'X-Forwarded-For': forwardedFor },
	})
	return z.object({ clientIp: z.string().nullable() }).parse(await response.json()).clientIp
}

describe('the client address loaders and actions get', () => {
	test('is the forwarded address when it is one', async () => {
		expect(await clientIpFor('198.51.100.23')).toBe('198.51.100.23')
		expect(await clientIpFor('2001:db8::7, 10.0.0.1')).toBe('2001:db8::7')
		expect(await clientIpFor('::ffff:192.0.2.44')).toBe('192.0.2.44')
	})

	test('is the TCP peer without the header', async () => {
		expect(await clientIpFor(null)).toBe('127.0.0.1')
	})

	test.each(['<script>alert(1)</script>', 'unknown', 'admin@example.org', '999.1.1.1', 'a'.repeat(2000)])(
		'is null for X-Forwarded-For: %s (not an IP address)',
		async (forged) => {
			expect(await clientIpFor(forged)).toBeNull()
		},
	)
})
