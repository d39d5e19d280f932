import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { isoDate } from './overview.server'

// The current platform is the most recent election's; a tie goes to the one entered last.
const currentFirst = [{ electionDate: 'desc' as const }, { createdAt: 'desc' as const }]

const platformFields = {
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
	hasDemoData: true,
	updatedAt: true,
	politician: { select: { name: true, office: true } },
}

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
	return slug
		? prisma.platform.findUnique({ where: { slug }, select: platformFields })
		: prisma.platform.findFirst({ orderBy: currentFirst, select: platformFields })
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
