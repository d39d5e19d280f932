import type { Server } from 'node:http'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
	contentSecurityPolicy,
	crossSiteRefusal,
	getLoadContext,
	refuseCrossSiteRequests,
	securityHeaders,
} from './security.server'

function startApp(development: boolean) {
	const app = express()
	app.use(securityHeaders({ development }))
	app.use(refuseCrossSiteRequests())
	app.all('/echo', (req, res) => {
		res.json({ method: req.method, context: getLoadContext(req, res) })
	})
	app.get('/embed/en/platforms/p', (_req, res) => {
		res.type('html').send('<p>embedded</p>')
	})
	return new Promise<{ server: Server; origin: string }>((resolve) => {
		const server = app.listen(0, '127.0.0.1', () => {
			const address = server.address()
			if (address === null || typeof address === 'string') throw new Error('not listening on a port')
			resolve({ server, origin: `http://127.0.0.1:${address.port}` })
		})
	})
}

let production: { server: Server; origin: string }
let development: { server: Server; origin: string }

beforeAll(async () => {
	production = await startApp(false)
	development = await startApp(true)
})

afterAll(() => {
	production.server.close()
	development.server.close()
})

function directives(policy: string | null): Map<string, string[]> {
	return new Map(
		(policy ?? '').split(';').map((directive) => {
			const [name = '', ...values] = directive.trim().split(/\s+/)
			return [name, values]
		}),
	)
}

describe('security headers', () => {
	test('every response carries a CSP with a fresh nonce for scripts and no unsafe-inline script', async () => {
		const first = await fetch(`${production.origin}/echo`)
		const second = await fetch(`${production.origin}/echo`)
		const echo = z.object({ context: z.object({ cspNonce: z.string() }) })
		const firstNonce = echo.parse(await first.json()).context.cspNonce
		const secondNonce = echo.parse(await second.json()).context.cspNonce
		expect(firstNonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
		expect(secondNonce).not.toBe(firstNonce)

		const policy = directives(first.headers.get('Content-Security-Policy'))
		expect(policy.get('script-src')).toEqual(["'self'", `'nonce-${firstNonce}'`])
		expect(policy.get('style-src')).toEqual(["'self'", `'nonce-${firstNonce}'`])
		expect(policy.get('frame-ancestors')).toEqual(["'none'"])
		expect(policy.get('object-src')).toEqual(["'none'"])
		expect(policy.get('base-uri')).toEqual(["'none'"])
		expect(policy.get('form-action')).toEqual(["'self'"])
		expect(policy.get('default-src')).toEqual(["'self'"])
		for (const [name, values] of policy) {
			if (name.startsWith('script-src')) expect(values).not.toContain("'unsafe-inline'")
			expect(values).not.toContain("'unsafe-eval'")
		}
	})

	test('only the embeds may be framed, by any site, and they may run no script', async () => {
		const embed = await fetch(`${production.origin}/embed/en/platforms/p`)
		const policy = directives(embed.headers.get('Content-Security-Policy'))
		expect(policy.get('frame-ancestors')).toEqual(['*'])
		expect(policy.get('default-src')).toEqual(["'none'"])
		expect(policy.has('script-src')).toBe(false)
		expect(policy.get('form-action')).toEqual(["'none'"])
		expect(embed.headers.get('X-Frame-Options')).toBeNull()
		// Not a prefix match on a look-alike: /embedded is a page like any other.
		const page = await fetch(`${production.origin}/echo`)
		expect(directives(page.headers.get('Content-Security-Policy')).get('frame-ancestors')).toEqual(["'none'"])
		expect(page.headers.get('X-Frame-Options')).toBe('DENY')
	})

	test('nosniff, a referrer policy, no framing, and HSTS in production', async () => {
		const response = await fetch(`${production.origin}/echo`)
		expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
		expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
		expect(response.headers.get('X-Frame-Options')).toBe('DENY')
		expect(response.headers.get('Strict-Transport-Security')).toBe('max-age=63072000')
	})

	test('development: no HSTS, and the policy lets Vite’s hot reload work, still without inline scripts', async () => {
		const response = await fetch(`${development.origin}/echo`)
		expect(response.headers.get('Strict-Transport-Security')).toBeNull()
		const policy = directives(response.headers.get('Content-Security-Policy'))
		expect(policy.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:'])
		expect(policy.get('style-src')).toContain("'unsafe-inline'")
		expect(policy.get('script-src')).not.toContain("'unsafe-inline'")
	})

	test('the policy text is the same function of the nonce everywhere', () => {
		expect(contentSecurityPolicy('abc', { development: false })).toContain("script-src 'self' 'nonce-abc'")
	})
})

describe('cross-site requests', () => {
	const post = (headers: Record<string, string>, origin = production.origin) =>
		fetch(`${origin}/echo`, { method: 'POST', headers, body: 'x=1' })

	test('a POST from a page of this site goes through', async () => {
		expect((await post({ Origin: production.origin })).status).toBe(200)
		expect((await post({ Referer: `${production.origin}/admin/accounts/new` })).status).toBe(200)
	})

	test('a POST from another site is refused with 403 before any action runs', async () => {
		const response = await post({ Origin: 'https://evil.example' })
		expect(response.status).toBe(403)
		expect(await response.text()).toMatch(/^Refused: this POST request was not sent from a page of this site/)
		expect((await post({ Referer: 'https://evil.example/form.html' })).status).toBe(403)
		// The Origin decides when both are sent.
		expect((await post({ Origin: 'https://evil.example', Referer: `${production.origin}/` })).status).toBe(
			403,
		)
	})

	test('a POST with neither Origin nor Referer, or from an opaque origin, is refused', async () => {
		expect((await post({})).status).toBe(403)
		expect((await post({ Origin: 'null' })).status).toBe(403)
	})

	test('a same-host page on another port is another site', async () => {
		const otherPort = production.origin.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`)
		expect((await post({ Origin: otherPort })).status).toBe(403)
	})

	test('PUT, PATCH and DELETE are checked like POST; GET and HEAD are not', async () => {
		for (const method of ['PUT', 'PATCH', 'DELETE']) {
			const response = await fetch(`${production.origin}/echo`, {
				method,
				headers: { Origin: 'https://evil.example' },
			})
			expect(response.status, method).toBe(403)
		}
		expect(
			(await fetch(`${production.origin}/echo`, { headers: { Origin: 'https://evil.example' } })).status,
		).toBe(200)
	})

	test('the site is the public host it is given, whatever the request forwards', () => {
		const headers: Record<string, string> = {
			host: 'localhost:3000',
			'x-forwarded-host': 'evil.example',
			origin: 'https://uade.example',
		}
		expect(crossSiteRefusal('POST', 'uade.example', (name) => headers[name])).toBeNull()
		headers.origin = 'https://evil.example'
		expect(crossSiteRefusal('POST', 'uade.example', (name) => headers[name])).toBe(
			'it comes from another site',
		)
		expect(crossSiteRefusal('POST', undefined, (name) => headers[name])).toBe('it names no host')
	})

	test('without UADE_TRUST_PROXY, an X-Forwarded-Host naming the sending site does not make it this site', async () => {
		const forwarded = { Origin: 'https://uade.example', 'X-Forwarded-Host': 'uade.example' }
		expect((await post(forwarded)).status).toBe(403)
		expect((await post({ ...forwarded, Origin: production.origin })).status).toBe(200)
	})
})
