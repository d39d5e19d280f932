import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { Locale } from '~/i18n/locales'
import { readIndicator, type IndicatorPlan, type IndicatorPoint } from './indicator'
import { daysBetween, isoDate } from './overview.server'
import { localize, translationsIn } from './translation.server'

export const evidencePageSize = 20
// Bounds that no real pledge reaches, so that a page's cost never grows with the tables.
const maxLedgerEntries = 200
const maxMeasurements = 500

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
	}: { platformSlug: string; pledgeSlug: string; locale: Locale; evidencePage: number; today: Date },
	prisma: PrismaClient = getPrisma(),
) {
	const pledge = await prisma.pledge.findFirst({
		where: { slug: pledgeSlug, platform: { slug: platformSlug } },
		select: {
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
			statusUpdatedAt: true,
			updatedAt: true,
			translations: translationsIn(locale),
			platform: {
				select: {
					slug: true,
					title: true,
					hasDemoData: true,
					politician: { select: { name: true } },
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
					name: true,
					unit: true,
					baselineValue: true,
					baselineDate: true,
					targetValue: true,
					targetDate: true,
					direction: true,
					measurements: {
						orderBy: [{ asOf: 'desc' }, { createdAt: 'desc' }],
						take: maxMeasurements,
						select: { id: true, value: true, asOf: true },
					},
				},
			},
			milestoneSteps: { orderBy: { position: 'asc' }, select: { id: true, title: true, doneOn: true } },
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
				createdAt: true,
				corrects: { select: { id: true, effectiveDate: true } },
				correctedBy: { select: { id: true }, take: 1 },
				evidence: {
					where: { evidence: { reviewState: 'APPROVED' } },
					orderBy: [{ evidence: { publishedOn: 'asc' } }, { evidenceId: 'asc' }],
					select: { evidence: { select: { id: true, title: true, publisher: true, sourceUrl: true } } },
				},
			},
		}),
		prisma.evidence.findMany({
			where: approved,
			orderBy: [{ publishedOn: 'desc' }, { id: 'asc' }],
			skip: (evidencePage - 1) * evidencePageSize,
			take: evidencePageSize,
			select: {
				id: true,
				type: true,
				title: true,
				publisher: true,
				publishedOn: true,
				excerpt: true,
				sourceUrl: true,
				archiveUrl: true,
				measuredValue: true,
				measuredAsOf: true,
			},
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
		rationale: entry.rationale,
		corrects: entry.corrects
			? { id: entry.corrects.id, effectiveDate: isoDate(entry.corrects.effectiveDate) }
			: null,
		isCorrected: entry.correctedBy.length > 0,
		evidence: entry.evidence.map(({ evidence }) => evidence),
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
			updatedAt: pledge.updatedAt.toISOString(),
		},
		platform: {
			slug: pledge.platform.slug,
			title: pledge.platform.title,
			politician: pledge.platform.politician.name,
		},
		category: { slug: pledge.category.slug, ...category },
		principle: pledge.category.parent
			? { slug: pledge.category.parent.slug, ...localize(pledge.category.parent, locale) }
			: null,
		indicator: pledge.indicator ? presentIndicator(pledge.indicator) : null,
		milestoneSteps: pledge.milestoneSteps.map((step) => ({
			id: step.id,
			title: step.title,
			doneOn: step.doneOn ? isoDate(step.doneOn) : null,
		})),
		timeline,
		evidence: {
			items: evidence.map((item) => ({
				...item,
				publishedOn: isoDate(item.publishedOn),
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

function presentIndicator(indicator: StoredIndicator) {
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
	}
}
