import { matchRoutes } from '@remix-run/router'
import { describe, expect, test } from 'vitest'
import { memoizedMatchRoutes } from './route-matching.server'

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] }

// A tree shaped as Remix builds this app's (root, a language layout, pages with params, an optional
// segment, a splat, a pathless layout), built anew for every request as Remix does.
function tree(): Route[] {
	return [
		{
			id: 'root',
			path: '',
			children: [
				{ id: 'routes/_index', index: true },
				{ id: 'routes/sitemap[.]xml', path: 'sitemap.xml' },
				{
					id: 'routes/$lang',
					path: ':lang',
					children: [
						{ id: 'routes/$lang._index', index: true },
						{ id: 'routes/$lang.platforms._index', path: 'platforms' },
						{ id: 'routes/$lang.platforms.$platform._index', path: 'platforms/:platform' },
						{ id: 'routes/$lang.platforms.$platform.pledges._index', path: 'platforms/:platform/pledges' },
						{
							id: 'routes/$lang.platforms.$platform.pledges.$pledge',
							path: 'platforms/:platform/pledges/:pledge',
						},
						{ id: 'routes/$lang.About', path: 'About', caseSensitive: true },
						{ id: 'routes/$lang.($page)', path: 'corrections/:page?' },
					],
				},
				{
					id: 'routes/_staff',
					children: [
						{
							id: 'routes/_staff.admin',
							path: 'admin',
							children: [{ id: 'routes/_staff.admin._index', index: true }],
						},
					],
				},
				{ id: 'routes/$', path: '*' },
			],
		},
	]
}

const addresses = [
	'/',
	'/en',
	'/en/',
	'/en/platforms',
	'/en/platforms/fair-kazakhstan-2022',
	'/kk/platforms/fair-kazakhstan-2022/pledges',
	'/ru/platforms/fair-kazakhstan-2022/pledges/it-jobs',
	'/ru/platforms/%D0%B2%D0%BE%D0%B4%D0%B0/pledges/x',
	'/en/platforms/a/pledges/b/c',
	'/en/About',
	'/en/about',
	'/en/corrections',
	'/en/corrections/2',
	'/admin',
	'/sitemap.xml',
	'/nowhere/at/all',
]

// A match as data: the route by id (the objects are the caller's own, checked apart).
const plain = (matches: ReturnType<typeof matchRoutes>) =>
	matches?.map(({ route, ...match }) => ({ ...match, id: route.id })) ?? null

describe('memoized route matching', () => {
	test('answers as matchRoutes does, first and from memory, with the calling request’s own routes', () => {
		const memoized = memoizedMatchRoutes(matchRoutes as never)
		for (const round of [1, 2]) {
			for (const address of addresses) {
				for (const basename of ['/', '/en']) {
					const routes = tree()
					const expected = matchRoutes(routes as never, address, basename)
					const answer = memoized(routes, address, basename) as ReturnType<typeof matchRoutes>
					expect(plain(answer), `${address} (${basename}), round ${round}`).toEqual(plain(expected))
					const ids = new Map<string, unknown>()
					const collect = (list: Route[]) =>
						list.forEach((route) => (ids.set(route.id, route), collect(route.children ?? [])))
					collect(routes)
					for (const match of answer ?? []) expect(match.route).toBe(ids.get(match.route.id ?? ''))
					// One params object for all of an answer's matches, as matchRoutes gives.
					if (answer && answer.length > 1) expect(answer[0]?.params).toBe(answer.at(-1)?.params)
				}
			}
		}
	})

	test('a location object and a changed tree are matched on their own', () => {
		const memoized = memoizedMatchRoutes(matchRoutes as never)
		const address = '/en/platforms/p/pledges/q'
		expect(plain(memoized(tree(), { pathname: address }) as never)).toEqual(
			plain(matchRoutes(tree() as never, { pathname: address })),
		)
		const changed = tree()
		changed[0]?.children?.splice(2, 1)
		expect(plain(memoized(changed, address) as never)).toEqual(plain(matchRoutes(changed as never, address)))
		expect(plain(memoized(changed, address) as never)?.at(-1)?.id).toBe('routes/$')
	})

	test('a tree with a route without an id is matched every time, as before', () => {
		let calls = 0
		const counted = ((...args: Parameters<typeof matchRoutes>) => {
			calls += 1
			return matchRoutes(...args)
		}) as never
		const memoized = memoizedMatchRoutes(counted)
		const routes = [{ path: '/a' }]
		memoized(routes as never, '/a')
		memoized(routes as never, '/a')
		expect(calls).toBe(2)
		const withIds = tree()
		memoized(withIds, '/en')
		memoized(tree(), '/en')
		expect(calls).toBe(3)
	})
})
