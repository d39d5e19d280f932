import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './support/fixtures'
import { createTestPlatform } from './support/public-data'

// The platform index and a politician's page, on a platform of this test's own (published) and a draft
// one: the draft is nowhere public, and signed-in staff see it as a marked, uncached preview. Nothing here
// features a platform, so the home page other tests read stays the seeded platform's.

test('the platform index lists published platforms with their politician, election and statuses', async ({
	page,
	server,
}) => {
	// Several pages and a platform of its own: more than the default 30 s on a busy machine.
	test.slow()
	const platform = await createTestPlatform(server)
	const draft = await createTestPlatform(server, { published: false })

	await page.goto('/en')
	await page
		.getByRole('navigation', { name: 'Main', exact: true })
		.getByRole('link', { name: 'Platforms', exact: true })
		.click()
	await expect(page).toHaveURL(/\/en\/platforms$/)
	await expect(page.getByRole('heading', { level: 1, name: 'Platforms', exact: true })).toBeVisible()

	const card = page.getByRole('listitem').filter({
		has: page.getByRole('heading', { level: 2, name: platform.title, exact: true }),
	})
	await expect(card.getByRole('link', { name: 'Test Candidate', exact: true })).toBeVisible()
	await expect(card.getByText('Election of 9\u00a0June 2019', { exact: false })).toBeVisible()
	await expect(card.getByRole('link', { name: '4\u00a0pledges', exact: true })).toBeVisible()
	// The bar is drawing only; the counts are text.
	const counts = card.getByRole('list', { name: 'How the pledges stand', exact: true })
	await expect(counts.getByRole('listitem')).toHaveText(['Not yet rated: 1', 'In progress: 2', 'Stalled: 1'])
	await expect(page.getByRole('heading', { level: 2, name: 'A Fair Kazakhstan', exact: true })).toBeVisible()
	await expect(page.getByText(draft.title, { exact: true })).toHaveCount(0)

	await card.getByRole('link', { name: platform.title, exact: true }).click()
	await expect(page).toHaveURL(new RegExp(`/en/platforms/${platform.slug}$`))
	await expect(page.getByRole('heading', { level: 1, name: platform.title, exact: true })).toBeVisible()
})

test('a politician’s page shows their office and platforms, reached from the platform page', async ({
	page,
	server,
}) => {
	// Several pages and a platform of its own: more than the default 30 s on a busy machine.
	test.slow()
	const platform = await createTestPlatform(server)

	await page.goto(`/ru/platforms/${platform.slug}`)
	await page.getByRole('link', { name: 'Test Candidate', exact: true }).click()
	await expect(page).toHaveURL(new RegExp(`/ru/politicians/${platform.politicianSlug}$`))
	await expect(page.getByRole('heading', { level: 1, name: 'Test Candidate', exact: true })).toBeVisible()
	await expect(page.getByText('Mayor of Testville', { exact: true })).toBeVisible()
	await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
		'href',
		new RegExp(`/ru/politicians/${platform.politicianSlug}$`),
	)
	await expect(page.locator('link[rel="alternate"][hreflang="kk"]')).toHaveAttribute(
		'href',
		new RegExp(`/kk/politicians/${platform.politicianSlug}$`),
	)

	const platforms = page.getByRole('region', { name: 'Программы', exact: true })
	await expect(platforms.getByRole('heading', { level: 3, name: platform.title, exact: true })).toBeVisible()
	await expect(platforms.getByRole('link', { name: '4\u00a0обещания', exact: true })).toBeVisible()
	await expect(
		platforms.getByRole('list', { name: 'Как выполняются обещания', exact: true }).getByRole('listitem'),
	).toContainText(['Ещё не оценено: 1', 'В процессе: 2'])

	const unknown = await page.goto('/ru/politicians/no-such-politician')
	expect(unknown?.status()).toBe(404)
})

test('a draft is a 404 for a visitor and an uncached, marked preview for staff, until an admin publishes it', async ({
	page,
	server,
	factCheckerPage,
	adminPage,
}) => {
	test.slow()
	const draft = await createTestPlatform(server, { published: false })
	const draftPath = `/en/platforms/${draft.slug}`

	expect((await page.goto(draftPath))?.status()).toBe(404)
	expect((await page.goto(`${draftPath}/pledges/greener-parks`))?.status()).toBe(404)
	expect((await page.goto(`/en/politicians/${draft.politicianSlug}`))?.status()).toBe(404)

	const preview = await factCheckerPage.goto(draftPath)
	expect(preview?.status()).toBe(200)
	expect(preview?.headers()['cache-control']).toBe('private, no-store')
	await expect(factCheckerPage.getByText('Draft — not public.', { exact: true })).toBeVisible()
	await expect(
		factCheckerPage.getByRole('heading', { level: 1, name: draft.title, exact: true }),
	).toBeVisible()

	await adminPage.goto(`/admin/catalogue/platforms/${draft.id}`)
	const publication = adminPage.getByRole('region', { name: 'Publication', exact: true })
	await expect(publication.getByText('Draft', { exact: true })).toBeVisible()
	await publication.getByRole('button', { name: 'Publish', exact: true }).click()
	await expect(
		adminPage.getByText(
			'The platform is published: everyone can see it, and it is in the platform list and the sitemap.',
			{ exact: true },
		),
	).toBeVisible()
	await expect(
		publication.getByRole('button', { name: 'Feature on the home page', exact: true }),
	).toBeVisible()

	const published = await page.goto(draftPath)
	expect(published?.status()).toBe(200)
	expect(published?.headers()['cache-control']).toMatch(/^public/)
	await expect(page.getByText('Draft — not public.', { exact: true })).toHaveCount(0)
	expect((await page.goto(`/en/politicians/${draft.politicianSlug}`))?.status()).toBe(200)
})

// The two new pages, in their own test rather than lengthening public-accessibility.spec.ts's.
for (const lang of ['kk', 'ru', 'en'] as const) {
	test(`axe finds no violations on the platform index and a politician page in ${lang}, nor sideways scroll at 360 px`, async ({
		page,
		server,
	}) => {
		test.slow()
		const platform = await createTestPlatform(server)
		await page.setViewportSize({ width: 360, height: 740 })
		for (const address of [`/${lang}/platforms`, `/${lang}/politicians/${platform.politicianSlug}`]) {
			await page.goto(address)
			await expect(page.locator('html')).toHaveAttribute('lang', lang)
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			)
			expect({ address, overflow }).toEqual({ address, overflow: 0 })
			const results = await new AxeBuilder({ page }).analyze()
			expect(
				results.violations.map((violation) => ({
					page: address,
					rule: violation.id,
					nodes: violation.nodes.map((node) => node.target.join(' ')),
				})),
			).toEqual([])
		}
	})
}
