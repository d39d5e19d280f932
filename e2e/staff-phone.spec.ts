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
		const approved = await createEvidence(prisma, {
			pledgeId: pledge.id,
			userId: factCheckerId,
			title: `Approved ${longWord}`,
			publishedOn: '2024-02-01',
			sourceUrl: longUrl,
			// The suggestion the status form shows beside itself (`?evidence=`), long like the rest.
			suggestedStatus: 'IN_PROGRESS',
			suggestionReason: `The bulletin ${longWord} counts more jobs each quarter.`,
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
			approvedId: approved.id,
			platformId: platformRow.id,
			politicianId: platformRow.politicianId,
			categoryId: platformRow.categories[0]?.id ?? '',
			triedEmail,
		}
	} finally {
		await prisma.$disconnect()
	}
}

/**
 * How far the page at `path` makes the document scroll sideways beyond the phone's width: nothing (null),
 * or its width with the elements that reach past the edge (to say what to fix).
 */
async function sidewaysScroll(page: Page, path: string): Promise<string | null> {
	const answer = await page.goto(path)
	expect(answer?.status(), path).toBe(200)
	return sidewaysScrollHere(page)
}

/** The same for the page as it is now (after a form was sent, say). */
function sidewaysScrollHere(page: Page): Promise<string | null> {
	return page.evaluate((limit) => {
		const width = document.documentElement.scrollWidth
		if (width <= limit) return null
		const culprits = [...document.body.querySelectorAll('*')]
			.filter((element) => element.getBoundingClientRect().right > limit + 1)
			// The innermost ones: an element whose children all fit is the one that overflows.
			.filter(
				(element) => ![...element.children].some((child) => child.getBoundingClientRect().right > limit + 1),
			)
			.slice(0, 5)
			.map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`)
		return `${width} px wide: ${culprits.join(', ')}`
	}, phone.width)
}

async function expectNoSidewaysScroll(page: Page, paths: string[]) {
	const tooWide: Record<string, string> = {}
	for (const path of paths) {
		const problem = await sidewaysScroll(page, path)
		if (problem) tooWide[path] = problem
	}
	expect(tooWide).toEqual({})
}

test('every staff page fits a 360 px phone, for an admin and a fact-checker', async ({
	browser,
	server,
	signInAs,
	page,
}) => {
	// The viewport is the test's own: running it in the desktop project too would only repeat it.
	test.skip(test.info().project.name !== 'phone', 'runs in the phone project')
	test.setTimeout(120_000)
	const checkerContext = await browser.newContext({ viewport: phone })
	const checker = await signInAs('FACT_CHECKER', { context: checkerContext })
	const data = await staffData(server, checker.id)
	const draft = await createTestPlatform(server, { published: false })
	const draftId = draft.id
	const admin = await signInAs('ADMIN', { context: page.context() })

	await expectNoSidewaysScroll(page, [
		'/admin',
		'/admin/review',
		`/admin/review/${data.pendingId}`,
		`/admin/pledges/${data.pledgeId}/status`,
		// Approved evidence leads here: the form beside the fact-checker's suggestion.
		`/admin/pledges/${data.pledgeId}/status?evidence=${data.approvedId}`,
		'/admin/settings',
		'/admin/audit',
		'/admin/catalogue',
		`/admin/catalogue/pledges/${data.pledgeId}`,
		'/admin/catalogue/pledges/new',
		// A published platform and a draft: their Publication panels offer different buttons.
		`/admin/catalogue/platforms/${data.platformId}`,
		`/admin/catalogue/platforms/${draftId}`,
		`/admin/catalogue/politicians/${data.politicianId}`,
		`/admin/catalogue/categories/${data.categoryId}`,
		'/admin/accounts',
		'/admin/accounts/new',
		`/admin/accounts/${checker.id}`,
		`/evidence/new?pledge=${data.pledgeId}`,
		'/evidence/mine',
		'/account',
	])

	for (const id of [data.platformId, draftId]) {
		await page.goto(`/admin/catalogue/platforms/${id}`)
		await expect(page.getByRole('region', { name: 'Publication', exact: true })).toBeVisible()
	}

	// The status form's preview step, reached as an admin reaches it: fill in the form, press Preview.
	await page.goto(`/admin/pledges/${data.pledgeId}/status?evidence=${data.approvedId}`)
	await expect(
		page.getByRole('complementary', { name: 'The fact-checker’s suggestion', exact: true }),
	).toBeVisible()
	const newStatus = page.getByRole('region', { name: 'Record a new status', exact: true })
	await newStatus.getByLabel('Status', { exact: true }).selectOption('IN_PROGRESS')
	await newStatus.getByLabel('Effective date', { exact: true }).fill('2024-03-15')
	await newStatus
		.getByLabel('Rationale', { exact: true })
		.fill(`The bulletin ${longWord} shows more jobs in the first quarter of 2024.`)
	await newStatus.getByRole('button', { name: 'Preview', exact: true }).click()
	await expect(
		newStatus.getByRole('region', { name: 'Check what the public will see', exact: true }),
	).toBeVisible()
	expect(await sidewaysScrollHere(page)).toBeNull()

	// The audit log names what it is about, and a failed sign-in by the email tried.
	await page.goto('/admin/audit')
	// One card per entry on the phone, and still a table with its rows to a screen reader.
	await expect(
		page.getByRole('table', { name: 'Up to 50 entries per page, newest first. Times are UTC.', exact: true }),
	).toBeVisible()
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
	await expectNoSidewaysScroll(checkerPage, [
		`/evidence/new?pledge=${data.pledgeId}`,
		// The author's own page of the item while it awaits review (its edit form).
		`/evidence/${data.pendingId}`,
		'/evidence/mine',
		'/account',
	])
	await checkerContext.close()

	const signedOut = await browser.newContext({ viewport: phone })
	await expectNoSidewaysScroll(await signedOut.newPage(), ['/sign-in'])
	await signedOut.close()
})
