import type { AppLoadContext } from '@remix-run/node'
import type { Role } from '~/.server/prisma/client'
import { createSession, serializeSessionCookie } from '~/auth/session.server'
import { getPrisma } from '~/db/prisma.server'
import { createAccount } from '~/models/user.server'

export const testPassword = 'correct horse battery staple'

// Each test file has a database of its own: a counter makes every default email unique in it, by design
// rather than by the luck of random bytes.
let accountsMade = 0

/** An account in the app's test database (see useTestDatabaseForApp), with `testPassword`. */
export async function createTestAccount({
	role = 'FACT_CHECKER',
	email = `${role.toLowerCase()}-account${++accountsMade}@example.org`,
	displayName = role === 'ADMIN' ? 'Ada Admin' : 'Farida Fact-checker',
	password = testPassword,
	mustChangePassword = false,
}: {
	role?: Role
	email?: string
	displayName?: string
	password?: string
	mustChangePassword?: boolean
} = {}) {
	const result = await createAccount(
		{ email, displayName, role, password, mustChangePassword },
		'command line',
	)
	if (result.status !== 'saved') throw new Error(`Could not create the test account ${email}`)
	return result.record
}

/** A signed-in browser's Cookie header for a new session of `userId`. */
export async function sessionCookieFor(userId: string, url = 'http://localhost/'): Promise<string> {
	const session = await createSession(getPrisma(), { userId, ipAddress: '127.0.0.1', userAgent: 'Vitest' })
	const setCookie = await serializeSessionCookie(new Request(url), session.token)
	return setCookie.split(';')[0] ?? ''
}

export const testContext: AppLoadContext = { cspNonce: 'test-nonce', clientIp: '203.0.113.7' }

/** What a loader or action answered, thrown or returned: its status and where it redirects. */
export type Outcome = {
	status: number
	location: string | null
	setCookie: string | null
	/** The Retry-After header of a 429 or 503. */
	retryAfter: string | null
	body: unknown
}

export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
	let value: unknown
	try {
		value = await run()
	} catch (thrown) {
		if (!(thrown instanceof Response) && !isData(thrown)) throw thrown
		value = thrown
	}
	if (value instanceof Response) {
		return {
			status: value.status,
			location: value.headers.get('Location'),
			setCookie: value.headers.get('Set-Cookie'),
			retryAfter: value.headers.get('Retry-After'),
			body: null,
		}
	}
	if (isData(value)) {
		const headers = new Headers(value.init?.headers)
		return {
			status: value.init?.status ?? 200,
			location: headers.get('Location'),
			setCookie: headers.get('Set-Cookie'),
			retryAfter: headers.get('Retry-After'),
			body: value.data,
		}
	}
	return { status: 200, location: null, setCookie: null, retryAfter: null, body: value }
}

type DataWithInit = { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null }

/** What `data(value, init)` from @remix-run/node returns. */
function isData(value: unknown): value is DataWithInit {
	return (
		typeof value === 'object' && value !== null && 'type' in value && value.type === 'DataWithResponseInit'
	)
}
