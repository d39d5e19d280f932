import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { csvDownloads } from '~/data/download-files'
import { expect, test } from './support/fixtures'

// A newsroom on the open data page: it downloads a file and opens it as a spreadsheet would.
test('a platform’s pledges.csv from the data page downloads as a spreadsheet opens it: a header row of the dictionary, one row per pledge', async ({
	page,
}) => {
	test.skip(test.info().project.name !== 'desktop', 'One browser project is enough for a download')
	await page.goto('/kk/data')
	await expect(page.getByRole('heading', { level: 1, name: 'Ашық деректер' })).toBeVisible()
	// The seeded platform's own file: other tests of this worker may add platforms of their own meanwhile.
	const platform = page.locator('#platform-fair-kazakhstan-2022')
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		platform.getByRole('link', { name: 'pledges.csv', exact: true }).click(),
	])
	expect(download.suggestedFilename()).toBe('fair-kazakhstan-2022-pledges.csv')
	const bytes = await readFile((await download.path()) ?? '')
	// UTF-8 with a byte order mark, records ending in CR LF (RFC 4180).
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
	const text = bytes.toString('utf8').slice(1)
	expect(text.endsWith('\r\n')).toBe(true)
	const rows: string[][] = parse(text, { record_delimiter: '\r\n' })
	const dictionary = csvDownloads.find((file) => file.name === 'pledges')
	expect(rows[0]).toEqual(dictionary?.columns.map((column) => column.name))
	// Every pledge of the platform on a row of its own, the IT jobs pledge among them, with its Kazakh title.
	expect(rows.length).toBeGreaterThanOrEqual(22)
	for (const row of rows) expect(row).toHaveLength(rows[0]?.length ?? 0)
	const column = (name: string) => rows[0]?.indexOf(name) ?? -1
	const itJobs = rows.find((row) => row[column('pledge_slug')] === 'it-jobs')
	expect(itJobs?.[column('platform_slug')]).toBe('fair-kazakhstan-2022')
	expect(itJobs?.[column('title_kk')]).toMatch(/[әғқңөұүһі]/)
})
