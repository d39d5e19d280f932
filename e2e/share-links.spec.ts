import { expect, test } from './support/fixtures'

// "Share" on a pledge's page: the networks' plain links, and the address to copy.
const pledgePage = '/ru/platforms/fair-kazakhstan-2022/pledges/it-jobs'

test('"Copy link" puts the page’s address on the clipboard and says so', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'])
	await page.goto(pledgePage)
	const share = page.getByRole('region', { name: 'Поделиться', exact: true })
	const field = share.getByLabel('Ссылка на эту страницу', { exact: true })
	await expect(field).toHaveValue(page.url())
	await share.getByRole('button', { name: 'Скопировать ссылку', exact: true }).click()
	await expect(share.getByRole('status')).toHaveText('Ссылка скопирована.')
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())
	// Each network's link carries the address, and opens in a new tab.
	const telegram = share.getByRole('link', { name: 'Поделиться в Telegram (откроется в новой вкладке)' })
	await expect(telegram).toHaveAttribute(
		'href',
		new RegExp(
			`^https://t\\.me/share/url\\?url=${encodeURIComponent(page.url()).replace(/[.?]/g, '\\$&')}&text=`,
		),
	)
	await expect(telegram).toHaveAttribute('target', '_blank')
})

test.describe('without script', () => {
	test.use({ javaScriptEnabled: false })

	test('the address is a field to select, with no button that would do nothing', async ({ page }) => {
		await page.goto(pledgePage)
		const share = page.getByRole('region', { name: 'Поделиться', exact: true })
		await expect(share.getByLabel('Ссылка на эту страницу', { exact: true })).toHaveValue(page.url())
		await expect(share.getByRole('button')).toHaveCount(0)
		await expect(share.getByRole('link')).toHaveCount(4)
	})
})
