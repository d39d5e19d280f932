import { Prisma, type PrismaClient } from '~/.server/prisma/client'
import type { DatePrecision, PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import type { EvidenceInput, EvidenceProblem } from '~/forms/evidence'
import { measuredAsOfProblem, publicationDateOf, readPublicationDate } from '~/forms/evidence-dates'
import { isoDateOf, isRecordId, latestToday } from '~/forms/fields'
import type { ReviewInput, ReviewProblem } from '~/forms/review'
import { recordAudit } from './audit.server'
import { assertAdmin, type Actor, type SaveResult } from './save.server'

/**
 * A resubmission of the same evidence by the same person within this time records nothing new: it is a
 * double click or a reload of the posted form.
 */
export const duplicateSubmissionWindowMs = 10 * 60 * 1000

/**
 * How much evidence one account may submit: 30 items in 10 minutes, counted in the database so that every
 * app process sees the same count. A fact-checker logging a source a minute stays well inside it; a script
 * filling the review queue is stopped after 30.
 */
export const submissionLimits = { windowMs: 10 * 60 * 1000, perAccount: 30 } as const

/** The answer to a submission over `submissionLimits`: nothing recorded, and when to try again. */
export type TooManySubmissions = { status: 'too-many'; retryAfterSeconds: number }

const evidenceSelect = {
	id: true,
	pledgeId: true,
	type: true,
	sourceUrl: true,
	title: true,
	publisher: true,
	publishedOn: true,
	publishedPrecision: true,
	publishedNote: true,
	excerpt: true,
	archiveUrl: true,
	measuredValue: true,
	measuredAsOf: true,
	suggestedStatus: true,
	suggestionReason: true,
	submittedById: true,
	reviewState: true,
	reviewedById: true,
	reviewedAt: true,
	reviewNote: true,
	createdAt: true,
} satisfies Prisma.EvidenceSelect

type EvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>

/** Evidence as the audit log keeps it: JSON, dates as `YYYY-MM-DD`, the figure as exact decimal text. */
function auditSnapshot(evidence: EvidenceRow) {
	return {
		pledgeId: evidence.pledgeId,
		type: evidence.type,
		sourceUrl: evidence.sourceUrl,
		title: evidence.title,
		publisher: evidence.publisher,
		publishedOn: evidence.publishedOn ? isoDateOf(evidence.publishedOn) : null,
		publishedPrecision: evidence.publishedPrecision,
		publishedNote: evidence.publishedNote,
		excerpt: evidence.excerpt,
		archiveUrl: evidence.archiveUrl,
		measuredValue: evidence.measuredValue?.toString() ?? null,
		measuredAsOf: evidence.measuredAsOf ? isoDateOf(evidence.measuredAsOf) : null,
		suggestedStatus: evidence.suggestedStatus,
		suggestionReason: evidence.suggestionReason,
		submittedById: evidence.submittedById,
		reviewState: evidence.reviewState,
	}
}

/** Submitted evidence: its id, and whether it is an earlier identical submission (a double submit). */
export type SubmittedEvidence = { id: string; duplicate: boolean }

/**
 * Records a fact-checker's (or admin's) evidence as PENDING, with its audit entry. A figure is accepted
 * only for a quantitative pledge with an indicator. The same evidence sent again by the same person for the
 * same pledge within `duplicateSubmissionWindowMs` returns the first submission instead of a second row;
 * a per-submitter-and-pledge lock makes that hold for two requests arriving together too. Over
 * `submissionLimits` it records nothing and says when to try again. Nothing can be stale about a new
 * submission, so it never answers a conflict.
 */
export async function submitEvidence(
	{
		actor,
		pledgeId,
		input,
		now = new Date(),
	}: { actor: Actor; pledgeId: string; input: EvidenceInput; now?: Date },
	prisma: PrismaClient = getPrisma(),
): Promise<
	Exclude<SaveResult<SubmittedEvidence, EvidenceProblem>, { status: 'conflict' }> | TooManySubmissions
> {
	if (!isRecordId(pledgeId)) return { status: 'not-found' }
	const published = readPublicationDate(input, latestToday(now))
	if ('field' in published) return { status: 'invalid', problems: { [published.field]: 'publication-date' } }
	return prisma.$transaction(async (tx) => {
		const pledge = await tx.pledge.findUnique({
			where: { id: pledgeId },
			select: { id: true, kind: true, indicator: { select: { unit: true, baselineDate: true } } },
		})
		if (!pledge) return { status: 'not-found' }
		if (input.measuredValue !== undefined) {
			const problem =
				pledge.kind !== 'QUANTITATIVE' ? 'not-quantitative' : !pledge.indicator ? 'no-indicator' : null
			if (problem) return { status: 'invalid', problems: { measuredValue: problem } }
		}
		if (input.measuredAsOf !== undefined) {
			const problem = measuredAsOfProblem(input.measuredAsOf, {
				baselineDate: pledge.indicator?.baselineDate ?? null,
				today: latestToday(now),
			})
			if (problem) return { status: 'invalid', problems: { measuredAsOf: problem } }
		}

		// The account's lock first, then the account-and-pledge one: one order everywhere, so two
		// submissions never wait on each other, and a burst is counted one by one.
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`evidence:${actor.id}`}, 0))`
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`evidence:${actor.id}:${pledgeId}`}, 0))`
		const duplicate = await tx.evidence.findFirst({
			where: {
				pledgeId,
				submittedById: actor.id,
				sourceUrl: input.sourceUrl,
				excerpt: input.excerpt,
				createdAt: { gte: new Date(now.getTime() - duplicateSubmissionWindowMs) },
			},
			orderBy: { createdAt: 'asc' },
			select: { id: true },
		})
		if (duplicate) return { status: 'saved', record: { id: duplicate.id, duplicate: true } }

		const recent = await tx.evidence.findMany({
			where: {
				submittedById: actor.id,
				createdAt: { gt: new Date(now.getTime() - submissionLimits.windowMs) },
			},
			orderBy: { createdAt: 'desc' },
			take: submissionLimits.perAccount,
			select: { createdAt: true },
		})
		const oldest = recent.at(-1)
		if (recent.length >= submissionLimits.perAccount && oldest) {
			// Allowed again once the oldest of the last `perAccount` leaves the window.
			const allowedAt = oldest.createdAt.getTime() + submissionLimits.windowMs
			return {
				status: 'too-many',
				retryAfterSeconds: Math.max(1, Math.ceil((allowedAt - now.getTime()) / 1000)),
			}
		}

		const evidence = await tx.evidence.create({
			data: {
				pledgeId,
				type: input.type,
				sourceUrl: input.sourceUrl,
				title: input.title,
				publisher: input.publisher,
				publishedOn: published.on,
				publishedPrecision: input.publishedPrecision,
				publishedNote: published.note,
				excerpt: input.excerpt,
				archiveUrl: input.archiveUrl ?? null,
				measuredValue: input.measuredValue ?? null,
				measuredAsOf: input.measuredAsOf ?? null,
				suggestedStatus: input.suggestedStatus ?? null,
				suggestionReason: input.suggestionReason ?? null,
				submittedById: actor.id,
				createdAt: now,
			},
			select: evidenceSelect,
		})
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'evidence.submit',
			entityType: 'Evidence',
			entityId: evidence.id,
			before: null,
			after: auditSnapshot(evidence),
			ipAddress: actor.ipAddress,
		})
		return { status: 'saved', record: { id: evidence.id, duplicate: false } }
	})
}

/** Evidence as a decision left it (or, on a conflict, as another admin's decision left it). */
export type ReviewedEvidence = {
	id: string
	reviewState: 'PENDING' | 'APPROVED' | 'REJECTED'
	/** The indicator's measurement its approval recorded, if it carried a figure. */
	measurementId: string | null
}

/** Thrown inside a transaction to roll it back and answer with a refusal instead of an error. */
class RollBack extends Error {
	constructor(readonly problems: { decision: ReviewProblem }) {
		super('rolled back')
	}
}

/**
 * An admin's decision on pending evidence, in one transaction with its audit entry. Only a PENDING row is
 * changed (`updateMany` guarded by the state), so of two admins deciding at the same moment one wins and
 * the other gets a conflict with the evidence as the first left it. Approving evidence that carries a
 * figure records the indicator's measurement in the same transaction (with its own audit entry); if that
 * cannot be done the approval is rolled back too. Only an admin may decide (checked again here: throws).
 */
export async function reviewEvidence(
	{
		actor,
		evidenceId,
		decision,
		now = new Date(),
	}: { actor: Actor; evidenceId: string; decision: ReviewInput; now?: Date },
	prisma: PrismaClient = getPrisma(),
): Promise<SaveResult<ReviewedEvidence, ReviewProblem>> {
	assertAdmin(actor)
	if (!isRecordId(evidenceId)) return { status: 'not-found' }
	try {
		return await prisma.$transaction(async (tx): Promise<SaveResult<ReviewedEvidence, ReviewProblem>> => {
			const reviewState = decision.decision === 'approve' ? 'APPROVED' : 'REJECTED'
			const { count } = await tx.evidence.updateMany({
				where: { id: evidenceId, reviewState: 'PENDING' },
				data: {
					reviewState,
					reviewedById: actor.id,
					reviewedAt: now,
					reviewNote: decision.note,
					version: { increment: 1 },
				},
			})
			if (count === 0) {
				const stored = await tx.evidence.findUnique({
					where: { id: evidenceId },
					select: { id: true, reviewState: true, measurement: { select: { id: true } } },
				})
				if (!stored) return { status: 'not-found' }
				return {
					status: 'conflict',
					record: {
						id: stored.id,
						reviewState: stored.reviewState,
						measurementId: stored.measurement?.id ?? null,
					},
				}
			}
			const evidence = await tx.evidence.findUniqueOrThrow({
				where: { id: evidenceId },
				select: evidenceSelect,
			})
			await recordAudit(tx, {
				actorId: actor.id,
				action: reviewState === 'APPROVED' ? 'evidence.approve' : 'evidence.reject',
				entityType: 'Evidence',
				entityId: evidenceId,
				before: { reviewState: 'PENDING', reviewedById: null, reviewNote: null },
				after: { reviewState, reviewedById: actor.id, reviewNote: decision.note },
				ipAddress: actor.ipAddress,
			})
			if (reviewState === 'REJECTED' || evidence.measuredValue === null || evidence.measuredAsOf === null) {
				return { status: 'saved', record: { id: evidenceId, reviewState, measurementId: null } }
			}

			const pledge = await tx.pledge.findUniqueOrThrow({
				where: { id: evidence.pledgeId },
				select: { kind: true, indicator: { select: { id: true, baselineDate: true } } },
			})
			if (pledge.kind !== 'QUANTITATIVE' || !pledge.indicator) {
				throw new RollBack({ decision: 'no-indicator' })
			}
			// The rules the submission was checked by, again: the baseline may have moved since.
			const asOfProblem = measuredAsOfProblem(evidence.measuredAsOf, {
				baselineDate: pledge.indicator.baselineDate,
				today: latestToday(now),
			})
			if (asOfProblem) {
				throw new RollBack({
					decision: asOfProblem === 'future' ? 'measured-in-future' : 'measured-before-baseline',
				})
			}
			const measurement = await tx.measurement.create({
				data: {
					indicatorId: pledge.indicator.id,
					value: evidence.measuredValue,
					asOf: evidence.measuredAsOf,
					evidenceId,
					createdById: actor.id,
				},
				select: { id: true },
			})
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'measurement.create',
				entityType: 'Measurement',
				entityId: measurement.id,
				before: null,
				after: {
					indicatorId: pledge.indicator.id,
					value: evidence.measuredValue.toString(),
					asOf: isoDateOf(evidence.measuredAsOf),
					evidenceId,
				},
				ipAddress: actor.ipAddress,
			})
			return { status: 'saved', record: { id: evidenceId, reviewState, measurementId: measurement.id } }
		})
	} catch (error) {
		if (error instanceof RollBack) return { status: 'invalid', problems: error.problems }
		throw error
	}
}

/** A page number and size from a query string, kept within what a query can take. */
function pageWindow(page: number, pageSize: number) {
	const size = Number.isInteger(pageSize) ? Math.min(Math.max(pageSize, 1), 100) : 20
	const number = Number.isInteger(page) ? Math.min(Math.max(page, 1), 100_000) : 1
	return { page: number, pageSize: size, skip: (number - 1) * size }
}

export const reviewQueuePageSize = 20
const latestApprovedPerPledge = 3

/**
 * Pending evidence, oldest first, one page at a time, each with its pledge, the pledge's current status and
 * the pledge's latest approved evidence (up to three), in three queries whatever the page holds.
 */
export async function listPendingEvidence(
	{
		page: requestedPage = 1,
		pageSize: requestedSize = reviewQueuePageSize,
	}: { page?: number; pageSize?: number } = {},
	prisma: PrismaClient = getPrisma(),
) {
	const { page, pageSize, skip } = pageWindow(requestedPage, requestedSize)
	const where = { reviewState: 'PENDING' } satisfies Prisma.EvidenceWhereInput
	const [items, total] = await Promise.all([
		prisma.evidence.findMany({
			where,
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
			skip,
			take: pageSize,
			select: {
				...evidenceSelect,
				submittedBy: { select: { id: true, displayName: true } },
				pledge: {
					select: {
						id: true,
						slug: true,
						title: true,
						kind: true,
						status: true,
						statusUpdatedAt: true,
						platform: { select: { slug: true } },
						indicator: { select: { name: true, unit: true } },
					},
				},
			},
		}),
		prisma.evidence.count({ where }),
	])
	const pledgeIds = [...new Set(items.map((item) => item.pledgeId))]
	const latest =
		pledgeIds.length === 0
			? []
			: await prisma.$queryRaw<
					Array<{
						id: string
						pledgeId: string
						title: string
						publisher: string
						publishedOn: Date | null
						publishedPrecision: DatePrecision
						publishedNote: string | null
						sourceUrl: string
					}>
				>`
				SELECT e.id, e."pledgeId", e.title, e.publisher, e."publishedOn", e."publishedPrecision", e."publishedNote", e."sourceUrl"
				FROM "Pledge" p
				CROSS JOIN LATERAL (
					SELECT e.id, e."pledgeId", e.title, e.publisher, e."publishedOn", e."publishedPrecision", e."publishedNote", e."sourceUrl"
					FROM "Evidence" e
					WHERE e."pledgeId" = p.id AND e."reviewState" = 'APPROVED'
					ORDER BY e."publishedOn" DESC NULLS LAST, e.id
					LIMIT ${latestApprovedPerPledge}
				) e
				WHERE p.id IN (${Prisma.join(pledgeIds)})
				ORDER BY e."pledgeId", e."publishedOn" DESC NULLS LAST, e.id`
	return {
		items: items.map((item) => ({
			...presentEvidence(item),
			submittedBy: item.submittedBy,
			pledge: {
				...item.pledge,
				statusUpdatedAt: item.pledge.statusUpdatedAt?.toISOString() ?? null,
				latestApprovedEvidence: latest
					.filter((evidence) => evidence.pledgeId === item.pledgeId)
					.map(({ publishedOn, publishedPrecision, publishedNote, ...evidence }) => ({
						...evidence,
						published: publicationDateOf({ publishedOn, publishedPrecision, publishedNote }),
					})),
			},
		})),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / pageSize)),
	}
}

export const submissionsPageSize = 20

/** One person's evidence, newest first, with how it was reviewed. */
export async function listEvidenceBySubmitter(
	{
		userId,
		page: requestedPage = 1,
		pageSize: requestedSize = submissionsPageSize,
	}: { userId: string; page?: number; pageSize?: number },
	prisma: PrismaClient = getPrisma(),
) {
	const { page, pageSize, skip } = pageWindow(requestedPage, requestedSize)
	const where = { submittedById: userId }
	const [items, total] = await Promise.all([
		prisma.evidence.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
			skip,
			take: pageSize,
			select: {
				...evidenceSelect,
				reviewedBy: { select: { displayName: true } },
				pledge: { select: { id: true, slug: true, title: true, platform: { select: { slug: true } } } },
			},
		}),
		prisma.evidence.count({ where }),
	])
	return {
		items: items.map((item) => ({
			...presentEvidence(item),
			reviewedBy: item.reviewedBy,
			pledge: item.pledge,
		})),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / pageSize)),
	}
}

/** One evidence item with its pledge, who submitted and reviewed it, and its measurement; null if unknown. */
export async function getEvidence(id: string, prisma: PrismaClient = getPrisma()) {
	if (!isRecordId(id)) return null
	const evidence = await prisma.evidence.findUnique({
		where: { id },
		select: {
			...evidenceSelect,
			submittedBy: { select: { id: true, displayName: true } },
			reviewedBy: { select: { id: true, displayName: true } },
			measurement: { select: { id: true } },
			pledge: {
				select: {
					id: true,
					slug: true,
					title: true,
					kind: true,
					status: true,
					platform: { select: { slug: true } },
					indicator: { select: { name: true, unit: true } },
				},
			},
		},
	})
	if (!evidence) return null
	return {
		...presentEvidence(evidence),
		submittedBy: evidence.submittedBy,
		reviewedBy: evidence.reviewedBy,
		measurementId: evidence.measurement?.id ?? null,
		pledge: evidence.pledge,
	}
}

/**
 * What the "add evidence" form needs to know about its pledge: its name, and whether (and in what unit) it
 * takes a measured value. Null for an unknown pledge.
 */
export async function getPledgeForEvidence(pledgeId: string, prisma: PrismaClient = getPrisma()) {
	if (!isRecordId(pledgeId)) return null
	const pledge = await prisma.pledge.findUnique({
		where: { id: pledgeId },
		select: {
			id: true,
			slug: true,
			title: true,
			kind: true,
			platform: { select: { slug: true } },
			indicator: { select: { name: true, unit: true } },
		},
	})
	if (!pledge) return null
	return {
		id: pledge.id,
		slug: pledge.slug,
		title: pledge.title,
		platformSlug: pledge.platform.slug,
		indicator: pledge.kind === 'QUANTITATIVE' ? pledge.indicator : null,
	}
}

/** Plain values a loader can send: dates as text, the figure as exact decimal text. */
function presentEvidence(evidence: EvidenceRow) {
	return {
		id: evidence.id,
		pledgeId: evidence.pledgeId,
		type: evidence.type,
		sourceUrl: evidence.sourceUrl,
		title: evidence.title,
		publisher: evidence.publisher,
		published: publicationDateOf(evidence),
		excerpt: evidence.excerpt,
		archiveUrl: evidence.archiveUrl,
		measuredValue: evidence.measuredValue?.toString() ?? null,
		measuredAsOf: evidence.measuredAsOf ? isoDateOf(evidence.measuredAsOf) : null,
		suggestedStatus: evidence.suggestedStatus satisfies PledgeStatus | null,
		suggestionReason: evidence.suggestionReason,
		reviewState: evidence.reviewState,
		reviewedAt: evidence.reviewedAt?.toISOString() ?? null,
		reviewNote: evidence.reviewNote,
		submittedAt: evidence.createdAt.toISOString(),
	}
}
