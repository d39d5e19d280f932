import { Prisma, type PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { isSlug } from '~/forms/fields'
import { termProblems } from '~/forms/integrity-rules'
import {
	platformFormValues,
	platformTranslationRules,
	type PlatformCreateInput,
	type PlatformEditInput,
	type PlatformProblem,
	type PublicationChange,
} from '~/forms/platform'
import type { AuditAction } from './audit-actions'
import { emptyStatusCounts, isoDate, type StatusCounts } from './overview.server'
import { recordAudit } from './audit.server'
import { assertAdmin, createAudited, updateVersioned, type Actor, type Problems } from './save.server'
import type { Locale } from '~/i18n/locales'
import { localizePlatform, localizePolitician, writeTranslations } from './translation.server'
import { inTransaction } from '~/db/transaction.server'

/**
 * The one filter of every public read of platforms or of anything under one (pages, search, sitemap,
 * corrections, and the API and feeds of later issues): a draft (no `publishedAt`) is for staff only.
 */
export const publishedPlatformWhere = { publishedAt: { not: null } } satisfies Prisma.PlatformWhereInput

/** `publishedPlatformWhere` for a query written in SQL: `platformId` is the platform's id (an SQL value). */
export function publishedPlatformSql(platformId: string): Prisma.Sql {
	return Prisma.sql`EXISTS (SELECT 1 FROM "Platform" published WHERE published.id = ${platformId} AND published."publishedAt" IS NOT NULL)`
}

/** Which platforms a read may see: the public's (published only) or a signed-in staff member's preview. */
export type PlatformVisibility = { drafts: boolean }
export const publicOnly: PlatformVisibility = { drafts: false }

function visibleWhere({ drafts }: PlatformVisibility): Prisma.PlatformWhereInput {
	return drafts ? {} : publishedPlatformWhere
}

// The newest election's platform first; a tie goes to the one entered last.
const currentFirst = [{ electionDate: 'desc' as const }, { createdAt: 'desc' as const }]
// The home page's platform: the featured one (at most one is), else the newest published.
const homeFirst = [{ featuredAt: { sort: 'desc' as const, nulls: 'last' as const } }, ...currentFirst]

/** A platform's own text and dates: what its public pages and its edit form both show. */
const platformColumns = {
	id: true,
	slug: true,
	title: true,
	summary: true,
	electionDate: true,
	termStart: true,
	termEnd: true,
	sourceUrl: true,
	sourceTitle: true,
	sourcePublisher: true,
	sourcePublishedAt: true,
} satisfies Prisma.PlatformSelect

/**
 * A platform's and a politician's translations, every language's (at most one row a language), so that a
 * read that serves every page in one shape (`getPlatform`) needs no language; the page picks its own.
 */
const platformTranslations = {
	select: { locale: true, title: true, summary: true },
} satisfies Prisma.Platform$translationsArgs
const politicianTranslations = {
	select: { locale: true, name: true, office: true },
} satisfies Prisma.Politician$translationsArgs
const publicPolitician = {
	select: { slug: true, name: true, office: true, translations: politicianTranslations },
} satisfies Prisma.PoliticianDefaultArgs

const platformFields = {
	...platformColumns,
	hasDemoData: true,
	publishedAt: true,
	updatedAt: true,
	translations: platformTranslations,
	politician: publicPolitician,
} satisfies Prisma.PlatformSelect

export type PlatformSummary = NonNullable<Awaited<ReturnType<typeof getPlatform>>>

/**
 * What every public page needs to know about the site: the home page's platform (its header's "Pledges"
 * link follows it), and whether demo data is loaded.
 */
export async function getPublicSiteFacts(prisma: PrismaClient = getPrisma()) {
	// One statement (it runs on every public page): the home page's order is `homeFirst`'s.
	const rows = await prisma.$queryRaw<Array<{ currentPlatformSlug: string | null; demoData: boolean }>>`
		SELECT
			(SELECT slug FROM "Platform" WHERE "publishedAt" IS NOT NULL
				ORDER BY "featuredAt" DESC NULLS LAST, "electionDate" DESC, "createdAt" DESC LIMIT 1
			) AS "currentPlatformSlug",
			EXISTS (SELECT 1 FROM "Platform" WHERE "publishedAt" IS NOT NULL AND "hasDemoData") AS "demoData"`
	const facts = rows[0]
	return { currentPlatformSlug: facts?.currentPlatformSlug ?? null, demoData: facts?.demoData ?? false }
}

/**
 * A platform by its slug, or the home page's when no slug is given (featured, else the newest published);
 * null when there is none. Drafts only with `visibility.drafts` (a staff preview), never on the home page.
 */
export async function getPlatform(
	slug: string | undefined,
	prisma: PrismaClient = getPrisma(),
	visibility: PlatformVisibility = publicOnly,
) {
	if (slug === undefined) {
		return prisma.platform.findFirst({
			where: publishedPlatformWhere,
			orderBy: homeFirst,
			select: platformFields,
		})
	}
	// An address's slug with what no slug has (a NUL, which PostgreSQL refuses in text) names none.
	if (!isSlug(slug)) return null
	return prisma.platform.findFirst({ where: { slug, ...visibleWhere(visibility) }, select: platformFields })
}

/** Every published platform with its pledge count, current first (About page). */
export async function listPlatforms(prisma: PrismaClient = getPrisma()) {
	return prisma.platform.findMany({
		where: publishedPlatformWhere,
		orderBy: currentFirst,
		select: { ...platformFields, _count: { select: { pledges: true } } },
	})
}

/** How many of each platform's pledges stand in each status, for the given platforms, in one query. */
export async function statusCountsOf(platformIds: string[], prisma: PrismaClient = getPrisma()) {
	const rows =
		platformIds.length === 0
			? []
			: await prisma.pledge.groupBy({
					by: ['platformId', 'status'],
					where: { platformId: { in: platformIds } },
					orderBy: [{ platformId: 'asc' }, { status: 'asc' }],
					_count: { _all: true },
				})
	const counts = new Map<string, StatusCounts>()
	for (const row of rows) {
		const platformCounts = counts.get(row.platformId) ?? emptyStatusCounts()
		platformCounts[row.status] = row._count._all
		counts.set(row.platformId, platformCounts)
	}
	return (platformId: string) => counts.get(platformId) ?? emptyStatusCounts()
}

/** A platform's place in a list of platforms: its politician, election and how its pledges stand. */
function presentListedPlatform(
	platform: {
		slug: string
		title: string
		summary: string | null
		translations: Array<{ locale: 'EN' | 'RU' | 'KK'; title: string; summary: string | null }>
		electionDate: Date
		termStart: Date
		termEnd: Date
		hasDemoData: boolean
		featuredAt: Date | null
	},
	statusCounts: StatusCounts,
	locale: Locale,
) {
	const pledgeCount = Object.values(statusCounts).reduce((sum, count) => sum + count, 0)
	const text = localizePlatform(platform, locale)
	return {
		slug: platform.slug,
		title: text.title,
		titleIsTranslated: text.titleIsTranslated,
		electionDate: isoDate(platform.electionDate),
		termStart: isoDate(platform.termStart),
		termEnd: isoDate(platform.termEnd),
		hasDemoData: platform.hasDemoData,
		featured: platform.featuredAt !== null,
		pledgeCount,
		statusCounts,
	}
}

const listedPlatformFields = {
	id: true,
	slug: true,
	title: true,
	summary: true,
	translations: platformTranslations,
	electionDate: true,
	termStart: true,
	termEnd: true,
	hasDemoData: true,
	featuredAt: true,
} satisfies Prisma.PlatformSelect

/** `/:lang/platforms`: every published platform, newest election first, with its politician and statuses. */
export async function listPublishedPlatforms(locale: Locale, prisma: PrismaClient = getPrisma()) {
	const platforms = await prisma.platform.findMany({
		where: publishedPlatformWhere,
		orderBy: [...currentFirst, { id: 'asc' }],
		take: 500,
		select: { ...listedPlatformFields, politician: publicPolitician },
	})
	const countsOf = await statusCountsOf(
		platforms.map((platform) => platform.id),
		prisma,
	)
	return platforms.map((platform) => ({
		...presentListedPlatform(platform, countsOf(platform.id), locale),
		politician: { slug: platform.politician.slug, ...localizePolitician(platform.politician, locale) },
	}))
}

/**
 * `/:lang/politicians/:slug`: the politician and their published platforms, newest election first, each
 * with how its pledges stand. Null for an unknown politician and for one with no published platform (a
 * politician entered only for a draft is not public yet).
 */
export async function getPoliticianPage(slug: string, locale: Locale, prisma: PrismaClient = getPrisma()) {
	if (!isSlug(slug)) return null
	const politician = await prisma.politician.findUnique({
		where: { slug },
		select: {
			slug: true,
			name: true,
			office: true,
			translations: politicianTranslations,
			platforms: {
				where: publishedPlatformWhere,
				orderBy: [...currentFirst, { id: 'asc' }],
				select: listedPlatformFields,
			},
		},
	})
	if (!politician || politician.platforms.length === 0) return null
	const countsOf = await statusCountsOf(
		politician.platforms.map((platform) => platform.id),
		prisma,
	)
	return {
		slug: politician.slug,
		...localizePolitician(politician, locale),
		platforms: politician.platforms.map((platform) =>
			presentListedPlatform(platform, countsOf(platform.id), locale),
		),
	}
}

export type PoliticianPage = NonNullable<Awaited<ReturnType<typeof getPoliticianPage>>>
export type ListedPlatform = PoliticianPage['platforms'][number]

/**
 * A platform as the public pages show it, in the reader's language (English where a translation is
 * missing, saying so): dates as YYYY-MM-DD.
 */
/** What `presentPlatform` reads of a platform (a `PlatformSummary`, or the overview page's own read). */
type PresentedPlatform = Pick<
	PlatformSummary,
	| 'slug'
	| 'title'
	| 'summary'
	| 'translations'
	| 'electionDate'
	| 'termStart'
	| 'termEnd'
	| 'sourceUrl'
	| 'sourceTitle'
	| 'sourcePublisher'
	| 'hasDemoData'
	| 'publishedAt'
> & { politician: Pick<PlatformSummary['politician'], 'slug' | 'name' | 'office' | 'translations'> }

export function presentPlatform(platform: PresentedPlatform, locale: Locale) {
	const politician = localizePolitician(platform.politician, locale)
	return {
		slug: platform.slug,
		...localizePlatform(platform, locale),
		politician: politician.name,
		politicianSlug: platform.politician.slug,
		office: politician.office,
		politicianIsTranslated: politician.isTranslated,
		electionDate: isoDate(platform.electionDate),
		termStart: isoDate(platform.termStart),
		termEnd: isoDate(platform.termEnd),
		sourceUrl: platform.sourceUrl,
		sourceTitle: platform.sourceTitle,
		sourcePublisher: platform.sourcePublisher,
		hasDemoData: platform.hasDemoData,
		/** Shown only to signed-in staff (a preview), with a banner and never cached. */
		isDraft: platform.publishedAt === null,
	}
}

/**
 * Every public address the sitemap lists: published platforms (with their politicians) and their pledges,
 * with when each last changed.
 */
export async function listSitemapEntries(prisma: PrismaClient = getPrisma()) {
	const [platforms, pledges] = await Promise.all([
		prisma.platform.findMany({
			where: publishedPlatformWhere,
			orderBy: currentFirst,
			select: { slug: true, updatedAt: true, politician: { select: { slug: true } } },
		}),
		prisma.pledge.findMany({
			where: { platform: publishedPlatformWhere },
			orderBy: [{ platformId: 'asc' }, { position: 'asc' }, { slug: 'asc' }],
			select: { slug: true, updatedAt: true, platform: { select: { slug: true } } },
		}),
	])
	return { platforms, pledges }
}

// Staff reads and writes (the admin's catalogue pages).

/** Every platform with its politician and how many categories and pledges it has, for the staff's list. */
export async function listPlatformsToEdit() {
	return getPrisma().platform.findMany({
		orderBy: [{ electionDate: 'desc' }, { id: 'asc' }],
		take: 100,
		select: {
			id: true,
			slug: true,
			title: true,
			publishedAt: true,
			featuredAt: true,
			politician: { select: { name: true } },
			_count: { select: { pledges: true, categories: true } },
		},
	})
}

const platformRecordSelect = {
	...platformColumns,
	politicianId: true,
	version: true,
	translations: { orderBy: { locale: 'asc' }, select: { locale: true, title: true, summary: true } },
} satisfies Prisma.PlatformSelect

export type PlatformRecord = Prisma.PlatformGetPayload<{ select: typeof platformRecordSelect }>

export async function getPlatformRecord(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	return tx.platform.findUnique({ where: { id }, select: platformRecordSelect })
}

const audit = (action: AuditAction) => ({
	action,
	entityType: 'Platform',
	/** The platform as text, as its form holds it. */
	snapshot: (platform: PlatformRecord) => {
		const { version: _version, ...values } = platformFormValues(platform)
		return { id: platform.id, slug: platform.slug, ...values }
	},
})

function platformData(input: PlatformCreateInput | PlatformEditInput) {
	return {
		politicianId: input.politicianId,
		title: input.title,
		summary: input.summary ?? null,
		electionDate: input.electionDate,
		termStart: input.termStart,
		termEnd: input.termEnd,
		sourceUrl: input.sourceUrl,
		sourceTitle: input.sourceTitle,
		sourcePublisher: input.sourcePublisher,
		sourcePublishedAt: input.sourcePublishedAt ?? null,
	}
}

/** A platform's politician exists, and its term ends after it starts and after the election. */
async function platformProblem(
	tx: Prisma.TransactionClient,
	input: PlatformCreateInput | PlatformEditInput,
): Promise<Problems<PlatformProblem> | null> {
	const term = termProblems(input)
	if (term.termEnd) return term
	return politicianProblem(tx, input.politicianId)
}

async function politicianProblem(
	tx: Prisma.TransactionClient,
	politicianId: string,
): Promise<Problems<PlatformProblem> | null> {
	const politician = await tx.politician.findUnique({ where: { id: politicianId }, select: { id: true } })
	return politician ? null : { politicianId: 'unknown' }
}

function writePlatformTranslations(
	tx: Prisma.TransactionClient,
	platformId: string,
	input: PlatformCreateInput | PlatformEditInput,
) {
	return writeTranslations(input, {
		summary: platformTranslationRules.summary,
		save: (locale, text) =>
			tx.platformTranslation.upsert({
				where: { platformId_locale: { platformId, locale } },
				create: { platformId, locale, ...text },
				update: text,
			}),
		remove: (locale) => tx.platformTranslation.deleteMany({ where: { platformId, locale } }),
	})
}

export async function createPlatform(input: PlatformCreateInput, actor: Actor) {
	return createAudited<PlatformRecord, PlatformProblem>({
		actor,
		read: (tx, id) => getPlatformRecord(id, tx),
		check: (tx) => platformProblem(tx, input),
		create: async (tx) => {
			const { id } = await tx.platform.create({
				data: { slug: input.slug, ...platformData(input) },
				select: { id: true },
			})
			await writePlatformTranslations(tx, id, input)
			return id
		},
		audit: audit('platform.create'),
		taken: { slug: 'taken' },
	})
}

export async function updatePlatform(id: string, input: PlatformEditInput, actor: Actor) {
	return updateVersioned<PlatformRecord, PlatformProblem>({
		id,
		version: input.version,
		actor,
		read: (tx, platformId) => getPlatformRecord(platformId, tx),
		check: (tx) => platformProblem(tx, input),
		update: async (tx, where) => {
			const written = await tx.platform.updateMany({
				where,
				data: { ...platformData(input), version: { increment: 1 } },
			})
			if (written.count > 0) await writePlatformTranslations(tx, id, input)
			return written
		},
		audit: audit('platform.update'),
	})
}

// Publication: whether the public sees a platform, and which one the home page shows.

const publicationSelect = { id: true, slug: true, title: true, publishedAt: true, featuredAt: true } as const

type PublicationState = Prisma.PlatformGetPayload<{ select: typeof publicationSelect }>

export async function getPlatformPublication(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	return tx.platform.findUnique({ where: { id }, select: publicationSelect })
}

/** What a platform's catalogue page shows of its publication, and which platform the home page shows. */
export async function getPlatformPublicationPanel(id: string) {
	const prisma = getPrisma()
	const [platform, home] = await Promise.all([
		prisma.platform.findUnique({
			where: { id },
			select: { slug: true, publishedAt: true, featuredAt: true, _count: { select: { pledges: true } } },
		}),
		prisma.platform.findFirst({
			where: publishedPlatformWhere,
			orderBy: homeFirst,
			select: { slug: true, title: true },
		}),
	])
	if (!platform) return null
	return {
		slug: platform.slug,
		publishedAt: platform.publishedAt?.toISOString() ?? null,
		featuredAt: platform.featuredAt?.toISOString() ?? null,
		pledgeCount: platform._count.pledges,
		homePlatform: home,
	}
}

function publicationSnapshot(platform: PublicationState) {
	return {
		slug: platform.slug,
		title: platform.title,
		publishedAt: platform.publishedAt?.toISOString() ?? null,
		featuredAt: platform.featuredAt?.toISOString() ?? null,
	}
}

export type PublicationResult =
	| { status: 'saved'; record: PublicationState }
	| { status: 'unchanged'; record: PublicationState }
	| { status: 'not-found' }
	/** Only a published platform can be featured. */
	| { status: 'draft'; record: PublicationState }

/**
 * Publishes or unpublishes a platform, or makes it the home page's (featured) or stops that, audited, in
 * one transaction. Unpublishing also stops featuring it; featuring one stops featuring any other (its
 * slug is in the audit entry). Asking for what already holds changes and records nothing. Not versioned:
 * it touches none of the fields of the platform's edit form, so an edit open meanwhile still saves.
 */
export async function changePlatformPublication(
	id: string,
	change: PublicationChange,
	actor: Actor,
	now = new Date(),
): Promise<PublicationResult> {
	assertAdmin(actor)
	return inTransaction(getPrisma, async (tx) => {
		// Featuring is decided one admin at a time: two admins featuring two platforms at once would
		// otherwise both find none featured and the second would hit the one-featured index.
		if (change === 'feature')
			await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('uade.featured-platform'))`
		const before = await getPlatformPublication(id, tx)
		if (!before) return { status: 'not-found' }
		const published = before.publishedAt !== null
		const featured = before.featuredAt !== null
		if (change === 'feature' && !published) return { status: 'draft', record: before }
		const unchanged =
			(change === 'publish' && published) ||
			(change === 'unpublish' && !published) ||
			(change === 'feature' && featured) ||
			(change === 'unfeature' && !featured)
		if (unchanged) return { status: 'unchanged', record: before }

		let replaced: string | null = null
		if (change === 'feature') {
			const previous = await tx.platform.findFirst({
				where: { featuredAt: { not: null } },
				select: { id: true, slug: true },
			})
			if (previous) {
				await tx.platform.update({ where: { id: previous.id }, data: { featuredAt: null } })
				replaced = previous.slug
			}
		}
		const data = {
			publish: { publishedAt: now },
			unpublish: { publishedAt: null, featuredAt: null },
			feature: { featuredAt: now },
			unfeature: { featuredAt: null },
		}[change]
		await tx.platform.update({ where: { id }, data })
		const after = await getPlatformPublication(id, tx)
		if (!after) throw new Error(`Platform ${id} vanished inside its own transaction`)
		await recordAudit(tx, {
			actorId: actor.id,
			action: `platform.${change}`,
			entityType: 'Platform',
			entityId: id,
			before: publicationSnapshot(before),
			after: { ...publicationSnapshot(after), ...(replaced ? { replacedFeatured: replaced } : {}) },
			ipAddress: actor.ipAddress,
		})
		return { status: 'saved', record: after }
	})
}
