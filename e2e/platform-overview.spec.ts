import { expect, test } from '@playwright/test'
import { fairKazakhstan } from '../prisma/seed/fair-kazakhstan'

test('the first page lists every seeded pledge under its principle', async ({ page }) => {
	const consoleErrors: string[] = []
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text())
	})

	const response = await page.goto('/')

	expect(response?.status()).toBe(200)
	await expect(page).toHaveTitle(/A Fair Kazakhstan — Kassym-Jomart Tokayev/)
	await expect(page.getByRole('heading', { level: 1, name: 'A Fair Kazakhstan' })).toBeVisible()
	const pledgeCount = fairKazakhstan.categories.reduce(
		(count, category) => count + category.pledges.length,
		0,
	)
	await expect(page.getByText(`${pledgeCount} pledges`, { exact: false }).first()).toBeVisible()

	for (const principle of fairKazakhstan.categories) {
		const section = page.getByRole('region', { name: new RegExp(`^${principle.title}`) })
		await expect(section.getByRole('heading', { level: 2 })).toContainText(principle.title)
		const cards = section.getByRole('listitem')
		await expect(cards).toHaveCount(principle.pledges.length)
		for (const pledge of principle.pledges) {
			const card = cards.filter({
				has: page.getByRole('heading', { level: 3, name: pledge.title, exact: true }),
			})
			await expect(card).toBeVisible()
			await expect(card).toContainText('Not yet rated')
		}
	}
	// The page hydrated without errors (a server/client mismatch would log one).
	await page.waitForLoadState('networkidle')
	expect(consoleErrors).toEqual([])
})

test('an unknown address shows the designed 404 page', async ({ page }) => {
	const response = await page.goto('/no-such-page')

	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Back to the overview' })).toBeVisible()
})
