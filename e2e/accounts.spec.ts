import type { Page } from '@playwright/test'
import { createPrismaClient } from '~/db/prisma.server'
import { createAccountInDatabase, createAdminWithCommandLine, signInThroughForm } from './support/accounts'
import { expect, test } from './support/fixtures'
import { uniqueSuffix } from './support/unique'

// The tests of the sign-in form itself: the only ones that sign in through it, once per role (an admin
// with JavaScript, a fact-checker without), plus a first sign-in with a one-time password. Every other
// test signs in with the signInAs fixture.

/** Console messages that would mean the Content-Security-Policy blocked something, or a script failed. */
function watchForBlockedContent(page: Page) {
	const problems: string[] = []
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text()))
			problems.push(message.text())
	})
	page.on('pageerror', (error) => problems.push(error.message))
	return problems
}

function accountMenu(page: Page) {
	return page.getByRole('navigation', { name: 'Your account', exact: true })
}

test('an admin signs in, sees the admin area, and signs out', async ({ page, context, server }) => {
	const admin = await createAccountInDatabase(server, { role: 'ADMIN' })
	const blocked = watchForBlockedContent(page)

	await page.goto('/admin/accounts')
	await expect(page).toHaveURL('/sign-in?redirectTo=%2Fadmin%2Faccounts')
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in', exact: true })).toBeVisible()
	await signInThroughForm(page, admin)

	await expect(page).toHaveURL('/admin/accounts')
	await expect(page.getByRole('heading', { level: 1, name: 'Accounts', exact: true })).toBeVisible()
	await expect(
		page.getByRole('row').filter({ hasText: admin.email }).getByRole('cell', { name: 'Admin', exact: true }),
	).toBeVisible()
	await expect(
		accountMenu(page).getByRole('link', { name: `Account: ${admin.displayName}`, exact: true }),
	).toBeVisible()

	const [session] = (await context.cookies()).filter((cookie) => cookie.name === 'uade_session')
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })

	await page
		.getByRole('navigation', { name: 'Admin area', exact: true })
		.getByRole('link', { name: 'Admin home', exact: true })
		.click()
	await expect(page.getByRole('heading', { level: 1, name: 'Admin', exact: true })).toBeVisible()
	const events = page.getByRole('table', {
		name: 'The 15 most recent sign-ins and account changes',
		exact: true,
	})
	await expect(events.getByRole('row').filter({ hasText: admin.displayName }).first()).toContainText(
		'Signed in',
	)
	// Remix's inline scripts ran (they carry the CSP nonce): the page is hydrated.
	expect(await page.evaluate(() => '__remixRouter' in window)).toBe(true)

	await accountMenu(page).getByRole('button', { name: 'Sign out', exact: true }).click()
	await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible()
	await expect(accountMenu(page)).toHaveCount(0)
	expect((await context.cookies()).filter((cookie) => cookie.name === 'uade_session')).toEqual([])

	await page.goto('/admin')
	await expect(page).toHaveURL('/sign-in?redirectTo=%2Fadmin')
	expect(blocked).toEqual([])
})

test('a wrong password shows the message and keeps the email', async ({ page, server }) => {
	const admin = await createAccountInDatabase(server, { role: 'ADMIN' })
	await page.goto('/sign-in')
	await page.getByLabel('Email', { exact: true }).fill(admin.email)
	await page.getByLabel('Password', { exact: true }).fill('not the right password')
	await page.getByRole('button', { name: 'Sign in', exact: true }).click()

	await expect(page.getByRole('alert')).toHaveText(
		'The email or the password is not right. Please check both and try again.',
	)
	await expect(page.getByLabel('Email', { exact: true })).toHaveValue(admin.email)
	await expect(page).toHaveURL('/sign-in')
	await page.goto('/admin')
	await expect(page).toHaveURL(/\/sign-in/)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('a fact-checker signs in after a wrong password, and signs out, with plain form posts', async ({
		page,
		server,
	}) => {
		const checker = await createAccountInDatabase(server, { role: 'FACT_CHECKER' })
		await page.goto('/sign-in?redirectTo=%2Faccount')
		await page.getByLabel('Email', { exact: true }).fill(checker.email)
		await page.getByLabel('Password', { exact: true }).fill('a wrong password')
		const failed = page.waitForResponse((response) => response.request().method() === 'POST')
		await page.getByRole('button', { name: 'Sign in', exact: true }).click()
		expect((await failed).status()).toBe(400)
		await expect(page.getByRole('alert')).toHaveText(
			'The email or the password is not right. Please check both and try again.',
		)
		await expect(page.getByLabel('Email', { exact: true })).toHaveValue(checker.email)
		// The page the server sent back never holds the password.
		await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')
		expect(await page.content()).not.toContain('a wrong password')

		await signInThroughForm(page, checker)
		await expect(page).toHaveURL('/account')
		await expect(page.getByRole('heading', { level: 1, name: 'Your account', exact: true })).toBeVisible()
		await expect(
			accountMenu(page).getByRole('link', { name: `Account: ${checker.displayName}`, exact: true }),
		).toBeVisible()

		await accountMenu(page).getByRole('button', { name: 'Sign out', exact: true }).click()
		await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible()
	})
})

test('an admin made with user:create creates a fact-checker, who signs in, chooses a password, and gets 403 on /admin', async ({
	browser,
	server,
	signInAs,
}) => {
	// Three browser contexts and a command-line run: more than the usual 30 s on a loaded machine.
	test.slow()
	const admin = await createAdminWithCommandLine(server)
	expect(admin.output).toBe(
		`Created the admin account of ${admin.displayName} <${admin.email}>. Sign in at /sign-in.`,
	)
	const adminContext = await browser.newContext()
	await signInAs(admin, { context: adminContext })
	const adminPage = await adminContext.newPage()
	const blocked = watchForBlockedContent(adminPage)
	await adminPage.goto('/admin')
	await expect(adminPage.getByRole('heading', { level: 1, name: 'Admin', exact: true })).toBeVisible()

	await adminPage.getByRole('link', { name: 'Create an account', exact: true }).first().click()
	const suffix = uniqueSuffix()
	const email = `new-checker-${suffix}@e2e.example.org`
	const name = `Dana Newcomer ${suffix}`
	await adminPage.getByLabel('Email', { exact: true }).fill(email)
	await adminPage.getByLabel('Name', { exact: true }).fill(name)
	await adminPage.getByRole('radio', { name: /^Fact-checker/ }).check()
	await adminPage
		.getByRole('radio', { name: 'Generate a one-time password for me to hand over', exact: true })
		.check()
	await adminPage.getByRole('button', { name: 'Create account', exact: true }).click()
	await expect(
		adminPage.getByRole('heading', { level: 1, name: 'Account created', exact: true }),
	).toBeVisible()
	const oneTimePassword = (await adminPage.locator('.one-time-password code').textContent()) ?? ''
	expect(oneTimePassword).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/)

	// The one-time password is what this test is about: the new fact-checker's first sign-in is a form's.
	const checkerContext = await browser.newContext()
	const checkerPage = await checkerContext.newPage()
	await checkerPage.goto('/sign-in')
	await signInThroughForm(checkerPage, { email, password: oneTimePassword })
	await expect(checkerPage).toHaveURL('/account')
	const mustChange =
		'Please choose a new password before you continue: the one you signed in with was set by an admin.'
	await expect(checkerPage.getByRole('alert')).toHaveText(mustChange)
	await checkerPage.getByLabel('Current password', { exact: true }).fill(oneTimePassword)
	await checkerPage.getByLabel('New password', { exact: true }).fill('dana chooses her own')
	await checkerPage.getByLabel('New password, again', { exact: true }).fill('dana chooses her own')
	await checkerPage.getByRole('button', { name: 'Change password', exact: true }).click()
	await expect(checkerPage.getByText(mustChange, { exact: true })).toHaveCount(0)
	await expect(checkerPage.getByRole('alert')).toHaveCount(0)
	await expect(
		checkerPage.getByRole('heading', { level: 1, name: 'Your account', exact: true }),
	).toBeVisible()
	await expect(checkerPage.locator('dt:text-is("Role") + dd')).toHaveText('Fact-checker')
	await expect(accountMenu(checkerPage).getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0)

	const forbidden = await checkerPage.goto('/admin/accounts')
	expect(forbidden?.status()).toBe(403)
	await expect(checkerPage.getByRole('heading', { level: 1, name: 'Not allowed', exact: true })).toBeVisible()

	// The admin disables the account: the fact-checker's session ends at once.
	await adminPage.getByRole('link', { name: `Open ${name}’s account`, exact: true }).click()
	await adminPage.getByRole('button', { name: 'Disable account', exact: true }).click()
	await expect(adminPage.getByRole('status')).toHaveText(
		'The account is disabled and every session of it has ended.',
	)
	await checkerPage.goto('/account')
	await expect(checkerPage).toHaveURL('/sign-in?redirectTo=%2Faccount')
	await checkerPage.getByLabel('Email', { exact: true }).fill(email)
	await checkerPage.getByLabel('Password', { exact: true }).fill('dana chooses her own')
	await checkerPage.getByRole('button', { name: 'Sign in', exact: true }).click()
	await expect(checkerPage.getByRole('alert')).toHaveText(
		'This account is disabled. If you think this is a mistake, please ask an admin.',
	)
	expect(blocked).toEqual([])
	await Promise.all([adminContext.close(), checkerContext.close()])
})

test('every response carries the security headers, with a fresh script nonce', async ({ request }) => {
	const first = await request.get('/sign-in')
	const second = await request.get('/sign-in')
	const policy = first.headers()['content-security-policy'] ?? ''
	const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
	expect(nonce).toBeTruthy()
	expect(second.headers()['content-security-policy']).not.toContain(nonce)
	expect(policy).toContain(`script-src 'self' 'nonce-${nonce}'`)
	expect(policy).toContain("frame-ancestors 'none'")
	expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/)
	expect(first.headers()['x-content-type-options']).toBe('nosniff')
	expect(first.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin')
	expect(first.headers()['strict-transport-security']).toBe('max-age=63072000')
	// Every inline script of the page carries this response's nonce.
	const html = await first.text()
	const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])
	expect(scripts.length).toBeGreaterThan(0)
	for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
})

// Over HTTP, not in a browser: the sign-in form is the form whose Origin check is tested here.
test('a form posted from another site is refused with 403', async ({ request, baseURL, server }) => {
	const admin = await createAccountInDatabase(server, { role: 'ADMIN' })
	const form = { email: admin.email, password: admin.password }
	const crossSite = await request.post('/sign-in', {
		form,
		headers: { Origin: 'https://evil.example' },
		maxRedirects: 0,
	})
	expect(crossSite.status()).toBe(403)
	expect(crossSite.headers()['set-cookie']).toBeUndefined()
	const sameSite = await request.post('/sign-in', {
		form,
		headers: { Origin: baseURL ?? '' },
		maxRedirects: 0,
	})
	expect(sameSite.status()).toBe(302)
	expect(sameSite.headers()['location']).toBe('/admin')
	// Signed in now: pages that name the user are never kept by a shared cache.
	const adminPage = await request.get('/admin')
	expect(adminPage.status()).toBe(200)
	expect(adminPage.headers()['cache-control']).toBe('private, no-store')
})

test('the audit log filter checks a filter before asking, and shows the filters of the page it is on', async ({
	page,
	server,
	signInAs,
}) => {
	const admin = await signInAs('ADMIN')
	// The fixture writes no sign-in entry: one of this admin's own, to find with the filter.
	const prisma = createPrismaClient(server.databaseUrl)
	try {
		await prisma.auditEntry.create({
			data: {
				actorId: admin.id,
				action: 'auth.sign_in',
				entityType: 'User',
				entityId: admin.id,
				ipAddress: null,
			},
		})
	} finally {
		await prisma.$disconnect()
	}
	await page.goto('/admin/audit')
	// Actions are chosen from a list; a typed filter (the record's id) is still checked before asking.
	const entityId = page.getByLabel('Entity id', { exact: true })
	await entityId.fill("x' OR 1=1")
	await page.getByRole('button', { name: 'Show entries', exact: true }).click()
	await expect(
		page.getByText('An id has only letters, digits, hyphens and underscores.', { exact: true }),
	).toBeVisible()
	await expect(page).toHaveURL('/admin/audit')
	await entityId.fill('')

	const action = page.getByLabel('Action', { exact: true })
	await action.selectOption({ label: 'Signed in' })
	await page.getByRole('button', { name: 'Show entries', exact: true }).click()
	await expect(page).toHaveURL(/\/admin\/audit\?.*action=auth\.sign_in/)
	const entries = page.getByRole('table', {
		name: 'Up to 50 entries per page, filtered, newest first. Times are UTC.',
		exact: true,
	})
	await expect(entries.getByRole('row').filter({ hasText: admin.displayName }).first()).toContainText(
		'auth.sign_in',
	)
	await page.getByRole('link', { name: 'Clear the filters', exact: true }).click()
	await expect(page).toHaveURL('/admin/audit')
	await expect(action).toHaveValue('')
})
