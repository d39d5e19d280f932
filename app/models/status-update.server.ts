import type { Prisma, PrismaClient } from '~/.server/prisma/client'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { getPrisma } from '~/db/prisma.server'
import { recordAudit } from './audit.server'
import type { Refusal, WorkflowActor } from './evidence.server'
import {
	isoDateOf,
	isRecordId,
	latestToday,
	type CorrectionInput,
	type FieldErrors,
	type StatusUpdateInput,
} from './workflow-schemas'

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

export type StatusUpdateResult =
	| { ok: true; statusUpdateId: string; pledgeStatus: PledgeStatus }
	| Refusal<'not-found' | 'stale' | 'forbidden' | 'invalid' | 'already-corrected'>

/** Thrown inside a transaction to roll it back and answer with a refusal instead of an error. */
class RollBack extends Error {
	constructor(readonly refusal: Refusal<'invalid'>) {
		super('rolled back')
	}
}

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
		select: { id: true, status: true },
	})
	const ledger = await tx.statusUpdate.findMany({ where: { pledgeId }, select: ledgerEntrySelect })
	return { pledge, ledger }
}

/** Each id must name APPROVED evidence of this pledge; the messages say which one is not. */
async function evidenceProblems(
	tx: Prisma.TransactionClient,
	pledgeId: string,
	evidenceIds: string[],
): Promise<FieldErrors | null> {
	if (evidenceIds.length === 0) return null
	const found = await tx.evidence.findMany({
		where: { id: { in: evidenceIds } },
		select: { id: true, pledgeId: true, reviewState: true, title: true },
	})
	const messages: string[] = []
	for (const id of evidenceIds) {
		const evidence = found.find((item) => item.id === id)
		if (!evidence) messages.push('One of the chosen evidence items does not exist. Reload the page.')
		else if (evidence.pledgeId !== pledgeId)
			messages.push(`“${evidence.title}” is evidence for another pledge.`)
		else if (evidence.reviewState !== 'APPROVED') {
			messages.push(
				`“${evidence.title}” is ${evidence.reviewState === 'PENDING' ? 'not reviewed yet' : 'rejected'}: a status rests only on approved evidence.`,
			)
		}
	}
	return messages.length > 0 ? { evidenceIds: messages } : null
}

// "Today" for the ledger is the date the forms accept as not in the future (the latest date anywhere on
// Earth, see latestToday): an entry an admin may date today counts at once in the stored status.
type LedgerWrite = {
	actor: WorkflowActor
	pledgeId: string
	ipAddress: string | null
	now: Date
	fields: Pick<StatusUpdateInput, 'status' | 'effectiveDate' | 'rationale' | 'evidenceIds'>
	correctsId: string | null
}

/** Appends the entry, stores the status the ledger now gives the pledge, and records both in the audit log. */
async function appendToLedger(
	tx: Prisma.TransactionClient,
	write: LedgerWrite,
	locked: NonNullable<Awaited<ReturnType<typeof lockPledge>>>,
	before: Prisma.InputJsonObject,
): Promise<StatusUpdateResult> {
	const { actor, pledgeId, fields, correctsId, now } = write
	if (fields.status !== 'NOT_RATED' && fields.evidenceIds.length === 0) {
		throw new RollBack({
			ok: false,
			reason: 'invalid',
			fieldErrors: { evidenceIds: ['Choose at least one approved evidence item this status rests on.'] },
		})
	}
	const problems = await evidenceProblems(tx, pledgeId, fields.evidenceIds)
	if (problems) throw new RollBack({ ok: false, reason: 'invalid', fieldErrors: problems })

	const entry = await tx.statusUpdate.create({
		data: {
			pledgeId,
			fromStatus: locked.pledge.status,
			status: fields.status,
			effectiveDate: fields.effectiveDate,
			rationale: fields.rationale,
			correctsId,
			authorId: actor.id,
			evidence: { create: fields.evidenceIds.map((evidenceId) => ({ evidenceId })) },
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
			pledgeStatus: current.status,
		},
		ipAddress: write.ipAddress,
	})
	return { ok: true, statusUpdateId: entry.id, pledgeStatus: current.status }
}

async function inLedgerTransaction(
	prisma: PrismaClient,
	work: (tx: Prisma.TransactionClient) => Promise<StatusUpdateResult>,
): Promise<StatusUpdateResult> {
	try {
		return await prisma.$transaction(work)
	} catch (error) {
		if (error instanceof RollBack) return error.refusal
		throw error
	}
}

/**
 * A new status for a pledge: the ledger entry (`fromStatus` = the pledge's status until now), the evidence
 * it rests on, the pledge's stored status and the audit entry, in one transaction. A rated status needs at
 * least one APPROVED evidence item of this pledge. An entry may not take effect before the entry now in
 * effect: changing the past is what a correction is for.
 */
export async function recordStatusUpdate(
	{
		actor,
		pledgeId,
		input,
		ipAddress,
		now = new Date(),
	}: {
		actor: WorkflowActor
		pledgeId: string
		input: StatusUpdateInput
		ipAddress: string | null
		now?: Date
	},
	prisma: PrismaClient = getPrisma(),
): Promise<StatusUpdateResult> {
	if (actor.role !== 'ADMIN') return { ok: false, reason: 'forbidden' }
	if (!isRecordId(pledgeId)) return { ok: false, reason: 'not-found' }
	return inLedgerTransaction(prisma, async (tx) => {
		const locked = await lockPledge(tx, pledgeId)
		if (!locked) return { ok: false, reason: 'not-found' }
		if (input.ledgerHeadId !== undefined) {
			// The same order as listLedger, which gives the form its ledgerHeadId.
			const head = locked.ledger.reduce<LedgerEntry | null>(
				(newest, entry) =>
					!newest ||
					entry.createdAt > newest.createdAt ||
					(entry.createdAt.getTime() === newest.createdAt.getTime() && entry.id > newest.id)
						? entry
						: newest,
				null,
			)
			if ((head?.id ?? '') !== input.ledgerHeadId) return { ok: false, reason: 'stale' }
		}
		const inEffect = currentStatusFromLedger(locked.ledger, latestToday(now))
		const inEffectEntry = locked.ledger.find((entry) => entry.id === inEffect.entryId)
		if (inEffectEntry && input.effectiveDate < inEffectEntry.effectiveDate) {
			return {
				ok: false,
				reason: 'invalid',
				fieldErrors: {
					effectiveDate: [
						`The current status took effect on ${isoDateOf(inEffectEntry.effectiveDate)}: a new status cannot take effect before it. To change the past, correct that entry.`,
					],
				},
			}
		}
		return appendToLedger(tx, { actor, pledgeId, ipAddress, now, fields: input, correctsId: null }, locked, {
			pledgeStatus: locked.pledge.status,
		})
	})
}

/**
 * A correction: a new ledger entry pointing at the one it replaces (which stays, marked corrected), with
 * the same rules as a status update. The pledge's stored status becomes what the corrected ledger gives.
 * An entry is corrected once; to correct it again, correct its correction.
 */
export async function recordCorrection(
	{
		actor,
		pledgeId,
		input,
		ipAddress,
		now = new Date(),
	}: { actor: WorkflowActor; pledgeId: string; input: CorrectionInput; ipAddress: string | null; now?: Date },
	prisma: PrismaClient = getPrisma(),
): Promise<StatusUpdateResult> {
	if (actor.role !== 'ADMIN') return { ok: false, reason: 'forbidden' }
	if (!isRecordId(pledgeId)) return { ok: false, reason: 'not-found' }
	return inLedgerTransaction(prisma, async (tx) => {
		const locked = await lockPledge(tx, pledgeId)
		if (!locked) return { ok: false, reason: 'not-found' }
		const corrected = locked.ledger.find((entry) => entry.id === input.correctsId)
		if (!corrected) return { ok: false, reason: 'not-found' }
		if (locked.ledger.some((entry) => entry.correctsId === corrected.id)) {
			return { ok: false, reason: 'already-corrected' }
		}
		const correctedEntry = await tx.statusUpdate.findUniqueOrThrow({
			where: { id: corrected.id },
			select: { rationale: true, evidence: { select: { evidenceId: true } } },
		})
		return appendToLedger(
			tx,
			{ actor, pledgeId, ipAddress, now, fields: input, correctsId: corrected.id },
			locked,
			{
				correctedEntry: {
					id: corrected.id,
					status: corrected.status,
					effectiveDate: isoDateOf(corrected.effectiveDate),
					rationale: correctedEntry.rationale,
					evidenceIds: correctedEntry.evidence.map((link) => link.evidenceId),
				},
				pledgeStatus: locked.pledge.status,
			},
		)
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
			author: { select: { displayName: true } },
			correctedBy: { select: { id: true }, take: 1 },
			evidence: { select: { evidence: { select: { id: true, title: true } } } },
		},
	})
	return entries.map((entry) => ({
		id: entry.id,
		fromStatus: entry.fromStatus,
		status: entry.status,
		effectiveDate: isoDateOf(entry.effectiveDate),
		recordedAt: entry.createdAt.toISOString(),
		rationale: entry.rationale,
		author: entry.author.displayName,
		correctsId: entry.correctsId,
		isCorrected: entry.correctedBy.length > 0,
		evidence: entry.evidence.map((link) => link.evidence),
	}))
}

export const selectableEvidenceLimit = 100

/**
 * What the admin's status page of a pledge needs, in a fixed number of queries: the pledge and its current
 * status, the newest ledger entry (sent back with the form as `ledgerHeadId`), the ledger, and the approved
 * evidence a new entry can rest on (the newest `selectableEvidenceLimit`). Null for an unknown pledge.
 */
export async function getStatusPage(pledgeId: string, prisma: PrismaClient = getPrisma()) {
	if (!isRecordId(pledgeId)) return null
	const pledge = await prisma.pledge.findUnique({
		where: { id: pledgeId },
		select: {
			id: true,
			slug: true,
			title: true,
			status: true,
			statusUpdatedAt: true,
			platform: { select: { slug: true } },
		},
	})
	if (!pledge) return null
	const [ledger, evidence] = await Promise.all([
		listLedger(pledgeId, prisma),
		prisma.evidence.findMany({
			where: { pledgeId, reviewState: 'APPROVED' },
			orderBy: [{ publishedOn: 'desc' }, { id: 'asc' }],
			take: selectableEvidenceLimit,
			select: { id: true, title: true, publisher: true, publishedOn: true, sourceUrl: true },
		}),
	])
	return {
		pledge: {
			id: pledge.id,
			slug: pledge.slug,
			title: pledge.title,
			platformSlug: pledge.platform.slug,
			status: pledge.status,
			statusUpdatedAt: pledge.statusUpdatedAt?.toISOString() ?? null,
		},
		ledgerHeadId: ledger[0]?.id ?? '',
		ledger,
		approvedEvidence: evidence.map((item) => ({ ...item, publishedOn: isoDateOf(item.publishedOn) })),
	}
}
