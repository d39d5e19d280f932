import { useRouteLoaderData } from '@remix-run/react'
import type { loader as rootLoader } from '~/root'
import type { loader as languageLoader } from '~/routes/$lang'

/**
 * The routes whose loader data other routes and components read, by their Remix route id: `root` for
 * app/root.tsx, otherwise the id app/routes.ts gives a route (its file without the extension unless it sets
 * `id`). app/route-data.test.ts fails when app/routes.ts no longer has one of them.
 */
export const sharedRouteIds = { root: 'root', language: 'routes/$lang' } as const

/**
 * The root loader's data on every page: the page's language, its UI messages and the signed-in account
 * (null for a visitor). Undefined only while the root loader's own error is shown.
 */
export function useRootData() {
	return useRouteLoaderData<typeof rootLoader>(sharedRouteIds.root)
}

/** The public site's shared data (current platform, demo marker, origin), present on every page under /:lang. */
export function useLanguageData() {
	return useRouteLoaderData<typeof languageLoader>(sharedRouteIds.language)
}
