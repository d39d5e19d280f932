import { z } from 'zod'
import type { Prisma, PrismaClient } from '~/.server/prisma/client'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import { isSlug } from '~/forms/fields'
import { isoDate } from '~/models/overview.server'
import { paths } from '~/models/paths'
import { publishedPlatformWhere, statusCountsOf } from '~/models/platform.server'
import { pledgeSearchParams, searchPledges, type PledgeSort } from '~/models/pledge-search.server'
import { decodeCursor, encodeCursor, queryFingerprint } from './cursor.server'
import { badParams, langOf, limitOf, notFound, queryOf, type InvalidParam } from './http.server'
import { textsOf, type TextLang } from './texts.server'

/**
 * What the API (/api/v1, docs/api.md) reads and how it gives it: published platforms only (a draft's
 * platform, pledges, ledger and evidence are unknown records), approved evidence only, every text as
 * texts.server.ts says, dates as YYYY-MM-DD and instants as ISO 8601 in UTC. Each endpoint runs a fixed
 * number of queries whatever the number of pledges on a page (no query per item), each bounded.
 */

// Bounds no real record reaches, so that no answer's cost grows with the tables.
const maxPoliticians = 1000
const maxPlatforms = 1000
const maxCategories = 1000
const maxLedgerEntries = 200
const maxEvidence = 1000
const maxMeasurements = 500
const maxSteps = 100

export type ReadContext = { origin: string; lang: TextLang; prisma?: PrismaClient }

const withLang = (url: string, lang: TextLang, extra?: URLSearchParams) => {
	const search = new URLSearchParams(extra)
	if (lang) search.set('lang', lang)
	const query = search.toString()
	return query ? `${url}?${query}` : url
}

const api = (context: ReadContext, path: string) => withLang(`${context.origin}/api/v1${path}`, context.lang)
const html = (context: ReadContext, path: string) => `${context.origin}${path}`
const pageLang = (context: ReadContext) => context.lang ?? 'en'

const decimal = (value: { toNumber(): number }) => value.toNumber()

type Translations<Fields extends string> = Array<
	{ locale: 'EN' | 'RU' | 'KK' } & Record<Fields, string | null>
>

// Politicians

const politicianSelect = {
	id: true,
	slug: true,
	name: true,
	office: true,
	translations: { select: { locale: true, name: true, office: true }, orderBy: { locale: 'asc' } },
} satisfies Prisma.PoliticianSelect

type PoliticianRow = Prisma.PoliticianGetPayload<{ select: typeof politicianSelect }>

function presentPolitician(row: PoliticianRow, context: ReadContext) {
	return {
		id: row.id,
		slug: row.slug,
		...textsOf(context.lang, ['name', 'office'], row, row.translations),
		links: {
			self: api(context, `/politicians/${row.slug}`),
			html: html(context, paths.politician(pageLang(context), row.slug)),
		},
	}
}

/** A politician is public once one of their platforms is published. */
const publicPolitician = { platforms: { some: publishedPlatformWhere } } satisfies Prisma.PoliticianWhereInput

export async function listPoliticians(request: Request, context: Omit<ReadContext, 'lang'>) {
	const query = queryOf(request, ['lang'])
	const read = { ...context, lang: langOf(query) }
	const rows = await (context.prisma ?? getPrisma()).politician.findMany({
		where: publicPolitician,
		orderBy: { slug: 'asc' },
		take: maxPoliticians,
		select: politicianSelect,
	})
	return { lang: read.lang, data: rows.map((row) => presentPolitician(row, read)) }
}

export async function getPolitician(request: Request, slug: string, context: Omit<ReadContext, 'lang'>) {
	const query = queryOf(request, ['lang'])
	const read = { ...context, lang: langOf(query) }
	const prisma = context.prisma ?? getPrisma()
	if (!isSlug(slug)) throw notFound('politician')
	const row = await prisma.politician.findFirst({
		where: { slug, ...publicPolitician },
		select: {
			...politicianSelect,
			platforms: {
				where: publishedPlatformWhere,
				orderBy: [{ electionDate: 'desc' }, { slug: 'asc' }],
				take: maxPlatforms,
				select: platformSelect,
			},
		},
	})
	if (!row) throw notFound('politician')
	const countsOf = await statusCountsOf(
		row.platforms.map((platform) => platform.id),
		prisma,
	)
	return {
		lang: read.lang,
		data: {
			...presentPolitician(row, read),
			platforms: row.platforms.map((platform) =>
				presentPlatform({ ...platform, politician: row }, countsOf(platform.id), read),
			),
		},
	}
}

// Platforms

const platformSelect = {
	id: true,
	slug: true,
	title: true,
	summary: true,
	electionDate: true,
	termStart: true,
	termEnd: true,
	publishedAt: true,
	featuredAt: true,
	hasDemoData: true,
	translations: { select: { locale: true, title: true, summary: true }, orderBy: { locale: 'asc' } },
} satisfies Prisma.PlatformSelect

type PlatformRow = Prisma.PlatformGetPayload<{ select: typeof platformSelect }> & {
	politician: PoliticianRow
}

function presentPlatform(row: PlatformRow, counts: Record<PledgeStatus, number>, context: ReadContext) {
	return {
		id: row.id,
		slug: row.slug,
		...textsOf(context.lang, ['title', 'summary'], row, row.translations),
		electionDate: isoDate(row.electionDate),
		termStart: isoDate(row.termStart),
		termEnd: isoDate(row.termEnd),
		publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
		featured: row.featuredAt !== null,
		hasDemoData: row.hasDemoData,
		politician: presentPolitician(row.politician, context),
		pledgeCount: Object.values(counts).reduce((sum, count) => sum + count, 0),
		statusCounts: counts,
		links: {
			self: api(context, `/platforms/${row.slug}`),
			pledges: api(context, `/platforms/${row.slug}/pledges`),
			html: html(context, paths.platform(pageLang(context), row.slug)),
		},
	}
}

export async function listPlatforms(request: Request, context: Omit<ReadContext, 'lang'>) {
	const query = queryOf(request, ['lang'])
	const read = { ...context, lang: langOf(query) }
	const prisma = context.prisma ?? getPrisma()
	const rows = await prisma.platform.findMany({
		where: publishedPlatformWhere,
		orderBy: [{ electionDate: 'desc' }, { slug: 'asc' }],
		take: maxPlatforms,
		select: { ...platformSelect, politician: { select: politicianSelect } },
	})
	const countsOf = await statusCountsOf(
		rows.map((row) => row.id),
		prisma,
	)
	return { lang: read.lang, data: rows.map((row) => presentPlatform(row, countsOf(row.id), read)) }
}

/** A published platform by its slug, or a 404. */
async function publishedPlatform(slug: string, prisma: PrismaClient) {
	if (!isSlug(slug)) throw notFound('platform')
	const row = await prisma.platform.findFirst({
		where: { slug, ...publishedPlatformWhere },
		select: {
			...platformSelect,
			sourceUrl: true,
			sourceTitle: true,
			sourcePublisher: true,
			sourcePublishedAt: true,
			politician: { select: politicianSelect },
		},
	})
	if (!row) throw notFound('platform')
	return row
}

const categorySelect = {
	id: true,
	parentId: true,
	slug: true,
	title: true,
	summary: true,
	position: true,
	translations: { select: { locale: true, title: true, summary: true }, orderBy: { locale: 'asc' } },
} satisfies Prisma.CategorySelect

type CategoryRow = Prisma.CategoryGetPayload<{ select: typeof categorySelect }>

/** A platform's categories (a few dozen), in one query: the tree, and each pledge's category and principle. */
async function categoriesOf(platformId: string, prisma: PrismaClient) {
	const rows = await prisma.category.findMany({
		where: { platformId },
		orderBy: [{ position: 'asc' }, { slug: 'asc' }],
		take: maxCategories,
		select: categorySelect,
	})
	const byId = new Map(rows.map((row) => [row.id, row]))
	/** The principle a category is under: the root of its branch (itself for a principle). */
	const principleOf = (row: CategoryRow) => {
		let current = row
		for (let depth = 0; current.parentId !== null && depth < maxCategories; depth++) {
			const parent = byId.get(current.parentId)
			if (!parent) break
			current = parent
		}
		return current
	}
	return { rows, byId, principleOf }
}

function presentCategoryRef(row: CategoryRow, context: ReadContext) {
	return { id: row.id, slug: row.slug, ...textsOf(context.lang, ['title'], row, row.translations) }
}

type CategoryNode = { id: string; slug: string; pledgeCount: number; children: CategoryNode[] } & Record<
	string,
	unknown
>

export async function getPlatform(request: Request, slug: string, context: Omit<ReadContext, 'lang'>) {
	const query = queryOf(request, ['lang'])
	const read = { ...context, lang: langOf(query) }
	const prisma = context.prisma ?? getPrisma()
	const platform = await publishedPlatform(slug, prisma)
	const [countsOf, categories, perCategory] = await Promise.all([
		statusCountsOf([platform.id], prisma),
		categoriesOf(platform.id, prisma),
		prisma.pledge.groupBy({
			by: ['categoryId'],
			where: { platformId: platform.id },
			orderBy: { categoryId: 'asc' },
			_count: { _all: true },
		}),
	])
	const direct = new Map(perCategory.map((row) => [row.categoryId, row._count._all]))
	const childrenOf = new Map<string | null, CategoryRow[]>()
	for (const row of categories.rows)
		childrenOf.set(row.parentId, [...(childrenOf.get(row.parentId) ?? []), row])
	const node = (row: CategoryRow, depth: number): CategoryNode => {
		const children = depth < 20 ? (childrenOf.get(row.id) ?? []).map((child) => node(child, depth + 1)) : []
		const texts = textsOf(read.lang, ['title', 'summary'], row, row.translations)
		return {
			id: row.id,
			slug: row.slug,
			...texts,
			// Its own pledges and those of every category under it, as the list's `category` filter finds them.
			pledgeCount: (direct.get(row.id) ?? 0) + children.reduce((sum, child) => sum + child.pledgeCount, 0),
			children,
		}
	}
	return {
		lang: read.lang,
		data: {
			...presentPlatform(platform, countsOf(platform.id), read),
			source: {
				url: platform.sourceUrl,
				title: platform.sourceTitle,
				publisher: platform.sourcePublisher,
				publishedOn: platform.sourcePublishedAt ? isoDate(platform.sourcePublishedAt) : null,
			},
			categories: (childrenOf.get(null) ?? []).map((row) => node(row, 0)),
		},
	}
}

// Pledges

const pledgeSelect = {
	id: true,
	slug: true,
	title: true,
	summary: true,
	status: true,
	kind: true,
	deadline: true,
	statusUpdatedAt: true,
	activityAt: true,
	categoryId: true,
	translations: { select: { locale: true, title: true, summary: true }, orderBy: { locale: 'asc' } },
} satisfies Prisma.PledgeSelect

type PledgeRow = Prisma.PledgeGetPayload<{ select: typeof pledgeSelect }>

function presentPledge(
	row: PledgeRow,
	platformSlug: string,
	categories: Awaited<ReturnType<typeof categoriesOf>>,
	context: ReadContext,
) {
	const category = categories.byId.get(row.categoryId)
	if (!category) throw new Error(`pledge ${row.id} has a category of another platform`)
	return {
		id: row.id,
		slug: row.slug,
		...textsOf(context.lang, ['title', 'summary'], row, row.translations),
		status: row.status,
		kind: row.kind,
		deadline: isoDate(row.deadline),
		statusUpdatedAt: row.statusUpdatedAt?.toISOString() ?? null,
		activityAt: row.activityAt?.toISOString() ?? null,
		platformSlug,
		category: presentCategoryRef(category, context),
		principle: presentCategoryRef(categories.principleOf(category), context),
		links: {
			self: api(context, `/platforms/${platformSlug}/pledges/${row.slug}`),
			html: html(context, paths.pledge(pageLang(context), platformSlug, row.slug)),
			feed: html(context, paths.pledgeFeed(pageLang(context), platformSlug, row.slug)),
		},
	}
}

const pledgeListParams = [
	'lang',
	'q',
	'principle',
	'category',
	'status',
	'kind',
	'sort',
	'limit',
	'cursor',
] as const
const sorts: readonly PledgeSort[] = ['updated', 'deadline', 'title']
// searchPledges pages no further (a bound of the list page too).
const maxOffset = 10_000 * 20

const offsetCursor = z.object({ o: z.number().int().min(0).max(maxOffset) })

/**
 * A platform's pledges, filtered and sorted as its list page filters and sorts them (the same
 * `pledgeSearchParams` and `searchPledges`), a page at a time with a cursor. Four queries a page: the
 * platform, the search and its count, the page's pledges with their translations, the platform's categories.
 */
export async function listPledges(
	request: Request,
	platformSlug: string,
	context: Omit<ReadContext, 'lang'>,
) {
	const query = queryOf(request, pledgeListParams)
	const lang = langOf(query)
	const limit = limitOf(query)
	const read = { ...context, lang }
	const invalid: InvalidParam[] = []
	const sort = query.get('sort')
	if (sort !== undefined && !(sorts as readonly string[]).includes(sort)) {
		invalid.push({ name: 'sort', reason: 'One of updated, deadline, title.' })
	}
	const filters = Object.fromEntries(
		[...query].filter(([name]) => ['q', 'principle', 'category', 'status', 'kind', 'sort'].includes(name)),
	)
	const parsed = pledgeSearchParams.safeParse(filters)
	if (!parsed.success) {
		const reasons: Record<string, string> = {
			q: 'At most 200 characters.',
			principle: 'A category slug (lower-case letters, digits and hyphens).',
			category: 'A category slug (lower-case letters, digits and hyphens).',
			status: 'One of NOT_RATED, IN_PROGRESS, STALLED, PARTIAL, KEPT, BROKEN.',
			kind: 'One of QUANTITATIVE, MILESTONE, QUALITATIVE.',
		}
		for (const issue of parsed.error.issues) {
			const name = String(issue.path[0])
			if (!invalid.some((param) => param.name === name)) {
				invalid.push({ name, reason: reasons[name] ?? 'Not a valid value.' })
			}
		}
	}
	if (invalid.length > 0 || !parsed.success) throw badParams(invalid)
	const fingerprint = queryFingerprint(`pledges/${platformSlug}`, query)
	const cursor = decodeCursor(query, offsetCursor, fingerprint)
	const offset = cursor?.o ?? 0
	if (offset % limit !== 0) {
		throw badParams([{ name: 'cursor', reason: 'Not a cursor of this query.' }])
	}

	const prisma = context.prisma ?? getPrisma()
	const platform = await publishedPlatform(platformSlug, prisma)
	const [found, categories] = await Promise.all([
		searchPledges(
			{
				...parsed.data,
				platformId: platform.id,
				locale: lang ?? 'en',
				page: offset / limit + 1,
				pageSize: limit,
			},
			prisma,
		),
		categoriesOf(platform.id, prisma),
	])
	const ids = found.items.map((item) => item.id)
	const rows = await prisma.pledge.findMany({ where: { id: { in: ids } }, select: pledgeSelect })
	const byId = new Map(rows.map((row) => [row.id, row]))
	const data = ids.flatMap((id) => {
		const row = byId.get(id)
		return row ? [presentPledge(row, platform.slug, categories, read)] : []
	})
	const nextOffset = offset + limit
	const nextCursor = nextOffset < found.total ? encodeCursor({ o: nextOffset }, fingerprint) : null
	return { lang, total: found.total, ...pageLinks(request, nextCursor), data }
}

/** A page's `nextCursor` and `next` link: this request's address with the next cursor. */
function pageLinks(request: Request, nextCursor: string | null) {
	if (!nextCursor) return { nextCursor: null, next: null }
	const url = new URL(request.url)
	url.searchParams.set('cursor', nextCursor)
	return { nextCursor, next: url.toString() }
}

/** A pledge with its ledger (corrections and all), its approved evidence, its indicator and its steps. */
export async function getPledge(
	request: Request,
	{ platformSlug, pledgeSlug }: { platformSlug: string; pledgeSlug: string },
	context: Omit<ReadContext, 'lang'>,
) {
	const query = queryOf(request, ['lang'])
	const lang = langOf(query)
	const read = { ...context, lang }
	const prisma = context.prisma ?? getPrisma()
	const platform = await publishedPlatform(platformSlug, prisma)
	if (!isSlug(pledgeSlug)) throw notFound('pledge')
	const approved = { reviewState: 'APPROVED' } as const
	const row = await prisma.pledge.findFirst({
		where: { platformId: platform.id, slug: pledgeSlug },
		select: {
			...pledgeSelect,
			quote: true,
			sourceUrl: true,
			sourceDate: true,
			indicator: {
				select: {
					id: true,
					name: true,
					unit: true,
					direction: true,
					baselineValue: true,
					baselineDate: true,
					targetValue: true,
					targetDate: true,
					translations: { select: { locale: true, name: true, unit: true }, orderBy: { locale: 'asc' } },
					measurements: {
						where: { evidence: approved },
						orderBy: [{ asOf: 'asc' }, { createdAt: 'asc' }],
						take: maxMeasurements,
						select: { id: true, value: true, asOf: true, evidenceId: true },
					},
				},
			},
			milestoneSteps: {
				orderBy: { position: 'asc' },
				take: maxSteps,
				select: {
					id: true,
					position: true,
					title: true,
					doneOn: true,
					translations: { select: { locale: true, title: true }, orderBy: { locale: 'asc' } },
				},
			},
		},
	})
	if (!row) throw notFound('pledge')
	const [categories, entries, evidence, evidenceCount] = await Promise.all([
		categoriesOf(platform.id, prisma),
		prisma.statusUpdate.findMany({
			where: { pledgeId: row.id },
			orderBy: [{ effectiveDate: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
			take: maxLedgerEntries,
			select: {
				...ledgerSelect,
				corrects: { select: { id: true, status: true, effectiveDate: true } },
				correctedBy: { select: { id: true }, orderBy: { createdAt: 'desc' }, take: 1 },
				evidence: {
					where: { evidence: approved },
					orderBy: { evidenceId: 'asc' },
					select: { evidenceId: true },
				},
			},
		}),
		prisma.evidence.findMany({
			where: { pledgeId: row.id, ...approved },
			orderBy: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
			take: maxEvidence,
			select: {
				id: true,
				type: true,
				title: true,
				publisher: true,
				sourceUrl: true,
				archiveUrl: true,
				publishedOn: true,
				publishedPrecision: true,
				publishedNote: true,
				excerpt: true,
				excerptLanguage: true,
				excerptInEnglish: true,
				measuredValue: true,
				measuredAsOf: true,
				reviewedAt: true,
				translations: { select: { locale: true, title: true, excerpt: true }, orderBy: { locale: 'asc' } },
			},
		}),
		prisma.evidence.count({ where: { pledgeId: row.id, ...approved } }),
	])
	const current = entries.find((entry) => entry.correctedBy.length === 0) ?? null
	const { indicator } = row
	return {
		lang,
		data: {
			...presentPledge(row, platform.slug, categories, read),
			quote: row.quote,
			sourceUrl: row.sourceUrl,
			sourceDate: isoDate(row.sourceDate),
			statusSince: current ? isoDate(current.effectiveDate) : null,
			platform: {
				id: platform.id,
				slug: platform.slug,
				...textsOf(lang, ['title'], platform, platform.translations),
				links: { self: api(read, `/platforms/${platform.slug}`) },
			},
			politician: presentPolitician(platform.politician, read),
			ledger: entries.map((entry) => ({
				...presentLedgerTexts(entry, lang),
				fromStatus: entry.fromStatus,
				corrects: entry.corrects
					? {
							id: entry.corrects.id,
							status: entry.corrects.status,
							effectiveDate: isoDate(entry.corrects.effectiveDate),
						}
					: null,
				correctedBy: entry.correctedBy[0]?.id ?? null,
				evidenceIds: entry.evidence.map((link) => link.evidenceId),
			})),
			evidenceCount,
			evidence: evidence.map((item) => {
				const { excerptTranslation, ...texts } = textsOf(
					lang,
					['title', 'excerptTranslation'],
					{ title: item.title, excerptTranslation: item.excerptInEnglish },
					item.translations.map((translation) => ({
						locale: translation.locale,
						title: translation.title,
						excerptTranslation: translation.excerpt,
					})),
				)
				return {
					id: item.id,
					type: item.type,
					...texts,
					publisher: item.publisher,
					sourceUrl: item.sourceUrl,
					archiveUrl: item.archiveUrl,
					publishedOn:
						item.publishedOn && item.publishedPrecision !== 'NONE' ? isoDate(item.publishedOn) : null,
					publishedPrecision: item.publishedPrecision,
					publishedNote: item.publishedPrecision === 'NONE' ? item.publishedNote : null,
					excerpt: item.excerpt,
					excerptLanguage: item.excerptLanguage,
					excerptTranslation,
					measuredValue: item.measuredValue === null ? null : decimal(item.measuredValue),
					measuredAsOf: item.measuredAsOf ? isoDate(item.measuredAsOf) : null,
					approvedAt: item.reviewedAt?.toISOString() ?? null,
				}
			}),
			indicator: indicator
				? {
						id: indicator.id,
						...textsOf(lang, ['name', 'unit'], indicator, indicator.translations),
						direction: indicator.direction,
						baseline:
							indicator.baselineValue !== null && indicator.baselineDate !== null
								? { value: decimal(indicator.baselineValue), date: isoDate(indicator.baselineDate) }
								: null,
						target: { value: decimal(indicator.targetValue), date: isoDate(indicator.targetDate) },
						measurements: indicator.measurements.map((measurement) => ({
							id: measurement.id,
							value: decimal(measurement.value),
							asOf: isoDate(measurement.asOf),
							evidenceId: measurement.evidenceId,
						})),
					}
				: null,
			milestoneSteps: row.milestoneSteps.map((step) => ({
				id: step.id,
				position: step.position,
				...textsOf(lang, ['title'], step, step.translations),
				doneOn: step.doneOn ? isoDate(step.doneOn) : null,
			})),
		},
	}
}

const ledgerSelect = {
	id: true,
	status: true,
	effectiveDate: true,
	rationale: true,
	correctionReason: true,
	createdAt: true,
	fromStatus: true,
	translations: {
		select: { locale: true, rationale: true, correctionReason: true },
		orderBy: { locale: 'asc' },
	},
} satisfies Prisma.StatusUpdateSelect

function presentLedgerTexts(
	entry: {
		id: string
		status: PledgeStatus
		effectiveDate: Date
		createdAt: Date
		rationale: string
		correctionReason: string | null
		translations: Translations<'rationale' | 'correctionReason'>
	},
	lang: TextLang,
) {
	return {
		id: entry.id,
		status: entry.status,
		effectiveDate: isoDate(entry.effectiveDate),
		recordedAt: entry.createdAt.toISOString(),
		...textsOf(lang, ['rationale', 'correctionReason'], entry, entry.translations),
	}
}

// Corrections

const keysetCursor = z.object({ t: z.iso.datetime(), i: z.string().min(1).max(100) })

/**
 * Every correction of a published platform's ledger, newest first (as the corrections page lists them),
 * a page at a time with a keyset cursor (the last one's instant and id), so a correction recorded while a
 * client walks the pages never shifts them. Two queries a page.
 */
export async function listCorrections(request: Request, context: Omit<ReadContext, 'lang'>) {
	const query = queryOf(request, ['lang', 'limit', 'cursor'])
	const lang = langOf(query)
	const limit = limitOf(query)
	const read = { ...context, lang }
	const fingerprint = queryFingerprint('corrections', query)
	const cursor = decodeCursor(query, keysetCursor, fingerprint)
	const prisma = context.prisma ?? getPrisma()
	const where: Prisma.StatusUpdateWhereInput = {
		correctsId: { not: null },
		pledge: { platform: publishedPlatformWhere },
		...(cursor
			? {
					OR: [
						{ createdAt: { lt: new Date(cursor.t) } },
						{ createdAt: new Date(cursor.t), id: { gt: cursor.i } },
					],
				}
			: {}),
	}
	const [entries, total] = await Promise.all([
		prisma.statusUpdate.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
			take: limit + 1,
			select: {
				...ledgerSelect,
				corrects: {
					select: {
						id: true,
						status: true,
						effectiveDate: true,
						rationale: true,
						translations: { select: { locale: true, rationale: true }, orderBy: { locale: 'asc' } },
					},
				},
				pledge: {
					select: {
						id: true,
						slug: true,
						title: true,
						translations: { select: { locale: true, title: true }, orderBy: { locale: 'asc' } },
						platform: { select: { slug: true } },
					},
				},
			},
		}),
		prisma.statusUpdate.count({
			where: { correctsId: { not: null }, pledge: { platform: publishedPlatformWhere } },
		}),
	])
	const page = entries.slice(0, limit)
	const last = page.at(-1)
	const nextCursor =
		entries.length > limit && last
			? encodeCursor({ t: last.createdAt.toISOString(), i: last.id }, fingerprint)
			: null
	return {
		lang,
		total,
		...pageLinks(request, nextCursor),
		data: page.map((entry) => {
			const platformSlug = entry.pledge.platform.slug
			return {
				...presentLedgerTexts(entry, lang),
				fromStatus: entry.fromStatus,
				corrects: entry.corrects
					? {
							id: entry.corrects.id,
							status: entry.corrects.status,
							effectiveDate: isoDate(entry.corrects.effectiveDate),
							...textsOf(lang, ['rationale'], entry.corrects, entry.corrects.translations),
						}
					: null,
				pledge: {
					id: entry.pledge.id,
					slug: entry.pledge.slug,
					platformSlug,
					...textsOf(lang, ['title'], entry.pledge, entry.pledge.translations),
					links: {
						self: api(read, `/platforms/${platformSlug}/pledges/${entry.pledge.slug}`),
						html: html(
							read,
							`${paths.pledge(pageLang(read), platformSlug, entry.pledge.slug)}#entry-${entry.id}`,
						),
					},
				},
			}
		}),
	}
}
