import { Prisma, type PrismaClient } from '~/.server/prisma/client'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import type { Locale } from '~/i18n/locales'
import { pledgeStatuses, openStatuses } from './status'
import { dateOf, isoTimestampSql, translationsJson } from './sql-json.server'
import { localize } from './translation.server'

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

type OverviewCardRow = {
	id: string
	slug: string
	title: string
	summary: string
	status: PledgeStatus
	deadline: string
	statusUpdatedAt: string | null
	translations: Array<{ title: string; summary: string }>
}

type OverviewRow = {
	byStatus: Array<{ status: PledgeStatus; count: number }>
	principles: Array<{
		id: string
		slug: string
		title: string
		summary: string | null
		translations: Array<{ title: string; summary: string | null }>
	}>
	byPrinciple: Array<{ principleId: string; status: PledgeStatus; count: number }>
	overdue: OverviewCardRow[]
	upcoming: OverviewCardRow[]
	recent: OverviewCardRow[]
}

/**
 * The overview's counts and lists in one SQL statement: pledges by status, the principles (with their
 * translation) and pledges by principle and status, the five most overdue and the five next open pledges,
 * the five last rated. A category is a principle (no parent) or a topic directly under one.
 */
function overviewSql(platformId: string, locale: Locale, today: Date): Prisma.Sql {
	const asOf = isoDate(today)
	const open = Prisma.join(openStatuses.map((status) => Prisma.sql`${status}::"PledgeStatus"`))
	const cards = (
		where: Prisma.Sql,
		orderBy: string,
	) => Prisma.sql`(SELECT COALESCE(json_agg(json_build_object(
			'id', p.id, 'slug', p.slug, 'title', p.title, 'summary', p.summary, 'status', p.status,
			'deadline', p.deadline, 'statusUpdatedAt', ${isoTimestampSql('p."statusUpdatedAt"')},
			'translations', ${translationsJson('PledgeTranslation', 'pledgeId', Prisma.raw('p.id'), ['title', 'summary'], locale)})
			ORDER BY ${Prisma.raw(orderBy)}), '[]'::json)
		FROM (SELECT * FROM "Pledge" p WHERE p."platformId" = ${platformId} AND ${where}
			ORDER BY ${Prisma.raw(orderBy)} LIMIT 5) p)`
	return Prisma.sql`SELECT json_build_object(
		'byStatus', (SELECT COALESCE(json_agg(json_build_object('status', status, 'count', count)), '[]'::json)
			FROM (SELECT status, count(*)::int AS count FROM "Pledge" WHERE "platformId" = ${platformId}
				GROUP BY status) s),
		'principles', (SELECT COALESCE(json_agg(json_build_object(
				'id', c.id, 'slug', c.slug, 'title', c.title, 'summary', c.summary,
				'translations', ${translationsJson('CategoryTranslation', 'categoryId', Prisma.raw('c.id'), ['title', 'summary'], locale)})
				ORDER BY c.position ASC, c.title ASC), '[]'::json)
			FROM "Category" c WHERE c."platformId" = ${platformId} AND c."parentId" IS NULL),
		'byPrinciple', (SELECT COALESCE(json_agg(s), '[]'::json) FROM (
			SELECT COALESCE(c."parentId", c.id) AS "principleId", p.status, count(*)::int AS count
			FROM "Pledge" p JOIN "Category" c ON c.id = p."categoryId"
			WHERE p."platformId" = ${platformId}
			GROUP BY 1, 2) s),
		'overdue', ${cards(Prisma.sql`p.status IN (${open}) AND p.deadline < ${asOf}::date`, 'p.deadline ASC, p.position ASC')},
		'upcoming', ${cards(Prisma.sql`p.status IN (${open}) AND p.deadline >= ${asOf}::date`, 'p.deadline ASC, p.position ASC')},
		'recent', ${cards(Prisma.sql`p."statusUpdatedAt" IS NOT NULL`, 'p."statusUpdatedAt" DESC, p.id ASC')}
	) AS overview`
}

/**
 * Everything the overview shows about one platform, in two statements whatever the number of pledges,
 * evidence items or ledger entries: `overviewSql` and the status over time, side by side.
 */
export async function getPlatformOverview(
	platform: OverviewPlatform,
	locale: Locale,
	today: Date,
	prisma: PrismaClient = getPrisma(),
) {
	const [rows, overTime] = await Promise.all([
		prisma.$queryRaw<Array<{ overview: OverviewRow }>>(overviewSql(platform.id, locale, today)),
		getStatusOverTime(platform, today, prisma),
	])
	const overview = rows[0]?.overview
	if (!overview) throw new Error('The overview statement returned no row')
	const { byStatus, principles, byPrinciple, overdue, upcoming, recent } = overview

	const statusCounts = emptyStatusCounts()
	for (const row of byStatus) statusCounts[row.status] = row.count
	const pledgeCount = pledgeStatuses.reduce((sum, status) => sum + statusCounts[status], 0)

	const principleCounts = new Map<string, StatusCounts>()
	for (const row of byPrinciple) {
		const counts = principleCounts.get(row.principleId) ?? emptyStatusCounts()
		counts[row.status] = row.count
		principleCounts.set(row.principleId, counts)
	}

	const toCard = (pledge: OverviewCardRow) => {
		const text = localize(pledge, locale)
		return {
			id: pledge.id,
			slug: pledge.slug,
			title: text.title,
			titleIsTranslated: text.titleIsTranslated,
			status: pledge.status,
			deadline: pledge.deadline,
			daysToDeadline: daysBetween(today, dateOf(pledge.deadline)),
			statusUpdatedAt: pledge.statusUpdatedAt,
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
