import type { Page } from '@playwright/test'
import { createPrismaClient } from '~/db/prisma.server'
import { expect, test, type SignInAs } from './support/fixtures'
import { createTestPlatform } from './support/public-data'
import type { E2eServer } from './support/servers'

async function pledgeIdOf(server: E2eServer, platformSlug: string, pledgeSlug: string) {
	const prisma = createPrismaClient(server.databaseUrl)
	try {
		const pledge = await prisma.pledge.findFirstOrThrow({
			where: { slug: pledgeSlug, platform: { slug: platformSlug } },
			select: { id: true },
		})
		return pledge.id
	} finally {
		await prisma.$disconnect()
	}
}

/** Where a new pledge of the test platform goes: the platform's id and one of its categories'. */
async function placementOf(server: E2eServer, platformSlug: string) {
	const prisma = createPrismaClient(server.databaseUrl)
	try {
		const category = await prisma.category.findFirstOrThrow({
			where: { platform: { slug: platformSlug }, slug: 'society' },
			select: { id: true, platformId: true },
		})
		return { platformId: category.platformId, categoryId: category.id }
	} finally {
		await prisma.$disconnect()
	}
}

test('an admin edits a pledge’s title and Russian text, and the public pages show them at once', async ({
	page,
	server,
	signInAs,
}) => {
	const platform = await createTestPlatform(server)
	const pledgeId = await pledgeIdOf(server, platform.slug, 'greener-parks')
	const publicPath = (lang: string) => `/${lang}/platforms/${platform.slug}/pledges/greener-parks`

	// The Russian page has no Russian text yet: it shows the English title.
	await page.goto(publicPath('ru'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Greener parks')

	await signInAs('ADMIN')
	await page.goto('/admin/catalogue')
	await expect(page.getByRole('heading', { level: 1, name: 'Catalogue', exact: true })).toBeVisible()
	await page.goto(`/admin/catalogue/pledges/${pledgeId}`)
	await expect(
		page.getByRole('heading', { level: 1, name: 'Edit pledge: Greener parks', exact: true }),
	).toBeVisible()

	// A Russian title without its summary is refused, with the message at the field and the values kept.
	await page.getByLabel('Title', { exact: true }).fill('Greener parks in every district')
	await page.getByLabel('Russian title', { exact: true }).fill('Зелёные парки в каждом районе')
	await page.getByRole('button', { name: 'Save pledge', exact: true }).click()
	await expect(page.getByRole('alert')).toContainText('Nothing was saved')
	await expect(
		page.getByText('Enter the Russian summary too, or clear the Russian title.', { exact: true }),
	).toBeVisible()
	await expect(page.getByLabel('Russian title', { exact: true })).toHaveValue('Зелёные парки в каждом районе')

	await page
		.getByLabel('Russian summary', { exact: true })
		.fill('Новые деревья и скамейки в каждом районе города.')
	await page.getByRole('button', { name: 'Save pledge', exact: true }).click()
	await expect(page.getByRole('status')).toContainText('The pledge is saved')
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: 'Edit pledge: Greener parks in every district',
			exact: true,
		}),
	).toBeVisible()

	await page.goto(publicPath('ru'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Зелёные парки в каждом районе')
	await expect(
		page.getByText('Новые деревья и скамейки в каждом районе города.', { exact: true }),
	).toBeVisible()
	await page.goto(publicPath('en'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Greener parks in every district')
	// Editing the text leaves the status, which only the ledger sets.
	await expect(page.getByRole('region', { name: 'Current status', exact: true })).toContainText('Stalled')
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('an admin creates a politician with a plain form post, sees it in the audit log and on the dashboard', async ({
		page,
		signInAs,
	}) => {
		const admin = await signInAs('ADMIN')
		const suffix = admin.displayName.split(' ').at(-1) ?? 'x'

		await page.goto('/admin/catalogue/politicians/new')
		await page.getByLabel('Slug', { exact: true }).fill('Not A Slug')
		await page.getByLabel('Name', { exact: true }).fill(`Dana ${suffix}`)
		await page.getByRole('button', { name: 'Create politician', exact: true }).click()
		await expect(
			page.getByText('Use lowercase letters, digits and single hyphens between them, like it-jobs.', {
				exact: true,
			}),
		).toBeVisible()
		await expect(
			page.getByText('Enter the office, for example President of Kazakhstan.', { exact: true }),
		).toBeVisible()
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`Dana ${suffix}`)

		await page.getByLabel('Slug', { exact: true }).fill(`dana-${suffix}`)
		await page.getByLabel('Office', { exact: true }).fill('Akim of Testville')
		await page.getByRole('button', { name: 'Create politician', exact: true }).click()
		await expect(
			page.getByRole('heading', { level: 1, name: `Edit politician: Dana ${suffix}`, exact: true }),
		).toBeVisible()
		await expect(page.getByRole('status')).toContainText('The politician is saved.')

		await page.goto('/admin/catalogue')
		await expect(page.getByRole('link', { name: `Dana ${suffix}`, exact: true })).toBeVisible()
		await page.getByRole('link', { name: 'Fair Economy', exact: true }).first().click()
		await expect(page.getByRole('heading', { level: 1, name: /^Edit category: / })).toBeVisible()
		await page.goto('/admin/catalogue')
		await page.getByRole('link', { name: 'New platform', exact: true }).click()
		await expect(page.getByRole('heading', { level: 1, name: 'New platform', exact: true })).toBeVisible()

		await page.goto('/admin')
		await expect(page.getByRole('heading', { level: 2, name: 'Work waiting', exact: true })).toBeVisible()
		await expect(
			page.getByRole('table', { name: 'The latest changes made through Uade', exact: true }),
		).toContainText('politician.create')

		await page.goto('/admin/audit')
		// Exact: "By" is also inside the names of links such as "Entries about “Erlan Admin …”".
		await page
			.getByLabel('By', { exact: true })
			.selectOption({ label: `${admin.displayName} (${admin.email})` })
		await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Any politician change' })
		await page.getByRole('button', { name: 'Show entries', exact: true }).click()
		const entries = page.getByRole('table', {
			name: 'Up to 50 entries per page, filtered, newest first. Times are UTC.',
			exact: true,
		})
		await expect(entries.getByRole('row')).toHaveCount(2)
		await expect(entries).toContainText('Akim of Testville')
	})
})

/**
 * The milestone steps of a pledge as a list: "Add a step" gives an empty row, "Remove step 1" takes the
 * first away, and saving keeps the list as shown. The same with JavaScript (conform changes the list in
 * place) and without it (the server answers each button with the form again).
 */
async function editSteps({ page, server, signInAs }: { page: Page; server: E2eServer; signInAs: SignInAs }) {
	const platform = await createTestPlatform(server)
	const pledgeId = await pledgeIdOf(server, platform.slug, 'new-library')
	await signInAs('ADMIN')
	await page.goto(`/admin/catalogue/pledges/${pledgeId}`)
	await expect(page.getByLabel('Step 1', { exact: true })).toHaveValue('Site chosen')
	await expect(page.getByLabel('Step 2', { exact: true })).toHaveValue('Library opened')
	await expect(page.getByLabel('Step 3', { exact: true })).toHaveCount(0)

	await page.getByRole('button', { name: 'Add a step', exact: true }).click()
	await page.getByLabel('Step 3', { exact: true }).fill('Books delivered')
	await page.getByRole('button', { name: 'Remove step 1', exact: true }).click()
	await expect(page.getByLabel('Step 1', { exact: true })).toHaveValue('Library opened')
	await expect(page.getByLabel('Step 2', { exact: true })).toHaveValue('Books delivered')
	await expect(page.getByLabel('Step 3', { exact: true })).toHaveCount(0)

	await page.getByRole('button', { name: 'Save pledge', exact: true }).click()
	await expect(page.getByRole('status')).toContainText('The pledge is saved')
	await expect(page.getByLabel('Step 1', { exact: true })).toHaveValue('Library opened')
	await expect(page.getByLabel('Step 2', { exact: true })).toHaveValue('Books delivered')
	await expect(page.getByLabel('Step 3', { exact: true })).toHaveCount(0)
}

test('an admin adds and removes milestone steps, and saves the list', async ({ page, server, signInAs }) => {
	await editSteps({ page, server, signInAs })
})

test.describe('milestone steps without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('an admin adds and removes milestone steps through the server, and saves the list', async ({
		page,
		server,
		signInAs,
	}) => {
		await editSteps({ page, server, signInAs })
	})

	test('an admin creates a milestone pledge with its steps', async ({ page, server, signInAs }) => {
		const platform = await createTestPlatform(server)
		const { platformId, categoryId } = await placementOf(server, platform.slug)
		await signInAs('ADMIN')
		await page.goto('/admin/catalogue/pledges/new')
		await expect(page.getByRole('heading', { level: 1, name: 'New pledge', exact: true })).toBeVisible()
		await page.getByLabel('Platform', { exact: true }).selectOption(platformId)
		await page.getByLabel('Slug', { exact: true }).fill('a-new-bridge')
		await page.getByLabel('Kind', { exact: true }).selectOption('MILESTONE')
		await page.getByLabel('Category', { exact: true }).selectOption(categoryId)
		await page.getByLabel('Title', { exact: true }).fill('A new bridge')
		await page.getByLabel('Summary', { exact: true }).fill('A bridge over the Testville river.')
		await page.getByLabel('Quote', { exact: true }).fill('We will build a bridge.')
		await page.getByLabel('Source address', { exact: true }).fill('https://example.org/bridge')
		await page.getByLabel('Source date', { exact: true }).fill('2019-05-01')
		await page.getByLabel('Deadline', { exact: true }).fill('2030-06-12')

		// Saving without a step is refused, with everything typed kept.
		await page.getByRole('button', { name: 'Create pledge', exact: true }).click()
		await expect(page.getByRole('alert')).toContainText('Nothing was saved')
		await expect(page.getByText('Enter at least one step.', { exact: true })).toBeVisible()
		await expect(page.getByLabel('Slug', { exact: true })).toHaveValue('a-new-bridge')

		await page.getByRole('button', { name: 'Add a step', exact: true }).click()
		await page.getByLabel('Step 1', { exact: true }).fill('Design approved')
		await page.getByLabel('Step 1 done on', { exact: true }).fill('2021-04-01')
		await page.getByRole('button', { name: 'Create pledge', exact: true }).click()
		await expect(
			page.getByRole('heading', { level: 1, name: 'Edit pledge: A new bridge', exact: true }),
		).toBeVisible()
		await expect(page.getByLabel('Step 1', { exact: true })).toHaveValue('Design approved')
		await expect(page.getByLabel('Step 1 done on', { exact: true })).toHaveValue('2021-04-01')
	})
})
