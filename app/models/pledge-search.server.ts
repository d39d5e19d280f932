import { z } from 'zod'
import { Prisma, type PrismaClient } from '~/.server/prisma/client'
import { PledgeKind, PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import { translationLocale } from '~/i18n/locales'
import { publishedPlatformSql, type PlatformVisibility } from './platform.server'
import { analyzeQuery, foldText, type QueryAnalysis, type QueryUnit } from './search-text'

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

/** PostgreSQL's text search configuration for each language's text; see the migrations. */
const searchConfiguration = { en: 'english', ru: 'russian', kk: 'simple' } as const
type SearchConfiguration = (typeof searchConfiguration)[SearchLocale]
const titleCollation = { en: 'en-x-icu', ru: 'ru-x-icu', kk: 'kk-x-icu' } as const

/** The match levels of a query unit, best first (`rank` in the result orders by them). */
const matchLevel = { exact: 4, stem: 3, fold: 2, typo: 1 } as const

/** Words hold only letters, marks and digits (search-text.ts), so quoting them needs no escaping. */
const quote = (word: string, asPrefix = false) => `'${word}'${asPrefix ? ':*' : ''}`
const all = (words: string[]) => words.join(' & ')

function tsQuery(configuration: SearchConfiguration, text: string): Prisma.Sql {
	return Prisma.sql`to_tsquery(${Prisma.raw(`'${configuration}'::regconfig`)}, ${text})`
}
function anyOf(queries: Prisma.Sql[]): Prisma.Sql {
	return Prisma.sql`(${Prisma.join(queries, ' || ')})`
}

/**
 * One unit's tsqueries against a document of `configuration`, by match level. The document holds each
 * field stemmed and as written, both as written and folded (uade_search_field), so:
 * - exact: the words as typed;
 * - stem: the words stemmed by the configuration, the Kazakh stems (as word starts), the word being typed
 *   as a word start, and the synonyms (stemmed, and folded as word starts);
 * - fold: the same, folded;
 * - typo: the known words one or two letters away (the `typos` CTE), when the word is not a known word.
 */
function unitQueries(unit: QueryUnit, index: number, configuration: SearchConfiguration) {
	const lastIndex = unit.words.length - 1
	const typed = (words: string[]) =>
		all(words.map((word, at) => quote(word, unit.typing && at === lastIndex)))
	const stems = (stemList: string[]) => stemList.map((stem) => quote(stem, true)).join(' | ')
	const synonymsAsWritten = unit.synonyms.map((words) => `(${all(words.map((word) => quote(word)))})`)
	const synonymsFolded = unit.synonyms.map(
		(words) => `(${all(words.map((word) => foldText(word)).map((word) => quote(word, word.length >= 4)))})`,
	)
	const exact = tsQuery('simple', all(unit.words.map((word) => quote(word))))
	const stem = anyOf([
		tsQuery(configuration, all(unit.words.map((word) => quote(word)))),
		...(unit.typing ? [tsQuery('simple', typed(unit.words))] : []),
		...(unit.stems.length > 0 ? [tsQuery('simple', stems(unit.stems))] : []),
		...(unit.synonyms.length > 0
			? [tsQuery(configuration, synonymsAsWritten.join(' | ')), tsQuery('simple', synonymsFolded.join(' | '))]
			: []),
	])
	const fold = anyOf([
		tsQuery(configuration, all(unit.folded.map((word) => quote(word)))),
		tsQuery('simple', typed(unit.folded)),
		...(unit.stems.length > 0 ? [tsQuery('simple', stems(unit.stems.map((stem) => foldText(stem))))] : []),
	])
	const typo = unit.typoDistance > 0 ? Prisma.raw(`(SELECT typo${index} FROM typos)`) : undefined
	return { exact, stem, fold, typo }
}

/** Whether the document matches the whole query (every unit at some level), and the level it matches at. */
function documentMatch(analysis: QueryAnalysis, configuration: SearchConfiguration) {
	const units = analysis.units.map((unit, index) => unitQueries(unit, index, configuration))
	const query = Prisma.join(
		units.map(({ exact, stem, fold, typo }) =>
			typo
				? Prisma.sql`(${exact} || ${stem} || ${fold} || coalesce(${typo}, ${exact}))`
				: anyOf([exact, stem, fold]),
		),
		' && ',
	)
	const level = (document: Prisma.Sql) =>
		Prisma.sql`least(${Prisma.join(
			units.map(
				({
					exact,
					stem,
					fold,
				}) => Prisma.sql`CASE WHEN ${document} @@ ${exact} THEN ${Prisma.raw(String(matchLevel.exact))}
					WHEN ${document} @@ ${stem} THEN ${Prisma.raw(String(matchLevel.stem))}
					WHEN ${document} @@ ${fold} THEN ${Prisma.raw(String(matchLevel.fold))}
					ELSE ${Prisma.raw(String(matchLevel.typo))} END`,
			),
		)})`
	return { query: Prisma.sql`(${query})`, level }
}

/**
 * For each unit that may be a typo, the known words at most its typo distance away (Levenshtein, on folded
 * words), as one tsquery, or NULL: the 20 nearest by trigram distance come from the GiST index on
 * "SearchWord", so the cost does not grow with the vocabulary. A unit that is itself a known word is taken
 * as meant, so "вода" never also finds "года".
 */
function typoCandidates(analysis: QueryAnalysis): Prisma.Sql {
	const columns = analysis.units.flatMap((unit, index) => {
		if (unit.typoDistance === 0) return []
		const word = unit.folded[0] ?? ''
		const distance = Prisma.raw(String(unit.typoDistance))
		return [
			Prisma.sql`(SELECT uade_tsquery_or(plainto_tsquery('simple', near.word))
				FROM (SELECT w.word FROM "SearchWord" w ORDER BY lower(w.word) <-> ${word} LIMIT 20) near
				WHERE levenshtein_less_equal(near.word, ${word}, ${distance}) <= ${distance}
					AND NOT EXISTS (SELECT 1 FROM "SearchWord" known WHERE known.word = ${word})) AS ${Prisma.raw(`typo${index}`)}`,
		]
	})
	return columns.length > 0
		? Prisma.sql`, typos AS MATERIALIZED (SELECT ${Prisma.join(columns)})`
		: Prisma.empty
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
	const analysis = analyzeQuery(input.query, locale)
	const translated = locale === 'en' ? undefined : locale
	const dbLocale = translated ? Prisma.raw(`'${translationLocale[translated]}'`) : undefined

	// Each branch can use its own GIN index; a pledge found in both keeps its better level and rank. The
	// page ranks its candidates, computing each one's document once (OFFSET 0 keeps PostgreSQL from
	// inlining it back into every level test); the count only needs to know which pledges match.
	const branch = (
		document: Prisma.Sql,
		configuration: SearchConfiguration,
		from: Prisma.Sql,
		ranked: boolean,
	) => {
		if (!analysis) return Prisma.empty
		const { query, level } = documentMatch(analysis, configuration)
		if (!ranked) return Prisma.sql`SELECT ${from} AND ${document} @@ ${query}`
		const candidate = Prisma.raw('candidate.document')
		return Prisma.sql`SELECT candidate.id, ${level(candidate)} AS level, ts_rank(${candidate}, ${query}) AS rank
			FROM (SELECT ${document} AS document, ${from} AND ${document} @@ ${query} OFFSET 0) candidate`
	}
	const matches = (ranked: boolean) => {
		if (!analysis) return Prisma.empty
		const branches = [
			branch(
				englishDocument('p'),
				'english',
				Prisma.sql`p.id FROM "Pledge" p WHERE p."platformId" = ${platformId}`,
				ranked,
			),
			...(translated && dbLocale
				? [
						branch(
							translationDocument(translated, 't'),
							searchConfiguration[translated],
							Prisma.sql`t."pledgeId" AS id FROM "PledgeTranslation" t JOIN "Pledge" p ON p.id = t."pledgeId"
							WHERE t."locale" = ${dbLocale} AND p."platformId" = ${platformId}`,
							ranked,
						),
					]
				: []),
		]
		const found = Prisma.join(branches, ' UNION ALL ')
		return Prisma.sql`${typoCandidates(analysis)}, matches AS (${
			ranked
				? Prisma.sql`SELECT found.id, max(found.level) AS level, max(found.rank) AS rank FROM (${found}) found GROUP BY found.id`
				: Prisma.sql`SELECT DISTINCT found.id FROM (${found}) found`
		})`
	}

	// The platform's categories, each with its title in the reader's language, the slugs from its principle
	// (the root of its branch) down, and that principle's slug and title. A few dozen rows: joining them
	// here keeps the main query small enough for PostgreSQL to plan quickly.
	const categoryTitle = dbLocale ? Prisma.sql`coalesce(ct.title, c.title)` : Prisma.sql`c.title`
	const categoryTranslation = dbLocale
		? Prisma.sql`LEFT JOIN "CategoryTranslation" ct ON ct."categoryId" = c.id AND ct."locale" = ${dbLocale}`
		: Prisma.empty
	const withClause = (ranked: boolean) => Prisma.sql`
		WITH RECURSIVE tree AS (
			SELECT c.id, ARRAY[c.slug] AS path, c.slug, ${categoryTitle} AS title,
				c.slug AS "rootSlug", ${categoryTitle} AS "rootTitle"
			FROM "Category" c ${categoryTranslation}
			WHERE c."platformId" = ${platformId} AND c."parentId" IS NULL
			UNION ALL
			SELECT c.id, tree.path || c.slug, c.slug, ${categoryTitle}, tree."rootSlug", tree."rootTitle"
			FROM "Category" c JOIN tree ON c."parentId" = tree.id ${categoryTranslation}
		)${matches(ranked)}`
	const from = Prisma.sql`
		FROM "Pledge" p
		${analysis ? Prisma.sql`JOIN matches m ON m.id = p.id` : Prisma.empty}
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
		prisma.$queryRaw<PledgeSearchItem[]>`${withClause(true)}
			SELECT p.id, p.slug, ${title} AS title,
				${dbLocale ? Prisma.sql`coalesce(t.summary, p.summary)` : Prisma.sql`p.summary`} AS summary,
				${dbLocale ? Prisma.sql`t."pledgeId" IS NOT NULL` : Prisma.sql`true`} AS "titleIsTranslated",
				p.status, p.kind, p.deadline, p."activityAt",
				tree.slug AS "categorySlug", tree.title AS "categoryTitle",
				tree."rootSlug" AS "principleSlug", tree."rootTitle" AS "principleTitle"
			${from}
			ORDER BY ${analysis ? Prisma.sql`m.level DESC, m.rank DESC, ` : Prisma.empty}${order}, p.id
			LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
		prisma.$queryRaw<Array<{ total: number }>>`${withClause(false)} SELECT count(*)::int AS total ${from}`,
	])
	const total = counted[0]?.total ?? 0
	return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
