import type { Prisma, PrismaClient } from '~/.server/prisma/client'
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
import { daysBetween, isoDate } from './overview.server'
import { publicOnly, publishedPlatformWhere, type PlatformVisibility } from './platform.server'
import { createAudited, updateVersioned, type Actor, type Problems } from './save.server'
import {
	evidenceTranslationIn,
	localizeEvidence,
	presentSource,
	shownSourceSelect,
} from './evidence-translation.server'
import { ledgerTranslationIn, localizeLedgerTexts } from './ledger-translation.server'
import { indicatorTranslationFieldNames, writePairedTranslations } from '~/forms/translations'
import {
	localize,
	localizeIndicator,
	localizePlatform,
	localizePolitician,
	localizeStep,
	translationRowIn,
	translationsIn,
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

/**
 * Everything a pledge page shows, in four queries: the pledge (with its category, indicator and
 * measurements, milestone steps), its ledger, one page of its approved evidence, and that evidence's count.
 * Null when the platform or the pledge does not exist.
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
	const platformWhere = visibility.drafts ? {} : publishedPlatformWhere
	const pledge = await prisma.pledge.findFirst({
		where: { slug: pledgeSlug, platform: { slug: platformSlug, ...platformWhere } },
		select: {
			...pledgeColumns,
			statusUpdatedAt: true,
			activityAt: true,
			translations: translationsIn(locale),
			platform: {
				select: {
					slug: true,
					title: true,
					termStart: true,
					hasDemoData: true,
					publishedAt: true,
					summary: true,
					translations: { ...translationRowIn(locale), select: { locale: true, title: true, summary: true } },
					politician: {
						select: {
							name: true,
							office: true,
							translations: {
								...translationRowIn(locale),
								select: { locale: true, name: true, office: true },
							},
						},
					},
				},
			},
			category: {
				select: {
					slug: true,
					title: true,
					summary: true,
					translations: translationsIn(locale),
					parent: {
						select: { slug: true, title: true, summary: true, translations: translationsIn(locale) },
					},
				},
			},
			indicator: {
				select: {
					...indicatorColumns,
					translations: { ...translationRowIn(locale), select: { locale: true, name: true, unit: true } },
					measurements: {
						orderBy: [{ asOf: 'desc' }, { createdAt: 'desc' }],
						take: maxMeasurements,
						select: { id: true, value: true, asOf: true },
					},
				},
			},
			milestoneSteps: {
				orderBy: { position: 'asc' },
				select: {
					id: true,
					title: true,
					doneOn: true,
					translations: { ...translationRowIn(locale), select: { locale: true, title: true } },
				},
			},
		},
	})
	if (!pledge) return null

	const approved = { pledgeId: pledge.id, reviewState: 'APPROVED' as const }
	const [entries, evidence, evidenceCount] = await Promise.all([
		prisma.statusUpdate.findMany({
			where: { pledgeId: pledge.id },
			orderBy: [{ effectiveDate: 'desc' }, { createdAt: 'desc' }],
			take: maxLedgerEntries,
			select: {
				id: true,
				fromStatus: true,
				status: true,
				effectiveDate: true,
				rationale: true,
				correctionReason: true,
				createdAt: true,
				translations: ledgerTranslationIn(locale),
				corrects: { select: { id: true, status: true, effectiveDate: true } },
				correctedBy: { select: { id: true }, take: 1 },
				evidence: {
					where: { evidence: { reviewState: 'APPROVED' } },
					orderBy: [{ evidence: { publishedOn: 'asc' } }, { evidenceId: 'asc' }],
					select: {
						evidence: {
							select: {
								id: true,
								title: true,
								publisher: true,
								sourceUrl: true,
								translations: evidenceTranslationIn(locale),
							},
						},
					},
				},
			},
		}),
		prisma.evidence.findMany({
			where: approved,
			// Undated evidence last; a month or a year sorts by its start.
			orderBy: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
			skip: (evidencePage - 1) * evidencePageSize,
			take: evidencePageSize,
			select: { ...shownSourceSelect(locale), measuredValue: true, measuredAsOf: true },
		}),
		prisma.evidence.count({ where: approved }),
	])

	const text = localize(pledge, locale)
	const category = localize(pledge.category, locale)
	const timeline = entries.map((entry) => ({
		id: entry.id,
		fromStatus: entry.fromStatus,
		status: entry.status,
		effectiveDate: isoDate(entry.effectiveDate),
		recordedAt: entry.createdAt.toISOString(),
		// The rationale and reason in the reader's language, or the English (`textIsTranslated` false).
		...localizeLedgerTexts(entry, locale),
		corrects: entry.corrects
			? {
					id: entry.corrects.id,
					status: entry.corrects.status,
					effectiveDate: isoDate(entry.corrects.effectiveDate),
				}
			: null,
		isCorrected: entry.correctedBy.length > 0,
		evidence: entry.evidence.map(({ evidence: { translations, ...evidence } }) => {
			const { title, titleIsTranslated } = localizeEvidence({ ...evidence, translations }, locale)
			return { ...evidence, title, titleIsTranslated }
		}),
	}))
	// The rationale of the current status: the newest entry that no correction replaced.
	const current = timeline.find((entry) => !entry.isCorrected) ?? null

	return {
		pledge: {
			id: pledge.id,
			slug: pledge.slug,
			...text,
			quote: pledge.quote,
			sourceUrl: pledge.sourceUrl,
			sourceDate: isoDate(pledge.sourceDate),
			kind: pledge.kind,
			deadline: isoDate(pledge.deadline),
			daysToDeadline: daysBetween(today, pledge.deadline),
			status: pledge.status,
			statusSince: current?.effectiveDate ?? null,
			rationale: current?.rationale ?? null,
			rationaleIsTranslated: current?.textIsTranslated ?? true,
			activityAt: pledge.activityAt?.toISOString() ?? null,
		},
		platform: {
			slug: pledge.platform.slug,
			...localizePlatform(pledge.platform, locale),
			politician: localizePolitician(pledge.platform.politician, locale).name,
			isDraft: pledge.platform.publishedAt === null,
		},
		category: { slug: pledge.category.slug, ...category },
		principle: pledge.category.parent
			? { slug: pledge.category.parent.slug, ...localize(pledge.category.parent, locale) }
			: null,
		indicator: pledge.indicator
			? {
					...presentIndicator(pledge.indicator, pledge.platform.termStart),
					...localizeIndicator(pledge.indicator, locale),
				}
			: null,
		milestoneSteps: pledge.milestoneSteps.map((step) => ({
			id: step.id,
			...localizeStep(step, locale),
			doneOn: step.doneOn ? isoDate(step.doneOn) : null,
		})),
		timeline,
		evidence: {
			items: evidence.map((item) => ({
				...presentSource(item, locale),
				measuredValue: item.measuredValue === null ? null : item.measuredValue.toNumber(),
				measuredAsOf: item.measuredAsOf ? isoDate(item.measuredAsOf) : null,
			})),
			total: evidenceCount,
			page: evidencePage,
			pageSize: evidencePageSize,
			pageCount: Math.max(1, Math.ceil(evidenceCount / evidencePageSize)),
		},
	}
}

export type PledgePage = NonNullable<Awaited<ReturnType<typeof getPledgePage>>>

type StoredIndicator = {
	name: string
	unit: string
	baselineValue: { toNumber(): number } | null
	baselineDate: Date | null
	targetValue: { toNumber(): number }
	targetDate: Date
	direction: IndicatorPlan['direction']
	measurements: Array<{ id: string; value: { toNumber(): number }; asOf: Date }>
}

function presentIndicator(indicator: StoredIndicator, termStart: Date) {
	const plan: IndicatorPlan = {
		direction: indicator.direction,
		baseline:
			indicator.baselineValue !== null && indicator.baselineDate !== null
				? { date: isoDate(indicator.baselineDate), value: indicator.baselineValue.toNumber() }
				: null,
		target: { date: isoDate(indicator.targetDate), value: indicator.targetValue.toNumber() },
	}
	const measurements: IndicatorPoint[] = indicator.measurements
		.map((measurement) => ({ date: isoDate(measurement.asOf), value: measurement.value.toNumber() }))
		.reverse()
	return {
		name: indicator.name,
		unit: indicator.unit,
		plan,
		measurements,
		reading: readIndicator(plan, measurements),
		span: indicatorSpan(plan, measurements, isoDate(termStart)),
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
