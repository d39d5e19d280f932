import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * What JavaScript each public page makes a browser download, read from a production build: the Remix
 * manifest (`build/client/assets/manifest-*.js`) names every route's module and the chunks it imports
 * statically (modulepreloaded with the page); the chunks themselves name what they load later with
 * `import()` (Vite lists a lazy chunk's own dependencies in its `__vite__mapDeps` table). Sizes are gzip at
 * level 6, what the server's compression sends.
 */

export type PublicPage = { name: string; routeId: string; hasCharts: boolean }

/** The public pages and whether they show a chart (the rule: no chart code where no chart is). */
export const publicPages: PublicPage[] = [
	{ name: 'home (platform overview)', routeId: 'routes/$lang._index', hasCharts: true },
	{ name: 'platform overview', routeId: 'routes/$lang.platforms.$platform._index', hasCharts: true },
	{ name: 'pledge list', routeId: 'routes/$lang.platforms.$platform.pledges._index', hasCharts: false },
	{ name: 'pledge page', routeId: 'routes/$lang.platforms.$platform.pledges.$pledge', hasCharts: true },
	{ name: 'methodology', routeId: 'routes/$lang.methodology', hasCharts: false },
	{ name: 'about', routeId: 'routes/$lang.about', hasCharts: false },
	{ name: 'corrections', routeId: 'routes/$lang.corrections', hasCharts: false },
]

/** A string chart.js's core keeps through minification (the Chart constructor's error for a reused canvas). */
export const chartCodeMarker = 'Canvas is already in use'

type Manifest = {
	entry: { module: string; imports?: string[] }
	routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>
}

export type PageScripts = PublicPage & {
	/** Downloaded with the page (the entry, then every route module of the page and their static imports). */
	onLoad: { files: string[]; gzipBytes: number; chartCode: boolean }
	/** Loaded later by `import()`, for instance a chart when it renders. */
	lazy: { files: string[]; gzipBytes: number; chartCode: boolean }
}

export type JsSizeReport = { pages: PageScripts[]; violations: string[] }

export async function readManifest(clientDir: string): Promise<Manifest> {
	const assets = path.join(clientDir, 'assets')
	if (!existsSync(assets)) throw new Error(`${clientDir} holds no build: run \`npm run build\` first`)
	const file = (await readdir(assets)).find((name) => /^manifest-[\w-]+\.js$/.test(name))
	if (!file) throw new Error(`No Remix manifest (manifest-*.js) in ${assets}`)
	const source = await readFile(path.join(assets, file), 'utf8')
	const json = source.replace(/^window\.__remixManifest\s*=\s*/, '').replace(/;\s*$/, '')
	const manifest: Manifest = JSON.parse(json)
	return manifest
}

export async function reportJsSize(
	clientDir: string,
	pages: PublicPage[] = publicPages,
): Promise<JsSizeReport> {
	const manifest = await readManifest(clientDir)
	const contents = new Map<string, string>()
	const read = async (file: string) => {
		let text = contents.get(file)
		if (text === undefined) {
			text = await readFile(path.join(clientDir, file), 'utf8')
			contents.set(file, text)
		}
		return text
	}
	const gzipBytes = async (files: string[]) => {
		let total = 0
		for (const file of files) total += gzipSync(await read(file), { level: 6 }).length
		return total
	}
	const hasChartCode = async (files: string[]) => {
		for (const file of files) if ((await read(file)).includes(chartCodeMarker)) return true
		return false
	}

	const report: JsSizeReport = { pages: [], violations: [] }
	for (const page of pages) {
		const chain: string[] = []
		for (let id: string | undefined = page.routeId; id; id = manifest.routes[id]?.parentId) {
			if (!manifest.routes[id]) throw new Error(`The build has no route ${id}`)
			chain.unshift(id)
		}
		const onLoad = unique([
			manifest.entry.module,
			...(manifest.entry.imports ?? []),
			...chain.flatMap((id) => {
				const route = manifest.routes[id]
				return route ? [route.module, ...(route.imports ?? [])] : []
			}),
		]).map((file) => file.replace(/^\//, ''))

		const lazy: string[] = []
		const loaded = new Set(onLoad)
		const queue = [...onLoad]
		for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
			for (const imported of await lazyImports(file, await read(file))) {
				if (loaded.has(imported)) continue
				loaded.add(imported)
				lazy.push(imported)
				queue.push(imported)
			}
		}

		const scripts: PageScripts = {
			...page,
			onLoad: { files: onLoad, gzipBytes: await gzipBytes(onLoad), chartCode: await hasChartCode(onLoad) },
			lazy: { files: lazy, gzipBytes: await gzipBytes(lazy), chartCode: await hasChartCode(lazy) },
		}
		report.pages.push(scripts)
		if (!page.hasCharts && (scripts.onLoad.chartCode || scripts.lazy.chartCode)) {
			report.violations.push(
				`${page.name} (${page.routeId}) shows no chart but ${scripts.onLoad.chartCode ? 'loads' : 'can load'} chart code`,
			)
		}
	}
	return report
}

/** The chunks a chunk loads with `import("./x.js")`, with the dependencies Vite preloads for them. */
async function lazyImports(file: string, source: string): Promise<string[]> {
	const directory = path.posix.dirname(file)
	const found = new Set<string>()
	for (const match of source.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) {
		if (match[1]) found.add(path.posix.join(directory, match[1]))
	}
	// `m.f=["assets/a.js","assets/b.js"]`: the files Vite preloads with this chunk's dynamic imports.
	for (const table of source.matchAll(/m\.f=\[([^\]]*)\]/g)) {
		for (const entry of (table[1] ?? '').matchAll(/["']([^"']+\.js)["']/g)) if (entry[1]) found.add(entry[1])
	}
	return [...found]
}

function unique<T>(items: T[]): T[] {
	return [...new Set(items)]
}

export function formatJsSizeReport(report: JsSizeReport): string {
	const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
	const rows = report.pages.map((page) => [
		page.name,
		kb(page.onLoad.gzipBytes),
		page.lazy.files.length > 0 ? `+${kb(page.lazy.gzipBytes)}` : '-',
		page.onLoad.chartCode ? 'on load' : page.lazy.chartCode ? 'lazy, with a chart' : 'none',
	])
	const header = ['page', 'JS on load (gzip)', 'loaded later', 'chart code']
	const widths = header.map((cell, index) =>
		Math.max(cell.length, ...rows.map((row) => row[index]?.length ?? 0)),
	)
	const line = (cells: string[]) =>
		`| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}
