import { createRequire } from 'node:module'
import { LRUCache } from 'lru-cache'

/**
 * Remix v2 matches a request's address against the whole route tree several times for one document
 * (the request handler, the React router, and `<Scripts>`' lazy route discovery, which matches every parent
 * address of the page too), and each time `matchRoutes` of @remix-run/router flattens and ranks every
 * route and compiles a regular expression per route: a fifth of a pledge page's CPU in
 * `npm run profile:render` (ADR 021). React Router 7 caches the ranked branches (remix-run/react-router
 * pull requests 14967 and 14971); until this app moves to it, this memoizes the answer instead.
 *
 * The answer of `matchRoutes(routes, location, basename)` depends on nothing but the routes' ids, paths,
 * index and case-sensitivity flags and tree, the address's pathname and the basename. Remix builds new route
 * objects for every request, so the cache is keyed by that shape (interned as a number) and the pathname,
 * holds route ids and params, and answers with the calling request's own route objects, exactly as
 * `matchRoutes` would (one params object shared by the matches). A tree with a route without an id is
 * matched as before, uncached.
 */

type RouteLike = {
	id?: string
	path?: string
	index?: boolean
	caseSensitive?: boolean
	children?: RouteLike[]
}
type Match = {
	params: Record<string, string | undefined>
	pathname: string
	pathnameBase: string
	route: RouteLike
}
type MatchRoutes = (
	routes: RouteLike[],
	location: string | { pathname?: string },
	basename?: string,
) => Match[] | null
type StoredMatch = { id: string; pathname: string; pathnameBase: string }
type Stored = { matches: StoredMatch[]; params: Record<string, string | undefined> } | null

const shapeIds = new Map<string, number>()
const shapes = new WeakMap<object, { shape: number; byId: Map<string, RouteLike> } | null>()

/** The tree's shape as a small number, and its routes by id; null if a route has no id. */
function shapeOf(routes: RouteLike[]) {
	const known = shapes.get(routes)
	if (known !== undefined) return known
	const byId = new Map<string, RouteLike>()
	const parts: string[] = []
	let complete = true
	const walk = (list: RouteLike[]) => {
		for (const route of list) {
			if (typeof route.id !== 'string') complete = false
			else byId.set(route.id, route)
			parts.push(
				JSON.stringify([route.id, route.path ?? null, route.index === true, route.caseSensitive === true]),
			)
			if (route.children?.length) {
				parts.push('(')
				walk(route.children)
				parts.push(')')
			}
		}
	}
	walk(routes)
	let result: { shape: number; byId: Map<string, RouteLike> } | null = null
	if (complete) {
		const key = parts.join(',')
		let shape = shapeIds.get(key)
		if (shape === undefined) {
			// A build has one route tree; a bound keeps a process that somehow sees many from growing.
			if (shapeIds.size >= 16) shapeIds.clear()
			shape = shapeIds.size
			shapeIds.set(key, shape)
		}
		result = { shape, byId }
	}
	shapes.set(routes, result)
	return result
}

/** `matchRoutes` with its answers remembered (at most `max` addresses). */
export function memoizedMatchRoutes(original: MatchRoutes, max = 5_000): MatchRoutes {
	const answers = new LRUCache<string, { stored: Stored }>({ max })
	return (routes, location, basename = '/') => {
		const tree = Array.isArray(routes) ? shapeOf(routes) : null
		const pathname = typeof location === 'string' ? location : location.pathname
		if (!tree || typeof pathname !== 'string') return original(routes, location, basename)
		const key = `${tree.shape}\u0000${basename}\u0000${pathname}`
		let answer = answers.get(key)
		if (!answer) {
			const matches = original(routes, location, basename)
			answer = {
				stored: matches
					? {
							matches: matches.map((match) => ({
								id: match.route.id ?? '',
								pathname: match.pathname,
								pathnameBase: match.pathnameBase,
							})),
							params: { ...matches.at(-1)?.params },
						}
					: null,
			}
			answers.set(key, answer)
		}
		const { stored } = answer
		if (!stored) return null
		const params = { ...stored.params }
		const rebuilt: Match[] = []
		for (const match of stored.matches) {
			const route = tree.byId.get(match.id)
			// Cannot happen (same shape, same ids), but never answer with another tree's route.
			if (!route) return original(routes, location, basename)
			rebuilt.push({ params, pathname: match.pathname, pathnameBase: match.pathnameBase, route })
		}
		return rebuilt
	}
}

let installed = false

/**
 * Puts the memoized `matchRoutes` in place of the one that @remix-run/react, @remix-run/server-runtime
 * and react-router call (each calls it through the CommonJS exports of the one @remix-run/router they
 * share). Once per process.
 */
export function installRouteMatchCache() {
	if (installed) return
	installed = true
	const require = createRequire(import.meta.url)
	// Each package's own @remix-run/router, found from where that package is (hoisted or not).
	const fromReact = createRequire(require.resolve('@remix-run/react'))
	const fromNode = createRequire(require.resolve('@remix-run/node'))
	const routerPaths = new Set<string>()
	for (const [from, name] of [
		[fromReact, '@remix-run/react'],
		[fromReact, 'react-router'],
		[fromNode, '@remix-run/server-runtime'],
	] as const) {
		try {
			routerPaths.add(createRequire(from.resolve(name)).resolve('@remix-run/router'))
		} catch {
			// Not installed where expected: that package keeps the unmemoized matching.
		}
	}
	for (const routerPath of routerPaths) {
		const router = require(routerPath) as { matchRoutes: MatchRoutes }
		router.matchRoutes = memoizedMatchRoutes(router.matchRoutes)
	}
}
