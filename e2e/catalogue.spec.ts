import { expect, test } from '@playwright/test'
import { createPrismaClient } from '~/db/prisma.server'
import { createAccountInDatabase, signIn } from './support/accounts'
import { createTestPlatform } from './support/public-data'

async function pledgeIdOf(platformSlug: string, pledgeSlug: string) {
	const url = process.env.E2E_DATABASE_URL
	if (!url) throw new Error('E2E_DATABASE_URL is not set: run the browser tests with `npm run test:e2e`')
	const prisma = createPrismaClient(url)
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

test('an admin edits a pledge’s title and Russian text, and the public pages show them at once', async ({
	page,
}) => {
	const platform = await createTestPlatform()
	const pledgeId = await pledgeIdOf(platform.slug, 'greener-parks')
	const admin = await createAccountInDatabase({ role: 'ADMIN' })
	const publicPath = (lang: string) => `/${lang}/platforms/${platform.slug}/pledges/greener-parks`

	// The Russian page has no Russian text yet: it shows the English title.
	await page.goto(publicPath('ru'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Greener parks')

	await signIn(page, admin)
	await page.goto('/admin/catalogue')
	await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible()
	await page.goto(`/admin/catalogue/pledges/${pledgeId}`)
	await expect(page.getByRole('heading', { level: 1, name: 'Edit pledge: Greener parks' })).toBeVisible()

	// A Russian title without its summary is refused, with the message at the field and the values kept.
	await page.getByLabel('Title', { exact: true }).fill('Greener parks in every district')
	await page.getByLabel('Russian title').fill('Зелёные парки в каждом районе')
	await page.getByRole('button', { name: 'Save pledge' }).click()
	await expect(page.getByRole('alert')).toContainText('Nothing was saved')
	await expect(page.getByText('Enter the Russian summary too, or clear the Russian title.')).toBeVisible()
	await expect(page.getByLabel('Russian title')).toHaveValue('Зелёные парки в каждом районе')

	await page.getByLabel('Russian summary').fill('Новые деревья и скамейки в каждом районе города.')
	await page.getByRole('button', { name: 'Save pledge' }).click()
	await expect(page.getByRole('status')).toContainText('The pledge is saved')
	await expect(
		page.getByRole('heading', { level: 1, name: 'Edit pledge: Greener parks in every district' }),
	).toBeVisible()

	await page.goto(publicPath('ru'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Зелёные парки в каждом районе')
	await expect(page.getByText('Новые деревья и скамейки в каждом районе города.')).toBeVisible()
	await page.goto(publicPath('en'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Greener parks in every district')
	// Editing the text leaves the status, which only the ledger sets.
	await expect(page.getByText('Stalled').first()).toBeVisible()
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('an admin creates a politician with a plain form post, sees it in the audit log and on the dashboard', async ({
		page,
	}) => {
		const admin = await createAccountInDatabase({ role: 'ADMIN' })
		await signIn(page, admin)
		const suffix = admin.displayName.split(' ').at(-1) ?? 'x'

		await page.goto('/admin/catalogue/politicians/new')
		await page.getByLabel('Slug').fill('Not A Slug')
		await page.getByLabel('Name').fill(`Dana ${suffix}`)
		await page.getByRole('button', { name: 'Create politician' }).click()
		await expect(page.getByText('Use lowercase letters, digits and single hyphens')).toBeVisible()
		await expect(page.getByText('Enter the office, for example President of Kazakhstan.')).toBeVisible()
		await expect(page.getByLabel('Name')).toHaveValue(`Dana ${suffix}`)

		await page.getByLabel('Slug').fill(`dana-${suffix}`)
		await page.getByLabel('Office').fill('Akim of Testville')
		await page.getByRole('button', { name: 'Create politician' }).click()
		await expect(
			page.getByRole('heading', { level: 1, name: `Edit politician: Dana ${suffix}` }),
		).toBeVisible()
		await expect(page.getByRole('status')).toContainText('The politician is saved.')

		await page.goto('/admin/catalogue')
		await expect(page.getByRole('link', { name: `Dana ${suffix}` })).toBeVisible()
		await page.getByRole('link', { name: 'Fair Economy' }).first().click()
		await expect(page.getByRole('heading', { level: 1, name: /^Edit category: / })).toBeVisible()
		await page.goto('/admin/catalogue')
		await page.getByRole('link', { name: 'New platform' }).click()
		await expect(page.getByRole('heading', { level: 1, name: 'New platform' })).toBeVisible()

		await page.goto('/admin')
		await expect(page.getByRole('heading', { level: 2, name: 'Work waiting' })).toBeVisible()
		await expect(page.getByRole('table', { name: 'The latest changes made through Uade' })).toContainText(
			'politician.create',
		)

		await page.goto('/admin/audit')
		await page.getByLabel('By').selectOption({ label: `${admin.displayName} (${admin.email})` })
		await page.getByLabel('Action').fill('politician.')
		await page.getByRole('button', { name: 'Show entries' }).click()
		const entries = page.getByRole('table', { name: /entries per page, filtered/ })
		await expect(entries.getByRole('row')).toHaveCount(2)
		await expect(entries).toContainText('Akim of Testville')
	})
})
