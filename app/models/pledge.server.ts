import { Prisma, type PrismaClient } from '~/.server/prisma/client'
import type { PledgeKind, PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import { isSlug, latestToday } from '~/forms/fields'
import { deadlineProblem, indicatorDateProblems } from '~/forms/integrity-rules'
import {
	pledgeFormValues,
	pledgeTranslationRules,
	type PledgeCreateInput,
	type PledgeEditInput,
	type PledgeProblem,
} from '~/forms/pledge'
import type { Locale } from '~/i18n/locales'
import type { AuditAction } from './audit-actions'
import { indicatorSpan, readIndicator, type IndicatorPlan, type IndicatorPoint } from './indicator'
import { daysBetween } from './overview.server'
import { publicOnly, type PlatformVisibility } from './platform.server'
import { createAudited, updateVersioned, type Actor, type Problems } from './save.server'
import {
	dateOf,
	isoTimestampSql,
	sourceItemFieldsSql,
	translationsJson,
	type SourceItemRow,
	type TextRows,
} from './sql-json.server'
import { localizeEvidence, presentSource } from './evidence-translation.server'
import { localizeLedgerTexts } from './ledger-translation.server'
import { indicatorTranslationFieldNames, writePairedTranslations } from '~/forms/translations'
import {
	localize,
	localizeIndicator,
	localizePlatform,
	localizePolitician,
	localizeStep,
	writeTranslations,
} from './translation.server'

export const evidencePageSize = 20
// Bounds that no real pledge reaches, so that a page's cost never grows with the tables.
const maxLedgerEntries = 200
const maxMeasurements = 500

/** A pledge's own columns: what its public page and its edit form both show. */
const pledgeColumns = {
	id: true,
	slug: true,
	title: true,
	summary: true,
	quote: true,
	sourceUrl: true,
	sourceDate: true,
	kind: true,
	deadline: true,
	status: true,
} satisfies Prisma.PledgeSelect

/** An indicator's plan: what the pledge page and the pledge's edit form both show of it. */
const indicatorColumns = {
	name: true,
	unit: true,
	baselineValue: true,
	baselineDate: true,
	targetValue: true,
	targetDate: true,
	direction: true,
} satisfies Prisma.IndicatorSelect

/** A `translations` row as the read model's JSON holds it (the language's only, or none). */

/** The pledge page's read model: one JSON document, dates as YYYY-MM-DD, timestamps ISO. */
type PledgePageRow = {
	pledge: {
		id: string
		slug: string
		title: string
		summary: string
		quote: string
		sourceUrl: string
		sourceDate: string
		kind: PledgeKind
		deadline: string
		status: PledgeStatus
		activityAt: string | null
		translations: TextRows<{ title: string; summary: string }>
	}
	platform: {
		slug: string
		title: string
		summary: string | null
		termStart: string
		isDraft: boolean
		translations: TextRows<{ title: string; summary: string | null }>
	}
	politician: { name: string; office: string; translations: TextRows<{ name: string; office: string }> }
	category: CategoryRow
	principle: CategoryRow | null
	indicator: {
		name: string
		unit: string
		baselineValue: number | null
		baselineDate: string | null
		targetValue: number
		targetDate: string
		direction: IndicatorPlan['direction']
		translations: TextRows<{ name: string; unit: string }>
		/** Newest first. */
		measurements: Array<{ value: number; asOf: string }>
	} | null
	milestoneSteps: Array<{
		id: string
		title: string
		doneOn: string | null
		translations: TextRows<{ title: string }>
	}>
	entries: Array<{
		id: string
		fromStatus: PledgeStatus
		status: PledgeStatus
		effectiveDate: string
		rationale: string
		correctionReason: string | null
		createdAt: string
		translations: TextRows<{ rationale: string; correctionReason: string | null }>
		corrects: { id: string; status: PledgeStatus; effectiveDate: string } | null
		isCorrected: boolean
		evidence: Array<{
			id: string
			title: string
			publisher: string
			sourceUrl: string
			translations: TextRows<{ title: string; excerpt: string | null }>
		}>
	}>
	evidence: Array<SourceItemRow & { measuredValue: number | null; measuredAsOf: string | null }>
	evidenceCount: number
}

type CategoryRow = {
	slug: string
	title: string
	summary: string | null
	translations: TextRows<{ title: string; summary: string | null }>
}

/**
 * The pledge page's read model in one SQL statement: the pledge with its platform, politician, category
 * (and principle), indicator and measurements, milestone steps, ledger (each entry with what it corrects,
 * whether it was corrected, and the approved evidence it rests on), one page of its approved evidence and
 * that evidence's count, each with its translation into `locale`. Pending and rejected evidence is never
 * read; a draft platform's pledge only with `drafts`.
 */
function pledgePageSql({
	platformSlug,
	pledgeSlug,
	locale,
	evidencePage,
	drafts,
}: {
	platformSlug: string
	pledgeSlug: string
	locale: Locale
	evidencePage: number
	drafts: boolean
}): Prisma.Sql {
	const texts = (table: string, key: string, id: string, columns: readonly string[]) =>
		translationsJson(table, key, Prisma.raw(id), columns, locale)
	const category = (alias: string) => Prisma.sql`json_build_object(
		'slug', ${Prisma.raw(alias)}.slug, 'title', ${Prisma.raw(alias)}.title, 'summary', ${Prisma.raw(alias)}.summary,
		'translations', ${texts('CategoryTranslation', 'categoryId', `${alias}.id`, ['title', 'summary'])})`
	return Prisma.sql`
		SELECT json_build_object(
			'pledge', json_build_object(
				'id', p.id, 'slug', p.slug, 'title', p.title, 'summary', p.summary, 'quote', p.quote,
				'sourceUrl', p."sourceUrl", 'sourceDate', p."sourceDate", 'kind', p.kind, 'deadline', p.deadline,
				'status', p.status, 'activityAt', ${isoTimestampSql('p."activityAt"')},
				'translations', ${texts('PledgeTranslation', 'pledgeId', 'p.id', ['title', 'summary'])}),
			'platform', json_build_object(
				'slug', pl.slug, 'title', pl.title, 'summary', pl.summary, 'termStart', pl."termStart",
				'isDraft', pl."publishedAt" IS NULL,
				'translations', ${texts('PlatformTranslation', 'platformId', 'pl.id', ['title', 'summary'])}),
			'politician', json_build_object(
				'name', po.name, 'office', po.office,
				'translations', ${texts('PoliticianTranslation', 'politicianId', 'po.id', ['name', 'office'])}),
			'category', ${category('c')},
			'principle', CASE WHEN parent.id IS NULL THEN NULL ELSE ${category('parent')} END,
			'indicator', CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object(
				'name', i.name, 'unit', i.unit, 'baselineValue', i."baselineValue", 'baselineDate', i."baselineDate",
				'targetValue', i."targetValue", 'targetDate', i."targetDate", 'direction', i.direction,
				'translations', ${texts('IndicatorTranslation', 'indicatorId', 'i.id', ['name', 'unit'])},
				'measurements', (SELECT COALESCE(json_agg(json_build_object('value', m.value, 'asOf', m."asOf")
						ORDER BY m."asOf" DESC, m."createdAt" DESC), '[]'::json)
					FROM (SELECT value, "asOf", "createdAt" FROM "Measurement" WHERE "indicatorId" = i.id
						ORDER BY "asOf" DESC, "createdAt" DESC LIMIT ${maxMeasurements}) m)
			) END,
			'milestoneSteps', (SELECT COALESCE(json_agg(json_build_object(
					'id', s.id, 'title', s.title, 'doneOn', s."doneOn",
					'translations', ${texts('MilestoneStepTranslation', 'milestoneStepId', 's.id', ['title'])})
					ORDER BY s.position), '[]'::json)
				FROM "MilestoneStep" s WHERE s."pledgeId" = p.id),
			'entries', (SELECT COALESCE(json_agg(json_build_object(
					'id', e.id, 'fromStatus', e."fromStatus", 'status', e.status, 'effectiveDate', e."effectiveDate",
					'rationale', e.rationale, 'correctionReason', e."correctionReason",
					'createdAt', ${isoTimestampSql('e."createdAt"')},
					'translations', ${texts('StatusUpdateTranslation', 'statusUpdateId', 'e.id', ['rationale', 'correctionReason'])},
					'corrects', (SELECT json_build_object('id', c.id, 'status', c.status, 'effectiveDate', c."effectiveDate")
						FROM "StatusUpdate" c WHERE c.id = e."correctsId"),
					'isCorrected', EXISTS (SELECT 1 FROM "StatusUpdate" c WHERE c."correctsId" = e.id),
					'evidence', (SELECT COALESCE(json_agg(json_build_object(
							'id', ev.id, 'title', ev.title, 'publisher', ev.publisher, 'sourceUrl', ev."sourceUrl",
							'translations', ${texts('EvidenceTranslation', 'evidenceId', 'ev.id', ['title', 'excerpt'])})
							ORDER BY ev."publishedOn" ASC, ev.id ASC), '[]'::json)
						FROM "StatusUpdateEvidence" se JOIN "Evidence" ev ON ev.id = se."evidenceId"
						WHERE se."statusUpdateId" = e.id AND ev."reviewState" = 'APPROVED')
					) ORDER BY e."effectiveDate" DESC, e."createdAt" DESC), '[]'::json)
				FROM (SELECT * FROM "StatusUpdate" WHERE "pledgeId" = p.id
					ORDER BY "effectiveDate" DESC, "createdAt" DESC LIMIT ${maxLedgerEntries}) e),
			'evidence', (SELECT COALESCE(json_agg(json_build_object(
					${sourceItemFieldsSql('ev')},
					'measuredValue', ev."measuredValue", 'measuredAsOf', ev."measuredAsOf",
					'translations', ${texts('EvidenceTranslation', 'evidenceId', 'ev.id', ['title', 'excerpt'])})
					ORDER BY ev."publishedOn" DESC NULLS LAST, ev.id ASC), '[]'::json)
				FROM (SELECT * FROM "Evidence" WHERE "pledgeId" = p.id AND "reviewState" = 'APPROVED'
					ORDER BY "publishedOn" DESC NULLS LAST, id ASC
					LIMIT ${evidencePageSize} OFFSET ${(evidencePage - 1) * evidencePageSize}) ev),
			'evidenceCount', (SELECT count(*)::int FROM "Evidence"
				WHERE "pledgeId" = p.id AND "reviewState" = 'APPROVED')
		) AS page
		FROM "Pledge" p
		JOIN "Platform" pl ON pl.id = p."platformId"
		JOIN "Politician" po ON po.id = pl."politicianId"
		JOIN "Category" c ON c.id = p."categoryId"
		LEFT JOIN "Category" parent ON parent.id = c."parentId"
		LEFT JOIN "Indicator" i ON i."pledgeId" = p.id
		WHERE p.slug = ${pledgeSlug} AND pl.slug = ${platformSlug}
			AND (${drafts}::boolean OR pl."publishedAt" IS NOT NULL)`
}

/**
 * Everything a pledge page shows, in one SQL statement (`pledgePageSql`), as the page shows it. Null when
 * the platform or the pledge does not exist (or is a draft's and `visibility` is the public's).
 */
export async function getPledgePage(
	{
		platformSlug,
		pledgeSlug,
		locale,
		evidencePage,
		today,
		visibility = publicOnly,
	}: {
		platformSlug: string
		pledgeSlug: string
		locale: Locale
		evidencePage: number
		today: Date
		/** Drafts only for a signed-in staff member's preview. */
		visibility?: PlatformVisibility
	},
	prisma: PrismaClient = getPrisma(),
) {
	if (!isSlug(pledgeSlug) || !isSlug(platformSlug)) return null
	const rows = await prisma.$queryRaw<Array<{ page: PledgePageRow }>>(
		pledgePageSql({ platformSlug, pledgeSlug, locale, evidencePage, drafts: visibility.drafts }),
	)
	const row = rows[0]?.page
	if (!row) return null
	const { pledge, platform, politician, category, principle, indicator } = row

	const timeline = row.entries.map((entry) => ({
		id: entry.id,
		fromStatus: entry.fromStatus,
		status: entry.status,
		effectiveDate: entry.effectiveDate,
		recordedAt: entry.createdAt,
		// The rationale and reason in the reader's language, or the English (`textIsTranslated` false).
		...localizeLedgerTexts(entry, locale),
		corrects: entry.corrects,
		isCorrected: entry.isCorrected,
		evidence: entry.evidence.map(({ translations, ...evidence }) => {
			const { title, titleIsTranslated } = localizeEvidence({ ...evidence, translations }, locale)
			return { ...evidence, title, titleIsTranslated }
		}),
	}))
	// The rationale of the current status: the newest entry that no correction replaced.
	const current = timeline.find((entry) => !entry.isCorrected) ?? null
	const evidenceCount = row.evidenceCount

	return {
		pledge: {
			id: pledge.id,
			slug: pledge.slug,
			...localize(pledge, locale),
			quote: pledge.quote,
			sourceUrl: pledge.sourceUrl,
			sourceDate: pledge.sourceDate,
			kind: pledge.kind,
			deadline: pledge.deadline,
			daysToDeadline: daysBetween(today, dateOf(pledge.deadline)),
			status: pledge.status,
			statusSince: current?.effectiveDate ?? null,
			rationale: current?.rationale ?? null,
			rationaleIsTranslated: current?.textIsTranslated ?? true,
			activityAt: pledge.activityAt,
		},
		platform: {
			slug: platform.slug,
			...localizePlatform(platform, locale),
			politician: localizePolitician(politician, locale).name,
			isDraft: platform.isDraft,
		},
		category: { slug: category.slug, ...localize(category, locale) },
		principle: principle ? { slug: principle.slug, ...localize(principle, locale) } : null,
		indicator: indicator
			? { ...presentIndicator(indicator, platform.termStart), ...localizeIndicator(indicator, locale) }
			: null,
		milestoneSteps: row.milestoneSteps.map((step) => ({
			id: step.id,
			...localizeStep(step, locale),
			doneOn: step.doneOn,
		})),
		timeline,
		evidence: {
			items: row.evidence.map((item) =>
				presentSource(
					{ ...item, publishedOn: item.publishedOn === null ? null : dateOf(item.publishedOn) },
					locale,
				),
			),
			total: evidenceCount,
			page: evidencePage,
			pageSize: evidencePageSize,
			pageCount: Math.max(1, Math.ceil(evidenceCount / evidencePageSize)),
		},
	}
}

export type PledgePage = NonNullable<Awaited<ReturnType<typeof getPledgePage>>>

function presentIndicator(indicator: NonNullable<PledgePageRow['indicator']>, termStart: string) {
	const plan: IndicatorPlan = {
		direction: indicator.direction,
		baseline:
			indicator.baselineValue !== null && indicator.baselineDate !== null
				? { date: indicator.baselineDate, value: indicator.baselineValue }
				: null,
		target: { date: indicator.targetDate, value: indicator.targetValue },
	}
	const measurements: IndicatorPoint[] = indicator.measurements
		.map((measurement) => ({ date: measurement.asOf, value: measurement.value }))
		.reverse()
	return {
		name: indicator.name,
		unit: indicator.unit,
		plan,
		measurements,
		reading: readIndicator(plan, measurements),
		span: indicatorSpan(plan, measurements, termStart),
	}
}

// Staff reads and writes (the admin's catalogue pages).

export const pledgeListPageSize = 100

/** One bounded page of every pledge, by platform and category, for the staff's list. */
export async function listPledgesToEdit({ page = 1 }: { page?: number } = {}) {
	const prisma = getPrisma()
	const [pledges, pledgeCount] = await Promise.all([
		prisma.pledge.findMany({
			orderBy: [{ platformId: 'asc' }, { categoryId: 'asc' }, { position: 'asc' }, { id: 'asc' }],
			skip: (page - 1) * pledgeListPageSize,
			take: pledgeListPageSize,
			select: {
				id: true,
				slug: true,
				title: true,
				kind: true,
				status: true,
				platform: { select: { slug: true } },
				category: { select: { title: true } },
			},
		}),
		prisma.pledge.count(),
	])
	return { pledges, pledgeCount, pageCount: Math.max(1, Math.ceil(pledgeCount / pledgeListPageSize)) }
}

/**
 * Platforms with their categories, for choosing where a pledge belongs (bounded: staff data, not public);
 * only `platformId`'s when given, for editing a pledge, which stays on its platform.
 */
export async function listPledgePlacements({ platformId }: { platformId?: string } = {}) {
	return getPrisma().platform.findMany({
		where: platformId ? { id: platformId } : {},
		orderBy: [{ electionDate: 'desc' }, { id: 'asc' }],
		take: 100,
		select: {
			id: true,
			title: true,
			categories: {
				orderBy: [{ parentId: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }, { id: 'asc' }],
				take: 500,
				select: { id: true, title: true, parent: { select: { title: true } } },
			},
		},
	})
}

export type PledgePlacement = Awaited<ReturnType<typeof listPledgePlacements>>[number]

const pledgeRecordSelect = {
	...pledgeColumns,
	platformId: true,
	categoryId: true,
	version: true,
	platform: { select: { slug: true, title: true } },
} satisfies Prisma.PledgeSelect

const recordTranslationColumns = {
	locale: true,
	title: true,
	summary: true,
} satisfies Prisma.PledgeTranslationSelect
const recordStepColumns = {
	position: true,
	title: true,
	doneOn: true,
	translations: { orderBy: { locale: 'asc' }, select: { locale: true, title: true } },
} satisfies Prisma.MilestoneStepSelect
const recordIndicatorColumns = {
	...indicatorColumns,
	translations: { orderBy: { locale: 'asc' }, select: { locale: true, name: true, unit: true } },
} satisfies Prisma.IndicatorSelect

/** A stored pledge with its translations, indicator and steps: what its edit page shows. */
export type PledgeRecord = Prisma.PledgeGetPayload<{ select: typeof pledgeRecordSelect }> & {
	translations: Array<Prisma.PledgeTranslationGetPayload<{ select: typeof recordTranslationColumns }>>
	indicator: Prisma.IndicatorGetPayload<{ select: typeof recordIndicatorColumns }> | null
	milestoneSteps: Array<Prisma.MilestoneStepGetPayload<{ select: typeof recordStepColumns }>>
}

/**
 * A pledge as its edit form and its audit entries see it. Its relations are read one query after another:
 * Prisma runs the relations of one query side by side, which inside a transaction (one connection) queues a
 * query behind another, what the pg driver deprecates (ADR 008, "Quiet start").
 */
export async function getPledgeRecord(
	id: string,
	tx: Prisma.TransactionClient = getPrisma(),
): Promise<PledgeRecord | null> {
	const pledge = await tx.pledge.findUnique({ where: { id }, select: pledgeRecordSelect })
	if (!pledge) return null
	const translations = await tx.pledgeTranslation.findMany({
		where: { pledgeId: id },
		orderBy: { locale: 'asc' },
		select: recordTranslationColumns,
	})
	const indicator = await tx.indicator.findUnique({ where: { pledgeId: id }, select: recordIndicatorColumns })
	const milestoneSteps = await tx.milestoneStep.findMany({
		where: { pledgeId: id },
		orderBy: { position: 'asc' },
		select: recordStepColumns,
	})
	return { ...pledge, translations, indicator, milestoneSteps }
}

const audit = (action: AuditAction) => ({
	action,
	entityType: 'Pledge',
	/** The pledge as text, as its form holds it, with what the form does not change but names it. */
	snapshot: (pledge: PledgeRecord) => {
		const { version: _version, ...values } = pledgeFormValues(pledge)
		return { id: pledge.id, slug: pledge.slug, kind: pledge.kind, platformId: pledge.platformId, ...values }
	},
})

type PledgeContent = Omit<PledgeEditInput, 'version'>

/** Writes a pledge's translations, indicator and steps to match the form (the pledge row is written already). */
async function writePledgeParts(
	tx: Prisma.TransactionClient,
	pledgeId: string,
	kind: PledgeRecord['kind'],
	input: PledgeContent,
) {
	await writeTranslations(input, {
		summary: pledgeTranslationRules.summary,
		save: (locale, text) =>
			tx.pledgeTranslation.upsert({
				where: { pledgeId_locale: { pledgeId, locale } },
				create: { pledgeId, locale, ...text },
				update: text,
			}),
		remove: (locale) => tx.pledgeTranslation.deleteMany({ where: { pledgeId, locale } }),
	})
	if (
		kind === 'QUANTITATIVE' &&
		input.indicatorName !== undefined &&
		input.indicatorUnit !== undefined &&
		input.targetValue !== undefined &&
		input.targetDate !== undefined &&
		input.direction !== undefined
	) {
		const indicator = {
			name: input.indicatorName,
			unit: input.indicatorUnit,
			baselineValue: input.baselineValue ?? null,
			baselineDate: input.baselineDate ?? null,
			targetValue: input.targetValue,
			targetDate: input.targetDate,
			direction: input.direction,
		}
		const { id: indicatorId } = await tx.indicator.upsert({
			where: { pledgeId },
			create: { pledgeId, ...indicator },
			update: { ...indicator, version: { increment: 1 } },
			select: { id: true },
		})
		await writePairedTranslations(input, indicatorTranslationFieldNames, {
			save: (locale, { first: name, second: unit }) =>
				tx.indicatorTranslation.upsert({
					where: { indicatorId_locale: { indicatorId, locale } },
					create: { indicatorId, locale, name, unit },
					update: { name, unit },
				}),
			remove: (locale) => tx.indicatorTranslation.deleteMany({ where: { indicatorId, locale } }),
		})
	}
	if (kind === 'MILESTONE') {
		// Steps carry nothing but their text (with its translations) and date, so the form's list replaces
		// the stored one; deleting a step deletes its translations (a cascade).
		await tx.milestoneStep.deleteMany({ where: { pledgeId } })
		for (const [index, step] of input.steps.entries()) {
			await tx.milestoneStep.create({
				data: {
					pledgeId,
					position: index + 1,
					title: step.title,
					doneOn: step.doneOn,
					translations: { create: step.translations },
				},
				select: { id: true },
			})
		}
	}
}

/**
 * The date rules of a pledge (app/forms/integrity-rules), checked again for every path that writes one:
 * no deadline before the pledge was made; an indicator's baseline not in the future, its target after it.
 */
function pledgeDateProblems(
	input: PledgeContent,
	kind: PledgeRecord['kind'],
	now: Date,
): Problems<PledgeProblem> | null {
	const problems: Problems<PledgeProblem> = {}
	const deadline = deadlineProblem(input)
	if (deadline) problems.deadline = deadline
	if (kind === 'QUANTITATIVE' && input.targetDate !== undefined) {
		const { baselineDate, targetDate } = input
		const indicator = indicatorDateProblems({
			baselineDate: baselineDate ?? null,
			targetDate,
			today: latestToday(now),
		})
		Object.assign(problems, indicator)
	}
	return Object.keys(problems).length > 0 ? problems : null
}

/**
 * The dates an edit may not move past what the pledge's history holds: the ledger's entries were checked
 * against the date the pledge was made, its figures against the baseline (the rules of app/forms/integrity-rules
 * and evidence-dates), and an edit must not make a published entry break them.
 */
async function historyProblem(
	tx: Prisma.TransactionClient,
	pledgeId: string,
	input: PledgeContent,
): Promise<Problems<PledgeProblem> | null> {
	const [firstEntry, firstFigure] = await Promise.all([
		tx.statusUpdate.findFirst({
			where: { pledgeId },
			orderBy: { effectiveDate: 'asc' },
			select: { effectiveDate: true },
		}),
		input.baselineDate
			? tx.measurement.findFirst({
					where: { indicator: { pledgeId } },
					orderBy: { asOf: 'asc' },
					select: { asOf: true },
				})
			: null,
	])
	const problems: Problems<PledgeProblem> = {}
	if (firstEntry && input.sourceDate > firstEntry.effectiveDate) problems.sourceDate = 'after-ledger'
	if (firstFigure && input.baselineDate && input.baselineDate > firstFigure.asOf) {
		problems.baselineDate = 'after-measurement'
	}
	return Object.keys(problems).length > 0 ? problems : null
}

async function categoryProblem(
	tx: Prisma.TransactionClient,
	platformId: string,
	categoryId: string,
): Promise<Problems<PledgeProblem> | null> {
	const category = await tx.category.findUnique({ where: { id: categoryId }, select: { platformId: true } })
	return category?.platformId === platformId ? null : { categoryId: 'not-of-platform' }
}

/**
 * Saves an edit of a pledge with its translations, indicator and steps, audited. The platform and kind
 * stay; the status is never written here: the ledger owns it. Dates that cannot be true are refused.
 */
export async function updatePledge(id: string, input: PledgeEditInput, actor: Actor, now = new Date()) {
	return updateVersioned<PledgeRecord, PledgeProblem>({
		id,
		version: input.version,
		actor,
		read: (tx, pledgeId) => getPledgeRecord(pledgeId, tx),
		check: async (tx, before) =>
			pledgeDateProblems(input, before.kind, now) ??
			(await historyProblem(tx, id, input)) ??
			categoryProblem(tx, before.platformId, input.categoryId),
		update: async (tx, where, before) => {
			const written = await tx.pledge.updateMany({
				where,
				data: {
					categoryId: input.categoryId,
					title: input.title,
					summary: input.summary,
					quote: input.quote,
					sourceUrl: input.sourceUrl,
					sourceDate: input.sourceDate,
					deadline: input.deadline,
					version: { increment: 1 },
				},
			})
			if (written.count > 0) await writePledgeParts(tx, id, before.kind, input)
			return written
		},
		audit: audit('pledge.update'),
	})
}

/**
 * Creates a pledge (status NOT_RATED until the ledger says otherwise) with its parts, audited; dates that
 * cannot be true are refused.
 */
export async function createPledge(input: PledgeCreateInput, actor: Actor, now = new Date()) {
	return createAudited<PledgeRecord, PledgeProblem>({
		actor,
		read: (tx, pledgeId) => getPledgeRecord(pledgeId, tx),
		check: async (tx) => {
			const dateProblems = pledgeDateProblems(input, input.kind, now)
			if (dateProblems) return dateProblems
			const platform = await tx.platform.findUnique({ where: { id: input.platformId }, select: { id: true } })
			if (!platform) return { platformId: 'unknown' }
			return categoryProblem(tx, input.platformId, input.categoryId)
		},
		create: async (tx) => {
			const position = await tx.pledge.count({ where: { categoryId: input.categoryId } })
			const { id } = await tx.pledge.create({
				data: {
					platformId: input.platformId,
					categoryId: input.categoryId,
					slug: input.slug,
					kind: input.kind,
					title: input.title,
					summary: input.summary,
					quote: input.quote,
					sourceUrl: input.sourceUrl,
					sourceDate: input.sourceDate,
					deadline: input.deadline,
					position,
				},
				select: { id: true },
			})
			await writePledgeParts(tx, id, input.kind, input)
			return id
		},
		audit: audit('pledge.create'),
		taken: { slug: 'taken' },
	})
}
