import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { hasSessionCookie, keepSignedInResponsesPrivate } from '~/auth/session.server'
import { seed } from '~/db/tooling/seed.server'
import { changePlatformPublication } from '~/models/platform.server'
import { searchPledges } from '~/models/pledge-search.server'
import type { Actor } from '~/models/save.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { createEvidence, recordStatus } from '~/test/ledger-fixtures'
import { loader as languageLayoutLoader } from './$lang'
import { loader as homeLoader } from './$lang._index'
import { loader as aboutLoader } from './$lang.about'
import { loader as correctionsLoader } from './$lang.corrections'
import { loader as platformIndexLoader } from './$lang.platforms._index'
import { loader as platformOverviewLoader } from './$lang.platforms.$platform._index'
import { loader as pledgeListLoader } from './$lang.platforms.$platform.pledges._index'
import { loader as pledgePageLoader } from './$lang.platforms.$platform.pledges.$pledge'
import { loader as politicianLoader } from './$lang.politicians.$politician'
import * as platformAdminPage from './admin/catalogue.platforms.$platformId'
import { loader as sitemapLoader } from './sitemap[.]xml'

// A draft platform, with pledges, evidence, a status and a correction, must be absent from every public
// page, the search and the sitemap, while signed-in staff can open its pages as a preview. Which published
// platform the home page shows is the admins' choice (featured), else the newest published one.

let database: TestDatabase
let prisma: PrismaClient
let admin: Actor
let adminCookie: string
let checkerCookie: string
const ids = { seeded: '', draft: '', later: '' }
const seeded = 'fair-kazakhstan-2022'
const draft = 'draft-platform-2030'
const draftPolitician = 'draft-only-politician'
const later = 'later-platform-2031'
const now = new Date('2026-11-20T12:00:00Z')
const origin = 'http://uade.test'

function platformData(slug: string, politicianId: string, electionYear: number) {
	return {
		slug,
		politicianId,
		title: `Platform ${slug}`,
		electionDate: new Date(`${electionYear}-03-01`),
		termStart: new Date(`${electionYear}-04-01`),
		termEnd: new Date(`${electionYear + 5}-04-01`),
		sourceUrl: 'https://example.org/platform',
		sourceTitle: 'The platform',
		sourcePublisher: 'Example Publisher',
	}
}

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const adminAccount = await createTestAccount({ role: 'ADMIN' })
	admin = { id: adminAccount.id, role: 'ADMIN', ipAddress: null }
	adminCookie = await sessionCookieFor(adminAccount.id)
	const checker = await createTestAccount({ role: 'FACT_CHECKER' })
	checkerCookie = await sessionCookieFor(checker.id)

	ids.seeded = (await prisma.platform.findUniqueOrThrow({ where: { slug: seeded } })).id
	const politician = await prisma.politician.create({
		data: { slug: draftPolitician, name: 'Dana Draftova', office: 'Candidate for mayor' },
	})
	// Both elections come after the seeded platform's: as drafts they must still not take the home page.
	const draftPlatform = await prisma.platform.create({
		data: {
			...platformData(draft, politician.id, 2030),
			categories: { create: { slug: 'everything', title: 'Everything' } },
		},
		select: { id: true, categories: { select: { id: true } } },
	})
	ids.draft = draftPlatform.id
	ids.later = (await prisma.platform.create({ data: platformData(later, politician.id, 2031) })).id
	const categoryId = draftPlatform.categories[0]?.id ?? ''
	const pledgeIds: string[] = []
	for (const [position, slug] of ['zebra-crossings', 'night-buses'].entries()) {
		const pledge = await prisma.pledge.create({
			data: {
				platformId: ids.draft,
				categoryId,
				slug,
				title: `Build ${slug}: a draft's pledge`,
				summary: 'Only staff may read this yet.',
				quote: 'We will build zebra crossings.',
				sourceUrl: 'https://example.org/platform',
				sourceDate: new Date('2030-02-01'),
				kind: 'QUALITATIVE',
				deadline: new Date('2035-04-01'),
				position,
			},
		})
		pledgeIds.push(pledge.id)
	}
	const pledgeId = pledgeIds[0] ?? ''
	const evidence = await createEvidence(prisma, {
		pledgeId,
		userId: adminAccount.id,
		title: 'Draft evidence',
		publishedOn: '2030-05-01',
	})
	const wrong = await recordStatus(prisma, {
		pledgeId,
		userId: adminAccount.id,
		status: 'KEPT',
		effectiveDate: '2030-05-02',
		rationale: 'Recorded as kept too early.',
		evidenceIds: [evidence.id],
	})
	await recordStatus(prisma, {
		pledgeId,
		userId: adminAccount.id,
		status: 'IN_PROGRESS',
		effectiveDate: '2030-05-02',
		rationale: 'Correction of a draft platform’s status.',
		evidenceIds: [evidence.id],
		correctsId: wrong.id,
	})
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

// Every test starts from the same publication: the seeded platform published and not featured, the
// other two drafts.
beforeEach(async () => {
	await prisma.platform.updateMany({ data: { featuredAt: null } })
	await prisma.platform.updateMany({ where: { id: { not: ids.seeded } }, data: { publishedAt: null } })
	await prisma.platform.update({ where: { id: ids.seeded }, data: { publishedAt: now } })
})

const args = (path: string, params: Record<string, string>, cookie?: string) => ({
	request: new Request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} }),
	params,
	context: testContext,
})

const overviewArgs = (slug: string, cookie?: string) =>
	args(`/en/platforms/${slug}`, { lang: 'en', platform: slug }, cookie)
const listArgs = (slug: string, cookie?: string) =>
	args(`/en/platforms/${slug}/pledges`, { lang: 'en', platform: slug }, cookie)
const pledgeArgs = (slug: string, pledge: string, cookie?: string) =>
	args(`/en/platforms/${slug}/pledges/${pledge}`, { lang: 'en', platform: slug, pledge }, cookie)

async function homeSlug() {
	const { page } = await homeLoader(args('/en', { lang: 'en' }))
	const { currentPlatformSlug } = await languageLayoutLoader(args('/en', { lang: 'en' }))
	// The header's "Pledges" link follows the home page.
	expect(currentPlatformSlug).toBe(page?.platform.slug ?? null)
	return page?.platform.slug
}

async function statusOf(run: () => Promise<unknown>) {
	return (await outcomeOf(run)).status
}

describe('a draft platform, for the public', () => {
	test('does not take the home page or the header’s “Pledges” link, though its election is later', async () => {
		expect(await homeSlug()).toBe(seeded)
	})

	test('is not in the platform index, the About page or on its politician’s page (a 404 when it is their only one)', async () => {
		const { platforms } = await platformIndexLoader(args('/en/platforms', { lang: 'en' }))
		expect(platforms.map((platform) => platform.slug)).toEqual([seeded])
		const about = await aboutLoader(args('/en/about', { lang: 'en' }))
		expect(about.platforms.map((platform) => platform.slug)).toEqual([seeded])
		expect(
			await statusOf(() =>
				politicianLoader(
					args(`/en/politicians/${draftPolitician}`, { lang: 'en', politician: draftPolitician }),
				),
			),
		).toBe(404)
	})

	test('its overview, pledge list and pledge pages are 404s, also with a session cookie that is not valid', async () => {
		const forged = `${checkerCookie.split('=')[0]}=not-a-session`
		for (const cookie of [undefined, forged]) {
			expect(await statusOf(() => platformOverviewLoader(overviewArgs(draft, cookie)))).toBe(404)
			expect(await statusOf(() => pledgeListLoader(listArgs(draft, cookie)))).toBe(404)
			expect(await statusOf(() => pledgePageLoader(pledgeArgs(draft, 'zebra-crossings', cookie)))).toBe(404)
		}
	})

	test('its pledges are found by no search', async () => {
		const search = { platformId: ids.draft, locale: 'en', sort: 'title', page: 1, pageSize: 20 } as const
		expect((await searchPledges({ ...search, query: 'zebra' }, prisma)).total).toBe(0)
		expect((await searchPledges(search, prisma)).total).toBe(0)
		// The same search in a staff preview finds them: it is the platform's state that hides them.
		expect((await searchPledges({ ...search, visibility: { drafts: true } }, prisma)).total).toBe(2)
	})

	test('is not in the sitemap, and its correction is not on the Corrections page', async () => {
		const xml = await (await sitemapLoader({ request: new Request(`${origin}/sitemap.xml`) })).text()
		expect(xml).toContain(`/platforms/${seeded}`)
		expect(xml).not.toContain(draft)
		expect(xml).not.toContain(later)
		expect(xml).not.toContain(draftPolitician)
		const { corrections } = await correctionsLoader(args('/en/corrections', { lang: 'en' }))
		expect(corrections.items.map((item) => item.pledge.platformSlug)).not.toContain(draft)
		expect(corrections.total).toBe(0)
	})
})

describe('a draft platform, for signed-in staff', () => {
	test('opens as a preview marked as a draft, and no cache may keep the answer', async () => {
		const { page } = await platformOverviewLoader(overviewArgs(draft, checkerCookie))
		expect(page.platform).toMatchObject({ slug: draft, isDraft: true })
		expect(page.overview.pledgeCount).toBe(2)
		const list = await pledgeListLoader(listArgs(draft, checkerCookie))
		if (!('results' in list) || !list.results) throw new Error('expected results')
		expect(list.platform.isDraft).toBe(true)
		expect(list.results.items.map((item) => item.slug).sort()).toEqual(['night-buses', 'zebra-crossings'])
		const pledge = await pledgePageLoader(pledgeArgs(draft, 'zebra-crossings', adminCookie))
		expect(pledge.page.platform.isDraft).toBe(true)
		expect(pledge.page.pledge.status).toBe('IN_PROGRESS')

		// Only a request with a session cookie can see a draft: the page cache leaves such requests alone,
		// and their responses are made private.
		const request = overviewArgs(draft, checkerCookie).request
		expect(hasSessionCookie(request)).toBe(true)
		const headers = new Headers({ 'Cache-Control': 'public, max-age=0, s-maxage=60' })
		keepSignedInResponsesPrivate(request, headers)
		expect(headers.get('Cache-Control')).toBe('private, no-store')
	})

	test('still never puts a draft on the home page, the platform index or in the sitemap', async () => {
		const { page } = await homeLoader(args('/en', { lang: 'en' }, adminCookie))
		expect(page?.platform.slug).toBe(seeded)
		const { platforms } = await platformIndexLoader(args('/en/platforms', { lang: 'en' }, adminCookie))
		expect(platforms.map((platform) => platform.slug)).toEqual([seeded])
	})

	test('a published platform’s pages are not marked as drafts', async () => {
		const { page } = await platformOverviewLoader(overviewArgs(seeded, checkerCookie))
		expect(page.platform.isDraft).toBe(false)
	})
})

describe('publishing', () => {
	test('puts the platform, its pledges and its politician on the public pages and in the sitemap', async () => {
		const result = await changePlatformPublication(ids.draft, 'publish', admin, now)
		expect(result.status).toBe('saved')
		const { page } = await platformOverviewLoader(overviewArgs(draft))
		expect(page.platform.isDraft).toBe(false)
		expect(await statusOf(() => pledgePageLoader(pledgeArgs(draft, 'zebra-crossings')))).toBe(200)
		const { politician } = await politicianLoader(
			args(`/en/politicians/${draftPolitician}`, { lang: 'en', politician: draftPolitician }),
		)
		expect(politician.platforms.map((platform) => platform.slug)).toEqual([draft])
		expect(politician.platforms[0]).toMatchObject({
			pledgeCount: 2,
			statusCounts: { NOT_RATED: 1, IN_PROGRESS: 1, KEPT: 0 },
		})
		const xml = await (await sitemapLoader({ request: new Request(`${origin}/sitemap.xml`) })).text()
		expect(xml).toContain(`${origin}/ru/platforms/${draft}/pledges/zebra-crossings`)
		expect(xml).toContain(`${origin}/kk/politicians/${draftPolitician}`)
		const { corrections } = await correctionsLoader(args('/en/corrections', { lang: 'en' }))
		expect(corrections.items.map((item) => item.pledge.slug)).toEqual(['zebra-crossings'])
	})

	test('lists platforms newest election first with their politician and status counts', async () => {
		await changePlatformPublication(ids.draft, 'publish', admin, now)
		const { platforms } = await platformIndexLoader(args('/ru/platforms', { lang: 'ru' }))
		expect(
			platforms.map((platform) => [platform.slug, platform.politician.slug, platform.pledgeCount]),
		).toEqual([
			[draft, draftPolitician, 2],
			[seeded, 'kassym-jomart-tokayev', 21],
		])
		expect(platforms[1]?.statusCounts.NOT_RATED).toBe(21)
	})

	test('is audited; asking again changes and records nothing', async () => {
		const audits = await prisma.auditEntry.count()
		await changePlatformPublication(ids.draft, 'publish', admin, now)
		const entry = await prisma.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } })
		expect(entry).toMatchObject({
			action: 'platform.publish',
			entityType: 'Platform',
			entityId: ids.draft,
			actorId: admin.id,
			before: { slug: draft, publishedAt: null, featuredAt: null },
			after: { slug: draft, publishedAt: now.toISOString(), featuredAt: null },
		})
		expect(await changePlatformPublication(ids.draft, 'publish', admin, now)).toMatchObject({
			status: 'unchanged',
		})
		expect(await prisma.auditEntry.count()).toBe(audits + 1)
	})
})

describe('the home page’s platform', () => {
	test('with none featured, is the newest published by election date', async () => {
		await changePlatformPublication(ids.later, 'publish', admin, now)
		expect(await homeSlug()).toBe(later)
	})

	test('is the featured one, whatever the election dates; featuring another replaces it', async () => {
		await changePlatformPublication(ids.later, 'publish', admin, now)
		expect((await changePlatformPublication(ids.seeded, 'feature', admin, now)).status).toBe('saved')
		expect(await homeSlug()).toBe(seeded)
		const { platforms } = await platformIndexLoader(args('/en/platforms', { lang: 'en' }))
		expect(platforms.filter((platform) => platform.featured).map((platform) => platform.slug)).toEqual([
			seeded,
		])

		await changePlatformPublication(ids.later, 'feature', admin, now)
		expect(await homeSlug()).toBe(later)
		expect(await prisma.platform.count({ where: { featuredAt: { not: null } } })).toBe(1)
		const entry = await prisma.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } })
		expect(entry).toMatchObject({ action: 'platform.feature', entityId: ids.later })
		expect(entry.after).toMatchObject({ replacedFeatured: seeded })

		await changePlatformPublication(ids.later, 'unfeature', admin, now)
		expect(await homeSlug()).toBe(later)
		await changePlatformPublication(ids.seeded, 'feature', admin, now)
		expect(await homeSlug()).toBe(seeded)
	})

	test('is never a draft: a draft cannot be featured, and unpublishing the featured one unfeatures it', async () => {
		const audits = await prisma.auditEntry.count()
		expect((await changePlatformPublication(ids.draft, 'feature', admin, now)).status).toBe('draft')
		expect(await prisma.auditEntry.count()).toBe(audits)
		await changePlatformPublication(ids.later, 'publish', admin, now)
		await changePlatformPublication(ids.later, 'feature', admin, now)
		await changePlatformPublication(ids.later, 'unpublish', admin, now)
		expect(await prisma.platform.findUniqueOrThrow({ where: { id: ids.later } })).toMatchObject({
			publishedAt: null,
			featuredAt: null,
		})
		expect(await homeSlug()).toBe(seeded)
	})

	test('the database itself keeps one featured platform at most, and only a published one', async () => {
		await prisma.platform.update({ where: { id: ids.seeded }, data: { featuredAt: now } })
		await prisma.platform.update({ where: { id: ids.later }, data: { publishedAt: now } })
		await expect(
			prisma.platform.update({ where: { id: ids.later }, data: { featuredAt: now } }),
		).rejects.toThrow()
		await expect(
			prisma.platform.update({ where: { id: ids.draft }, data: { featuredAt: now } }),
		).rejects.toThrow()
	})
})

describe('the platform’s catalogue page', () => {
	const post = (platformId: string, intent: string, cookie = adminCookie) =>
		outcomeOf(() =>
			platformAdminPage.action({
				request: new Request(`http://localhost/admin/catalogue/platforms/${platformId}`, {
					method: 'POST',
					headers: { Cookie: cookie },
					body: new URLSearchParams({ intent }),
				}),
				params: { platformId },
				context: testContext,
			}),
		)

	test('publishes, features, unfeatures and unpublishes, each audited with the admin and their address', async () => {
		// Each button, and whether the platform is then published and featured.
		const steps = [
			['publish', true, false],
			['feature', true, true],
			['unfeature', true, false],
			['unpublish', false, false],
		] as const
		for (const [intent, published, featured] of steps) {
			const outcome = await post(ids.later, intent)
			expect(outcome.status).toBe(302)
			expect(outcome.location).toBe(`/admin/catalogue/platforms/${ids.later}?publication=${intent}`)
			const platform = await prisma.platform.findUniqueOrThrow({ where: { id: ids.later } })
			expect([platform.publishedAt !== null, platform.featuredAt !== null]).toEqual([published, featured])
			const entry = await prisma.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } })
			expect(entry).toMatchObject({
				action: `platform.${intent}`,
				entityId: ids.later,
				ipAddress: testContext.clientIp,
			})
		}
	})

	test('refuses featuring a draft and an unknown button with a 400, changing nothing', async () => {
		const audits = await prisma.auditEntry.count()
		const draftFeatured = await post(ids.draft, 'feature')
		expect(draftFeatured.status).toBe(400)
		expect(draftFeatured.body).toMatchObject({
			publication: {
				error: {
					'': ['Publish the platform before featuring it: the home page shows only a published platform.'],
				},
			},
		})
		const unknown = await post(ids.draft, 'delete-everything')
		expect(unknown.status).toBe(400)
		expect(await prisma.platform.findUniqueOrThrow({ where: { id: ids.draft } })).toMatchObject({
			publishedAt: null,
			featuredAt: null,
		})
		expect(await prisma.auditEntry.count()).toBe(audits)
	})

	test('is for admins only: a fact-checker gets a 403 and a visitor is sent to sign in', async () => {
		const audits = await prisma.auditEntry.count()
		expect((await post(ids.draft, 'publish', checkerCookie)).status).toBe(403)
		expect((await post(ids.draft, 'publish', '')).status).toBe(302)
		expect(await prisma.platform.findUniqueOrThrow({ where: { id: ids.draft } })).toMatchObject({
			publishedAt: null,
		})
		expect(await prisma.auditEntry.count()).toBe(audits)
	})

	test('shows the publication and which platform the home page shows', async () => {
		const { publication } = await platformAdminPage.loader(
			args(`/admin/catalogue/platforms/${ids.draft}`, { platformId: ids.draft }, adminCookie),
		)
		expect(publication).toMatchObject({
			slug: draft,
			publishedAt: null,
			featuredAt: null,
			pledgeCount: 2,
			homePlatform: { slug: seeded },
		})
	})
})
