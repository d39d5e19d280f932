import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import { env } from './app/env.server'

declare module '@remix-run/node' {
	interface Future {
		v3_singleFetch: true
	}
}

export default defineConfig({
	resolve: {
		alias: { '~': new URL('./app', import.meta.url).pathname },
	},
	server: { port: env().PORT },
	build: {
		rollupOptions: {
			onwarn(warning, warn) {
				// Remix makes every route module an entry of the browser build; a route with only a loader or
				// an action (`/`, `/language`, `/robots.txt`, `/sitemap.xml`) has nothing for the browser, so
				// its chunk is empty by design.
				if (warning.code === 'EMPTY_BUNDLE') return
				// zod's own comments mention `@__PURE__` where Rollup expects an annotation, and Rollup drops
				// them; zod's real annotations are unaffected.
				if (
					warning.code === 'INVALID_ANNOTATION' &&
					/[/\\]node_modules[/\\]zod[/\\]/.test(warning.id ?? '')
				) {
					return
				}
				warn(warning)
			},
		},
	},
	plugins: [
		remix({
			buildDirectory: env().UADE_BUILD_DIR,
			future: {
				v3_fetcherPersist: true,
				v3_relativeSplatPath: true,
				v3_throwAbortReason: true,
				v3_singleFetch: true,
				v3_lazyRouteDiscovery: true,
				v3_routeConfig: true,
			},
		}),
	],
})
