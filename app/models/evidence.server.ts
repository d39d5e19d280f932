import { Prisma, type PrismaClient } from '~/.server/prisma/client'
import type { DatePrecision, PledgeStatus, ReviewState } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import { inTransaction } from '~/db/transaction.server'
import type { EvidenceEditInput, EvidenceInput, EvidenceProblem } from '~/forms/evidence'
import { measuredAsOfProblem, publicationDateOf, readPublicationDate } from '~/forms/evidence-dates'
import { isoDateOf, isRecordId, latestToday } from '~/forms/fields'
import { evidenceTranslationLanguages, type EvidenceTranslationInput } from '~/forms/evidence-translations'
import type { ReviewInput, ReviewProblem } from '~/forms/review'
import { recordAudit } from './audit.server'
import { assertAdmin, updateVersioned, type Actor, type SaveResult } from './save.server'
import { fourEyesApplies } from './settings.server'

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
	translations: { select: { locale: true, title: true, excerpt: true }, orderBy: { locale: 'asc' } },
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
		...translationsSnapshot(evidence),
	}
}

/** The translations as the audit log keeps them: by locale, only when there are any. */
function translationsSnapshot({ translations }: Pick<EvidenceRow, 'translations'>) {
	if (translations.length === 0) return {}
	return {
		translations: Object.fromEntries(
			translations.map(({ locale, title, excerpt }) => [locale, { title, excerpt }]),
		),
	}
}

/** The translation rows a parsed form asks for: one per language with a title. */
function evidenceTranslationRows(input: EvidenceTranslationInput) {
	return evidenceTranslationLanguages.flatMap((language) => {
		const title = input[language.title]
		if (title === undefined) return []
		return [{ locale: language.locale, title, excerpt: input[language.excerpt] ?? null }]
	})
}

function sameTranslations(stored: EvidenceRow['translations'], input: EvidenceTranslationInput): boolean {
	const wanted = evidenceTranslationRows(input)
	return (
		stored.length === wanted.length &&
		wanted.every((row) =>
			stored.some(
				(have) => have.locale === row.locale && have.title === row.title && have.excerpt === row.excerpt,
			),
		)
	)
}

/** Replaces an evidence item's translations with what the form holds (a language left empty: none). */
async function writeEvidenceTranslations(
	tx: Prisma.TransactionClient,
	evidenceId: string,
	input: EvidenceTranslationInput,
) {
	const rows = evidenceTranslationRows(input)
	await tx.evidenceTranslation.deleteMany({
		where: { evidenceId, locale: { notIn: rows.map((row) => row.locale) } },
	})
	for (const row of rows) {
		await tx.evidenceTranslation.upsert({
			where: { evidenceId_locale: { evidenceId, locale: row.locale } },
			create: { evidenceId, ...row },
			update: { title: row.title, excerpt: row.excerpt },
		})
	}
}

/** Submitted evidence: its id, and whether it is an earlier identical submission (a double submit). */
export type SubmittedEvidence = { id: string; duplicate: boolean }

/** What the evidence form wrote, as stored: on submission and on its author's edit alike. */
function evidenceContent(input: EvidenceInput, published: { on: Date | null; note: string | null }) {
	return {
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
	}
}

/**
 * Writes a submission, PENDING, with its translations and its audit entry (the actor's): the submitter is
 * the actor, or for an import the account the file names, with what the form does not ask for.
 */
async function createSubmission(
	tx: Prisma.TransactionClient,
	{
		actor,
		pledgeId,
		input,
		published,
		now,
		imported,
	}: {
		actor: Actor
		pledgeId: string
		input: EvidenceInput
		published: { on: Date | null; note: string | null }
		now: Date
		imported?: { submittedById: string; excerptLanguage: string | null; excerptInEnglish: string | null }
	},
): Promise<string> {
	const evidence = await tx.evidence.create({
		data: {
			pledgeId,
			...evidenceContent(input, published),
			...(imported ?? { submittedById: actor.id }),
			createdAt: now,
			translations: { create: evidenceTranslationRows(input) },
		},
		select: evidenceSelect,
	})
	await recordAudit(tx, {
		actorId: actor.id,
		action: 'evidence.submit',
		entityType: 'Evidence',
		entityId: evidence.id,
		before: null,
		after: imported ? { ...auditSnapshot(evidence), ...imported, via: 'import' } : auditSnapshot(evidence),
		ipAddress: actor.ipAddress,
	})
	return evidence.id
}

/**
 * Why the pledge cannot take this evidence: it does not exist, or the evidence carries a figure the pledge
 * has no indicator for, or dated before its baseline. Null when it can.
 */
async function pledgeRefusal(
	tx: Prisma.TransactionClient,
	pledgeId: string,
	input: EvidenceInput,
	now: Date,
): Promise<
	{ status: 'not-found' } | { status: 'invalid'; problems: Partial<Record<string, EvidenceProblem>> } | null
> {
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
	return null
}

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
		const refused = await pledgeRefusal(tx, pledgeId, input, now)
		if (refused) return refused

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

		const id = await createSubmission(tx, { actor, pledgeId, input, published, now })
		return { status: 'saved', record: { id, duplicate: false } }
	})
}

/**
 * Evidence from an import (app/data/import.server.ts), PENDING until the import's review of it: the
 * form's checks as `submitEvidence` makes them, without its double-submit window and rate limit (an import
 * is one admin's deliberate batch, checked whole), in the import's transaction. The submitter is the
 * account the file names; the audit entry is the importing admin's (`actor`), marked as an import. The
 * excerpt's language and English translation, which the form does not ask for, come with it.
 */
export async function recordImportedEvidence(
	{
		actor,
		submittedById,
		pledgeId,
		input,
		excerptLanguage,
		excerptInEnglish,
		now,
	}: {
		actor: Actor
		submittedById: string
		pledgeId: string
		input: EvidenceInput
		excerptLanguage: string | null
		excerptInEnglish: string | null
		now: Date
	},
	tx: Prisma.TransactionClient,
): Promise<Exclude<SaveResult<{ id: string }, EvidenceProblem>, { status: 'conflict' }>> {
	assertAdmin(actor)
	const published = readPublicationDate(input, latestToday(now))
	if ('field' in published) return { status: 'invalid', problems: { [published.field]: 'publication-date' } }
	const refused = await pledgeRefusal(tx, pledgeId, input, now)
	if (refused) return refused
	const id = await createSubmission(tx, {
		actor,
		pledgeId,
		input,
		published,
		now,
		imported: { submittedById, excerptLanguage, excerptInEnglish },
	})
	return { status: 'saved', record: { id } }
}

/** Evidence as a decision left it (or, on a conflict, as another admin's decision left it). */
export type ReviewedEvidence = {
	id: string
	pledgeId: string
	reviewState: ReviewState
	/** The indicator's measurement its approval recorded, if it carried a figure. */
	measurementId: string | null
}

/** Thrown inside a transaction to roll it back and answer with a refusal instead of an error. */
class RollBack extends Error {
	constructor(readonly problems: { decision: ReviewProblem }) {
		super('rolled back')
	}
}

const decidedStates = {
	approve: 'APPROVED',
	'request-changes': 'CHANGES_REQUESTED',
	reject: 'REJECTED',
} as const satisfies Record<ReviewInput['decision'], ReviewState>

const decisionActions = {
	APPROVED: 'evidence.approve',
	CHANGES_REQUESTED: 'evidence.request_changes',
	REJECTED: 'evidence.reject',
} as const

/**
 * An admin's decision on pending evidence, in one transaction with its audit entry: approve, send it back
 * to its author with a note (CHANGES_REQUESTED, out of the queue until they resubmit), or reject. Only a
 * PENDING row is changed (`updateMany` guarded by the state), so of two admins deciding at the same moment
 * one wins and the other gets a conflict with the evidence as the first left it; the decision carries the
 * version the admin loaded, so evidence its author edited since is a conflict too (its state still
 * PENDING), nothing written. Approving evidence that
 * carries a figure records the indicator's measurement in the same transaction (with its own audit entry);
 * if that cannot be done the approval is rolled back too. While the four-eyes rule applies (the default,
 * app/models/settings.server.ts), nobody approves evidence they submitted. Only an admin may decide
 * (checked again here: throws).
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
		return await inTransaction(prisma, async (tx): Promise<SaveResult<ReviewedEvidence, ReviewProblem>> => {
			const reviewState = decidedStates[decision.decision]
			const stored = await tx.evidence.findUnique({
				where: { id: evidenceId },
				select: {
					id: true,
					pledgeId: true,
					submittedById: true,
					reviewState: true,
					reviewedById: true,
					reviewNote: true,
					version: true,
					measurement: { select: { id: true } },
				},
			})
			if (!stored) return { status: 'not-found' }
			if (stored.reviewState !== 'PENDING') {
				return {
					status: 'conflict',
					record: {
						id: stored.id,
						pledgeId: stored.pledgeId,
						reviewState: stored.reviewState,
						measurementId: stored.measurement?.id ?? null,
					},
				}
			}
			if (stored.version !== decision.version) {
				// Still pending, but the author edited it since the admin's page was loaded: a decision on
				// content the admin never saw is refused (a conflict whose record is still PENDING).
				return {
					status: 'conflict',
					record: {
						id: stored.id,
						pledgeId: stored.pledgeId,
						reviewState: stored.reviewState,
						measurementId: null,
					},
				}
			}
			if (reviewState === 'APPROVED' && stored.submittedById === actor.id && (await fourEyesApplies(tx))) {
				return { status: 'invalid', problems: { decision: 'own-evidence' } }
			}
			const { count } = await tx.evidence.updateMany({
				where: { id: evidenceId, reviewState: 'PENDING', version: decision.version },
				data: {
					reviewState,
					reviewedById: actor.id,
					reviewedAt: now,
					reviewNote: decision.note,
					version: { increment: 1 },
				},
			})
			if (count === 0) {
				// Decided by another admin, or edited by the author, between the read and the update.
				const decided = await tx.evidence.findUniqueOrThrow({
					where: { id: evidenceId },
					select: { reviewState: true, measurement: { select: { id: true } } },
				})
				return {
					status: 'conflict',
					record: {
						id: stored.id,
						pledgeId: stored.pledgeId,
						reviewState: decided.reviewState,
						measurementId: decided.measurement?.id ?? null,
					},
				}
			}
			const evidence = await tx.evidence.findUniqueOrThrow({
				where: { id: evidenceId },
				select: evidenceSelect,
			})
			await recordAudit(tx, {
				actorId: actor.id,
				action: decisionActions[reviewState],
				entityType: 'Evidence',
				entityId: evidenceId,
				before: { reviewState: 'PENDING', reviewedById: stored.reviewedById, reviewNote: stored.reviewNote },
				after: { reviewState, reviewedById: actor.id, reviewNote: decision.note },
				ipAddress: actor.ipAddress,
			})
			const decided = { id: evidenceId, pledgeId: evidence.pledgeId, reviewState }
			if (reviewState !== 'APPROVED' || evidence.measuredValue === null || evidence.measuredAsOf === null) {
				return { status: 'saved', record: { ...decided, measurementId: null } }
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
			return { status: 'saved', record: { ...decided, measurementId: measurement.id } }
		})
	} catch (error) {
		if (error instanceof RollBack) return { status: 'invalid', problems: error.problems }
		throw error
	}
}

/**
 * The states in which a submission is still its author's to change: waiting for review, or sent back by
 * an admin. Once approved, rejected or withdrawn it is settled.
 */
export const editableReviewStates = ['PENDING', 'CHANGES_REQUESTED'] as const satisfies readonly ReviewState[]

export function isEditableReviewState(state: ReviewState): boolean {
	return editableReviewStates.some((editable) => editable === state)
}

const ownEvidenceSelect = { ...evidenceSelect, version: true } satisfies Prisma.EvidenceSelect

type OwnEvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof ownEvidenceSelect }>

/**
 * What a change of one's own submission answers: a save's answers, and `not-yours` for evidence someone
 * else submitted (nobody, an admin included, edits or withdraws another's submission). A conflict answers
 * the stored evidence: changed meanwhile (another tab), or reviewed or withdrawn since (no longer
 * editable: see its `reviewState`).
 */
export type OwnEvidenceResult =
	| SaveResult<{ id: string; reviewState: ReviewState; version: number }, EvidenceProblem>
	| { status: 'not-yours' }

/** The facts a change of a submission is decided on before its transaction: they never change once set. */
async function authorOf(evidenceId: string, prisma: PrismaClient) {
	if (!isRecordId(evidenceId)) return null
	return prisma.evidence.findUnique({
		where: { id: evidenceId },
		select: { submittedById: true, reviewState: true },
	})
}

function ownEvidenceResult(result: SaveResult<OwnEvidenceRow, EvidenceProblem>): OwnEvidenceResult {
	if (result.status === 'saved' || result.status === 'conflict') {
		const { id, reviewState, version } = result.record
		return { status: result.status, record: { id, reviewState, version } }
	}
	return result
}

function sameEvidence(
	stored: OwnEvidenceRow,
	input: EvidenceInput,
	published: { on: Date | null; note: string | null },
): boolean {
	return (
		stored.type === input.type &&
		stored.sourceUrl === input.sourceUrl &&
		stored.title === input.title &&
		stored.publisher === input.publisher &&
		stored.publishedPrecision === input.publishedPrecision &&
		(stored.publishedOn ? isoDateOf(stored.publishedOn) : null) ===
			(published.on ? isoDateOf(published.on) : null) &&
		stored.publishedNote === published.note &&
		stored.excerpt === input.excerpt &&
		stored.archiveUrl === (input.archiveUrl ?? null) &&
		(stored.measuredValue?.toString() ?? null) === (input.measuredValue?.toString() ?? null) &&
		(stored.measuredAsOf ? isoDateOf(stored.measuredAsOf) : null) ===
			(input.measuredAsOf ? isoDateOf(input.measuredAsOf) : null) &&
		stored.suggestedStatus === (input.suggestedStatus ?? null) &&
		stored.suggestionReason === (input.suggestionReason ?? null) &&
		sameTranslations(stored.translations, input)
	)
}

/**
 * The author's edit of their submission while it is PENDING or CHANGES_REQUESTED, through the versioned
 * save: a stale form (edited in another tab, or reviewed since it was loaded) is a conflict, nothing
 * written. Saving evidence that was sent back resubmits it: PENDING again, back in the review queue,
 * audited as `evidence.resubmit` (even with nothing changed: the author says it is ready); other edits are
 * `evidence.edit`, and an edit that changes nothing writes nothing. A figure must fit the pledge, as on
 * submission.
 */
export async function editOwnEvidence(
	{ actor, evidenceId, input }: { actor: Actor; evidenceId: string; input: EvidenceEditInput },
	prisma: PrismaClient = getPrisma(),
	now = new Date(),
): Promise<OwnEvidenceResult> {
	const facts = await authorOf(evidenceId, prisma)
	if (!facts) return { status: 'not-found' }
	if (facts.submittedById !== actor.id) return { status: 'not-yours' }
	// The rules of a submission, again: a date as precise as the source prints it, a figure in its time.
	const published = readPublicationDate(input, latestToday(now))
	if ('field' in published) return { status: 'invalid', problems: { [published.field]: 'publication-date' } }
	const resubmits = facts.reviewState === 'CHANGES_REQUESTED'
	return ownEvidenceResult(
		await updateVersioned<OwnEvidenceRow, EvidenceProblem>({
			id: evidenceId,
			version: input.version,
			actor,
			read: (tx, id) => tx.evidence.findUnique({ where: { id }, select: ownEvidenceSelect }),
			unchanged: (before) => before.reviewState === 'PENDING' && sameEvidence(before, input, published),
			check: async (tx, before) => {
				if (input.measuredValue === undefined && input.measuredAsOf === undefined) return null
				const pledge = await tx.pledge.findUniqueOrThrow({
					where: { id: before.pledgeId },
					select: { kind: true, indicator: { select: { id: true, baselineDate: true } } },
				})
				if (input.measuredValue !== undefined) {
					if (pledge.kind !== 'QUANTITATIVE') return { measuredValue: 'not-quantitative' }
					if (!pledge.indicator) return { measuredValue: 'no-indicator' }
				}
				if (input.measuredAsOf === undefined) return null
				const problem = measuredAsOfProblem(input.measuredAsOf, {
					baselineDate: pledge.indicator?.baselineDate ?? null,
					today: latestToday(now),
				})
				return problem ? { measuredAsOf: problem } : null
			},
			update: async (tx, where) => {
				const updated = await tx.evidence.updateMany({
					// Only while editable, and in the state read before the transaction: a review since then, or
					// evidence already settled (approved, rejected, withdrawn), is a conflict.
					where: {
						...where,
						submittedById: actor.id,
						reviewState: { in: editableReviewStates.filter((state) => state === facts.reviewState) },
					},
					data: {
						...evidenceContent(input, published),
						reviewState: 'PENDING',
						version: { increment: 1 },
					},
				})
				if (updated.count === 1) await writeEvidenceTranslations(tx, evidenceId, input)
				return updated
			},
			audit: {
				action: resubmits ? 'evidence.resubmit' : 'evidence.edit',
				entityType: 'Evidence',
				snapshot: auditSnapshot,
			},
		}),
	)
}

/**
 * The author takes back their submission while it is PENDING or CHANGES_REQUESTED: WITHDRAWN, out of the
 * queue for good (an admin can no longer approve it), audited as `evidence.withdraw`. Versioned like an
 * edit, so a withdrawal never undoes a review made meanwhile.
 */
export async function withdrawOwnEvidence(
	{ actor, evidenceId, version }: { actor: Actor; evidenceId: string; version: number },
	prisma: PrismaClient = getPrisma(),
): Promise<OwnEvidenceResult> {
	const facts = await authorOf(evidenceId, prisma)
	if (!facts) return { status: 'not-found' }
	if (facts.submittedById !== actor.id) return { status: 'not-yours' }
	return ownEvidenceResult(
		await updateVersioned<OwnEvidenceRow, EvidenceProblem>({
			id: evidenceId,
			version,
			actor,
			read: (tx, id) => tx.evidence.findUnique({ where: { id }, select: ownEvidenceSelect }),
			update: (tx, where) =>
				tx.evidence.updateMany({
					where: { ...where, submittedById: actor.id, reviewState: { in: [...editableReviewStates] } },
					data: { reviewState: 'WITHDRAWN', version: { increment: 1 } },
				}),
			audit: {
				action: 'evidence.withdraw',
				entityType: 'Evidence',
				snapshot: ({ reviewState }) => ({ reviewState }),
			},
		}),
	)
}

/**
 * One's own submission for its edit page, with its pledge (and whether it takes a figure) and the version
 * its form sends back; null if unknown, `not-yours` if someone else submitted it.
 */
export async function getOwnEvidence(
	{ userId, evidenceId }: { userId: string; evidenceId: string },
	prisma: PrismaClient = getPrisma(),
) {
	if (!isRecordId(evidenceId)) return null
	const evidence = await prisma.evidence.findUnique({
		where: { id: evidenceId },
		select: {
			...ownEvidenceSelect,
			reviewedBy: { select: { displayName: true } },
			pledge: {
				select: {
					id: true,
					slug: true,
					title: true,
					kind: true,
					platform: { select: { slug: true } },
					indicator: { select: { name: true, unit: true } },
				},
			},
		},
	})
	if (!evidence) return null
	if (evidence.submittedById !== userId) return 'not-yours' as const
	const { pledge } = evidence
	return {
		...presentEvidence(evidence),
		version: evidence.version,
		reviewedBy: evidence.reviewedBy,
		editable: isEditableReviewState(evidence.reviewState),
		pledge: {
			id: pledge.id,
			slug: pledge.slug,
			title: pledge.title,
			platformSlug: pledge.platform.slug,
			indicator: pledge.kind === 'QUANTITATIVE' ? pledge.indicator : null,
		},
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
			version: true,
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
		// The version the review page is loaded with, which the decision carries back (`reviewEvidence`).
		version: evidence.version,
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
		translations: evidence.translations,
	}
}

/**
 * An editor adds, fixes or removes the translations of any evidence item (its title, and a translation of
 * its excerpt), approved evidence included: the evidence itself, its verbatim excerpt first, is not
 * changed. Versioned like every edit of evidence (a translation of content changed meanwhile is a
 * conflict), audited as `evidence.translate` with the translations before and after; a save that changes
 * nothing writes nothing. Only an admin may (throws otherwise).
 */
export async function saveEvidenceTranslations({
	actor,
	evidenceId,
	input,
}: {
	actor: Actor
	evidenceId: string
	input: EvidenceTranslationInput & { version: number }
}): Promise<SaveResult<{ id: string; version: number }>> {
	assertAdmin(actor)
	if (!isRecordId(evidenceId)) return { status: 'not-found' }
	const read = (tx: Prisma.TransactionClient, id: string) =>
		tx.evidence.findUnique({
			where: { id },
			select: { id: true, version: true, translations: evidenceSelect.translations },
		})
	const result = await updateVersioned({
		id: evidenceId,
		version: input.version,
		actor,
		read,
		unchanged: (before) => sameTranslations(before.translations, input),
		update: async (tx, where) => {
			const updated = await tx.evidence.updateMany({ where, data: { version: { increment: 1 } } })
			if (updated.count === 1) await writeEvidenceTranslations(tx, evidenceId, input)
			return updated
		},
		audit: {
			action: 'evidence.translate',
			entityType: 'Evidence',
			snapshot: (evidence) => ({ translations: translationsSnapshot(evidence).translations ?? {} }),
		},
	})
	if (result.status === 'saved' || result.status === 'conflict') {
		return { status: result.status, record: { id: result.record.id, version: result.record.version } }
	}
	return result
}
