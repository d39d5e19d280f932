import type { Prisma, PrismaClient } from '~/.server/prisma/client'
import type { Locale } from '~/.server/prisma/enums'
import { publicationDateText } from '~/forms/evidence-dates'
import { isoDateOf } from '~/forms/fields'

/**
 * The export (`npm run data:export`): the database's content as a document of the import format,
 * version 1 (docs/import-format.md), which the import (./import.server.ts) reads back.
 *
 * - `public`: what the public site shows, and nothing else: published platforms, their catalogue and
 *   implementation sources, APPROVED evidence (with its measurement), the whole ledger with its
 *   corrections, every translation. Staff accounts are left out (no `submittedBy`, review `by`,
 *   `author`, review note): an importer is named as their author instead.
 * - `full`: the operator's copy of the content: unpublished platforms too, evidence in every review
 *   state, the accounts named by email. Accounts themselves, sessions and the audit log are not content:
 *   `npm run db:backup` keeps those.
 *
 * Deterministic: every list is in the order of its natural key or position, never of ids or of when a
 * row was written, so two exports of the same content are the same bytes, whichever database holds it.
 */
export type ExportAudience = 'public' | 'full'

export type ExportOptions = {
	/** One platform's slug; every platform (of the audience) when absent. */
	platform?: string
	audience: ExportAudience
	/**
	 * How long the export's one transaction may take (Prisma's default is 5 s, which the large benchmark
	 * dataset's reads pass: the public download allows minutes).
	 */
	timeoutMs?: number
}

/** A platform asked for that does not exist (or, in a public export, is not published). */
export class ExportRefused extends Error {
	override name = 'ExportRefused'
}

const translationLocales = [
	['RU', 'ru'],
	['KK', 'kk'],
] as const satisfies ReadonlyArray<readonly [Exclude<Locale, 'EN'>, string]>

/** `{ ru: …, kk: … }` of the rows that exist, Russian first; absent languages are left out. */
function translationsOf<Row extends { locale: Locale }, Out>(
	rows: readonly Row[],
	shape: (row: Row) => Out,
): { ru?: Out; kk?: Out } {
	const out: { ru?: Out; kk?: Out } = {}
	for (const [locale, key] of translationLocales) {
		const row = rows.find((candidate) => candidate.locale === locale)
		if (row) out[key] = shape(row)
	}
	return out
}

function isoDateOrNull(date: Date | null): string | null {
	return date ? isoDateOf(date) : null
}

function numberOf(value: Prisma.Decimal): number {
	return value.toNumber()
}

function numberOrNull(value: Prisma.Decimal | null): number | null {
	return value === null ? null : numberOf(value)
}

/** Code-point order, the same in every locale and every Node (never localeCompare's). */
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0
}

function compareBy<T>(...keys: Array<(item: T) => string | number>) {
	return (a: T, b: T) => {
		for (const key of keys) {
			const x = key(a)
			const y = key(b)
			const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y))
			if (order !== 0) return order
		}
		return 0
	}
}

const sourceSelect = {
	type: true,
	sourceUrl: true,
	archiveUrl: true,
	title: true,
	publisher: true,
	publishedOn: true,
	publishedPrecision: true,
	publishedNote: true,
	excerpt: true,
	excerptLanguage: true,
	excerptInEnglish: true,
	translations: { select: { locale: true, title: true, excerpt: true } },
} as const

type SourceRow = Prisma.PlatformSourceGetPayload<{ select: typeof sourceSelect }>

/** The fields a platform source and an evidence item share, in the format's shape. */
function sourceOf(row: SourceRow) {
	return {
		type: row.type,
		sourceUrl: row.sourceUrl,
		archiveUrl: row.archiveUrl,
		title: row.title,
		publisher: row.publisher,
		publishedOn: publicationDateText(row.publishedOn, row.publishedPrecision),
		publishedNote: row.publishedNote,
		excerpt: row.excerpt,
		excerptLanguage: row.excerptLanguage,
		translations: translationsOf(row.translations, (translation) => ({
			title: translation.title,
			...(translation.excerpt === null ? {} : { excerpt: translation.excerpt }),
		})),
		excerptInEnglish: row.excerptInEnglish,
	}
}

/** The export of `options.audience`, of one platform or of all (see the module's comment). */
export async function exportDocument(prisma: PrismaClient, options: ExportOptions) {
	const full = options.audience === 'full'
	const platformWhere: Prisma.PlatformWhereInput = {
		...(options.platform ? { slug: options.platform } : {}),
		// The public site's own condition (publishedPlatformWhere in app/models/platform.server.ts).
		...(full ? {} : { publishedAt: { not: null } }),
	}
	// One snapshot: a write landing between two of these reads cannot give a document that contradicts itself.
	// At most one relation per read: Prisma reads the relations of one query at the same time, which inside a
	// transaction means two queries at once on its one pg connection (deprecated by pg).
	return prisma.$transaction(
		async (tx) => {
			const platforms = await tx.platform.findMany({
				where: platformWhere,
				select: {
					id: true,
					slug: true,
					politicianId: true,
					title: true,
					summary: true,
					electionDate: true,
					termStart: true,
					termEnd: true,
					sourceUrl: true,
					sourceTitle: true,
					sourcePublisher: true,
					sourcePublishedAt: true,
					publishedAt: true,
					translations: { select: { locale: true, title: true, summary: true } },
				},
			})
			if (options.platform && platforms.length === 0) {
				throw new ExportRefused(
					full
						? `There is no platform "${options.platform}".`
						: `There is no published platform "${options.platform}" (a public export holds only what the public site shows).`,
				)
			}
			platforms.sort(compareBy((platform) => platform.slug))
			const platformIds = platforms.map((platform) => platform.id)
			const platformSlug = new Map(platforms.map((platform) => [platform.id, platform.slug]))
			const slugOfPlatform = (id: string) => platformSlug.get(id) ?? ''

			const politicians = await tx.politician.findMany({
				where: { id: { in: platforms.map((platform) => platform.politicianId) } },
				select: {
					id: true,
					slug: true,
					name: true,
					office: true,
					translations: { select: { locale: true, name: true, office: true } },
				},
			})
			const politicianSlug = new Map(politicians.map((politician) => [politician.id, politician.slug]))
			const platformSources = await tx.platformSource.findMany({
				where: { platformId: { in: platformIds } },
				select: { ...sourceSelect, platformId: true, position: true },
			})

			const categoryRows = await tx.category.findMany({
				where: { platformId: { in: platformIds } },
				select: {
					id: true,
					platformId: true,
					parentId: true,
					slug: true,
					title: true,
					summary: true,
					position: true,
					translations: { select: { locale: true, title: true, summary: true } },
				},
			})
			// Parents before their children (an import needs the parent first), siblings by position.
			const categories: typeof categoryRows = []
			const childrenOf = (parentId: string | null, platformId: string) =>
				categoryRows
					.filter((category) => category.parentId === parentId && category.platformId === platformId)
					.sort(
						compareBy(
							(category) => category.position,
							(category) => category.slug,
						),
					)
			const visit = (category: (typeof categoryRows)[number]) => {
				categories.push(category)
				for (const child of childrenOf(category.id, category.platformId)) visit(child)
			}
			for (const platform of platforms) for (const root of childrenOf(null, platform.id)) visit(root)
			const categoryOrder = new Map(categories.map((category, index) => [category.id, index]))
			const categorySlug = new Map(categories.map((category) => [category.id, category.slug]))

			const pledgeRows = await tx.pledge.findMany({
				where: { platformId: { in: platformIds } },
				select: {
					id: true,
					platformId: true,
					categoryId: true,
					slug: true,
					title: true,
					summary: true,
					quote: true,
					sourceUrl: true,
					sourceDate: true,
					deadline: true,
					position: true,
					kind: true,
					translations: { select: { locale: true, title: true, summary: true } },
				},
			})
			const pledges = pledgeRows.sort(
				compareBy(
					(pledge) => categoryOrder.get(pledge.categoryId) ?? 0,
					(pledge) => pledge.position,
					(pledge) => pledge.slug,
				),
			)
			const pledgeOrder = new Map(pledges.map((pledge, index) => [pledge.id, index]))
			const pledgeKey = new Map(
				pledges.map((pledge) => [
					pledge.id,
					{ platform: slugOfPlatform(pledge.platformId), pledge: pledge.slug },
				]),
			)
			const pledgeIds = pledges.map((pledge) => pledge.id)
			const indicators = await tx.indicator.findMany({
				where: { pledgeId: { in: pledgeIds } },
				select: {
					pledgeId: true,
					name: true,
					unit: true,
					baselineValue: true,
					baselineDate: true,
					targetValue: true,
					targetDate: true,
					direction: true,
					translations: { select: { locale: true, name: true, unit: true } },
				},
			})
			const indicatorOf = new Map(indicators.map((indicator) => [indicator.pledgeId, indicator]))
			const steps = await tx.milestoneStep.findMany({
				where: { pledgeId: { in: pledgeIds } },
				orderBy: [{ pledgeId: 'asc' }, { position: 'asc' }],
				select: {
					pledgeId: true,
					title: true,
					doneOn: true,
					translations: { select: { locale: true, title: true } },
				},
			})

			const evidenceRows = await tx.evidence.findMany({
				where: {
					pledgeId: { in: pledgeIds },
					// A withdrawn item is no longer anybody's proposal: the format has no such state.
					reviewState: full ? { not: 'WITHDRAWN' } : 'APPROVED',
				},
				select: {
					...sourceSelect,
					id: true,
					pledgeId: true,
					measuredValue: true,
					measuredAsOf: true,
					suggestedStatus: true,
					suggestionReason: true,
					reviewState: true,
					reviewNote: true,
					submittedById: true,
					reviewedById: true,
				},
			})
			const evidence = evidenceRows.sort(
				compareBy(
					(item) => pledgeOrder.get(item.pledgeId) ?? 0,
					(item) => item.sourceUrl,
					(item) => item.excerpt,
				),
			)
			const evidenceById = new Map(evidence.map((item) => [item.id, item]))
			const measurements = await tx.measurement.findMany({
				where: { evidenceId: { in: [...evidenceById.keys()] } },
				select: { evidenceId: true, value: true, asOf: true },
			})
			const measurementOf = new Map(measurements.map((measurement) => [measurement.evidenceId, measurement]))

			const statusRows = await tx.statusUpdate.findMany({
				where: { pledgeId: { in: pledgeIds } },
				select: {
					id: true,
					pledgeId: true,
					status: true,
					effectiveDate: true,
					rationale: true,
					correctionReason: true,
					correctsId: true,
					authorId: true,
					createdAt: true,
					translations: { select: { locale: true, rationale: true, correctionReason: true } },
				},
			})
			const links = await tx.statusUpdateEvidence.findMany({
				where: { statusUpdateId: { in: statusRows.map((row) => row.id) } },
				select: { statusUpdateId: true, evidenceId: true },
			})
			// Staff are named only in the full export.
			const accounts = full
				? await tx.user.findMany({
						where: {
							id: {
								in: [
									...evidence.flatMap((item) => [item.submittedById, item.reviewedById ?? '']),
									...statusRows.map((row) => row.authorId),
								],
							},
						},
						select: { id: true, email: true },
					})
				: []
			const emailOf = new Map(accounts.map((account) => [account.id, account.email]))
			// The ledger oldest first: by effective date, an entry before its correction (which may take effect
			// the same day), then in the order written. A re-import writes them in this order, so its export
			// sorts them the same way.
			const byId = new Map(statusRows.map((row) => [row.id, row]))
			const correctionDepth = (row: (typeof statusRows)[number]): number => {
				let depth = 0
				for (let at = row.correctsId; at; at = byId.get(at)?.correctsId ?? null) depth++
				return depth
			}
			const corrected = (id: string | null) => {
				const entry = id ? byId.get(id) : undefined
				return entry ? { effectiveDate: isoDateOf(entry.effectiveDate), status: entry.status } : null
			}
			const statusUpdates = statusRows.sort(
				compareBy(
					(row) => pledgeOrder.get(row.pledgeId) ?? 0,
					(row) => isoDateOf(row.effectiveDate),
					correctionDepth,
					(row) => row.createdAt.getTime(),
					(row) => row.status,
				),
			)

			return {
				format: 'uade' as const,
				version: 1 as const,
				politicians: politicians.sort(compareBy((politician) => politician.slug)).map((politician) => ({
					slug: politician.slug,
					name: politician.name,
					office: politician.office,
					translations: translationsOf(politician.translations, ({ name, office }) => ({ name, office })),
				})),
				platforms: platforms.map((platform) => ({
					slug: platform.slug,
					politician: politicianSlug.get(platform.politicianId) ?? '',
					title: platform.title,
					summary: platform.summary,
					translations: translationsOf(platform.translations, ({ title, summary }) => ({ title, summary })),
					electionDate: isoDateOf(platform.electionDate),
					termStart: isoDateOf(platform.termStart),
					termEnd: isoDateOf(platform.termEnd),
					source: {
						url: platform.sourceUrl,
						title: platform.sourceTitle,
						publisher: platform.sourcePublisher,
						publishedOn: isoDateOrNull(platform.sourcePublishedAt),
					},
					published: platform.publishedAt !== null,
				})),
				categories: categories.map((category) => ({
					platform: slugOfPlatform(category.platformId),
					slug: category.slug,
					parent: category.parentId ? (categorySlug.get(category.parentId) ?? null) : null,
					title: category.title,
					summary: category.summary,
					position: category.position,
					translations: translationsOf(category.translations, ({ title, summary }) => ({ title, summary })),
				})),
				pledges: pledges.map((pledge) => {
					const indicator = indicatorOf.get(pledge.id)
					return {
						platform: slugOfPlatform(pledge.platformId),
						slug: pledge.slug,
						category: categorySlug.get(pledge.categoryId) ?? '',
						title: pledge.title,
						summary: pledge.summary,
						quote: pledge.quote,
						sourceUrl: pledge.sourceUrl,
						sourceDate: isoDateOf(pledge.sourceDate),
						deadline: isoDateOf(pledge.deadline),
						position: pledge.position,
						translations: translationsOf(pledge.translations, ({ title, summary }) => ({ title, summary })),
						kind: pledge.kind,
						...(pledge.kind === 'QUANTITATIVE' && indicator
							? {
									indicator: {
										name: indicator.name,
										unit: indicator.unit,
										translations: translationsOf(indicator.translations, ({ name, unit }) => ({
											name,
											unit,
										})),
										baselineValue: numberOrNull(indicator.baselineValue),
										baselineDate: isoDateOrNull(indicator.baselineDate),
										targetValue: numberOf(indicator.targetValue),
										targetDate: isoDateOf(indicator.targetDate),
										direction: indicator.direction,
									},
								}
							: {}),
						...(pledge.kind === 'MILESTONE'
							? {
									milestoneSteps: steps
										.filter((step) => step.pledgeId === pledge.id)
										.map((step) => ({
											title: step.title,
											doneOn: isoDateOrNull(step.doneOn),
											translations: translationsOf(step.translations, ({ title }) => ({ title })),
										})),
								}
							: {}),
					}
				}),
				platformSources: platforms.flatMap((platform) =>
					platformSources
						.filter((source) => source.platformId === platform.id)
						.sort(
							compareBy(
								(source) => source.position,
								(source) => source.sourceUrl,
								(source) => source.excerpt,
							),
						)
						.map((source) => ({ platform: platform.slug, ...sourceOf(source) })),
				),
				evidence: evidence.map((item) => {
					// The recorded figure once approved; before that, the one the submitter proposed.
					const measurement = measurementOf.get(item.id)
					const value = measurement?.value ?? item.measuredValue
					const asOf = measurement?.asOf ?? item.measuredAsOf
					return {
						...(pledgeKey.get(item.pledgeId) ?? { platform: '', pledge: '' }),
						...sourceOf(item),
						measurement:
							value !== null && asOf !== null ? { value: numberOf(value), asOf: isoDateOf(asOf) } : null,
						suggestedStatus: item.suggestedStatus,
						suggestionReason: item.suggestionReason,
						...(full ? { submittedBy: emailOf.get(item.submittedById) ?? null } : {}),
						review: full
							? {
									state: item.reviewState,
									by: item.reviewedById ? (emailOf.get(item.reviewedById) ?? null) : null,
									note: item.reviewNote,
								}
							: { state: item.reviewState },
					}
				}),
				statusUpdates: statusUpdates.map((row) => ({
					...(pledgeKey.get(row.pledgeId) ?? { platform: '', pledge: '' }),
					status: row.status,
					effectiveDate: isoDateOf(row.effectiveDate),
					rationale: row.rationale,
					translations: translationsOf(row.translations, (translation) => ({
						rationale: translation.rationale,
						...(translation.correctionReason === null
							? {}
							: { correctionReason: translation.correctionReason }),
					})),
					evidence: links
						.filter((link) => link.statusUpdateId === row.id)
						.flatMap((link) => evidenceById.get(link.evidenceId) ?? [])
						.sort(
							compareBy(
								(item) => item.sourceUrl,
								(item) => item.excerpt,
							),
						)
						.map((item) => ({ sourceUrl: item.sourceUrl, excerpt: item.excerpt })),
					...(full ? { author: emailOf.get(row.authorId) ?? null } : {}),
					corrects: corrected(row.correctsId),
					correctionReason: row.correctionReason,
				})),
			}
		},
		{ isolationLevel: 'RepeatableRead', ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) },
	)
}

/**
 * The document as the export writes it: two-space JSON and a final newline, the same bytes every time.
 * `serializeExportChunks` gives the same bytes a part at a time (one list item each), for a document too
 * large to hold as one string.
 */
export function serializeExport(document: Awaited<ReturnType<typeof exportDocument>>): string {
	return `${JSON.stringify(document, null, 2)}\n`
}

/** `serializeExport`'s bytes, one top-level field or list item at a time (JSON.stringify(…, null, 2)). */
export function* serializeExportChunks(
	document: Awaited<ReturnType<typeof exportDocument>>,
): Generator<string> {
	const indent = (text: string, spaces: string) => text.replaceAll('\n', `\n${spaces}`)
	const entries = Object.entries(document).filter(([, value]) => value !== undefined)
	yield '{\n'
	for (const [index, [key, value]] of entries.entries()) {
		const last = index === entries.length - 1
		if (Array.isArray(value) && value.length > 0) {
			yield `  ${JSON.stringify(key)}: [\n`
			for (const [position, item] of value.entries()) {
				const separator = position === value.length - 1 ? '' : ','
				yield `    ${indent(JSON.stringify(item, null, 2) ?? 'null', '    ')}${separator}\n`
			}
			yield `  ]${last ? '' : ','}\n`
		} else
			yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ')}${last ? '' : ','}\n`
	}
	yield '}\n'
}
