import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { chartCodeMarker, reportJsSize, type PublicPage } from './js-size'

// A miniature client build: the Remix manifest and chunks that import each other as Vite writes them.
async function writeBuild(
	files: Record<string, string>,
	routes: Record<string, { parentId?: string; module: string; imports?: string[] }>,
) {
	const clientDir = await mkdtemp(path.join(os.tmpdir(), 'uade-js-size-'))
	await mkdir(path.join(clientDir, 'assets'))
	const manifest = {
		entry: { module: '/assets/entry.js', imports: ['/assets/react.js'] },
		routes: Object.fromEntries(Object.entries(routes).map(([id, route]) => [id, { id, ...route }])),
	}
	await writeFile(
		path.join(clientDir, 'assets', 'manifest-abc123.js'),
		`window.__remixManifest=${JSON.stringify(manifest)};`,
	)
	for (const [name, source] of Object.entries(files))
		await writeFile(path.join(clientDir, 'assets', name), source)
	return clientDir
}

const chartLibrary = `class Chart{constructor(){throw new Error("${chartCodeMarker} with ID")}}export{Chart as C};`
const lazyChart = `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/doughnut.js","assets/chart.js"])))=>i.map(i=>d[i]);const load=()=>import("./doughnut.js");`
const pages: PublicPage[] = [
	{ name: 'overview', routeId: 'routes/overview', hasCharts: true },
	{ name: 'list', routeId: 'routes/list', hasCharts: false },
]

let clientDir: string | undefined
afterEach(async () => {
	if (clientDir) await rm(clientDir, { recursive: true, force: true })
})

describe('reportJsSize', () => {
	test('counts what each page loads, on load and later, gzipped', async () => {
		clientDir = await writeBuild(
			{
				'entry.js': 'import"./react.js";',
				'react.js': 'export const React={};'.repeat(50),
				'root.js': 'export default 1;',
				'overview.js': `import"./lazy-chart.js";`,
				'lazy-chart.js': lazyChart,
				'doughnut.js': 'import{C}from"./chart.js";',
				'chart.js': chartLibrary,
				'list.js': 'export default 2;',
			},
			{
				root: { module: '/assets/root.js' },
				'routes/overview': {
					parentId: 'root',
					module: '/assets/overview.js',
					imports: ['/assets/lazy-chart.js'],
				},
				'routes/list': { parentId: 'root', module: '/assets/list.js' },
			},
		)
		const report = await reportJsSize(clientDir, pages)
		const [overview, list] = report.pages
		expect(overview?.onLoad.files).toEqual([
			'assets/entry.js',
			'assets/react.js',
			'assets/root.js',
			'assets/overview.js',
			'assets/lazy-chart.js',
		])
		expect(overview?.onLoad.chartCode).toBe(false)
		expect(overview?.lazy.files.sort()).toEqual(['assets/chart.js', 'assets/doughnut.js'])
		expect(overview?.lazy.chartCode).toBe(true)
		expect(list?.onLoad.files).toEqual([
			'assets/entry.js',
			'assets/react.js',
			'assets/root.js',
			'assets/list.js',
		])
		expect(list?.lazy.files).toEqual([])
		expect(list?.onLoad.gzipBytes).toBeGreaterThan(0)
		// Repetitive source compresses: the count is of gzip bytes, not of the source's.
		expect(list?.onLoad.gzipBytes).toBeLessThan('export const React={};'.length * 50)
		expect(report.violations).toEqual([])
	})

	test('names a page without charts that loads chart code, on load or lazily', async () => {
		clientDir = await writeBuild(
			{
				'entry.js': '',
				'react.js': '',
				'root.js': '',
				'overview.js': '',
				'list.js': lazyChart,
				'doughnut.js': 'import{C}from"./chart.js";',
				'chart.js': chartLibrary,
			},
			{
				root: { module: '/assets/root.js', imports: [] },
				'routes/overview': { parentId: 'root', module: '/assets/overview.js', imports: ['/assets/chart.js'] },
				'routes/list': { parentId: 'root', module: '/assets/list.js' },
			},
		)
		const report = await reportJsSize(clientDir, pages)
		expect(report.pages[0]?.onLoad.chartCode).toBe(true)
		expect(report.violations).toEqual(['list (routes/list) shows no chart but can load chart code'])
	})

	test('refuses a folder without a build', async () => {
		clientDir = await mkdtemp(path.join(os.tmpdir(), 'uade-js-size-'))
		await expect(reportJsSize(clientDir, pages)).rejects.toThrow('holds no build')
	})
})
