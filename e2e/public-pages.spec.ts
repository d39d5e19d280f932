import { expect, test } from './support/fixtures'
import { createTestPlatform, type TestPlatform } from './support/public-data'

// In this worker slot's database (e2e/support/servers.ts), like every test that reads it here.
let platform: TestPlatform
test.beforeAll(async ({ server }) => {
	platform = await createTestPlatform(server)
})

test('a reader filters the list, opens a pledge, sees its chart and table, and switches language', async ({
	page,
}) => {
	const consoleErrors: string[] = []
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text())
	})
	await page.goto(`/en/platforms/${platform.slug}`)
	await expect(page.getByRole('heading', { level: 1, name: platform.title, exact: true })).toBeVisible()
	await page.getByRole('link', { name: /Browse all 4\spledges/ }).click()

	await expect(page.getByRole('heading', { level: 1, name: 'Pledges', exact: true })).toBeVisible()
	await expect(page.getByRole('heading', { name: '4\u00a0pledges found', exact: true })).toBeVisible()
	await page.getByLabel('Principle', { exact: true }).selectOption({ label: 'Economy' })
	await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' })
	await page.getByRole('button', { name: 'Show pledges', exact: true }).click()

	// The filters live in the URL, and the list shows only what matches them.
	await expect(page).toHaveURL(/principle=economy/)
	await expect(page).toHaveURL(/status=IN_PROGRESS/)
	await expect(page.getByRole('heading', { name: '1\u00a0pledge found', exact: true })).toBeVisible()
	const results = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) })
	await expect(results).toHaveCount(1)
	await expect(results.getByRole('heading', { name: 'Ten thousand new jobs', exact: true })).toBeVisible()

	await results.getByRole('link', { name: 'Ten thousand new jobs', exact: true }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: 'Ten thousand new jobs', exact: true }),
	).toBeVisible()
	await expect(page.getByRole('region', { name: 'Current status', exact: true })).toContainText('In progress')
	const indicator = page.getByRole('region', { name: 'Indicator', exact: true })
	// 3,200 jobs in mid-2023 against a straight path from 0 (2019) to 10,000 (2030): behind.
	await expect(indicator.getByText('Behind', { exact: true })).toBeVisible()
	await expect(indicator.getByRole('img', { name: /New jobs in Testville: 2\smeasurements/ })).toBeVisible()
	await indicator.getByText('Show the figures as a table').click()
	await expect(indicator.getByRole('row', { name: /30\sJune 2023/ })).toContainText('3,200')

	// Back to the filtered list with the browser's back button.
	await page.goBack()
	await expect(page.getByRole('heading', { name: '1\u00a0pledge found', exact: true })).toBeVisible()
	await expect(page.getByLabel('Status', { exact: true })).toHaveValue('IN_PROGRESS')
	await page.goForward()
	// A history step is a client-side navigation: the pledge page is back once its heading is.
	await expect(
		page.getByRole('heading', { level: 1, name: 'Ten thousand new jobs', exact: true }),
	).toBeVisible()

	await page
		.getByRole('navigation', { name: 'Language', exact: true })
		.getByRole('link', { name: 'Русский', exact: true })
		.click()
	await expect(page).toHaveURL(new RegExp(`/ru/platforms/${platform.slug}/pledges/ten-thousand-jobs$`))
	await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
	await expect(
		page.getByRole('heading', { level: 1, name: 'Десять тысяч новых рабочих мест', exact: true }),
	).toBeVisible()
	await expect(page.getByText('Отстаёт', { exact: true })).toBeVisible()
	await expect(page.getByRole('img', { name: /3\s200\sjobs на 30\sиюня 2023\sг/ })).toBeVisible()

	// The choice is remembered: the site's root now opens in Russian.
	await page.goto('/')
	await expect(page).toHaveURL(/\/ru$/)
	await page.waitForLoadState('networkidle')
	expect(consoleErrors).toEqual([])
})

test('a pledge without a Kazakh translation is shown in English, marked as such', async ({ page }) => {
	await page.goto(`/kk/platforms/${platform.slug}/pledges/new-library`)

	const title = page.getByRole('heading', { level: 1, name: 'A new city library', exact: true })
	await expect(title).toHaveAttribute('lang', 'en')
	await expect(page.getByText('Әлі аударылмаған; ағылшынша мәтін көрсетілген.').first()).toBeVisible()
	// The milestone's steps, and the corrected entry of its history.
	await expect(page.getByRole('region', { name: 'Кезеңдер', exact: true })).toContainText(
		'Орындалған кезеңдер: 1/2',
	)
	const history = page.getByRole('region', { name: 'Мәртебелер тарихы', exact: true })
	await expect(history.getByText('Кейін түзетілді: бұл жазба енді есептелмейді')).toBeVisible()
	await expect(history.getByText('Түзету', { exact: true })).toBeVisible()
})

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false })

	test('a pledge page still shows its status, its history and its figures', async ({ page }) => {
		await page.goto(`/en/platforms/${platform.slug}/pledges/ten-thousand-jobs`)

		await expect(page.getByRole('region', { name: 'Current status', exact: true })).toContainText(
			'In progress',
		)
		await expect(page.getByRole('region', { name: 'Current status', exact: true })).toContainText(
			'The jobs report shows hiring under way.',
		)
		const history = page.getByRole('region', { name: 'Status history', exact: true })
		await expect(history.getByRole('listitem').first()).toContainText('1\u00a0July 2021')
		await expect(history).toContainText('Testville jobs report 2021')
		// No chart without JavaScript, but the table holds every figure.
		const indicator = page.getByRole('region', { name: 'Indicator', exact: true })
		await expect(indicator.getByRole('img')).toHaveCount(0)
		await expect(indicator.getByRole('table')).toBeVisible()
		await expect(indicator.getByRole('row', { name: /30\sJune 2021/ })).toContainText('1,500')
	})

	test('the pledge list filters through its form', async ({ page }) => {
		await page.goto(`/en/platforms/${platform.slug}/pledges`)
		await page.getByLabel('Search', { exact: true }).fill('library')
		await page.getByRole('button', { name: 'Show pledges', exact: true }).click()

		await expect(page).toHaveURL(/q=library/)
		await expect(page.getByRole('heading', { name: '1\u00a0pledge found', exact: true })).toBeVisible()
		await expect(page.getByRole('link', { name: 'A new city library', exact: true })).toBeVisible()
	})
})

test('the corrections page lists the correction', async ({ page }) => {
	await page.goto('/en/corrections')
	// This platform's own correction: earlier tests may have made other platforms with the same pledge.
	const correction = page
		.getByRole('listitem')
		.filter({ has: page.locator(`a[href="/en/platforms/${platform.slug}/pledges/new-library"]`) })
	await expect(correction).toContainText('Correction: a site was chosen, the library is not built yet.')
	await expect(correction).toContainText('Kept')
	// What it changed (the status, on the same date) and why, in its own words.
	await expect(correction).toContainText(
		/What changed Kept since 1\sMarch 2020 →.* In progress since 1\sMarch 2020/,
	)
	await expect(correction).toContainText(
		'What was wrong The entry took the choice of a site for the library itself.',
	)
})

test('chart code is downloaded only by pages that show a chart', async ({ page }) => {
	const chartModules = (urls: string[]) =>
		urls.filter((url) =>
			/\/assets\/(status-doughnut|stacked-status-bars|indicator-chart)\.client-[\w-]+\.js$/.test(url),
		)
	const scriptsOf = async (address: string) => {
		const scripts: string[] = []
		const record = (request: { url(): string; resourceType(): string }) => {
			if (request.resourceType() === 'script') scripts.push(request.url())
		}
		page.on('request', record)
		await page.goto(address)
		await page.waitForLoadState('networkidle')
		page.off('request', record)
		return scripts
	}

	expect(chartModules(await scriptsOf('/en/methodology'))).toEqual([])
	expect(chartModules(await scriptsOf(`/en/platforms/${platform.slug}/pledges`))).toEqual([])
	expect(chartModules(await scriptsOf(`/en/platforms/${platform.slug}/pledges/greener-parks`))).toEqual([])
	const pledgeWithIndicator = chartModules(
		await scriptsOf(`/en/platforms/${platform.slug}/pledges/ten-thousand-jobs`),
	)
	expect(pledgeWithIndicator.map((url) => url.replace(/^.*\/assets\/([\w-]+)\.client-.*$/, '$1'))).toEqual([
		'indicator-chart',
	])
})
