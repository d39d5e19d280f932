import { expect, test } from './support/fixtures'

// The story of issue 5: a fact-checker submits evidence with a figure for the 150,000-IT-jobs pledge, an
// admin approves it and records IN_PROGRESS resting on it, and a citizen then sees all of it. It changes the
// seeded platform, so it runs in the 'story' project, after every other browser test (playwright.config.ts).

const pledgePath = '/en/platforms/fair-kazakhstan-2022/pledges/it-jobs'

// Fixed, past dates and a fixed figure: the story reads the same on any day (this spec runs once per run,
// on a database of its own slot, so nothing else writes evidence with this title).
const title = 'IT employment release, third quarter of 2025'
const publisher = 'Bureau of National Statistics'
const rationale = 'Hiring in IT companies is under way, by the third-quarter release.'
const figure = 123_456
const asOf = '2025-09-30'
const publishedOn = '2025-10-15'
const effectiveOn = '2025-10-20'
const suggestion = 'The release shows IT hiring rising since the pledge.'

function englishDate(iso: string): string {
	return new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC',
	}).format(new Date(`${iso}T00:00:00Z`))
}

test('evidence with a figure, approved and rested on by a status, reaches the public pledge page', async ({
	browser,
	signInAs,
}) => {
	// The fact-checker, from the pledge page.
	const checkerContext = await browser.newContext()
	const checkerPage = await checkerContext.newPage()
	await checkerPage.goto(pledgePath)
	await expect(checkerPage.getByRole('link', { name: 'Add evidence', exact: true })).toHaveCount(0)
	await signInAs('FACT_CHECKER', { context: checkerContext })
	const signedInAnswer = await checkerPage.goto(pledgePath)
	// The page now names who is signed in: never kept by a shared cache.
	expect(signedInAnswer?.headers()['cache-control']).toBe('private, no-store')
	await expect(checkerPage.getByRole('link', { name: 'Record a status', exact: true })).toHaveCount(0)
	await checkerPage.getByRole('link', { name: 'Add evidence', exact: true }).click()
	await expect(
		checkerPage.getByRole('heading', { level: 1, name: 'Add evidence', exact: true }),
	).toBeVisible()

	// A bad address first: the form comes back with the message at the field and the values kept.
	await checkerPage.getByLabel('Type of evidence', { exact: true }).selectOption('OFFICIAL_STATISTIC')
	await checkerPage.getByLabel('Source address', { exact: true }).fill('stat.gov.kz/it')
	await checkerPage.getByLabel('Title', { exact: true }).fill(title)
	await checkerPage.getByLabel('Publisher', { exact: true }).fill(publisher)
	await checkerPage.getByLabel('Full date', { exact: true }).fill(publishedOn)
	await checkerPage
		.getByLabel('Excerpt', { exact: true })
		.fill(`Employment in IT companies reached ${figure}.`)
	await checkerPage.getByLabel(/^Measured value \(/).fill(String(figure))
	await checkerPage.getByLabel('As of', { exact: true }).fill(asOf)
	await checkerPage.getByLabel('Suggested status (optional)', { exact: true }).selectOption('IN_PROGRESS')
	await checkerPage.getByLabel('Reason for the suggestion', { exact: true }).fill(suggestion)
	await checkerPage.getByRole('button', { name: 'Submit evidence', exact: true }).click()
	const sourceField = checkerPage.getByLabel('Source address', { exact: true })
	await expect(sourceField).toHaveAccessibleDescription(/Enter a web address starting with https:\/\//)
	await expect(sourceField).toHaveAttribute('aria-invalid', 'true')
	await expect(checkerPage.getByLabel('Title', { exact: true })).toHaveValue(title)

	await sourceField.fill('https://stat.gov.kz/en/it-employment-2025-q3')
	await checkerPage.getByRole('button', { name: 'Submit evidence', exact: true }).click()
	await expect(checkerPage).toHaveURL(/\/evidence\/mine\?submitted=/)
	await expect(checkerPage.getByRole('status')).toContainText(`“${title}” was recorded`)
	await expect(checkerPage.getByRole('row').filter({ hasText: title })).toContainText('Awaiting review')

	// The admin reviews it, seeing the suggestion in the queue, and goes straight on to the status form.
	const adminContext = await browser.newContext()
	await signInAs('ADMIN', { context: adminContext })
	const adminPage = await adminContext.newPage()
	await adminPage.goto('/admin/review')
	await expect(adminPage.getByText(`In progress: ${suggestion}`, { exact: true })).toBeVisible()
	await adminPage.getByRole('link', { name: `Review “${title}”`, exact: true }).click()
	await expect(
		adminPage.getByRole('heading', { level: 1, name: 'Review evidence', exact: true }),
	).toBeVisible()
	await adminPage.getByRole('radio', { name: /^Approve/ }).check()
	await adminPage.getByRole('button', { name: 'Record decision', exact: true }).click()
	// Approved: on the pledge's status form, resting on this evidence (`?evidence=`; the form's pre-fill
	// from it is part A's, so the fields are still filled in by hand below).
	await expect(adminPage).toHaveURL(/\/admin\/pledges\/[^/]+\/status\?evidence=[^&]+$/)
	await expect(adminPage.getByRole('heading', { level: 1 })).toContainText('Status of')
	const newStatus = adminPage.getByRole('region', { name: 'Record a new status', exact: true })
	await newStatus.getByLabel('Status', { exact: true }).selectOption('IN_PROGRESS')
	await newStatus.getByLabel('Effective date', { exact: true }).fill(effectiveOn)
	await newStatus.getByLabel('Rationale', { exact: true }).fill(rationale)
	await newStatus
		.getByRole('checkbox', { name: `${title} (${publisher}, ${publishedOn})`, exact: true })
		.check()
	// A ledger entry is permanent: the form first shows what the public will see, and writes nothing.
	await newStatus.getByRole('button', { name: 'Preview', exact: true }).click()
	const preview = newStatus.getByRole('region', { name: 'Check what the public will see', exact: true })
	await expect(preview).toContainText(`In progress since ${englishDate(effectiveOn)}`)
	await expect(preview).toContainText(rationale)
	await expect(preview).toContainText(`Rests on: ${title} (${publisher}, ${publishedOn})`)
	// "Edit" goes back to the form with the values kept; previewing again, then "Publish" writes it.
	await preview.getByRole('button', { name: 'Edit', exact: true }).click()
	await expect(newStatus.getByLabel('Rationale', { exact: true })).toHaveValue(rationale)
	await expect(adminPage.getByRole('region', { name: 'Ledger', exact: true })).not.toContainText(rationale)
	await newStatus.getByRole('button', { name: 'Preview', exact: true }).click()
	await newStatus
		.getByRole('region', { name: 'Check what the public will see', exact: true })
		.getByRole('button', { name: 'Publish', exact: true })
		.click()
	await expect(adminPage.getByRole('status')).toContainText('The ledger entry was recorded')
	await expect(adminPage.getByRole('region', { name: 'Ledger', exact: true })).toContainText(rationale)

	// The fact-checker sees the decision.
	await checkerPage.goto('/evidence/mine')
	await expect(checkerPage.getByRole('row').filter({ hasText: title })).toContainText('Approved')

	// A citizen: a new browser, no cookies.
	const citizenContext = await browser.newContext()
	const citizenPage = await citizenContext.newPage()
	await citizenPage.goto(pledgePath)
	await expect(citizenPage.getByRole('link', { name: 'Add evidence', exact: true })).toHaveCount(0)
	await expect(citizenPage.getByRole('region', { name: 'Current status', exact: true })).toContainText(
		'In progress',
	)
	await expect(citizenPage.getByRole('region', { name: 'Current status', exact: true })).toContainText(
		rationale,
	)
	await expect(
		citizenPage.getByRole('region', { name: 'Status history', exact: true }).getByRole('listitem').first(),
	).toContainText(rationale)
	await expect(citizenPage.getByRole('region', { name: 'Evidence', exact: true })).toContainText(title)
	const indicator = citizenPage.getByRole('region', { name: 'Indicator', exact: true })
	// Once the chart is drawn the table folds under it; open it as a reader would.
	await expect(indicator.locator('canvas')).toBeVisible()
	await indicator.getByText('Show the figures as a table').click()
	await expect(
		indicator
			.getByRole('row')
			.filter({ hasText: englishDate(asOf) })
			.filter({ hasText: figure.toLocaleString('en-US') }),
	).toHaveCount(1)

	await Promise.all([checkerContext.close(), adminContext.close(), citizenContext.close()])
})
