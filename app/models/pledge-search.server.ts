import { z } from 'zod'
import { Prisma, type PrismaClient } from '~/.server/prisma/client'
import { PledgeKind, PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import { translationLocale } from '~/i18n/locales'
import { publishedPlatformSql, type PlatformVisibility } from './platform.server'

/**
 * The pledge list: filters, full-text search and pagination, in two queries (the page and the count)
 * whatever the number of pledges.
 *
 * Search runs in PostgreSQL against the expression indexes of migration 20261128170100_pledge_search:
 * English text with the `english` configuration (stemmed: "jobs" finds "job"), Russian translations with
 * `russian`, Kazakh ones with `simple` (PostgreSQL has no Kazakh stemmer: whole words, lower-cased, so
 * "ӘДІЛЕТТІ" finds "әділетті"). A reader always searches the English text too, since that is what they see
 * where a pledge has no translation. The last word is also matched as a prefix unless the query ends with a
 * space (search as you type). With a query, results are ranked by relevance first and the chosen sort
 * orders equally relevant ones.
 */

export type SearchLocale = 'en' | 'ru' | 'kk'
export type PledgeSort = 'updated' | 'deadline' | 'title'

export type PledgeSearchInput = {
	platformId: string
	locale: SearchLocale
	query?: string
	/** A top-level category's slug: pledges anywhere under that principle. */
	principle?: string
	/** A category's slug: pledges in it or in any category under it. */
	category?: string
	status?: PledgeStatus
	kind?: PledgeKind
	sort: PledgeSort
	/** From 1. A page past the last one is empty (and `total` still counts every match). */
	page: number
	/** At most `maxPageSize`. */
	pageSize: number
	/** A draft platform's pledges are found only for a signed-in staff member's preview. */
	visibility?: PlatformVisibility
}

export type PledgeSearchItem = {
	id: string
	slug: string
	/** In the requested language, or English where the pledge has no translation into it. */
	title: string
	summary: string
	/** False when `title` and `summary` fell back to English (always true for English). */
	titleIsTranslated: boolean
	status: PledgeStatus
	kind: PledgeKind
	deadline: Date
	/** When a status, evidence or measurement last changed (not catalogue edits); null while none has. */
	activityAt: Date | null
	categorySlug: string
	categoryTitle: string
	principleSlug: string
	principleTitle: string
}

export type PledgeSearchResult = {
	items: PledgeSearchItem[]
	total: number
	page: number
	/** At least 1, even when nothing matches. */
	pageCount: number
}

export const defaultPageSize = 20
export const maxPageSize = 100
const maxPage = 10_000
const maxQueryLength = 200
/** Words beyond these are ignored: a longer query would only narrow the result to nothing. */
const maxQueryWords = 12

const slug = z
	.string()
	.max(100, 'Too long.')
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'Not a category of this platform.')

/** `in-progress`, `in_progress` and `IN_PROGRESS` all name the same status. */
function enumValue<Values extends Record<string, string>>(values: Values, message: string) {
	return z.preprocess(
		(value) => (typeof value === 'string' ? value.trim().toUpperCase().replaceAll('-', '_') : value),
		z.enum(values, { error: message }),
	)
}

function boundedInteger(fallback: number, max: number) {
	return z.preprocess((value) => {
		const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
		return Number.isSafeInteger(number) && number >= 1 ? Math.min(number, max) : fallback
	}, z.number())
}

/** Absent, empty and blank parameters all mean "no filter" (a GET form sends `status=` for "all"). */
function optional<Schema extends z.ZodType>(schema: Schema) {
	return z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
		schema.optional(),
	)
}

/**
 * The pledge list's URL search parameters (`q`, `principle`, `category`, `status`, `kind`, `sort`, `page`,
 * `size`) as the input of `searchPledges`, without `platformId` and `locale`, which come from the path.
 * Accepts a `URLSearchParams` or a plain object of strings.
 *
 * Bad input: a value that decides *which* pledges are listed (`status`, `kind`, `principle`, `category`,
 * `q` longer than 200 characters) fails the parse, and the route answers 400 with the form and a message
 * next to the field (`error.issues[n].path[0]` names it), since quietly dropping a filter would show a
 * list that is not what the link claims. Values that only decide *how* the list is shown fall back:
 * an unknown `sort` to `updated`, a `page` that is not a positive integer to 1, `size` to 20 (at most 100).
 * Unknown parameters are ignored. An unknown but well-formed category slug simply matches nothing.
 */
export const pledgeSearchParams = z.preprocess(
	(value) => (value instanceof URLSearchParams ? Object.fromEntries(value) : value),
	z
		.object({
			q: optional(z.string().max(maxQueryLength, `At most ${maxQueryLength} characters.`)),
			principle: optional(slug),
			category: optional(slug),
			status: optional(enumValue(PledgeStatus, 'Not a status.')),
			kind: optional(enumValue(PledgeKind, 'Not a kind of pledge.')),
			sort: z.enum(['updated', 'deadline', 'title']).catch('updated'),
			page: boundedInteger(1, maxPage),
			size: boundedInteger(defaultPageSize, maxPageSize),
		})
		.transform(({ q, size, ...rest }) => ({ ...rest, query: q, pageSize: size })),
)

export type PledgeSearchParams = z.output<typeof pledgeSearchParams>

/** PostgreSQL's text search configuration for each language's text; see the migration. */
const searchConfiguration = { en: 'english', ru: 'russian', kk: 'simple' } as const
const titleCollation = { en: 'en-x-icu', ru: 'ru-x-icu', kk: 'kk-x-icu' } as const

type QueryWords = { complete: string[]; prefix: string | undefined }

/** Letters, marks and digits in any script; everything else separates words. */
function queryWords(query: string | undefined): QueryWords | undefined {
	const words = (query?.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [])
		.slice(0, maxQueryWords)
		.map((word) => word.slice(0, 64))
	if (words.length === 0) return undefined
	const stillTyping = query !== undefined && !/\s$/.test(query)
	return stillTyping
		? { complete: words.slice(0, -1), prefix: words.at(-1) }
		: { complete: words, prefix: undefined }
}

/**
 * The tsquery for one configuration: every complete word (stemmed by that configuration), and the word
 * still being typed either as a word of its own or, unstemmed, as the start of one. Words hold only
 * letters, marks and digits, so quoting them needs no escaping.
 */
function tsQuery(configuration: string, words: QueryWords): Prisma.Sql {
	const config = Prisma.raw(`'${configuration}'::regconfig`)
	const quote = (word: string) => `'${word}'`
	const parts: Prisma.Sql[] = []
	if (words.complete.length > 0) {
		parts.push(Prisma.sql`to_tsquery(${config}, ${words.complete.map(quote).join(' & ')})`)
	}
	if (words.prefix !== undefined) {
		parts.push(
			Prisma.sql`(to_tsquery(${config}, ${quote(words.prefix)}) || to_tsquery('simple', ${`${quote(words.prefix)}:*`}))`,
		)
	}
	return Prisma.sql`(${Prisma.join(parts, ' && ')})`
}

/** Must repeat the indexed expressions of the migration exactly, or PostgreSQL cannot use the indexes. */
function englishDocument(alias: string) {
	return Prisma.raw(`uade_search_document('english', ${alias}."title", ${alias}."summary", ${alias}."quote")`)
}
function translationDocument(locale: 'ru' | 'kk', alias: string) {
	return Prisma.raw(
		`uade_search_document('${searchConfiguration[locale]}', ${alias}."title", ${alias}."summary", NULL)`,
	)
}

export async function searchPledges(
	input: PledgeSearchInput,
	prisma: PrismaClient = getPrisma(),
): Promise<PledgeSearchResult> {
	const { platformId, locale } = input
	const page = Math.min(Math.max(1, Math.trunc(input.page) || 1), maxPage)
	const pageSize = Math.min(Math.max(1, Math.trunc(input.pageSize) || defaultPageSize), maxPageSize)
	const words = queryWords(input.query)
	const translated = locale === 'en' ? undefined : locale
	const dbLocale = translated ? Prisma.raw(`'${translationLocale[translated]}'`) : undefined

	// Each branch can use its own GIN index; a pledge found in both keeps its better rank.
	const matches = words
		? Prisma.sql`, matches AS (
			SELECT found.id, max(found.rank) AS rank FROM (
				SELECT p.id, ts_rank(${englishDocument('p')}, ${tsQuery('english', words)}) AS rank
				FROM "Pledge" p
				WHERE p."platformId" = ${platformId} AND ${englishDocument('p')} @@ ${tsQuery('english', words)}
				${
					translated && dbLocale
						? Prisma.sql`UNION ALL
				SELECT t."pledgeId", ts_rank(${translationDocument(translated, 't')}, ${tsQuery(searchConfiguration[translated], words)})
				FROM "PledgeTranslation" t JOIN "Pledge" p ON p.id = t."pledgeId"
				WHERE t."locale" = ${dbLocale} AND p."platformId" = ${platformId}
					AND ${translationDocument(translated, 't')} @@ ${tsQuery(searchConfiguration[translated], words)}`
						: Prisma.empty
				}
			) found
			GROUP BY found.id
		)`
		: Prisma.empty

	// The platform's categories, each with its title in the reader's language, the slugs from its principle
	// (the root of its branch) down, and that principle's slug and title. A few dozen rows: joining them
	// here keeps the main query small enough for PostgreSQL to plan quickly.
	const categoryTitle = dbLocale ? Prisma.sql`coalesce(ct.title, c.title)` : Prisma.sql`c.title`
	const categoryTranslation = dbLocale
		? Prisma.sql`LEFT JOIN "CategoryTranslation" ct ON ct."categoryId" = c.id AND ct."locale" = ${dbLocale}`
		: Prisma.empty
	const withClause = Prisma.sql`
		WITH RECURSIVE tree AS (
			SELECT c.id, ARRAY[c.slug] AS path, c.slug, ${categoryTitle} AS title,
				c.slug AS "rootSlug", ${categoryTitle} AS "rootTitle"
			FROM "Category" c ${categoryTranslation}
			WHERE c."platformId" = ${platformId} AND c."parentId" IS NULL
			UNION ALL
			SELECT c.id, tree.path || c.slug, c.slug, ${categoryTitle}, tree."rootSlug", tree."rootTitle"
			FROM "Category" c JOIN tree ON c."parentId" = tree.id ${categoryTranslation}
		)${matches}`
	const from = Prisma.sql`
		FROM "Pledge" p
		${words ? Prisma.sql`JOIN matches m ON m.id = p.id` : Prisma.empty}
		JOIN tree ON tree.id = p."categoryId"
		${dbLocale ? Prisma.sql`LEFT JOIN "PledgeTranslation" t ON t."pledgeId" = p.id AND t."locale" = ${dbLocale}` : Prisma.empty}
		WHERE p."platformId" = ${platformId}
		${input.visibility?.drafts ? Prisma.empty : Prisma.sql`AND ${publishedPlatformSql(platformId)}`}
		${input.principle ? Prisma.sql`AND tree."rootSlug" = ${input.principle}` : Prisma.empty}
		${input.category ? Prisma.sql`AND ${input.category} = ANY (tree.path)` : Prisma.empty}
		${input.status ? Prisma.sql`AND p.status = ${input.status}::"PledgeStatus"` : Prisma.empty}
		${input.kind ? Prisma.sql`AND p.kind = ${input.kind}::"PledgeKind"` : Prisma.empty}`

	const title = dbLocale ? Prisma.sql`coalesce(t.title, p.title)` : Prisma.sql`p.title`
	const order = {
		// "Recently updated": a pledge nothing has happened to yet comes after every one that has.
		updated: Prisma.sql`p."activityAt" DESC NULLS LAST, p."sourceDate" DESC, p.position`,
		deadline: Prisma.sql`p.deadline ASC`,
		title: Prisma.sql`${title} COLLATE ${Prisma.raw(`"${titleCollation[locale]}"`)} ASC`,
	}[input.sort]

	const [items, counted] = await Promise.all([
		prisma.$queryRaw<PledgeSearchItem[]>`${withClause}
			SELECT p.id, p.slug, ${title} AS title,
				${dbLocale ? Prisma.sql`coalesce(t.summary, p.summary)` : Prisma.sql`p.summary`} AS summary,
				${dbLocale ? Prisma.sql`t."pledgeId" IS NOT NULL` : Prisma.sql`true`} AS "titleIsTranslated",
				p.status, p.kind, p.deadline, p."activityAt",
				tree.slug AS "categorySlug", tree.title AS "categoryTitle",
				tree."rootSlug" AS "principleSlug", tree."rootTitle" AS "principleTitle"
			${from}
			ORDER BY ${words ? Prisma.sql`m.rank DESC, ` : Prisma.empty}${order}, p.id
			LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
		prisma.$queryRaw<Array<{ total: number }>>`${withClause} SELECT count(*)::int AS total ${from}`,
	])
	const total = counted[0]?.total ?? 0
	return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
