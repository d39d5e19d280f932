import type { PrismaClient } from '~/.server/prisma/client'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import type { Locale } from '~/i18n/locales'
import { pledgeStatuses, openStatuses } from './status'
import { localize, translationsIn } from './translation.server'

export type StatusCounts = Record<PledgeStatus, number>

export function emptyStatusCounts(): StatusCounts {
	return { NOT_RATED: 0, IN_PROGRESS: 0, STALLED: 0, PARTIAL: 0, KEPT: 0, BROKEN: 0 }
}

/** A calendar date (UTC midnight) as YYYY-MM-DD. */
export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10)
}

/** The first day of the date's month, as YYYY-MM-DD. */
function monthOf(date: Date): string {
	return `${isoDate(date).slice(0, 7)}-01`
}

type OverviewPlatform = { id: string; termStart: Date; termEnd: Date }

/**
 * Everything the overview shows about one platform, in a fixed number of queries whatever the number of
 * pledges, evidence items or ledger entries.
 */
export async function getPlatformOverview(
	platform: OverviewPlatform,
	locale: Locale,
	today: Date,
	prisma: PrismaClient = getPrisma(),
) {
	const pledgeFields = {
		id: true,
		slug: true,
		title: true,
		summary: true,
		status: true,
		deadline: true,
		statusUpdatedAt: true,
		translations: translationsIn(locale),
	}
	const open = { platformId: platform.id, status: { in: openStatuses } }
	const [byStatus, principles, byPrinciple, overTime, overdue, upcoming, recent] = await Promise.all([
		prisma.pledge.groupBy({ by: ['status'], where: { platformId: platform.id }, _count: { _all: true } }),
		prisma.category.findMany({
			where: { platformId: platform.id, parentId: null },
			orderBy: [{ position: 'asc' }, { title: 'asc' }],
			select: { id: true, slug: true, title: true, summary: true, translations: translationsIn(locale) },
		}),
		// A category is a principle (no parent) or a topic directly under one.
		prisma.$queryRaw<Array<{ principleId: string; status: PledgeStatus; count: number }>>`
			SELECT COALESCE(c."parentId", c.id) AS "principleId", p.status, count(*)::int AS count
			FROM "Pledge" p JOIN "Category" c ON c.id = p."categoryId"
			WHERE p."platformId" = ${platform.id}
			GROUP BY 1, 2`,
		getStatusOverTime(platform, today, prisma),
		prisma.pledge.findMany({
			where: { ...open, deadline: { lt: today } },
			orderBy: [{ deadline: 'asc' }, { position: 'asc' }],
			take: 5,
			select: pledgeFields,
		}),
		prisma.pledge.findMany({
			where: { ...open, deadline: { gte: today } },
			orderBy: [{ deadline: 'asc' }, { position: 'asc' }],
			take: 5,
			select: pledgeFields,
		}),
		prisma.pledge.findMany({
			where: { platformId: platform.id, statusUpdatedAt: { not: null } },
			orderBy: [{ statusUpdatedAt: 'desc' }, { id: 'asc' }],
			take: 5,
			select: pledgeFields,
		}),
	])

	const statusCounts = emptyStatusCounts()
	for (const row of byStatus) statusCounts[row.status] = row._count._all
	const pledgeCount = pledgeStatuses.reduce((sum, status) => sum + statusCounts[status], 0)

	const principleCounts = new Map<string, StatusCounts>()
	for (const row of byPrinciple) {
		const counts = principleCounts.get(row.principleId) ?? emptyStatusCounts()
		counts[row.status] = row.count
		principleCounts.set(row.principleId, counts)
	}

	const toCard = (pledge: (typeof recent)[number]) => {
		const text = localize(pledge, locale)
		return {
			id: pledge.id,
			slug: pledge.slug,
			title: text.title,
			titleIsTranslated: text.titleIsTranslated,
			status: pledge.status,
			deadline: isoDate(pledge.deadline),
			daysToDeadline: daysBetween(today, pledge.deadline),
			statusUpdatedAt: pledge.statusUpdatedAt?.toISOString() ?? null,
		}
	}

	return {
		pledgeCount,
		statusCounts,
		principles: principles.map((principle) => {
			const text = localize(principle, locale)
			return {
				id: principle.id,
				slug: principle.slug,
				title: text.title,
				titleIsTranslated: text.titleIsTranslated,
				counts: principleCounts.get(principle.id) ?? emptyStatusCounts(),
			}
		}),
		overTime,
		overdue: overdue.map(toCard),
		upcoming: upcoming.map(toCard),
		recent: recent.map(toCard),
	}
}

export type PlatformOverview = Awaited<ReturnType<typeof getPlatformOverview>>

/** Whole days from `from` to `to` (negative when `to` is earlier), counting calendar dates in UTC. */
export function daysBetween(from: Date, to: Date): number {
	const day = 24 * 60 * 60 * 1000
	return Math.round((Date.parse(isoDate(to)) - Date.parse(isoDate(from))) / day)
}

/**
 * For each month from the start of the term to this month (or the term's last month), how many of the
 * platform's pledges stood in each status at the end of that month (today, for the current month).
 *
 * Derived from the ledger in one aggregate query. An entry that a later entry corrects no longer counts at
 * all: the correction takes its place, from the correction's own effective date. Each remaining entry
 * holds from its effective date until the pledge's next one; a pledge with no entry yet is NOT_RATED.
 * Instead of evaluating every pledge at every month, each entry adds one to its status in the month it
 * takes effect and removes one in the month it is replaced, and a running sum per status gives the counts,
 * so the cost grows with the platform's ledger, not with pledges × months.
 */
export async function getStatusOverTime(
	platform: OverviewPlatform,
	today: Date,
	prisma: PrismaClient = getPrisma(),
): Promise<Array<{ month: string; counts: StatusCounts }>> {
	const first = monthOf(platform.termStart)
	const last = monthOf(today < platform.termEnd ? today : platform.termEnd)
	if (last < first) return []
	const asOf = isoDate(today)
	const rows = await prisma.$queryRaw<Array<{ month: Date; status: PledgeStatus; count: number }>>`
		WITH effective AS (
			SELECT s.id, s."pledgeId", s.status, s."effectiveDate", s."createdAt"
			FROM "Pledge" p
			-- Each pledge's own entries through the (pledgeId, effectiveDate) index: OFFSET 0 keeps PostgreSQL
			-- from flattening this into a join that reads the whole ledger of every platform.
			CROSS JOIN LATERAL (
				SELECT * FROM "StatusUpdate" s
				WHERE s."pledgeId" = p.id AND s."effectiveDate" <= ${asOf}::date
				OFFSET 0
			) s
			WHERE p."platformId" = ${platform.id}
				AND NOT EXISTS (SELECT 1 FROM "StatusUpdate" c WHERE c."correctsId" = s.id)
		),
		spans AS (
			SELECT status, "effectiveDate" AS starts,
				LEAD("effectiveDate") OVER (PARTITION BY "pledgeId" ORDER BY "effectiveDate", "createdAt", id) AS ends
			FROM effective
		),
		changes AS (
			SELECT GREATEST(date_trunc('month', starts)::date, ${first}::date) AS month, status, 1 AS delta
			FROM spans
			UNION ALL
			SELECT GREATEST(date_trunc('month', ends)::date, ${first}::date), status, -1
			FROM spans WHERE ends IS NOT NULL
		),
		monthly AS (
			SELECT month, status, SUM(delta) AS delta FROM changes GROUP BY month, status
		),
		grid AS (
			SELECT month::date AS month, status
			FROM generate_series(${first}::date, ${last}::date, interval '1 month') AS month
			CROSS JOIN unnest(enum_range(NULL::"PledgeStatus")) AS status
		),
		running AS (
			SELECT g.month, g.status,
				SUM(COALESCE(m.delta, 0)) OVER (PARTITION BY g.status ORDER BY g.month) AS count
			FROM grid g LEFT JOIN monthly m ON m.month = g.month AND m.status = g.status
		)
		SELECT month, status,
			(CASE WHEN status = 'NOT_RATED'
				THEN count + (SELECT count(*) FROM "Pledge" WHERE "platformId" = ${platform.id})
					- SUM(count) OVER (PARTITION BY month)
				ELSE count END)::int AS count
		FROM running
		ORDER BY month`
	const months = new Map<string, StatusCounts>()
	for (const row of rows) {
		const month = isoDate(row.month)
		const counts = months.get(month) ?? emptyStatusCounts()
		counts[row.status] = row.count
		months.set(month, counts)
	}
	return [...months].map(([month, counts]) => ({ month, counts }))
}
