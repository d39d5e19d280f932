import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'

// The layers of app/ (written down and enforced in eslint.config.js), checked two ways: no run-time import
// cycle between app/'s folders, and the lint refusing an import against the layers.

const projectDir = process.cwd()
const appDir = path.join(projectDir, 'app')

/**
 * The modules a file loads when it runs: static imports and re-exports that are not type-only (an
 * `import { type A }` whose every name is a type is dropped by the compiler too), side-effect imports and
 * `import()`.
 */
function runtimeImportsOf(fileName: string, code: string): string[] {
	const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true)
	const imports: string[] = []
	const onlyTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) =>
		elements.length > 0 && elements.every((element) => element.isTypeOnly)
	function visit(node: ts.Node) {
		if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
			const clause = node.importClause
			const typeOnly =
				clause !== undefined &&
				(clause.isTypeOnly ||
					(clause.name === undefined &&
						clause.namedBindings !== undefined &&
						ts.isNamedImports(clause.namedBindings) &&
						onlyTypes(clause.namedBindings.elements)))
			if (!typeOnly) imports.push(node.moduleSpecifier.text)
		} else if (
			ts.isExportDeclaration(node) &&
			node.moduleSpecifier !== undefined &&
			ts.isStringLiteral(node.moduleSpecifier)
		) {
			const typeOnly =
				node.isTypeOnly ||
				(node.exportClause !== undefined &&
					ts.isNamedExports(node.exportClause) &&
					onlyTypes(node.exportClause.elements))
			if (!typeOnly) imports.push(node.moduleSpecifier.text)
		} else if (
			ts.isCallExpression(node) &&
			node.expression.kind === ts.SyntaxKind.ImportKeyword &&
			node.arguments[0] !== undefined &&
			ts.isStringLiteralLike(node.arguments[0])
		) {
			imports.push(node.arguments[0].text)
		}
		ts.forEachChild(node, visit)
	}
	visit(source)
	return imports
}

/** Every module of app/ that the app runs: not tests, not the generated Prisma client. */
function appModules(dir = appDir): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name)
		if (statSync(file).isDirectory()) return name === '.server' ? [] : appModules(file)
		return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : []
	})
}

/**
 * The part of app/ a module belongs to: its folder (`routes`, `models`), or for a module at app/'s top
 * its file name (`root.tsx`, `routes.ts`); undefined outside app/. Resolved as the bundler does: a file
 * before a folder of the same name (`~/routes` is app/routes.ts).
 */
function partOf(importer: string, specifier: string): string | undefined {
	const bare = specifier.replace(/\?.*$/, '')
	let target: string
	if (bare.startsWith('~/')) target = path.join(appDir, bare.slice(2))
	else if (bare.startsWith('.')) target = path.resolve(path.dirname(importer), bare)
	else return undefined
	const file = ['.ts', '.tsx']
		.map((extension) => target + extension)
		.find((candidate) => existsSync(candidate))
	const relative = path.relative(appDir, file ?? target)
	if (relative.startsWith('..')) return undefined
	const [first = '', ...rest] = relative.split(path.sep)
	return rest.length === 0 && file !== undefined ? path.basename(file) : first
}

type Edge = { from: string; to: string; via: string }

/** Run-time imports from one part of app/ to another, each with the first file and import that makes it. */
function appImportGraph(): Edge[] {
	const edges = new Map<string, Edge>()
	for (const file of appModules()) {
		const from = partOf(file, `./${path.basename(file)}`)
		for (const specifier of runtimeImportsOf(file, readFileSync(file, 'utf8'))) {
			const to = partOf(file, specifier)
			if (from === undefined || to === undefined || to === from) continue
			const key = `${from} ${to}`
			if (!edges.has(key))
				edges.set(key, { from, to, via: `${path.relative(appDir, file)} imports ${specifier}` })
		}
	}
	return [...edges.values()]
}

/** The groups of parts that import each other, directly or round a longer loop (Tarjan's components). */
function importCycles(edges: Array<Pick<Edge, 'from' | 'to'>>): string[][] {
	const next = new Map<string, string[]>()
	for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to])
	const index = new Map<string, number>()
	const lowest = new Map<string, number>()
	const stack: string[] = []
	const cycles: string[][] = []
	function connect(node: string) {
		index.set(node, index.size)
		lowest.set(node, index.get(node) ?? 0)
		stack.push(node)
		for (const to of next.get(node) ?? []) {
			if (!index.has(to)) {
				connect(to)
				lowest.set(node, Math.min(lowest.get(node) ?? 0, lowest.get(to) ?? 0))
			} else if (stack.includes(to)) {
				lowest.set(node, Math.min(lowest.get(node) ?? 0, index.get(to) ?? 0))
			}
		}
		if (lowest.get(node) !== index.get(node)) return
		const component: string[] = []
		let member: string | undefined
		do {
			member = stack.pop()
			if (member !== undefined) component.push(member)
		} while (member !== undefined && member !== node)
		if (component.length > 1) cycles.push(component.sort())
	}
	for (const node of new Set(edges.flatMap(({ from, to }) => [from, to]))) if (!index.has(node)) connect(node)
	return cycles
}

describe('imports between the folders of app/', () => {
	test('only run-time imports count: type-only ones are left out', () => {
		const code = [
			"import type { A } from '~/a'",
			"import { type B, type C } from '~/b'",
			"import { d, type D } from '~/d'",
			"import e from '~/e'",
			"import '~/styles/f.css'",
			"export type { G } from '~/g'",
			"export { h } from '~/h'",
			"const lazy = () => import('~/i')",
			"type J = typeof import('~/j')",
		].join('\n')
		expect(runtimeImportsOf('x.ts', code)).toEqual(['~/d', '~/e', '~/styles/f.css', '~/h', '~/i'])
	})

	test('a cycle is found, however long its loop', () => {
		expect(importCycles([{ from: 'a', to: 'b' }])).toEqual([])
		expect(
			importCycles([
				{ from: 'a', to: 'b' },
				{ from: 'b', to: 'c' },
				{ from: 'c', to: 'a' },
				{ from: 'c', to: 'd' },
			]),
		).toEqual([['a', 'b', 'c']])
	})

	test('the scan sees the folders and their run-time imports', () => {
		const edges = appImportGraph().map(({ from, to }) => `${from} → ${to}`)
		expect(edges).toEqual(expect.arrayContaining(['routes → components', 'components → i18n', 'models → db']))
		// route-data.ts names root.tsx's loader for its type only.
		expect(edges).not.toContain('route-data.ts → root.tsx')
	})

	test('no two folders import each other at run time, directly or round a loop', () => {
		const edges = appImportGraph()
		const cycles = importCycles(edges).map((parts) =>
			edges.filter(({ from, to }) => parts.includes(from) && parts.includes(to)).map(({ via }) => via),
		)
		expect(cycles).toEqual([])
	})
})

describe('the lint keeps the layers', () => {
	const eslint = new ESLint({ cwd: projectDir })

	test('the layers it allows never lead back to where they started', async () => {
		const config: unknown = await import(path.join(projectDir, 'eslint.config.js'))
		const { layers } = z
			.object({ layers: z.record(z.string(), z.object({ name: z.string(), may: z.array(z.string()) })) })
			.parse(config)
		const allowed = Object.values(layers).flatMap(({ name, may }) => may.map((to) => ({ from: name, to })))
		expect(importCycles(allowed.filter(({ from, to }) => from !== to))).toEqual([])
	})

	/** The import-rule messages ESLint gives for `code` as if it were the file at `filePath`. */
	async function importProblems(filePath: string, code: string): Promise<string[]> {
		const [result] = await eslint.lintText(code, { filePath: path.join(projectDir, filePath) })
		return (result?.messages ?? [])
			.filter(({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId === 'no-restricted-syntax')
			.map(({ ruleId, message }) => `${ruleId}: ${message}`)
	}

	test.each([
		['app/components/x.tsx', "import { loader } from '~/routes/$lang'", 'components may not import routes'],
		[
			'app/components/x.tsx',
			"import type { loader } from '~/routes/$lang'",
			'components may not import routes',
		],
		['app/components/x.tsx', "import type { loader } from '~/root'", 'components may not import root.tsx'],
		['app/components/charts/x.tsx', "import type { loader } from '../../routes/$lang'", 'as ~/folder/'],
		['app/components/x.tsx', "import { getPledgePage } from '~/models/pledge.server'", 'runs in the browser'],
		[
			'app/models/x.server.ts',
			"import { StatusBadge } from '~/components/public-ui'",
			'may not import components',
		],
		['app/models/x.server.ts', "import { requireUser } from '~/auth/guards.server'", 'may not import auth'],
		['app/models/x.server.ts', "import { loader } from '~/routes/$lang'", 'may not import routes'],
		[
			'app/models/x.server.ts',
			"import { publicPageHeaders } from '~/server/http-cache.server'",
			'not import server',
		],
		['app/forms/x.ts', "import { getPrisma } from '~/db/prisma.server'", 'forms may not import db'],
		[
			'app/forms/x.ts',
			"import type { SaveResult } from '~/models/save.server'",
			'forms may not import models',
		],
		['app/forms/x.ts', "import { requireUser } from '~/auth/guards.server'", 'forms may not import auth'],
		['app/forms/x.ts', "import { Role } from '~/.server/prisma/enums'", 'runs in the browser'],
		['app/i18n/x.ts', "import type { loader } from '~/root'", 'i18n may not import root.tsx'],
		['app/i18n/x.ts', "import type { loader } from '~/routes/$lang'", 'i18n may not import routes'],
		[
			'app/auth/x.server.ts',
			"import { publicPageCache } from '~/server/http-cache.server'",
			'not import server',
		],
		['app/db/x.server.ts', "import { recordAudit } from '~/models/audit.server'", 'db may not import models'],
		['app/routes/x.tsx', "import { getPrisma } from '~/db/prisma.server'", 'routes may not import db'],
		['app/routes/x.tsx', "import { createTestDatabase } from '~/test/db'", 'routes may not import test'],
		['app/routes/x.tsx', "import { useRouteLoaderData } from '@remix-run/react'", 'hooks of ~/route-data'],
	])('%s: %s', async (filePath, code, refusal) => {
		expect(await importProblems(filePath, code)).toContainEqual(expect.stringContaining(refusal))
	})

	test.each([
		['app/components/x.tsx', "import { useRootData } from '~/route-data'"],
		['app/components/x.tsx', "import type { PledgePage } from '~/models/pledge.server'"],
		['app/components/x.tsx', "import { pledgeStatuses } from '~/models/status'"],
		['app/models/x.server.ts', "import type { PoliticianEditInput } from '~/forms/politician'"],
		['app/models/x.server.ts', "import { isoDateOf } from '~/forms/fields'"],
		['app/forms/x.ts', "import type { Role } from '~/.server/prisma/enums'"],
		['app/server/x.server.ts', "import { hasSessionCookie } from '~/auth/session.server'"],
		[
			'app/route-data.ts',
			"import { useRouteLoaderData } from '@remix-run/react'\nimport type { loader } from '~/root'",
		],
		['app/auth/x.test.ts', "import routes from '~/routes'\nimport { createTestDatabase } from '~/test/db'"],
	])('%s may: %s', async (filePath, code) => {
		expect(await importProblems(filePath, code)).toEqual([])
	})
})
