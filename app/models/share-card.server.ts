import type { PledgeStatus } from '~/.server/prisma/enums'
import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { Locale } from '~/i18n/locales'
import { getEmbeddedPlatform } from './embed.server'
import type { IndicatorPlan, IndicatorPoint } from './indicator'
import { publicOnly } from './platform.server'
import { getPledgePage } from './pledge.server'

/**
 * What a pledge's share card (its page's og:image) shows: whose platform, the pledge's title, its status
 * and the progress: the indicator's latest approved figure against the target, or the milestone steps
 * done. Public records only: null for an unknown pledge or a draft platform's.
 */
export async function getPledgeCard(
	{ platformSlug, pledgeSlug, locale }: { platformSlug: string; pledgeSlug: string; locale: Locale },
	prisma: PrismaClient = getPrisma(),
) {
	const page = await getPledgePage(
		{ platformSlug, pledgeSlug, locale, evidencePage: 1, today: new Date(), visibility: publicOnly },
		prisma,
	)
	if (!page || page.platform.isDraft) return null
	const { indicator } = page
	return {
		kind: 'pledge' as const,
		title: page.pledge.title,
		status: page.pledge.status,
		statusSince: page.pledge.statusSince,
		platform: { title: page.platform.title, politician: page.platform.politician },
		indicator: indicator
			? {
					unit: indicator.unit,
					plan: indicator.plan satisfies IndicatorPlan,
					latest: (indicator.measurements.at(-1) ?? null) satisfies IndicatorPoint | null,
				}
			: null,
		steps:
			page.milestoneSteps.length > 0
				? {
						done: page.milestoneSteps.filter((step) => step.doneOn !== null).length,
						count: page.milestoneSteps.length,
					}
				: null,
	}
}

/** What a platform's share card shows: the platform, whose it is, and how many pledges stand in each status. */
export async function getPlatformCard(
	{ platformSlug, locale }: { platformSlug: string; locale: Locale },
	prisma: PrismaClient = getPrisma(),
) {
	const platform = await getEmbeddedPlatform({ platformSlug, locale }, prisma)
	if (!platform) return null
	return {
		kind: 'platform' as const,
		title: platform.title,
		politician: platform.politician,
		counts: platform.counts satisfies Record<PledgeStatus, number>,
	}
}

export type PledgeCard = NonNullable<Awaited<ReturnType<typeof getPledgeCard>>>
export type PlatformCard = NonNullable<Awaited<ReturnType<typeof getPlatformCard>>>
