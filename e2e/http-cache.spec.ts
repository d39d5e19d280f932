import pg from 'pg'
import { expect, test } from './support/fixtures'

// The production server's caching of public pages (app/server/http-cache.server.ts), end to end. The
// ETag carries the public data version, which any write moves on: the server and database are this
// worker slot's own (e2e/support/servers.ts), so only this test writes while it runs.
const page = '/en/platforms/fair-kazakhstan-2022/pledges/it-jobs'

/**
 * The ETag also carries the server's UTC date: a test that compares two ETags must not straddle midnight.
 * Near it, wait until just after it (the waiting is bounded, the result is not left to chance).
 */
async function awayFromMidnightUtc(marginMs = 15_000) {
	const dayMs = 24 * 60 * 60 * 1000
	const untilMidnight = dayMs - (Date.now() % dayMs)
	if (untilMidnight < marginMs) await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000))
}

test.describe.configure({ mode: 'serial' })

test('a public page is cacheable, revalidates with 304 and changes its ETag with the data', async ({
	request,
	server,
}) => {
	test.skip(test.info().project.name !== 'desktop', 'HTTP only: one browser project is enough')
	await awayFromMidnightUtc()
	const first = await request.get(page)
	expect(first.status()).toBe(200)
	const headers = first.headers()
	expect(headers['cache-control']).toBe(
		'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400',
	)
	expect(headers['vary']).toMatch(/Cookie/)
	const etag = headers['etag']
	expect(etag).toMatch(/^W\/".+"$/)

	// Sent as every reader gets it, from the first answer on (a shared cache in front keeps the first one it
	// sees for everyone): no nonce, its inline scripts allowed by their hashes. The same page again comes
	// from this process's memory (it runs one: UADE_WORKERS=1, scripts/test-e2e.ts), the same bytes.
	const policy = headers['content-security-policy'] ?? ''
	expect(policy).not.toMatch(/'nonce-/)
	expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/)
	expect(headers['cache-status']).toBe('uade; fwd=miss')
	const firstBody = await first.text()
	expect(firstBody).not.toMatch(/ nonce="/)
	const again = await request.get(page)
	expect(again.headers()['etag']).toBe(etag)
	expect(again.headers()['cache-status']).toBe('uade; hit')
	expect(again.headers()['content-security-policy']).toBe(policy)
	expect(await again.text()).toBe(firstBody)

	const revalidated = await request.get(page, { headers: { 'If-None-Match': etag ?? '' } })
	expect(revalidated.status()).toBe(304)
	expect(await revalidated.body()).toHaveLength(0)

	// Any write to what public pages show moves the version on, even one that changes no value.
	const client = new pg.Client({ connectionString: server.databaseUrl })
	await client.connect()
	try {
		await client.query(`UPDATE "Pledge" SET "updatedAt" = "updatedAt" WHERE slug = 'it-jobs'`)
	} finally {
		await client.end()
	}
	const changed = await request.get(page, { headers: { 'If-None-Match': etag ?? '' } })
	expect(changed.status()).toBe(200)
	expect(changed.headers()['etag']).not.toBe(etag)
	expect(changed.headers()['cache-status']).toBe('uade; fwd=miss')
})

test('a request with a session cookie is never answered from a cache nor stored as public', async ({
	request,
}) => {
	test.skip(test.info().project.name !== 'desktop', 'HTTP only: one browser project is enough')
	const etag = (await request.get(page)).headers()['etag'] ?? ''
	const signedIn = await request.get(page, {
		headers: { 'If-None-Match': etag, Cookie: 'uade_session=not-a-session' },
	})
	expect(signedIn.status()).toBe(200)
	expect(signedIn.headers()['cache-control']).toBe('private, no-store')
	expect(signedIn.headers()['etag']).toBeUndefined()
})
