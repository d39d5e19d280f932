import path from 'node:path'
import { expect, test } from './support/fixtures'

// Dry runs only: they check everything and write nothing, so this slot's data stays as the other tests
// expect it. What an import writes is tested in app/data/examples.server.test.ts, through the same call.
const example = (name: string) => path.resolve('docs/examples', name)

test('an admin checks the JSON example: every record passes, and the report counts what it would create', async ({
	adminPage: page,
}) => {
	await page.goto('/admin')
	await page.getByRole('link', { name: 'Import', exact: true }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Import', exact: true })).toBeVisible()
	await page.getByLabel('File', { exact: true }).setInputFiles(example('example-platform.json'))
	await page.getByRole('button', { name: 'Check only (dry run)', exact: true }).click()

	const report = page.getByRole('status')
	await expect(report).toContainText('example-platform.json: every record passed. This was a dry run')
	await expect(report.getByRole('row', { name: /^Pledges/ })).toHaveText(/Pledges\s*3\s*0\s*0/)
	await expect(report.getByRole('row', { name: /^Evidence/ })).toHaveText(/Evidence\s*2\s*0\s*0/)
})

test('a CSV file for a platform that does not exist is refused, each problem at its line and column', async ({
	adminPage: page,
}) => {
	await page.goto('/admin/import')
	await page.getByLabel('File', { exact: true }).setInputFiles(example('evidence.csv'))
	await page.getByRole('button', { name: 'Import', exact: true }).click()

	const report = page.getByRole('alert')
	await expect(report).toContainText('evidence.csv: 3 problems. Nothing was imported.')
	await expect(report.getByRole('listitem')).toHaveCount(3)
	await expect(report.getByRole('listitem').first()).toContainText(
		'evidence.csv line 2, column platform: No platform has the slug example-platform-2030',
	)
})
