import type { Prisma, PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { isSlug } from '~/forms/fields'
import { termProblems } from '~/forms/integrity-rules'
import {
	platformFormValues,
	type PlatformCreateInput,
	type PlatformEditInput,
	type PlatformProblem,
} from '~/forms/platform'
import { isoDate } from './overview.server'
import { createAudited, updateVersioned, type Actor, type Problems } from './save.server'

// The current platform is the most recent election's; a tie goes to the one entered last.
const currentFirst = [{ electionDate: 'desc' as const }, { createdAt: 'desc' as const }]

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

const platformFields = {
	...platformColumns,
	hasDemoData: true,
	updatedAt: true,
	politician: { select: { name: true, office: true } },
} satisfies Prisma.PlatformSelect

export type PlatformSummary = NonNullable<Awaited<ReturnType<typeof getPlatform>>>

/** What every public page needs to know about the site: the current platform, and whether demo data is loaded. */
export async function getPublicSiteFacts(prisma: PrismaClient = getPrisma()) {
	const [current, demo] = await Promise.all([
		prisma.platform.findFirst({ orderBy: currentFirst, select: { slug: true } }),
		prisma.platform.findFirst({ where: { hasDemoData: true }, select: { id: true } }),
	])
	return { currentPlatformSlug: current?.slug ?? null, demoData: demo !== null }
}

/** A platform by its slug, or the current one when no slug is given; null when there is none. */
export async function getPlatform(slug: string | undefined, prisma: PrismaClient = getPrisma()) {
	if (slug === undefined) return prisma.platform.findFirst({ orderBy: currentFirst, select: platformFields })
	// An address's slug with what no slug has (a NUL, which PostgreSQL refuses in text) names none.
	if (!isSlug(slug)) return null
	return prisma.platform.findUnique({ where: { slug }, select: platformFields })
}

/** Every platform with its pledge count, current first (About page, sitemap). */
export async function listPlatforms(prisma: PrismaClient = getPrisma()) {
	return prisma.platform.findMany({
		orderBy: currentFirst,
		select: { ...platformFields, _count: { select: { pledges: true } } },
	})
}

/** A platform as the public pages show it: dates as YYYY-MM-DD. Platform text has no translations yet. */
export function presentPlatform(platform: PlatformSummary) {
	return {
		slug: platform.slug,
		title: platform.title,
		summary: platform.summary,
		politician: platform.politician.name,
		office: platform.politician.office,
		electionDate: isoDate(platform.electionDate),
		termStart: isoDate(platform.termStart),
		termEnd: isoDate(platform.termEnd),
		sourceUrl: platform.sourceUrl,
		sourceTitle: platform.sourceTitle,
		sourcePublisher: platform.sourcePublisher,
		hasDemoData: platform.hasDemoData,
	}
}

/** Every public address the sitemap lists: platforms and their pledges, with when each last changed. */
export async function listSitemapEntries(prisma: PrismaClient = getPrisma()) {
	const [platforms, pledges] = await Promise.all([
		prisma.platform.findMany({ orderBy: currentFirst, select: { slug: true, updatedAt: true } }),
		prisma.pledge.findMany({
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
			politician: { select: { name: true } },
			_count: { select: { pledges: true, categories: true } },
		},
	})
}

const platformRecordSelect = {
	...platformColumns,
	politicianId: true,
	version: true,
} satisfies Prisma.PlatformSelect

export type PlatformRecord = Prisma.PlatformGetPayload<{ select: typeof platformRecordSelect }>

export async function getPlatformRecord(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	return tx.platform.findUnique({ where: { id }, select: platformRecordSelect })
}

const audit = (action: string) => ({
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

export async function createPlatform(input: PlatformCreateInput, actor: Actor) {
	return createAudited<PlatformRecord, PlatformProblem>({
		actor,
		read: (tx, id) => getPlatformRecord(id, tx),
		check: (tx) => platformProblem(tx, input),
		create: async (tx) =>
			(await tx.platform.create({ data: { slug: input.slug, ...platformData(input) }, select: { id: true } }))
				.id,
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
		update: (tx, where) =>
			tx.platform.updateMany({ where, data: { ...platformData(input), version: { increment: 1 } } }),
		audit: audit('platform.update'),
	})
}
