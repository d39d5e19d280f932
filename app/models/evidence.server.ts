import { Prisma, type PrismaClient, type Role } from '~/.server/prisma/client'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import { recordAudit } from './audit.server'
import {
	isoDateOf,
	isRecordId,
	type EvidenceInput,
	type FieldErrors,
	type ReviewInput,
} from './workflow-schemas'

/** Who makes a change: the signed-in account (routes check the role first; the model checks it again). */
export type WorkflowActor = { id: string; role: Role }

/** What a write answers when it did not happen for a reason the user should be told about. */
export type Refusal<Reason extends string> = { ok: false; reason: Reason; fieldErrors?: FieldErrors }

/**
 * A resubmission of the same evidence by the same person within this time records nothing new: it is a
 * double click or a reload of the posted form.
 */
export const duplicateSubmissionWindowMs = 10 * 60 * 1000

const evidenceSelect = {
	id: true,
	pledgeId: true,
	type: true,
	sourceUrl: true,
	title: true,
	publisher: true,
	publishedOn: true,
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
		publishedOn: isoDateOf(evidence.publishedOn),
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

export type SubmitEvidenceResult =
	{ ok: true; evidenceId: string; duplicate: boolean } | Refusal<'not-found' | 'invalid'>

/**
 * Records a fact-checker's (or admin's) evidence as PENDING, with its audit entry. A figure is accepted
 * only for a quantitative pledge with an indicator. The same evidence sent again by the same person for the
 * same pledge within `duplicateSubmissionWindowMs` returns the first submission instead of a second row;
 * a per-submitter-and-pledge lock makes that hold for two requests arriving together too.
 */
export async function submitEvidence(
	{
		actor,
		pledgeId,
		input,
		ipAddress,
		now = new Date(),
	}: { actor: WorkflowActor; pledgeId: string; input: EvidenceInput; ipAddress: string | null; now?: Date },
	prisma: PrismaClient = getPrisma(),
): Promise<SubmitEvidenceResult> {
	if (!isRecordId(pledgeId)) return { ok: false, reason: 'not-found' }
	return prisma.$transaction(async (tx) => {
		const pledge = await tx.pledge.findUnique({
			where: { id: pledgeId },
			select: { id: true, kind: true, indicator: { select: { unit: true } } },
		})
		if (!pledge) return { ok: false, reason: 'not-found' }
		if (input.measuredValue !== undefined) {
			const problem =
				pledge.kind !== 'QUANTITATIVE'
					? 'Only a pledge with a numeric target takes a measured value: leave it empty.'
					: !pledge.indicator
						? 'This pledge has no indicator yet, so a figure cannot be recorded: leave it empty.'
						: null
			if (problem) return { ok: false, reason: 'invalid', fieldErrors: { measuredValue: [problem] } }
		}

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
		if (duplicate) return { ok: true, evidenceId: duplicate.id, duplicate: true }

		const evidence = await tx.evidence.create({
			data: {
				pledgeId,
				type: input.type,
				sourceUrl: input.sourceUrl,
				title: input.title,
				publisher: input.publisher,
				publishedOn: input.publishedOn,
				excerpt: input.excerpt,
				archiveUrl: input.archiveUrl ?? null,
				measuredValue: input.measuredValue ?? null,
				measuredAsOf: input.measuredAsOf ?? null,
				suggestedStatus: input.suggestedStatus ?? null,
				suggestionReason: input.suggestionReason ?? null,
				submittedById: actor.id,
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
			ipAddress,
		})
		return { ok: true, evidenceId: evidence.id, duplicate: false }
	})
}

export type ReviewEvidenceResult =
	| { ok: true; reviewState: 'APPROVED' | 'REJECTED'; measurementId: string | null }
	| Refusal<'not-found' | 'already-reviewed' | 'forbidden' | 'invalid'>

/** Thrown inside a transaction to roll it back and answer with a refusal instead of an error. */
class RollBack extends Error {
	constructor(readonly refusal: Refusal<'invalid'>) {
		super('rolled back')
	}
}

/**
 * An admin's decision on pending evidence, in one transaction with its audit entry. Only a PENDING row is
 * changed (`updateMany` guarded by the state), so of two admins deciding at the same moment one wins and
 * the other is told it was already reviewed. Approving evidence that carries a figure records the
 * indicator's measurement in the same transaction (with its own audit entry); if that cannot be done the
 * approval is rolled back too.
 */
export async function reviewEvidence(
	{
		actor,
		evidenceId,
		decision,
		ipAddress,
		now = new Date(),
	}: {
		actor: WorkflowActor
		evidenceId: string
		decision: ReviewInput
		ipAddress: string | null
		now?: Date
	},
	prisma: PrismaClient = getPrisma(),
): Promise<ReviewEvidenceResult> {
	if (actor.role !== 'ADMIN') return { ok: false, reason: 'forbidden' }
	if (!isRecordId(evidenceId)) return { ok: false, reason: 'not-found' }
	try {
		return await prisma.$transaction(async (tx): Promise<ReviewEvidenceResult> => {
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
				const exists = await tx.evidence.findUnique({ where: { id: evidenceId }, select: { id: true } })
				return { ok: false, reason: exists ? 'already-reviewed' : 'not-found' }
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
				ipAddress,
			})
			if (reviewState === 'REJECTED' || evidence.measuredValue === null || evidence.measuredAsOf === null) {
				return { ok: true, reviewState, measurementId: null }
			}

			const pledge = await tx.pledge.findUniqueOrThrow({
				where: { id: evidence.pledgeId },
				select: { kind: true, indicator: { select: { id: true } } },
			})
			if (pledge.kind !== 'QUANTITATIVE' || !pledge.indicator) {
				throw new RollBack({
					ok: false,
					reason: 'invalid',
					fieldErrors: {
						decision: [
							'This evidence carries a figure, but its pledge no longer has an indicator to record it on. Reject it, saying why.',
						],
					},
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
				ipAddress,
			})
			return { ok: true, reviewState, measurementId: measurement.id }
		})
	} catch (error) {
		if (error instanceof RollBack) return error.refusal
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
						publishedOn: Date
						sourceUrl: string
					}>
				>`
				SELECT e.id, e."pledgeId", e.title, e.publisher, e."publishedOn", e."sourceUrl"
				FROM "Pledge" p
				CROSS JOIN LATERAL (
					SELECT e.id, e."pledgeId", e.title, e.publisher, e."publishedOn", e."sourceUrl"
					FROM "Evidence" e
					WHERE e."pledgeId" = p.id AND e."reviewState" = 'APPROVED'
					ORDER BY e."publishedOn" DESC, e.id
					LIMIT ${latestApprovedPerPledge}
				) e
				WHERE p.id IN (${Prisma.join(pledgeIds)})
				ORDER BY e."pledgeId", e."publishedOn" DESC, e.id`
	return {
		items: items.map((item) => ({
			...presentEvidence(item),
			submittedBy: item.submittedBy,
			pledge: {
				...item.pledge,
				statusUpdatedAt: item.pledge.statusUpdatedAt?.toISOString() ?? null,
				latestApprovedEvidence: latest
					.filter((evidence) => evidence.pledgeId === item.pledgeId)
					.map((evidence) => ({ ...evidence, publishedOn: isoDateOf(evidence.publishedOn) })),
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
		publishedOn: isoDateOf(evidence.publishedOn),
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
