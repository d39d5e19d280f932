import type { PrismaClient } from '~/.server/prisma/client'
import type { EvidenceType, PledgeStatus } from '~/.server/prisma/enums'

/**
 * Ledger data written straight to the database, for tests, the browser tests and the demo dataset: the
 * app's own forms for evidence and status updates belong to another part of the product. Each write keeps
 * the invariants the app keeps: a status update rests on approved evidence, and the pledge's stored status
 * is the newest entry that no correction replaced.
 */

export async function createFactChecker(prisma: PrismaClient, email: string, displayName = 'Test editor') {
	return prisma.user.create({ data: { email, displayName, role: 'ADMIN' }, select: { id: true } })
}

export type EvidenceFixture = {
	pledgeId: string
	userId: string
	title: string
	publishedOn: string
	type?: EvidenceType
	publisher?: string
	excerpt?: string
	sourceUrl?: string
	archiveUrl?: string | null
	measuredValue?: number | null
	measuredAsOf?: string | null
	reviewState?: 'APPROVED' | 'PENDING' | 'REJECTED'
	suggestedStatus?: PledgeStatus
	suggestionReason?: string
	/** When it was reviewed (default: now), unless pending. */
	reviewedAt?: string
	/** Who reviewed it (default: the submitter; under the four-eyes rule a real review is by someone else). */
	reviewerId?: string
}

export async function createEvidence(prisma: PrismaClient, evidence: EvidenceFixture) {
	const reviewState = evidence.reviewState ?? 'APPROVED'
	return prisma.evidence.create({
		data: {
			pledgeId: evidence.pledgeId,
			type: evidence.type ?? 'OFFICIAL_STATEMENT',
			sourceUrl: evidence.sourceUrl ?? 'https://example.org/source',
			title: evidence.title,
			publisher: evidence.publisher ?? 'Example Publisher',
			publishedOn: new Date(evidence.publishedOn),
			excerpt: evidence.excerpt ?? `An excerpt of “${evidence.title}”.`,
			archiveUrl: evidence.archiveUrl ?? null,
			measuredValue: evidence.measuredValue ?? null,
			measuredAsOf: evidence.measuredAsOf ? new Date(evidence.measuredAsOf) : null,
			suggestedStatus: evidence.suggestedStatus ?? null,
			suggestionReason: evidence.suggestionReason ?? null,
			submittedById: evidence.userId,
			reviewState,
			reviewedById: reviewState === 'PENDING' ? null : (evidence.reviewerId ?? evidence.userId),
			reviewedAt:
				reviewState === 'PENDING' ? null : evidence.reviewedAt ? new Date(evidence.reviewedAt) : new Date(),
		},
		select: { id: true },
	})
}

export type StatusFixture = {
	pledgeId: string
	userId: string
	status: PledgeStatus
	effectiveDate: string
	rationale: string
	evidenceIds: string[]
	/** The entry this one corrects. */
	correctsId?: string
	/** What was wrong with the entry it corrects (a correction needs one: a fixture's default is given). */
	correctionReason?: string
	/** When the entry was written (default: now). */
	recordedAt?: string
	/**
	 * The rationale in Russian and Kazakh, and the correction's reason (kept only when the entry is a
	 * correction, as the database requires; a correction's translation without one gets a default).
	 */
	translations?: Partial<Record<'RU' | 'KK', { rationale: string; correctionReason?: string }>>
}

const translationLocales = ['RU', 'KK'] as const

/** A correction's reason in each language where a fixture's translation gives none. */
const defaultCorrectionReason = {
	RU: 'Исправляемая запись была внесена по ошибке.',
	KK: 'Түзетілетін жазба қателікпен енгізілген.',
} as const

/** Appends a ledger entry and stores the pledge's resulting status, in one transaction. */
export async function recordStatus(prisma: PrismaClient, entry: StatusFixture) {
	return prisma.$transaction(async (tx) => {
		const pledge = await tx.pledge.findUniqueOrThrow({
			where: { id: entry.pledgeId },
			select: { status: true },
		})
		const created = await tx.statusUpdate.create({
			data: {
				pledgeId: entry.pledgeId,
				fromStatus: pledge.status,
				status: entry.status,
				effectiveDate: new Date(entry.effectiveDate),
				rationale: entry.rationale,
				correctsId: entry.correctsId ?? null,
				correctionReason: entry.correctsId
					? (entry.correctionReason ?? 'The entry it corrects was recorded in error.')
					: null,
				authorId: entry.userId,
				...(entry.recordedAt ? { createdAt: new Date(entry.recordedAt) } : {}),
				evidence: { create: entry.evidenceIds.map((evidenceId) => ({ evidenceId })) },
				translations: {
					create: translationLocales.flatMap((locale) => {
						const text = entry.translations?.[locale]
						if (!text) return []
						const correctionReason = entry.correctsId
							? (text.correctionReason ?? defaultCorrectionReason[locale])
							: null
						return [{ locale, rationale: text.rationale, correctionReason }]
					}),
				},
			},
			select: { id: true, createdAt: true },
		})
		const current = await tx.statusUpdate.findFirst({
			where: { pledgeId: entry.pledgeId, correctedBy: { none: {} } },
			orderBy: [{ effectiveDate: 'desc' }, { createdAt: 'desc' }],
			select: { status: true },
		})
		await tx.pledge.update({
			where: { id: entry.pledgeId },
			data: { status: current?.status ?? 'NOT_RATED', statusUpdatedAt: created.createdAt },
		})
		return created
	})
}

/** Records an indicator measurement from a new approved evidence item carrying the figure. */
export async function recordMeasurement(
	prisma: PrismaClient,
	{
		pledgeId,
		userId,
		reviewerId,
		value,
		asOf,
		title = `Official figure as of ${asOf}`,
		publisher = 'Example Statistics Bureau',
		recordedAt,
	}: {
		pledgeId: string
		/** Who submitted the evidence. */
		userId: string
		/** Who approved it and recorded the figure (default: the submitter). */
		reviewerId?: string
		value: number
		asOf: string
		title?: string
		publisher?: string
		/** When the evidence was approved and the figure recorded (default: now). */
		recordedAt?: string
	},
) {
	const indicator = await prisma.indicator.findUniqueOrThrow({ where: { pledgeId }, select: { id: true } })
	const evidence = await createEvidence(prisma, {
		pledgeId,
		userId,
		title,
		publisher,
		type: 'OFFICIAL_STATISTIC',
		publishedOn: asOf,
		measuredValue: value,
		measuredAsOf: asOf,
		reviewedAt: recordedAt,
		reviewerId,
	})
	await prisma.measurement.create({
		data: {
			indicatorId: indicator.id,
			value,
			asOf: new Date(asOf),
			evidenceId: evidence.id,
			createdById: reviewerId ?? userId,
			...(recordedAt ? { createdAt: new Date(recordedAt) } : {}),
		},
	})
	return evidence
}

export async function pledgeIdOf(prisma: PrismaClient, slug: string, platformSlug = 'fair-kazakhstan-2022') {
	const pledge = await prisma.pledge.findFirstOrThrow({
		where: { slug, platform: { slug: platformSlug } },
		select: { id: true },
	})
	return pledge.id
}
