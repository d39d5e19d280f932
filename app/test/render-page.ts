import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { createServer, type ViteDevServer } from 'vite'

/**
 * Whole pages as a reader gets them: the app's real server build (root layout, meta, error boundary and
 * all), loaded through Vite as `npm run dev` does, answering requests in this test's process, so its
 * loaders use the test's database (`useTestDatabaseForApp`). Call `close` in afterAll.
 */
export async function createPageRenderer() {
	const vite: ViteDevServer = await createServer({
		configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		appType: 'custom',
		logLevel: 'error',
	})
	const module: Record<string, unknown> = await vite.ssrLoadModule('virtual:remix/server-build')
	if (!isServerBuild(module)) throw new Error('virtual:remix/server-build is not a Remix server build')
	const handle = createRequestHandler(module, 'production')
	return {
		/** The page at `path` (a browser's request, with `headers` such as a Cookie), its status and its HTML in full. */
		async render(
			path: string,
			headers: Record<string, string> = {},
		): Promise<{ status: number; html: string }> {
			// A crawler's user agent: the document is sent whole, not streamed as it renders.
			const request = new Request(`http://uade.test${path}`, {
				headers: { ...headers, 'User-Agent': 'Googlebot' },
			})
			const response = await handle(request, { cspNonce: '' })
			return { status: response.status, html: await response.text() }
		},
		close: () => vite.close(),
	}
}

function isServerBuild(module: Record<string, unknown>): module is Record<string, unknown> & ServerBuild {
	return 'routes' in module && 'entry' in module && 'assets' in module
}
