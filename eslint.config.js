import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/*
 * Layers of app/. Imports run one way, top to bottom, so no two folders import each other (app/layers.test.ts
 * also fails on any run-time import cycle between folders). Each may import only what its line names:
 *
 *   routes/, root.tsx, entry.*  → api, components, forms, models, auth, server, data, i18n, styles, route-data.ts
 *   api/ (the JSON API)         → server, models, forms, db, i18n
 *   server/ (the HTTP server)   → auth, models, db, i18n
 *   data/ (import and export)   → models, forms, db, i18n
 *   components/                 → forms, models, i18n, route-data.ts; a *.server module for its types only
 *   auth/                       → models, forms, db, i18n
 *   models/                     → db, forms (input types, enum lists, translation rules, helpers), i18n
 *   forms/ (run in the browser) → i18n; a *.server module for its types only
 *   i18n/                       → route-data.ts
 *   route-data.ts               → root.tsx and routes/, for their loaders' types only
 *   db/                         → nothing of app/ but the generated Prisma client
 *
 * Shared loader data is read through the hooks of app/route-data.ts, never useRouteLoaderData('some id').
 * Tests (*.test.ts, app/test/) may import anything; nothing else imports app/test/.
 */
const appModules = {
	routes: '^~/routes/',
	'root.tsx': '^~/root(\\.tsx)?$',
	'route-data.ts': '^~/route-data(\\.ts)?$',
	'routes.ts': '^~/routes(\\.ts)?$',
	'entry.*': '^~/entry\\.',
	server: '^~/server/',
	api: '^~/api/',
	components: '^~/components/',
	auth: '^~/auth/',
	data: '^~/data/',
	models: '^~/models/',
	forms: '^~/forms/',
	i18n: '^~/i18n/',
	db: '^~/db/',
	styles: '^~/styles/',
	test: '^~/test/',
}

const routeLayer = [
	'api',
	'components',
	'forms',
	'models',
	'auth',
	'server',
	'data',
	'i18n',
	'styles',
	'route-data.ts',
]
export const layers = {
	'app/routes/**': { name: 'routes', may: ['routes', ...routeLayer] },
	'app/root.tsx': { name: 'root.tsx', may: routeLayer },
	'app/entry.*.tsx': { name: 'entry.*', may: routeLayer },
	'app/server/**': { name: 'server', may: ['server', 'auth', 'models', 'db', 'i18n'] },
	'app/api/**': { name: 'api', may: ['api', 'server', 'models', 'forms', 'db', 'i18n'] },
	'app/components/**': {
		name: 'components',
		may: ['components', 'forms', 'models', 'i18n', 'route-data.ts'],
		serverTypesOnly: true,
	},
	'app/auth/**': { name: 'auth', may: ['auth', 'models', 'forms', 'db', 'i18n'] },
	'app/data/**': { name: 'data', may: ['data', 'models', 'db', 'forms', 'i18n'] },
	'app/models/**': { name: 'models', may: ['models', 'db', 'forms', 'i18n'] },
	'app/forms/**': { name: 'forms', may: ['forms', 'i18n'], serverTypesOnly: true },
	'app/i18n/**': { name: 'i18n', may: ['i18n', 'route-data.ts'] },
	'app/route-data.ts': {
		name: 'route-data.ts',
		may: [],
		typesOnly: ['root.tsx', 'routes'],
		readsRouteData: true,
	},
	'app/db/**': { name: 'db', may: ['db'] },
}

/** The options of no-restricted-imports: the rules every file keeps, then a layer's own. */
function restrictedImports({ readsRouteData = false, patterns = [] } = {}) {
	return [
		'error',
		{
			paths: readsRouteData
				? []
				: [
						{
							name: '@remix-run/react',
							importNames: ['useRouteLoaderData'],
							message: "Read shared loader data with the hooks of ~/route-data (they know each route's id).",
						},
					],
			patterns: [
				{
					group: ['**/.server/prisma/*', '!**/.server/prisma/client', '!**/.server/prisma/enums'],
					message:
						'Import the Prisma client from ~/.server/prisma/client or enums from ~/.server/prisma/enums.',
				},
				...patterns,
			],
		},
	]
}

function layerConfigs() {
	const tests = ['**/*.test.ts', '**/*.test.tsx']
	const configs = Object.entries(layers).map(([files, layer]) => {
		const typesOnly = layer.typesOnly ?? []
		const patterns = Object.entries(appModules)
			.filter(([module]) => !layer.may.includes(module))
			.map(([module, regex]) => ({
				regex,
				allowTypeImports: typesOnly.includes(module),
				message: typesOnly.includes(module)
					? `${layer.name} imports ${module} for types only (layers: eslint.config.js).`
					: `${layer.name} may not import ${module} (layers: eslint.config.js).`,
			}))
		if (layer.serverTypesOnly)
			patterns.push({
				regex: '\\.server(\\.tsx?)?($|/)',
				allowTypeImports: true,
				message: `${layer.name} runs in the browser: it imports a *.server module for its types only.`,
			})
		return {
			files: [files.endsWith('**') ? `${files}/*.{ts,tsx}` : files],
			ignores: tests,
			rules: {
				'no-restricted-imports': restrictedImports({ readsRouteData: layer.readsRouteData, patterns }),
			},
		}
	})
	// A relative path out of a folder (`../routes/…` from app/components/) would slip past the rules above.
	const climbs = [1, 2, 3, 4].map((depth) => ({
		files: [`app/${'*/'.repeat(depth)}*.{ts,tsx}`],
		rules: {
			'no-restricted-syntax': [
				'error',
				...['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].map(
					(node) => ({
						selector: `${node}[source.value=/^(\\.\\.\\/){${depth}}(?!\\.\\.\\/)/]`,
						message: 'Import another folder of app/ as ~/folder/…, so the layer rules see it.',
					}),
				),
			],
		},
	}))
	return [...configs, ...climbs]
}

export default tseslint.config(
	{
		ignores: [
			'build/',
			// UADE_BUILD_DIR builds (build-<name>), as in .gitignore and .prettierignore.
			'build-*/',
			'node_modules/',
			'app/.server/prisma/',
			'test-results/',
			'playwright-report/',
			'.data/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx,js}'],
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'no-restricted-imports': restrictedImports(),
		},
	},
	...layerConfigs(),
	{
		files: ['**/*.tsx'],
		plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
		settings: { react: { version: 'detect' } },
		rules: {
			...react.configs.recommended.rules,
			...react.configs['jsx-runtime'].rules,
			...reactHooks.configs.recommended.rules,
			...jsxA11y.configs.recommended.rules,
			'react/prop-types': 'off',
		},
	},
)
