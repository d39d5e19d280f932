import { Prisma, type PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { isSlug } from '~/forms/fields'
import type { Locale } from '~/i18n/locales'
import { presentSource } from './evidence-translation.server'
import { getPlatformOverview } from './overview.server'
import { presentPlatform, publicOnly, type PlatformVisibility } from './platform.server'
import {
	dateOf,
	isoTimestampSql,
	sourceItemFieldsSql,
	translationsJson,
	type SourceItemRow,
	type TextRows,
} from './sql-json.server'

/** The overview page's platform as its statement returns it (dates YYYY-MM-DD, timestamps ISO). */
type OverviewPlatformRow = {
	id: string
	slug: string
	title: string
	summary: string | null
	electionDate: string
	termStart: string
	termEnd: string
	sourceUrl: string
	sourceTitle: string
	sourcePublisher: string
	hasDemoData: boolean
	publishedAt: string | null
	translations: TextRows<{ title: string; summary: string | null }>
	politician: {
		slug: string
		name: string
		office: string
		translations: TextRows<{ name: string; office: string }>
	}
	sources: SourceItemRow[]
}

/**
 * The platform of an overview page in one statement, with its politician and its implementation sources
 * (in their order), each with its translation into `locale`: the platform named by `slug` (a draft only
 * with `drafts`), or the home page's (the featured one, else the newest election's; never a draft).
 */
function overviewPlatformSql(slug: string | undefined, locale: Locale, drafts: boolean): Prisma.Sql {
	const texts = (table: string, key: string, id: string, columns: readonly string[]) =>
		translationsJson(table, key, Prisma.raw(id), columns, locale)
	const which =
		slug === undefined
			? Prisma.sql`WHERE "publishedAt" IS NOT NULL
				ORDER BY "featuredAt" DESC NULLS LAST, "electionDate" DESC, "createdAt" DESC LIMIT 1`
			: Prisma.sql`WHERE slug = ${slug} AND (${drafts}::boolean OR "publishedAt" IS NOT NULL)`
	return Prisma.sql`
		SELECT json_build_object(
			'id', pl.id, 'slug', pl.slug, 'title', pl.title, 'summary', pl.summary,
			'electionDate', pl."electionDate", 'termStart', pl."termStart", 'termEnd', pl."termEnd",
			'sourceUrl', pl."sourceUrl", 'sourceTitle', pl."sourceTitle", 'sourcePublisher', pl."sourcePublisher",
			'hasDemoData', pl."hasDemoData", 'publishedAt', ${isoTimestampSql('pl."publishedAt"')},
			'translations', ${texts('PlatformTranslation', 'platformId', 'pl.id', ['title', 'summary'])},
			'politician', json_build_object(
				'slug', po.slug, 'name', po.name, 'office', po.office,
				'translations', ${texts('PoliticianTranslation', 'politicianId', 'po.id', ['name', 'office'])}),
			'sources', (SELECT COALESCE(json_agg(json_build_object(
					${sourceItemFieldsSql('s')},
					'translations', ${texts('PlatformSourceTranslation', 'platformSourceId', 's.id', ['title', 'excerpt'])})
					ORDER BY s.position ASC, s.id ASC), '[]'::json)
				FROM "PlatformSource" s WHERE s."platformId" = pl.id)
		) AS platform
		FROM (SELECT * FROM "Platform" ${which}) pl
		JOIN "Politician" po ON po.id = pl."politicianId"`
}

/**
 * The data of a platform's overview page: the platform named by `slug`, or the home page's. Null when
 * there is no such platform (or it is a draft and `visibility` is the public's). Three statements: the
 * platform with its sources, then its overview and its status over time side by side.
 */
export async function getOverviewPage(
	slug: string | undefined,
	locale: Locale,
	today = new Date(),
	visibility: PlatformVisibility = publicOnly,
	prisma: PrismaClient = getPrisma(),
) {
	// An address's slug with what no slug has (a NUL, which PostgreSQL refuses in text) names none.
	if (slug !== undefined && !isSlug(slug)) return null
	const rows = await prisma.$queryRaw<Array<{ platform: OverviewPlatformRow }>>(
		overviewPlatformSql(slug, locale, visibility.drafts),
	)
	const row = rows[0]?.platform
	if (!row) return null
	const platform = {
		...row,
		electionDate: dateOf(row.electionDate),
		termStart: dateOf(row.termStart),
		termEnd: dateOf(row.termEnd),
		publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt),
	}
	return {
		platform: presentPlatform(platform, locale),
		overview: await getPlatformOverview(platform, locale, today, prisma),
		sources: row.sources.map((source) =>
			presentSource(
				{ ...source, publishedOn: source.publishedOn === null ? null : dateOf(source.publishedOn) },
				locale,
			),
		),
	}
}

export type OverviewPage = NonNullable<Awaited<ReturnType<typeof getOverviewPage>>>
