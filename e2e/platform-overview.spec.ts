import { fairKazakhstan } from '../prisma/seed/fair-kazakhstan'
import { expect, test } from './support/fixtures'

// Counts and charts of the seeded platform, read from this worker slot's own database: no test of
// another worker writes to it, and the one spec that changes the seeded platform (evidence-workflow)
// runs after every other (playwright.config.ts).

const pledgeCount = fairKazakhstan.categories.reduce((count, category) => count + category.pledges.length, 0)

test('the home page sends a visitor to their language and shows the current platform', async ({ page }) => {
	const consoleErrors: string[] = []
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text())
	})

	const response = await page.goto('/')

	expect(response?.status()).toBe(200)
	await expect(page).toHaveURL(/\/en$/)
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	await expect(page).toHaveTitle(/A Fair Kazakhstan — Kassym-Jomart Tokayev/)
	await expect(page.getByRole('heading', { level: 1, name: 'A Fair Kazakhstan', exact: true })).toBeVisible()
	await expect(page.getByText(`${pledgeCount}\u00a0pledges`, { exact: true })).toBeVisible()

	// Every seeded pledge starts unrated: the overview says so in words, with the table, and draws no
	// chart of identical grey bars.
	const distribution = page.getByRole('region', { name: 'Where the pledges stand', exact: true })
	// A number and its noun are joined by a no-break space (app/i18n/typography.ts).
	const summary = `None of the ${pledgeCount}\u00a0pledges has been rated yet.`
	await expect(distribution.getByText(summary, { exact: true })).toBeVisible()
	const unrated = distribution
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Not yet rated', exact: true }) })
	await expect(unrated.getByRole('cell')).toHaveText([String(pledgeCount), '100%'])
	const overTime = page.getByRole('region', { name: 'Status over time', exact: true })
	await expect(overTime.getByText(summary, { exact: true })).toBeVisible()

	// Each principle links to its pledges.
	const principles = page.getByRole('region', { name: 'Progress by principle', exact: true })
	for (const principle of fairKazakhstan.categories) {
		await expect(
			principles.getByRole('link', { name: `Pledges under ${principle.title}`, exact: true }),
		).toBeVisible()
	}
	await expect(
		page.getByRole('link', { name: `Browse all ${pledgeCount}\u00a0pledges →`, exact: true }),
	).toBeVisible()
	// The page hydrated without errors (a server/client mismatch would log one), and drew no chart.
	await page.waitForLoadState('networkidle')
	expect(consoleErrors).toEqual([])
	await expect(page.locator('canvas')).toHaveCount(0)
})

test('a Russian browser lands on the Russian overview, with Russian numbers and dates', async ({
	browser,
}) => {
	const context = await browser.newContext({ locale: 'ru-RU' })
	const page = await context.newPage()

	await page.goto('/')

	await expect(page).toHaveURL(/\/ru$/)
	await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
	await expect(
		page.getByRole('heading', { level: 2, name: 'Как выполняются обещания', exact: true }),
	).toBeVisible()
	await expect(page.getByText('Выборы 20\u00a0ноября 2022\u00a0г.', { exact: true })).toBeVisible()
	await context.close()
})

test('an unknown address and an unknown language show the designed 404 page', async ({ page }) => {
	for (const address of ['/no-such-page', '/de/methodology', '/en/platforms/no-such-platform']) {
		const response = await page.goto(address)

		expect(response?.status()).toBe(404)
		await expect(page.getByRole('heading', { level: 1, name: 'Not found', exact: true })).toBeVisible()
		await expect(page.getByRole('link', { name: 'Back to the overview', exact: true })).toBeVisible()
	}
})
