import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { expect, type Page } from '@playwright/test'
import type { Role } from '~/.server/prisma/client'
import { hashPassword } from '~/auth/password.server'
import { createPrismaClient } from '~/db/prisma.server'

export type TestAccount = { id: string; email: string; displayName: string; password: string }

function e2eDatabaseUrl(): string {
	const url = process.env.E2E_DATABASE_URL
	if (!url) throw new Error('E2E_DATABASE_URL is not set: run the browser tests with `npm run test:e2e`')
	return url
}

/** An account written straight to the e2e server's database (faster than creating it through the admin UI). */
export async function createAccountInDatabase({ role }: { role: Role }): Promise<TestAccount> {
	const suffix = randomBytes(4).toString('hex')
	// Unique, so that a test finds its own account among those of tests running in parallel.
	const displayName = `${role === 'ADMIN' ? 'Erlan Admin' : 'Aigerim Checker'} ${suffix}`
	const email = `${role === 'ADMIN' ? 'admin' : 'checker'}-${suffix}@e2e.example.org`
	const password = `e2e password ${suffix}`
	const prisma = createPrismaClient(e2eDatabaseUrl())
	try {
		const user = await prisma.user.create({
			data: { email, displayName, role, password: { create: { hash: await hashPassword(password) } } },
		})
		return { id: user.id, email, displayName, password }
	} finally {
		await prisma.$disconnect()
	}
}

/** An admin made the way the first admin is: `npm run user:create`, the password on standard input. */
export function createAdminWithCommandLine(): TestAccount & { output: string } {
	const suffix = randomBytes(4).toString('hex')
	const account = {
		id: '',
		email: `cli-admin-${suffix}@e2e.example.org`,
		displayName: `Command-line Admin ${suffix}`,
		password: `cli password ${suffix}`,
	}
	const result = spawnSync(
		process.execPath,
		[
			'--import',
			'tsx',
			'scripts/user-create.ts',
			'--email',
			account.email,
			'--name',
			account.displayName,
			'--role',
			'admin',
		],
		{
			input: `${account.password}\n`,
			encoding: 'utf8',
			env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
		},
	)
	if (result.status !== 0) throw new Error(`user:create failed: ${result.stderr}`)
	return { ...account, output: result.stdout.trim() }
}

/** Signs in through the sign-in form (from wherever the page is, or from /sign-in). */
export async function signIn(page: Page, { email, password }: { email: string; password: string }) {
	if (!new URL(page.url(), 'http://x').pathname.startsWith('/sign-in')) await page.goto('/sign-in')
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password', { exact: true }).fill(password)
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page).not.toHaveURL(/\/sign-in/)
}
