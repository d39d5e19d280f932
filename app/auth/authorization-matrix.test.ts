import path from 'node:path'
import type { RouteConfigEntry } from '@remix-run/route-config'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import routes from '~/routes'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext, type Outcome } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { accessForPath, type Access } from './route-access'
import { requireRole, requireUser } from './guards.server'

// Every route of app/routes.ts, called the way Remix calls it, as three people: a visitor, a
// fact-checker and an admin. A route under a protected prefix (route-access.ts) whose loader or action
// does not start with the right guard fails here.

type RouteModule = { loader?: unknown; action?: unknown }
type Caller = 'visitor' | 'fact-checker' | 'admin'
type RouteFunction = (args: {
	request: Request
	params: Record<string, string>
	context: typeof testContext
}) => unknown

const appDir = path.join(process.cwd(), 'app')

/** Every route with its full path pattern (`/admin/accounts/:userId`), layouts and index routes included. */
function flattenRoutes(entries: RouteConfigEntry[], parentPath = ''): Array<{ file: string; path: string }> {
	return entries.flatMap((entry) => {
		const ownPath = entry.path ? `${parentPath.replace(/\/$/, '')}/${entry.path}` : parentPath
		return [{ file: entry.file, path: ownPath || '/' }, ...flattenRoutes(entry.children ?? [], ownPath)]
	})
}

const allRoutes = flattenRoutes(routes)

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let cookies: Record<Caller, string | null>
let factCheckerId: string

beforeAll(async () => {
	;({ database } = await useTestDatabaseForApp())
	const admin = await createTestAccount({ role: 'ADMIN' })
	const factChecker = await createTestAccount({ role: 'FACT_CHECKER' })
	factCheckerId = factChecker.id
	cookies = {
		visitor: null,
		'fact-checker': await sessionCookieFor(factChecker.id),
		admin: await sessionCookieFor(admin.id),
	}
})

afterAll(async () => {
	await globalThis.uadePrisma?.$disconnect()
	await database.drop()
})

/** A URL for a path pattern: `:userId` is a real account (so pages can load), other parameters a token. */
function urlFor(pathPattern: string) {
	const params: Record<string, string> = {}
	const pathname = pathPattern.replace(/:(\w+)\??/g, (_, name: string) => {
		params[name] = name === 'userId' ? factCheckerId : 'matrix-test'
		return params[name]
	})
	return { pathname, params }
}

function isRouteFunction(value: unknown): value is RouteFunction {
	return typeof value === 'function'
}

async function call(
	routeFunction: RouteFunction,
	pathPattern: string,
	method: 'GET' | 'POST',
	caller: Caller,
): Promise<Outcome> {
	const { pathname, params } = urlFor(pathPattern)
	const headers = new Headers()
	const cookie = cookies[caller]
	if (cookie) headers.set('Cookie', cookie)
	const request = new Request(`http://localhost${pathname}`, {
		method,
		headers,
		body: method === 'POST' ? new FormData() : undefined,
	})
	return outcomeOf(async () => routeFunction({ request, params, context: testContext }))
}

/**
 * What is wrong with how a route module guards `pathPattern`, as one line per problem; [] when its loader
 * and its action each turn visitors to sign-in, turn away accounts without the role, and let the right
 * role through.
 */
async function guardProblems(module: RouteModule, pathPattern: string, access: Access): Promise<string[]> {
	const problems: string[] = []
	const signInLocation = `/sign-in?${new URLSearchParams({ redirectTo: urlFor(pathPattern).pathname })}`
	const functions = [
		['loader', 'GET', module.loader],
		['action', 'POST', module.action],
	] as const
	for (const [name, method, routeFunction] of functions) {
		if (routeFunction === undefined) continue
		if (!isRouteFunction(routeFunction)) {
			problems.push(`${name} is not a function`)
			continue
		}
		const expectations: Array<{ caller: Caller; allowed: boolean }> = [
			{ caller: 'visitor', allowed: false },
			{
				caller: 'fact-checker',
				allowed: access.kind === 'signed-in' || (access.kind === 'role' && access.role === 'FACT_CHECKER'),
			},
			{ caller: 'admin', allowed: true },
		]
		for (const { caller, allowed } of expectations) {
			const outcome = await call(routeFunction, pathPattern, method, caller)
			const answer = `${outcome.status}${outcome.location ? ` → ${outcome.location}` : ''}`
			const refusedAsVisitor = outcome.status === 302 && outcome.location?.startsWith('/sign-in')
			if (caller === 'visitor') {
				if (outcome.status !== 302 || outcome.location !== signInLocation)
					problems.push(`${name} as a visitor: expected 302 → ${signInLocation}, got ${answer}`)
			} else if (allowed) {
				if (refusedAsVisitor || outcome.status === 401 || outcome.status === 403)
					problems.push(`${name} as ${caller}: expected to be let through, got ${answer}`)
			} else if (outcome.status !== 403) {
				problems.push(`${name} as ${caller}: expected 403, got ${answer}`)
			}
		}
	}
	return problems
}

describe('the authorization matrix of app/routes.ts', () => {
	test('has the routes of the account and admin areas', () => {
		const paths = allRoutes.map((route) => route.path)
		expect(paths).toEqual(
			expect.arrayContaining([
				'/sign-in',
				'/sign-out',
				'/account',
				'/admin',
				'/admin/accounts',
				'/admin/accounts/new',
				'/admin/accounts/:userId',
			]),
		)
	})

	test('classifies every route as public or protected (route-access.ts), so none slips through', () => {
		const unclassified = allRoutes.filter((route) => accessForPath(route.path) === undefined)
		expect(unclassified, 'add these paths to accessRules in app/auth/route-access.ts').toEqual([])
	})

	const protectedRoutes = allRoutes.flatMap((route) => {
		const access = accessForPath(route.path)
		return access && access.kind !== 'public' ? [{ ...route, access }] : []
	})

	test.each(protectedRoutes)(
		'$path ($file): visitors go to sign-in, the wrong role gets 403, the right role gets in',
		async ({ file, path: pathPattern, access }) => {
			const module: RouteModule = await import(path.join(appDir, file))
			expect(module.loader ?? module.action, `${file} has neither loader nor action`).toBeDefined()
			expect(await guardProblems(module, pathPattern, access)).toEqual([])
		},
	)

	describe('catches a route that forgets its guard', () => {
		const adminOnly: Access = { kind: 'role', role: 'ADMIN' }

		test('no guard at all', async () => {
			const unguarded: RouteModule = {
				loader: async () => ({ accounts: ['everyone'] }),
				action: async () => ({ done: true }),
			}
			const problems = await guardProblems(unguarded, '/admin/forgotten', adminOnly)
			expect(problems).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/^loader as a visitor: expected 302/),
					expect.stringMatching(/^loader as fact-checker: expected 403, got 200/),
					expect.stringMatching(/^action as a visitor: expected 302/),
					expect.stringMatching(/^action as fact-checker: expected 403, got 200/),
				]),
			)
		})

		test('a guarded loader but an unguarded action', async () => {
			const halfGuarded: RouteModule = {
				loader: async ({ request }: { request: Request }) => requireRole(request, 'ADMIN'),
				action: async () => ({ done: true }),
			}
			const problems = await guardProblems(halfGuarded, '/admin/half', adminOnly)
			expect(problems.every((problem) => problem.startsWith('action'))).toBe(true)
			expect(problems).toHaveLength(2)
		})

		test('signed-in is not enough for an admin page', async () => {
			const wrongGuard: RouteModule = {
				loader: async ({ request }: { request: Request }) => requireUser(request),
			}
			expect(await guardProblems(wrongGuard, '/admin/wrong', adminOnly)).toEqual([
				'loader as fact-checker: expected 403, got 200',
			])
		})
	})
})
