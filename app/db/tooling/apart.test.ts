import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'

const appDir = path.join(process.cwd(), 'app')
const toolingDir = path.join(appDir, 'db', 'tooling')

/** Modules that may use the tooling: tests, the test helpers, and the tooling itself. */
function mayUseTooling(file: string): boolean {
	return (
		/\.test\.tsx?$/.test(file) ||
		file.startsWith(`${path.join(appDir, 'test')}${path.sep}`) ||
		file.startsWith(`${toolingDir}${path.sep}`)
	)
}

async function appModules(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true })
	const nested = await Promise.all(
		entries.map(async (entry) => {
			const file = path.join(dir, entry.name)
			if (entry.isDirectory()) return entry.name === '.server' ? [] : appModules(file)
			return /\.tsx?$/.test(entry.name) ? [file] : []
		}),
	)
	return nested.flat()
}

/** The files under app/db/tooling that `file` imports (statically or dynamically). */
function toolingImportsOf(file: string, source: string): string[] {
	const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1] ?? '')
	return specifiers.filter((specifier) => {
		const target = specifier.startsWith('~/')
			? path.join(appDir, specifier.slice(2))
			: specifier.startsWith('.')
				? path.resolve(path.dirname(file), specifier)
				: undefined
		return target !== undefined && (target === toolingDir || target.startsWith(`${toolingDir}${path.sep}`))
	})
}

test('nothing that runs per request imports the tooling (embedded PostgreSQL, migrations, seed)', async () => {
	const offenders: string[] = []
	for (const file of await appModules(appDir)) {
		if (mayUseTooling(file)) continue
		for (const specifier of toolingImportsOf(file, await readFile(file, 'utf8'))) {
			offenders.push(`${path.relative(process.cwd(), file)} imports ${specifier}`)
		}
	}
	expect(offenders).toEqual([])
})

test('the check sees an import of the tooling', () => {
	const route = path.join(appDir, 'routes', 'example.tsx')
	expect(toolingImportsOf(route, "import { seed } from '~/db/tooling/seed.server'")).toEqual([
		'~/db/tooling/seed.server',
	])
	expect(toolingImportsOf(route, "const m = await import('../db/tooling/migrate.server')")).toEqual([
		'../db/tooling/migrate.server',
	])
	expect(toolingImportsOf(route, "import { getPrisma } from '~/db/prisma.server'")).toEqual([])
})
