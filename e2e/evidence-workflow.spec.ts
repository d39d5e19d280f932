import { randomBytes, randomInt } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { createAccountInDatabase, signIn } from './support/accounts'

// The story of issue 5: a fact-checker submits evidence with a figure for the 150,000-IT-jobs pledge, an
// admin approves it and records IN_PROGRESS resting on it, and a citizen then sees all of it. It changes the
// seeded platform, so it runs in the 'story' project, after every other browser test (playwright.config.ts).

const pledgePath = '/en/platforms/fair-kazakhstan-2022/pledges/it-jobs'

function isoDaysAgo(days: number): string {
	return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

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
}) => {
	const suffix = randomBytes(3).toString('hex')
	const title = `IT employment release ${suffix}`
	const rationale = `Hiring in IT companies is under way (${suffix}).`
	const figure = 100_000 + randomInt(40_000)
	const asOf = isoDaysAgo(2)
	const publishedOn = isoDaysAgo(1)
	const checker = await createAccountInDatabase({ role: 'FACT_CHECKER' })
	const admin = await createAccountInDatabase({ role: 'ADMIN' })

	// The fact-checker, from the pledge page.
	const checkerContext = await browser.newContext()
	const checkerPage = await checkerContext.newPage()
	await checkerPage.goto(pledgePath)
	await expect(checkerPage.getByRole('link', { name: 'Add evidence' })).toHaveCount(0)
	await signIn(checkerPage, checker)
	const signedInAnswer = await checkerPage.goto(pledgePath)
	// The page now names who is signed in: never kept by a shared cache.
	expect(signedInAnswer?.headers()['cache-control']).toBe('private, no-store')
	await expect(checkerPage.getByRole('link', { name: 'Record a status' })).toHaveCount(0)
	await checkerPage.getByRole('link', { name: 'Add evidence' }).click()
	await expect(checkerPage.getByRole('heading', { level: 1, name: 'Add evidence' })).toBeVisible()

	// A bad address first: the form comes back with the message at the field and the values kept.
	await checkerPage.getByLabel('Type of evidence').selectOption('OFFICIAL_STATISTIC')
	await checkerPage.getByLabel('Source address').fill('stat.gov.kz/it')
	await checkerPage.getByLabel('Title').fill(title)
	await checkerPage.getByLabel('Publisher').fill('Bureau of National Statistics')
	await checkerPage.getByLabel('Publication date').fill(publishedOn)
	await checkerPage.getByLabel('Excerpt').fill(`Employment in IT companies reached ${figure}.`)
	await checkerPage.getByLabel(/^Measured value \(/).fill(String(figure))
	await checkerPage.getByLabel('As of').fill(asOf)
	await checkerPage.getByRole('button', { name: 'Submit evidence' }).click()
	const sourceField = checkerPage.getByLabel('Source address')
	await expect(sourceField).toHaveAccessibleDescription(/Enter a web address starting with https:\/\//)
	await expect(sourceField).toHaveAttribute('aria-invalid', 'true')
	await expect(checkerPage.getByLabel('Title')).toHaveValue(title)

	await sourceField.fill(`https://stat.gov.kz/en/it-${suffix}`)
	await checkerPage.getByRole('button', { name: 'Submit evidence' }).click()
	await expect(checkerPage).toHaveURL(/\/evidence\/mine\?submitted=/)
	await expect(checkerPage.getByRole('status')).toContainText(`“${title}” was recorded`)
	await expect(checkerPage.getByRole('row').filter({ hasText: title })).toContainText('Awaiting review')

	// The admin reviews it and records the status.
	const adminContext = await browser.newContext()
	const adminPage = await adminContext.newPage()
	await signIn(adminPage, admin)
	await adminPage.goto('/admin/review')
	await adminPage.getByRole('link', { name: `Review “${title}”` }).click()
	await expect(adminPage.getByRole('heading', { level: 1, name: 'Review evidence' })).toBeVisible()
	await adminPage.getByRole('radio', { name: /^Approve/ }).check()
	await adminPage.getByRole('button', { name: 'Record decision' }).click()
	await expect(adminPage.getByRole('status')).toContainText('The evidence was approved.')

	await adminPage.goto(pledgePath)
	await adminPage.getByRole('link', { name: 'Record a status' }).click()
	const newStatus = adminPage.getByRole('region', { name: 'Record a new status' })
	await newStatus.getByLabel('Status', { exact: true }).selectOption('IN_PROGRESS')
	await newStatus.getByLabel('Effective date').fill(isoDaysAgo(0))
	await newStatus.getByLabel('Rationale').fill(rationale)
	await newStatus
		.getByRole('checkbox', { name: `${title} (Bureau of National Statistics, ${publishedOn})`, exact: true })
		.check()
	await newStatus.getByRole('button', { name: 'Record status' }).click()
	await expect(adminPage.getByRole('status')).toContainText('The ledger entry was recorded')
	await expect(adminPage.getByRole('region', { name: 'Ledger' })).toContainText(rationale)

	// The fact-checker sees the decision.
	await checkerPage.goto('/evidence/mine')
	await expect(checkerPage.getByRole('row').filter({ hasText: title })).toContainText('Approved')

	// A citizen: a new browser, no cookies.
	const citizenContext = await browser.newContext()
	const citizenPage = await citizenContext.newPage()
	await citizenPage.goto(pledgePath)
	await expect(citizenPage.getByRole('link', { name: 'Add evidence' })).toHaveCount(0)
	await expect(citizenPage.getByRole('region', { name: 'Current status' })).toContainText('In progress')
	await expect(citizenPage.getByRole('region', { name: 'Current status' })).toContainText(rationale)
	await expect(
		citizenPage.getByRole('region', { name: 'Status history' }).getByRole('listitem').first(),
	).toContainText(rationale)
	await expect(citizenPage.getByRole('region', { name: 'Evidence' })).toContainText(title)
	const indicator = citizenPage.getByRole('region', { name: 'Indicator' })
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
