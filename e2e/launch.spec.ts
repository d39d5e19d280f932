import { createServer } from 'node:http'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './support/fixtures'
import { launchServer, serverUrl } from './support/servers'

// A fresh `npm start` (UADE_SEED's default, launch): the seed, then the launch dataset through the import.
// This server is started that way and only read here (e2e/support/servers.ts).
const site = () => serverUrl(launchServer())
const pledgePage = (lang: string, pledge: string) =>
	`${site()}/${lang}/platforms/fair-kazakhstan-2022/pledges/${pledge}`

test('a fresh start shows the National Fund pledge rated, with its evidence and the accrual per child', async ({
	page,
}) => {
	await page.goto(pledgePage('en', 'national-fund-for-children'))
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: "Half of the National Fund's investment income to children's savings accounts",
			exact: true,
		}),
	).toBeVisible()
	const status = page.getByRole('region', { name: 'Current status', exact: true })
	await expect(status).toContainText('Partially kept')
	await expect(status).toContainText('The programme is in law and pays out every year.')

	const evidence = page.getByRole('region', { name: 'Evidence', exact: true })
	const accrual = evidence.getByRole('listitem').filter({
		has: page.getByRole('heading', {
			level: 3,
			name: 'First accrual: USD 100.52 to each of 6,919,131 eligible children (credited from 1 Feb 2024)',
			exact: true,
		}),
	})
	await expect(accrual).toContainText('The Astana Times (citing UAPF and State Counselor Karin)')
	await expect(accrual.getByRole('link', { name: /^Source: First accrual/ })).toHaveAttribute(
		'href',
		/^https:\/\//,
	)

	// Plotted: what the sources report, the amount accrued to each child's account for a year.
	const indicator = page.getByRole('region', { name: 'Indicator', exact: true })
	// The table is open until the chart is drawn, then folds under it: a click before then would close it.
	await expect(indicator.locator('canvas')).toBeVisible()
	await indicator.getByText('Show the figures as a table').click()
	await expect(indicator.getByRole('row', { name: /31\sDecember 2023/ })).toContainText('100.52')
	await expect(indicator.getByRole('row', { name: /31\sDecember 2025/ })).toContainText('130.71')
})

test('the rating reads in Russian, and the IT jobs chart says why it plots nothing', async ({ page }) => {
	await page.goto(pledgePage('ru', 'national-fund-for-children'))
	await expect(page.getByRole('region', { name: 'Текущий статус', exact: true })).toContainText(
		'Выполнено частично. Программа закреплена законом',
	)

	await page.goto(pledgePage('en', 'it-jobs'))
	await expect(page.getByRole('region', { name: 'Current status', exact: true })).toContainText('In progress')
	const indicator = page.getByRole('region', { name: 'Indicator', exact: true })
	await expect(indicator).toContainText('No reviewed source reports this indicator itself')
	await expect(indicator.getByRole('img')).toHaveCount(0)
})

test('the platform page lists the sources on the programme as a whole', async ({ page }) => {
	await page.goto(`${site()}/en/platforms/fair-kazakhstan-2022`)
	const sources = page.getByRole('region', { name: 'Sources on the programme as a whole', exact: true })
	await expect(
		sources.getByRole('heading', {
			level: 3,
			name: 'PM Smailov holds first meeting of the Republican HQ for the 2023-2029 election programme; 117-item roadmap; first report due 20 April 2023',
			exact: true,
		}),
	).toBeVisible()
	await expect(sources.getByRole('listitem')).toHaveCount(3)
})

// The launch data's own parts (sources on the platform, excerpts in other languages with their translations,
// the plotted accruals) are on no page of the other servers: axe checks them here, in Kazakh, where the most
// texts fall back to another language.
for (const [name, address] of [
	['the platform overview with its sources', '/kk/platforms/fair-kazakhstan-2022'],
	['the National Fund pledge', '/kk/platforms/fair-kazakhstan-2022/pledges/national-fund-for-children'],
] as const) {
	test(`axe finds no violations on ${name} in kk`, async ({ page }) => {
		await page.goto(`${site()}${address}`)
		await page.waitForLoadState('networkidle')
		const results = await new AxeBuilder({ page }).analyze()
		expect(
			results.violations.map((violation) => ({
				rule: violation.id,
				nodes: violation.nodes.map((node) => node.target.join(' ')),
			})),
		).toEqual([])
	})
}

test('a newsroom pastes the "Embed this" code into a page of its own and sees the live status', async ({
	page,
	browser,
}) => {
	await page.goto(pledgePage('en', 'national-fund-for-children'))
	await page.getByText('Embed this', { exact: true }).click()
	const card = await page.getByLabel('The card', { exact: true }).inputValue()
	const badge = await page.getByLabel('Or a status badge', { exact: true }).inputValue()
	expect(card).toMatch(
		/^<iframe src="http:\/\/localhost:\d+\/embed\/en\/platforms\/fair-kazakhstan-2022\/pledges\/national-fund-for-children"/,
	)

	// Another site's page: no cookie of Uade's, the code pasted as it was copied.
	const newsroom = await browser.newContext()
	let onClose = () => {}
	try {
		const article = await newsroom.newPage()
		const embedAnswers: Array<Record<string, string>> = []
		article.on('response', (response) => {
			if (response.url().includes('/embed/')) embedAnswers.push(response.headers())
		})
		// Served by a server of its own, on another origin (127.0.0.1, not localhost), as a newsroom's page is:
		// an about:blank page matches no frame-ancestors, and Chromium keeps a page it cannot place on the
		// network from reaching a local server.
		const html = `<!DOCTYPE html><html lang="en"><body><h1>Our story</h1>${card}<p>${badge}</p></body></html>`
		const newsroomServer = createServer((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
			response.end(html)
		})
		await new Promise<void>((resolve) => newsroomServer.listen(0, '127.0.0.1', resolve))
		const address = newsroomServer.address()
		if (address === null || typeof address === 'string') throw new Error('the newsroom server has no port')
		const story = `http://127.0.0.1:${address.port}/our-story`
		onClose = () => newsroomServer.close()
		await article.goto(story)
		const frame = article.frameLocator('iframe')
		await expect(frame.getByText('Partially kept', { exact: true })).toBeVisible()
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
			"Half of the National Fund's investment income to children's savings accounts",
		)
		const image = article.getByRole('img', {
			name: "Half of the National Fund's investment income to children's savings accounts",
			exact: true,
		})
		await expect(image).toBeVisible()
		expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0)
		expect(embedAnswers.length).toBeGreaterThanOrEqual(2)
		for (const headers of embedAnswers) expect(headers['set-cookie']).toBeUndefined()
	} finally {
		await newsroom.close()
		onClose()
	}
})
