/**
 * The browser tests' `test`: every spec imports it instead of @playwright/test's.
 *
 * - Each test talks to its worker slot's own server and database (`server`, `baseURL`; see servers.ts), so
 *   no test sees what a test in another worker writes meanwhile.
 * - `signInAs(role)` signs a browser context in the way the app does after a good password, without the
 *   form: a session row made by the app's own `createSession`, and its cookie as the app's own
 *   `serializeSessionCookie` writes it. `adminPage` and `factCheckerPage` are pages of their own contexts,
 *   signed in as `admin` and `factChecker`. Only accounts.spec.ts signs in through the form (once per role).
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import type { Role } from '~/.server/prisma/client'
import { createSession, serializeSessionCookie } from '~/auth/session.server'
import { createPrismaClient } from '~/db/prisma.server'
import { createAccountInDatabase, type TestAccount } from './accounts'
import { e2eServer, serverUrl, type E2eServer } from './servers'

export type SignInAs = (
	who: Role | TestAccount,
	options?: { context?: BrowserContext },
) => Promise<TestAccount>

type TestFixtures = {
	/** Signs a context (the test's own `context`, by default) in as a new account of a role, or as an account. */
	signInAs: SignInAs
	admin: TestAccount
	adminPage: Page
	factChecker: TestAccount
	factCheckerPage: Page
}

type WorkerFixtures = {
	/** This worker slot's server and database. */
	server: E2eServer
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
	server: [
		// Playwright reads a fixture's dependencies from this pattern, so it must be one, even when empty.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			await use(e2eServer(workerInfo.parallelIndex))
		},
		{ scope: 'worker' },
	],
	// Every page, browser.newContext() and request of the test resolves relative addresses against it.
	baseURL: async ({ server }, use) => {
		await use(serverUrl(server))
	},
	signInAs: async ({ server, context }, use) => {
		await use(async (who, { context: target = context } = {}) => {
			const account = typeof who === 'string' ? await createAccountInDatabase(server, { role: who }) : who
			await addSessionCookie(server, target, account.id)
			return account
		})
	},
	admin: async ({ server }, use) => {
		await use(await createAccountInDatabase(server, { role: 'ADMIN' }))
	},
	adminPage: async ({ browser, server, admin }, use) => {
		const context = await browser.newContext()
		await addSessionCookie(server, context, admin.id)
		await use(await context.newPage())
		await context.close()
	},
	factChecker: async ({ server }, use) => {
		await use(await createAccountInDatabase(server, { role: 'FACT_CHECKER' }))
	},
	factCheckerPage: async ({ browser, server, factChecker }, use) => {
		const context = await browser.newContext()
		await addSessionCookie(server, context, factChecker.id)
		await use(await context.newPage())
		await context.close()
	},
})

export { expect }

/** A new session of the user in the server's database, and its cookie in the context. */
async function addSessionCookie(server: E2eServer, context: BrowserContext, userId: string) {
	const prisma = createPrismaClient(server.databaseUrl)
	let sessionToken: string
	try {
		;({ token: sessionToken } = await createSession(prisma, { userId, ipAddress: null, userAgent: null }))
	} finally {
		await prisma.$disconnect()
	}
	// The server decides the cookie's name and attributes from the request it answers; ask for the same
	// address (on plain http to localhost: `uade_session`, not Secure, so no `__Host-` prefix).
	const setCookie = await serializeSessionCookie(new Request(serverUrl(server)), sessionToken)
	await context.addCookies([cookieOfSetCookie(setCookie, serverUrl(server))])
}

type Cookie = Parameters<BrowserContext['addCookies']>[0][number]

/** A Set-Cookie header as the browser would store it for `url`. */
export function cookieOfSetCookie(setCookie: string, url: string): Cookie {
	const [pair = '', ...attributes] = setCookie.split(';').map((part) => part.trim())
	const separator = pair.indexOf('=')
	const cookie: Cookie = { name: pair.slice(0, separator), value: pair.slice(separator + 1), url }
	for (const attribute of attributes) {
		const [key = '', value = ''] = attribute.split('=')
		switch (key.toLowerCase()) {
			case 'httponly':
				cookie.httpOnly = true
				break
			case 'secure':
				cookie.secure = true
				break
			case 'samesite':
				cookie.sameSite = sameSiteOf(value)
				break
			case 'max-age':
				cookie.expires = Math.floor(Date.now() / 1000) + Number(value)
				break
		}
	}
	return cookie
}

function sameSiteOf(value: string): Cookie['sameSite'] {
	switch (value.toLowerCase()) {
		case 'strict':
			return 'Strict'
		case 'none':
			return 'None'
		default:
			return 'Lax'
	}
}
