import { expect, test } from '@playwright/test'
import pg from 'pg'

// The production server's caching of public pages (app/server/http-cache.server.ts), end to end.
const page = '/en/platforms/fair-kazakhstan-2022/pledges/it-jobs'

// The browser tests' own database (scripts/test-e2e.ts): DATABASE_URL's, or the embedded one on UADE_DB_PORT.
const databaseUrl =
	process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.UADE_DB_PORT}/uade`

test.describe.configure({ mode: 'serial' })

test('a public page is cacheable, revalidates with 304 and changes its ETag with the data', async ({
	request,
}) => {
	test.skip(test.info().project.name !== 'desktop', 'HTTP only: one browser project is enough')
	const first = await request.get(page)
	expect(first.status()).toBe(200)
	const headers = first.headers()
	expect(headers['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600')
	expect(headers['vary']).toMatch(/Cookie/)
	const etag = headers['etag']
	expect(etag).toMatch(/^W\/".+"$/)

	// The same page again comes from memory: the same page, with a CSP nonce of its own in its policy and
	// in its inline scripts.
	const again = await request.get(page)
	expect(again.headers()['etag']).toBe(etag)
	const nonceOf = (policy: string | undefined) => policy?.match(/'nonce-([^']+)'/)?.[1] ?? ''
	const firstNonce = nonceOf(headers['content-security-policy'])
	const againNonce = nonceOf(again.headers()['content-security-policy'])
	expect(againNonce).not.toBe('')
	expect(againNonce).not.toBe(firstNonce)
	const firstBody = await first.text()
	expect(firstBody).toContain(`nonce="${firstNonce}"`)
	expect(await again.text()).toBe(firstBody.replaceAll(firstNonce, againNonce))

	const revalidated = await request.get(page, { headers: { 'If-None-Match': etag ?? '' } })
	expect(revalidated.status()).toBe(304)
	expect(await revalidated.body()).toHaveLength(0)

	// Any write to what public pages show moves the version on, even one that changes no value.
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		await client.query(`UPDATE "Pledge" SET "updatedAt" = "updatedAt" WHERE slug = 'it-jobs'`)
	} finally {
		await client.end()
	}
	const changed = await request.get(page, { headers: { 'If-None-Match': etag ?? '' } })
	expect(changed.status()).toBe(200)
	expect(changed.headers()['etag']).not.toBe(etag)
	expect(changed.headers()['content-security-policy']).not.toBe(headers['content-security-policy'])
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
