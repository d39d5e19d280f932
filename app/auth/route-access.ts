import type { Role } from '~/.server/prisma/enums'

/**
 * Who may use which URLs, by path prefix: the one map the authorization matrix test
 * (app/auth/authorization-matrix.test.ts) checks every route of app/routes.ts against. Each route under a
 * protected prefix must start its loader and its action with the matching guard (`requireRole` for a role,
 * `requireUser` for any signed-in account); a route that fits no entry here fails the test until it is
 * classified.
 */
export type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'role'; role: Role }

type AccessRule = { prefix: string; access: Access; why: string }

/** Checked in order; the first whose prefix matches the route's path pattern decides. */
export const accessRules: readonly AccessRule[] = [
	{ prefix: '/admin', access: { kind: 'role', role: 'ADMIN' }, why: 'the admin area' },
	{ prefix: '/account', access: { kind: 'signed-in' }, why: 'your own account' },
	{ prefix: '/evidence', access: { kind: 'signed-in' }, why: 'submitting evidence and following its review' },
	{ prefix: '/sign-in', access: { kind: 'public' }, why: 'the way in' },
	{ prefix: '/sign-out', access: { kind: 'public' }, why: 'harmless when signed out; POST only' },
	{ prefix: '/embed', access: { kind: 'public' }, why: "cards and badges for other sites' pages" },
	{ prefix: '/api', access: { kind: 'public' }, why: 'the read-only JSON API, for anyone (docs/api.md)' },
	{
		prefix: '/data',
		access: { kind: 'public' },
		why: 'the open data downloads: CSV files and the whole dataset, for anyone',
	},
	{ prefix: '/:lang', access: { kind: 'public' }, why: "the public site, in the reader's language" },
	{ prefix: '/language', access: { kind: 'public' }, why: 'remembers the chosen language' },
	{ prefix: '/sitemap.xml', access: { kind: 'public' }, why: 'for search engines' },
	{ prefix: '/robots.txt', access: { kind: 'public' }, why: 'for search engines' },
]

/** The access rule for a route's full path pattern (`/admin/accounts/:userId`), or undefined if none fits. */
export function accessForPath(pathPattern: string): Access | undefined {
	if (pathPattern === '/') return { kind: 'public' }
	return accessRules.find((rule) => pathPattern === rule.prefix || pathPattern.startsWith(`${rule.prefix}/`))
		?.access
}
