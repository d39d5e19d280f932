import { createPrismaClient } from '~/db/prisma.server'
import { expect, test } from './support/fixtures'
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
	await expect(page.getByText('Enter the Russian summary too, or clear the Russian title.')).toBeVisible()
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
	await expect(page.getByText('Новые деревья и скамейки в каждом районе города.')).toBeVisible()
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
		await expect(page.getByText('Use lowercase letters, digits and single hyphens')).toBeVisible()
		await expect(page.getByText('Enter the office, for example President of Kazakhstan.')).toBeVisible()
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
		// Exact: "By" is also inside the names of links such as "Entries about User cmx4eytby…".
		await page
			.getByLabel('By', { exact: true })
			.selectOption({ label: `${admin.displayName} (${admin.email})` })
		await page.getByLabel('Action', { exact: true }).fill('politician.')
		await page.getByRole('button', { name: 'Show entries', exact: true }).click()
		const entries = page.getByRole('table', { name: /entries per page, filtered/ })
		await expect(entries.getByRole('row')).toHaveCount(2)
		await expect(entries).toContainText('Akim of Testville')
	})
})
