import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

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
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/.server/prisma/*', '!**/.server/prisma/client', '!**/.server/prisma/enums'],
							message:
								'Import the Prisma client from ~/.server/prisma/client or enums from ~/.server/prisma/enums.',
						},
					],
				},
			],
		},
	},
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
