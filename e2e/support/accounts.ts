import { spawnSync } from 'node:child_process'
import { expect, type Page } from '@playwright/test'
import type { Role } from '~/.server/prisma/client'
import { hashPassword } from '~/models/password.server'
import { createPrismaClient } from '~/db/prisma.server'
import type { E2eServer } from './servers'
import { uniqueSuffix } from './unique'

export type TestAccount = { id: string; email: string; displayName: string; password: string }

/** An account written straight to the server's database (faster than creating it through the admin UI). */
export async function createAccountInDatabase(
	server: E2eServer,
	{ role }: { role: Role },
): Promise<TestAccount> {
	// Unique, so that a test finds its own account among those that earlier tests made.
	const suffix = uniqueSuffix()
	const displayName = `${role === 'ADMIN' ? 'Erlan Admin' : 'Aigerim Checker'} ${suffix}`
	const email = `${role === 'ADMIN' ? 'admin' : 'checker'}-${suffix}@e2e.example.org`
	const password = `e2e password ${suffix}`
	const prisma = createPrismaClient(server.databaseUrl)
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
export async function createAdminWithCommandLine(
	server: E2eServer,
): Promise<TestAccount & { output: string }> {
	const suffix = uniqueSuffix()
	const account = {
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
			env: { ...process.env, DATABASE_URL: server.databaseUrl },
		},
	)
	if (result.status !== 0) throw new Error(`user:create failed: ${result.stderr}`)
	const prisma = createPrismaClient(server.databaseUrl)
	try {
		const { id } = await prisma.user.findUniqueOrThrow({
			where: { email: account.email },
			select: { id: true },
		})
		return { id, ...account, output: result.stdout.trim() }
	} finally {
		await prisma.$disconnect()
	}
}

/**
 * Signs in through the sign-in form (from wherever the page is, or from /sign-in). Only the tests of the
 * form itself use it; every other test signs in with the `signInAs` fixture (fixtures.ts).
 */
export async function signInThroughForm(
	page: Page,
	{ email, password }: { email: string; password: string },
) {
	if (!new URL(page.url(), 'http://x').pathname.startsWith('/sign-in')) await page.goto('/sign-in')
	await page.getByLabel('Email', { exact: true }).fill(email)
	await page.getByLabel('Password', { exact: true }).fill(password)
	await page.getByRole('button', { name: 'Sign in', exact: true }).click()
	await expect(page).not.toHaveURL(/\/sign-in/)
}
