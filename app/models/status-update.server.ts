import type { Prisma, PrismaClient } from '~/.server/prisma/client'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import { publicationDateOf } from '~/forms/evidence-dates'
import { isoDateOf, isRecordId, latestToday } from '~/forms/fields'
import { publicTextProblem, statusDateProblem } from '~/forms/integrity-rules'
import type {
	CorrectionInput,
	LedgerProblem,
	LedgerProblemDetail,
	StatusUpdateInput,
	UnusableEvidence,
} from '~/forms/status-update'
import type { LedgerTranslationInput } from '~/forms/ledger-translations'
import { recordAudit } from './audit.server'
import {
	auditOfTranslations,
	ledgerTranslationRows,
	ledgerTranslationsSelect,
} from './ledger-translation.server'
import { assertAdmin, type Actor, type SaveResult } from './save.server'
import { restsOnlyOnOwnEvidence } from './settings.server'
import { inTransaction } from '~/db/transaction.server'

export type LedgerEntry = {
	id: string
	status: PledgeStatus
	effectiveDate: Date
	createdAt: Date
	correctsId: string | null
}

/**
 * A pledge's status as its ledger states it on `today`: the entry in effect is the one with the latest
 * effective date (then the latest recorded) among the entries no correction replaced and already in
 * effect; with none, the pledge is NOT_RATED. The same rule as the public "status over time"
 * (`getStatusOverTime` in ./overview.server) and the pledge page's timeline.
 */
export function currentStatusFromLedger(
	entries: readonly LedgerEntry[],
	today: Date,
): { status: PledgeStatus; entryId: string | null } {
	const corrected = new Set(entries.map((entry) => entry.correctsId).filter((id) => id !== null))
	let current: LedgerEntry | null = null
	for (const entry of entries) {
		if (corrected.has(entry.id) || entry.effectiveDate > today) continue
		if (!current || compareEntries(entry, current) > 0) current = entry
	}
	return current ? { status: current.status, entryId: current.id } : { status: 'NOT_RATED', entryId: null }
}

function compareEntries(a: LedgerEntry, b: LedgerEntry): number {
	return (
		a.effectiveDate.getTime() - b.effectiveDate.getTime() ||
		a.createdAt.getTime() - b.createdAt.getTime() ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	)
}

/**
 * A ledger entry as a write left the pledge: the entry written (or, on a conflict, the entry the admin did
 * not see: the newest one, or the correction already made) and the status the pledge now has.
 */
export type LedgerWrite = { id: string; pledgeStatus: PledgeStatus }

/** What a write answers; `checked` is a dry run's answer (`dryRun`): every check passed, nothing written. */
export type LedgerWriteResult =
	SaveResult<LedgerWrite, LedgerProblem, LedgerProblemDetail> | { status: 'checked' }

const ledgerEntrySelect = {
	id: true,
	status: true,
	effectiveDate: true,
	createdAt: true,
	correctsId: true,
} satisfies Prisma.StatusUpdateSelect

/**
 * Locks the pledge's row so that ledger writes on one pledge happen one after the other (a second admin's
 * update waits, then sees the first one's entry), and reads what the update needs.
 */
async function lockPledge(tx: Prisma.TransactionClient, pledgeId: string) {
	const locked = await tx.$queryRaw<
		Array<{ id: string }>
	>`SELECT id FROM "Pledge" WHERE id = ${pledgeId} FOR UPDATE`
	if (locked.length === 0) return null
	// One after the other: a transaction has one connection.
	const pledge = await tx.pledge.findUniqueOrThrow({
		where: { id: pledgeId },
		select: { id: true, status: true, sourceDate: true },
	})
	const ledger = await tx.statusUpdate.findMany({ where: { pledgeId }, select: ledgerEntrySelect })
	return { pledge, ledger }
}

/** Each id must name APPROVED evidence of this pledge: the ones that do not, and why. */
async function unusableEvidence(
	tx: Prisma.TransactionClient,
	pledgeId: string,
	evidenceIds: string[],
): Promise<UnusableEvidence[]> {
	if (evidenceIds.length === 0) return []
	const found = await tx.evidence.findMany({
		where: { id: { in: evidenceIds } },
		select: { id: true, pledgeId: true, reviewState: true, title: true },
	})
	const unusable: UnusableEvidence[] = []
	for (const id of evidenceIds) {
		const evidence = found.find((item) => item.id === id)
		if (!evidence) unusable.push({ id, problem: 'not-found' })
		else if (evidence.pledgeId !== pledgeId)
			unusable.push({ id, problem: 'other-pledge', title: evidence.title })
		else if (evidence.reviewState === 'PENDING' || evidence.reviewState === 'CHANGES_REQUESTED')
			unusable.push({ id, problem: 'pending', title: evidence.title })
		else if (evidence.reviewState === 'REJECTED')
			unusable.push({ id, problem: 'rejected', title: evidence.title })
		else if (evidence.reviewState === 'WITHDRAWN')
			unusable.push({ id, problem: 'withdrawn', title: evidence.title })
	}
	return unusable
}

// "Today" for the ledger is the date the forms accept as not in the future (the latest date anywhere on
// Earth, see latestToday): an entry an admin may date today counts at once in the stored status.
type Append = {
	actor: Actor
	pledgeId: string
	now: Date
	fields: Pick<StatusUpdateInput, 'status' | 'effectiveDate' | 'rationale' | 'evidenceIds'>
	/** The entry corrected and what was wrong with it; both null for a new status. */
	correctsId: string | null
	correctionReason: string | null
	/** The rationale (and a correction's reason) in Russian and Kazakh, written with the entry. */
	translations: LedgerTranslationInput
	/** Check everything, write nothing (the author's preview): answers `checked`. */
	dryRun: boolean
}

/**
 * The rules every entry keeps whatever path writes it (app/forms/integrity-rules): a date that has come
 * and is not before the pledge was made, and public texts that are sentences.
 */
function entryRuleProblems(
	{ fields, correctionReason, now }: Append,
	pledgeMadeOn: Date,
): LedgerWriteResult | null {
	const dateProblem = statusDateProblem(fields.effectiveDate, { pledgeMadeOn, today: latestToday(now) })
	if (dateProblem) {
		return {
			status: 'invalid',
			problems: { effectiveDate: dateProblem },
			detail: { pledgeMadeOn: isoDateOf(pledgeMadeOn) },
		}
	}
	if (publicTextProblem(fields.rationale)) return { status: 'invalid', problems: { rationale: 'too-short' } }
	if (correctionReason !== null && publicTextProblem(correctionReason)) {
		return { status: 'invalid', problems: { correctionReason: 'too-short' } }
	}
	return null
}

/** The translations an entry is written with, and what is wrong with them (the same rules as its English). */
function translationsOf({ translations, correctsId }: Append) {
	return ledgerTranslationRows(translations, { correction: correctsId !== null })
}

/**
 * Appends the entry, stores the status the ledger now gives the pledge, and records both in the audit log;
 * refuses (writing nothing) an entry that breaks a rule or whose evidence a status cannot rest on.
 */
async function appendToLedger(
	tx: Prisma.TransactionClient,
	append: Append,
	locked: NonNullable<Awaited<ReturnType<typeof lockPledge>>>,
	before: Prisma.InputJsonObject,
): Promise<LedgerWriteResult> {
	const { actor, pledgeId, fields, correctsId, correctionReason, now } = append
	const ruleProblems = entryRuleProblems(append, locked.pledge.sourceDate)
	if (ruleProblems) return ruleProblems
	const translated = translationsOf(append)
	if (Object.keys(translated.problems).length > 0) return { status: 'invalid', problems: translated.problems }
	if (fields.status !== 'NOT_RATED' && fields.evidenceIds.length === 0) {
		return { status: 'invalid', problems: { evidenceIds: 'evidence-required' } }
	}
	const unusable = await unusableEvidence(tx, pledgeId, fields.evidenceIds)
	if (unusable.length > 0) {
		return {
			status: 'invalid',
			problems: { evidenceIds: 'evidence-unusable' },
			detail: { unusableEvidence: unusable },
		}
	}
	// Before the dry run's answer, so a preview already says what the publish would refuse.
	if (await restsOnlyOnOwnEvidence(tx, actor.id, fields.evidenceIds)) {
		return { status: 'invalid', problems: { evidenceIds: 'own-evidence' } }
	}
	if (append.dryRun) return { status: 'checked' }

	const entry = await tx.statusUpdate.create({
		data: {
			pledgeId,
			fromStatus: locked.pledge.status,
			status: fields.status,
			effectiveDate: fields.effectiveDate,
			rationale: fields.rationale,
			correctionReason,
			correctsId,
			authorId: actor.id,
			evidence: { create: fields.evidenceIds.map((evidenceId) => ({ evidenceId })) },
			translations: { create: translated.rows },
		},
		select: ledgerEntrySelect,
	})
	const current = currentStatusFromLedger([...locked.ledger, entry], latestToday(now))
	await tx.pledge.update({
		where: { id: pledgeId },
		data: { status: current.status, statusUpdatedAt: entry.createdAt },
	})
	await recordAudit(tx, {
		actorId: actor.id,
		action: correctsId ? 'status_update.correct' : 'status_update.create',
		entityType: 'StatusUpdate',
		entityId: entry.id,
		before,
		after: {
			pledgeId,
			status: fields.status,
			effectiveDate: isoDateOf(fields.effectiveDate),
			rationale: fields.rationale,
			evidenceIds: fields.evidenceIds,
			correctsId,
			...(correctsId ? { correctionReason } : {}),
			...(translated.rows.length > 0 ? { translations: auditOfTranslations(translated.rows) } : {}),
			pledgeStatus: current.status,
		},
		ipAddress: actor.ipAddress,
	})
	return { status: 'saved', record: { id: entry.id, pledgeStatus: current.status } }
}

/** The newest entry recorded: the same order as listLedger, which gives the form its ledgerHeadId. */
function ledgerHead(ledger: readonly LedgerEntry[]): LedgerEntry | null {
	return ledger.reduce<LedgerEntry | null>(
		(newest, entry) =>
			!newest ||
			entry.createdAt > newest.createdAt ||
			(entry.createdAt.getTime() === newest.createdAt.getTime() && entry.id > newest.id)
				? entry
				: newest,
		null,
	)
}

/**
 * A new status for a pledge: the ledger entry (`fromStatus` = the pledge's status until now), the evidence
 * it rests on, the pledge's stored status and the audit entry, in one transaction. A rated status needs at
 * least one APPROVED evidence item of this pledge. An entry may not take effect before the entry now in
 * effect: changing the past is what a correction is for. When `ledgerHeadId` (the newest entry when the
 * form was loaded; null for an empty ledger) is no longer the newest, the update is a conflict with the
 * newest entry; an id the ledger does not hold at all is not-found. Leaving it out skips that check. Only
 * an admin may record (checked again here: throws). With `dryRun`, every check runs and nothing is
 * written (`checked`): the status form's preview.
 */
export async function recordStatusUpdate(
	{
		actor,
		pledgeId,
		input,
		now = new Date(),
		dryRun = false,
	}: {
		actor: Actor
		pledgeId: string
		input: Omit<StatusUpdateInput, 'ledgerHeadId'> & { ledgerHeadId?: string | null }
		now?: Date
		dryRun?: boolean
	},
	prisma: PrismaClient = getPrisma(),
): Promise<LedgerWriteResult> {
	assertAdmin(actor)
	if (!isRecordId(pledgeId)) return { status: 'not-found' }
	return inTransaction(prisma, async (tx): Promise<LedgerWriteResult> => {
		const locked = await lockPledge(tx, pledgeId)
		if (!locked) return { status: 'not-found' }
		if (input.ledgerHeadId !== undefined) {
			const { ledgerHeadId } = input
			if (ledgerHeadId !== null && !locked.ledger.some((entry) => entry.id === ledgerHeadId)) {
				return { status: 'not-found' }
			}
			const head = ledgerHead(locked.ledger)
			if (head && head.id !== ledgerHeadId) {
				return { status: 'conflict', record: { id: head.id, pledgeStatus: locked.pledge.status } }
			}
		}
		const inEffect = currentStatusFromLedger(locked.ledger, latestToday(now))
		const inEffectEntry = locked.ledger.find((entry) => entry.id === inEffect.entryId)
		if (inEffectEntry && input.effectiveDate < inEffectEntry.effectiveDate) {
			return {
				status: 'invalid',
				problems: { effectiveDate: 'before-current' },
				detail: { currentSince: isoDateOf(inEffectEntry.effectiveDate) },
			}
		}
		const append = {
			actor,
			pledgeId,
			now,
			fields: input,
			correctsId: null,
			correctionReason: null,
			translations: input,
			dryRun,
		}
		return appendToLedger(tx, append, locked, { pledgeStatus: locked.pledge.status })
	})
}

/**
 * A correction: a new ledger entry pointing at the one it replaces (which stays, marked corrected), with
 * the same rules as a status update, its own reason (what was wrong), and a change of the status or of its
 * date (a correction that changes neither is refused). The pledge's stored status becomes what the
 * corrected ledger gives. An entry is corrected once (correcting it again is a conflict with its
 * correction); to correct it again, correct its correction. An entry of another pledge is not-found. Only
 * an admin may correct (throws). `dryRun` as for `recordStatusUpdate`.
 */
export async function recordCorrection(
	{
		actor,
		pledgeId,
		input,
		now = new Date(),
		dryRun = false,
	}: { actor: Actor; pledgeId: string; input: CorrectionInput; now?: Date; dryRun?: boolean },
	prisma: PrismaClient = getPrisma(),
): Promise<LedgerWriteResult> {
	assertAdmin(actor)
	if (!isRecordId(pledgeId)) return { status: 'not-found' }
	return inTransaction(prisma, async (tx): Promise<LedgerWriteResult> => {
		const locked = await lockPledge(tx, pledgeId)
		if (!locked) return { status: 'not-found' }
		const corrected = locked.ledger.find((entry) => entry.id === input.correctsId)
		if (!corrected) return { status: 'not-found' }
		const correction = locked.ledger.find((entry) => entry.correctsId === corrected.id)
		if (correction) {
			return { status: 'conflict', record: { id: correction.id, pledgeStatus: locked.pledge.status } }
		}
		if (
			corrected.status === input.status &&
			corrected.effectiveDate.getTime() === input.effectiveDate.getTime()
		) {
			return { status: 'invalid', problems: { status: 'unchanged' } }
		}
		const correctedEntry = await tx.statusUpdate.findUniqueOrThrow({
			where: { id: corrected.id },
			select: { rationale: true, evidence: { select: { evidenceId: true } } },
		})
		const append = {
			actor,
			pledgeId,
			now,
			fields: input,
			correctsId: corrected.id,
			correctionReason: input.correctionReason,
			translations: input,
			dryRun,
		}
		return appendToLedger(tx, append, locked, {
			correctedEntry: {
				id: corrected.id,
				status: corrected.status,
				effectiveDate: isoDateOf(corrected.effectiveDate),
				rationale: correctedEntry.rationale,
				evidenceIds: correctedEntry.evidence.map((link) => link.evidenceId),
			},
			pledgeStatus: locked.pledge.status,
		})
	})
}

export const ledgerPageSize = 50

/** A pledge's ledger for the admin's status page, newest first, with what corrects what. */
export async function listLedger(pledgeId: string, prisma: PrismaClient = getPrisma()) {
	if (!isRecordId(pledgeId)) return []
	const entries = await prisma.statusUpdate.findMany({
		where: { pledgeId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: ledgerPageSize,
		select: {
			...ledgerEntrySelect,
			fromStatus: true,
			rationale: true,
			correctionReason: true,
			author: { select: { displayName: true } },
			correctedBy: { select: { id: true }, take: 1 },
			evidence: { select: { evidence: { select: { id: true, title: true } } } },
			translations: ledgerTranslationsSelect,
		},
	})
	return entries.map((entry) => ({
		id: entry.id,
		fromStatus: entry.fromStatus,
		status: entry.status,
		effectiveDate: isoDateOf(entry.effectiveDate),
		recordedAt: entry.createdAt.toISOString(),
		rationale: entry.rationale,
		correctionReason: entry.correctionReason,
		author: entry.author.displayName,
		correctsId: entry.correctsId,
		isCorrected: entry.correctedBy.length > 0,
		evidence: entry.evidence.map((link) => link.evidence),
		translations: entry.translations,
	}))
}

export const selectableEvidenceLimit = 100

/**
 * The fact-checker's suggestion that a status form starts from (`?evidence=<id>` after approving it): the
 * evidence, its suggested status and reason, and who submitted it. Null unless the id names approved
 * evidence of this pledge, the only evidence a status may rest on.
 */
async function getSuggestion(pledgeId: string, evidenceId: string | undefined, prisma: PrismaClient) {
	if (evidenceId === undefined || !isRecordId(evidenceId)) return null
	const evidence = await prisma.evidence.findFirst({
		where: { id: evidenceId, pledgeId, reviewState: 'APPROVED' },
		select: {
			id: true,
			title: true,
			suggestedStatus: true,
			suggestionReason: true,
			submittedBy: { select: { displayName: true } },
		},
	})
	if (!evidence) return null
	return {
		evidenceId: evidence.id,
		title: evidence.title,
		status: evidence.suggestedStatus,
		reason: evidence.suggestionReason,
		submittedBy: evidence.submittedBy.displayName,
	}
}

/**
 * What the admin's status page of a pledge needs, in a fixed number of queries: the pledge and its current
 * status, the newest ledger entry (sent back with the form as `ledgerHeadId`), the ledger, the approved
 * evidence a new entry can rest on (the newest `selectableEvidenceLimit`) and, for `suggestionFrom` (an
 * evidence id), that evidence's suggestion (`suggestion`: null when it is no approved evidence of this
 * pledge; undefined when none was asked for). Null for an unknown pledge.
 */
export async function getStatusPage(
	pledgeId: string,
	{ suggestionFrom }: { suggestionFrom?: string } = {},
	prisma: PrismaClient = getPrisma(),
) {
	if (!isRecordId(pledgeId)) return null
	const pledge = await prisma.pledge.findUnique({
		where: { id: pledgeId },
		select: {
			id: true,
			slug: true,
			title: true,
			status: true,
			statusUpdatedAt: true,
			sourceDate: true,
			platform: { select: { slug: true } },
		},
	})
	if (!pledge) return null
	const [ledger, evidence, suggestion] = await Promise.all([
		listLedger(pledgeId, prisma),
		prisma.evidence.findMany({
			where: { pledgeId, reviewState: 'APPROVED' },
			orderBy: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
			take: selectableEvidenceLimit,
			select: {
				id: true,
				title: true,
				publisher: true,
				publishedOn: true,
				publishedPrecision: true,
				publishedNote: true,
				sourceUrl: true,
			},
		}),
		suggestionFrom === undefined ? undefined : getSuggestion(pledgeId, suggestionFrom, prisma),
	])
	return {
		pledge: {
			id: pledge.id,
			slug: pledge.slug,
			title: pledge.title,
			platformSlug: pledge.platform.slug,
			status: pledge.status,
			statusUpdatedAt: pledge.statusUpdatedAt?.toISOString() ?? null,
			madeOn: isoDateOf(pledge.sourceDate),
		},
		ledgerHeadId: ledger[0]?.id ?? '',
		ledger,
		approvedEvidence: evidence.map(({ publishedOn, publishedPrecision, publishedNote, ...item }) => ({
			...item,
			published: publicationDateOf({ publishedOn, publishedPrecision, publishedNote }),
		})),
		suggestion,
	}
}
