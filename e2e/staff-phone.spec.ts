import type { Page } from '@playwright/test'
import { createPrismaClient } from '~/db/prisma.server'
import { recordAudit } from '~/models/audit.server'
import { createEvidence } from '~/test/ledger-fixtures'
import { expect, test } from './support/fixtures'
import { createTestPlatform } from './support/public-data'
import type { E2eServer } from './support/servers'
import { uniqueSuffix } from './support/unique'

// Issue 9, item 9: no staff page scrolls sideways on a 360 px phone, with tables full of long values (a
// long URL, a long unbroken title, a long email), signed in as an admin and as a fact-checker.

const phone = { width: 360, height: 740 }
test.use({ viewport: phone })
// The viewport is the test's own: once is enough.
test.skip(({ browserName: _ }, testInfo) => testInfo.project.name !== 'phone', 'phone project only')

// One unbroken "word" of 120 characters: what a pasted id or URL is to a layout.
const longWord =
	'Ministryofdigitaldevelopmentinnovationsandaerospaceindustryannualstatisticalbulletinonemploymentininformationtechnology'
const longUrl = `https://stat.gov.kz/en/industries/it/${longWord}/${'a'.repeat(80)}?utm_source=${'x'.repeat(60)}`

/** A platform of this test's own, with a pending and an approved evidence item of long values and audit entries. */
async function staffData(server: E2eServer, factCheckerId: string) {
	const platform = await createTestPlatform(server)
	const prisma = createPrismaClient(server.databaseUrl)
	try {
		const pledge = await prisma.pledge.findFirstOrThrow({
			where: { platform: { slug: platform.slug }, slug: 'ten-thousand-jobs' },
			select: { id: true, title: true },
		})
		const pending = await createEvidence(prisma, {
			pledgeId: pledge.id,
			userId: factCheckerId,
			title: `Pending ${longWord}`,
			publishedOn: '2024-03-01',
			sourceUrl: longUrl,
			archiveUrl: longUrl,
			excerpt: `An excerpt with ${longWord} in it.`,
			reviewState: 'PENDING',
		})
		await createEvidence(prisma, {
			pledgeId: pledge.id,
			userId: factCheckerId,
			title: `Approved ${longWord}`,
			publishedOn: '2024-02-01',
			sourceUrl: longUrl,
		})
		const triedEmail = `someone.with.a.very.long.address.${uniqueSuffix()}@${'sub'.repeat(12)}.example.org`
		const attempt = await prisma.signInAttempt.create({
			data: { email: triedEmail, ipAddress: '2001:db8:85a3:0:0:8a2e:370:7334', succeeded: false },
		})
		await prisma.$transaction(async (tx) => {
			await recordAudit(tx, {
				actorId: null,
				action: 'auth.sign_in_failed',
				entityType: 'SignInAttempt',
				entityId: attempt.id,
				after: { email: triedEmail, reason: 'unknown-email' },
				ipAddress: '2001:db8:85a3:0:0:8a2e:370:7334',
			})
			await recordAudit(tx, {
				actorId: factCheckerId,
				action: 'pledge.update',
				entityType: 'Pledge',
				entityId: pledge.id,
				before: { title: pledge.title, sourceUrl: 'https://example.org/testville' },
				after: { title: `${pledge.title} ${longWord}`, sourceUrl: longUrl },
				ipAddress: '198.51.100.1',
			})
		})
		const platformRow = await prisma.platform.findUniqueOrThrow({
			where: { slug: platform.slug },
			select: { id: true, politicianId: true, categories: { select: { id: true }, take: 1 } },
		})
		return {
			pledgeId: pledge.id,
			pendingId: pending.id,
			platformId: platformRow.id,
			politicianId: platformRow.politicianId,
			categoryId: platformRow.categories[0]?.id ?? '',
			triedEmail,
		}
	} finally {
		await prisma.$disconnect()
	}
}

/** The page at `path`, loaded, is no wider than the phone: nothing makes the page itself scroll sideways. */
async function expectNoSidewaysScroll(page: Page, path: string) {
	const answer = await page.goto(path)
	expect(answer?.status(), path).toBe(200)
	const width = await page.evaluate(() => document.documentElement.scrollWidth)
	expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(phone.width)
}

test('every staff page fits a 360 px phone, for an admin and a fact-checker', async ({
	browser,
	server,
	signInAs,
	page,
}) => {
	test.setTimeout(120_000)
	const checkerContext = await browser.newContext({ viewport: phone })
	const checker = await signInAs('FACT_CHECKER', { context: checkerContext })
	const data = await staffData(server, checker.id)
	const admin = await signInAs('ADMIN', { context: page.context() })

	for (const path of [
		'/admin',
		'/admin/review',
		`/admin/review/${data.pendingId}`,
		`/admin/pledges/${data.pledgeId}/status`,
		'/admin/audit',
		'/admin/catalogue',
		`/admin/catalogue/pledges/${data.pledgeId}`,
		'/admin/catalogue/pledges/new',
		`/admin/catalogue/platforms/${data.platformId}`,
		`/admin/catalogue/politicians/${data.politicianId}`,
		`/admin/catalogue/categories/${data.categoryId}`,
		'/admin/accounts',
		'/admin/accounts/new',
		`/admin/accounts/${checker.id}`,
		`/evidence/new?pledge=${data.pledgeId}`,
		'/evidence/mine',
		'/account',
	]) {
		await expectNoSidewaysScroll(page, path)
	}

	// The audit log names what it is about, and a failed sign-in by the email tried.
	await page.goto('/admin/audit')
	const failed = page.getByRole('row').filter({ hasText: data.triedEmail })
	await expect(failed).toContainText(`Failed sign-in as ${data.triedEmail}`)
	await expect(failed).toContainText('no account has this email')
	await expect(
		page
			.getByRole('row')
			.filter({ hasText: `Ten thousand new jobs ${longWord}` })
			.first(),
	).toContainText('Pledge edited')
	expect(admin.displayName).not.toBe('')

	const checkerPage = await checkerContext.newPage()
	for (const path of [`/evidence/new?pledge=${data.pledgeId}`, '/evidence/mine', '/account']) {
		await expectNoSidewaysScroll(checkerPage, path)
	}
	await checkerContext.close()

	const signedOut = await browser.newContext({ viewport: phone })
	await expectNoSidewaysScroll(await signedOut.newPage(), '/sign-in')
	await signedOut.close()
})
