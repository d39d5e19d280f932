import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { Locale } from '~/i18n/locales'
import { getPlatform, presentPlatform, publicOnly, statusCountsOf } from './platform.server'
import { getPledgePage } from './pledge.server'

/**
 * What an embedded card shows of a pledge (/embed/…, for a newsroom's own page): its title, its status and
 * since when, whose platform it is, and its indicator's latest figure against the target. Null for an
 * unknown pledge or a draft's: drafts are not public, embedded or not.
 */
export async function getEmbeddedPledge(
	{ platformSlug, pledgeSlug, locale }: { platformSlug: string; pledgeSlug: string; locale: Locale },
	prisma: PrismaClient = getPrisma(),
) {
	const page = await getPledgePage(
		{ platformSlug, pledgeSlug, locale, evidencePage: 1, today: new Date(), visibility: publicOnly },
		prisma,
	)
	if (!page) return null
	const latest = page.indicator?.measurements.at(-1) ?? null
	return {
		title: page.pledge.title,
		status: page.pledge.status,
		statusSince: page.pledge.statusSince,
		platform: { slug: page.platform.slug, title: page.platform.title, politician: page.platform.politician },
		pledgeSlug: page.pledge.slug,
		indicator: page.indicator
			? { unit: page.indicator.unit, latest, target: page.indicator.plan.target }
			: null,
		evidenceCount: page.evidence.total,
	}
}

export type EmbeddedPledge = NonNullable<Awaited<ReturnType<typeof getEmbeddedPledge>>>

/** What an embedded platform summary shows: the platform and how many of its pledges stand in each status. */
export async function getEmbeddedPlatform(
	{ platformSlug, locale }: { platformSlug: string; locale: Locale },
	prisma: PrismaClient = getPrisma(),
) {
	const platform = await getPlatform(platformSlug, prisma, publicOnly)
	if (!platform) return null
	const counts = (await statusCountsOf([platform.id], prisma))(platform.id)
	const presented = presentPlatform(platform, locale)
	return { slug: presented.slug, title: presented.title, politician: presented.politician, counts }
}

export type EmbeddedPlatform = NonNullable<Awaited<ReturnType<typeof getEmbeddedPlatform>>>
