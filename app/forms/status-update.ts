import { z } from 'zod'
import type { PledgeStatus } from '~/.server/prisma/enums'
import {
	addFieldIssue,
	alwaysCheck,
	choice,
	intent,
	limits,
	notAForm,
	pastDate,
	recordId,
	recordIds,
	text,
} from './fields'

/**
 * Every status, as the database's `PledgeStatus` names them, in the order charts and legends show them:
 * unrated first, then from open to settled. ~/models/status has it as `pledgeStatuses`.
 */
export const statuses = [
	'NOT_RATED',
	'IN_PROGRESS',
	'STALLED',
	'PARTIAL',
	'KEPT',
	'BROKEN',
] as const satisfies readonly PledgeStatus[]

export type Status = (typeof statuses)[number]

/** What a status page's two forms send as `intent`, to tell them apart. */
export const ledgerIntents = { record: 'record', correct: 'correct' } as const

/**
 * Which of the two forms was sent, read before the form itself (each has its own schema); a form without
 * one is a new status, the page's first form.
 */
export const ledgerIntentSchema = z.object({
	intent: intent([ledgerIntents.record, ledgerIntents.correct]).default(ledgerIntents.record),
})

/** A form's own intent, which its hidden field sends (see `ledgerIntentSchema`). */
function ownIntent(value: (typeof ledgerIntents)[keyof typeof ledgerIntents]) {
	return intent([value]).optional()
}

function ledgerEntryFields(now: Date) {
	return {
		status: choice(statuses, { missing: 'Choose the new status.' }),
		effectiveDate: pastDate({
			missing: 'Enter the date the status takes effect.',
			future: 'A status cannot take effect in the future.',
			now,
		}),
		rationale: text({ missing: 'Explain the status: the public reads this.', max: limits.rationale }),
		evidenceIds: recordIds({
			max: limits.evidencePerStatusUpdate,
			invalid: 'Choose evidence from the list.',
		}),
	}
}

const evidenceRequired = 'Choose at least one approved evidence item this status rests on.'

function requireEvidenceForRatedStatus(
	entry: { status: unknown; evidenceIds: unknown },
	context: z.RefinementCtx,
) {
	const isRated = entry.status !== 'NOT_RATED' && statuses.some((status) => status === entry.status)
	if (isRated && Array.isArray(entry.evidenceIds) && entry.evidenceIds.length === 0) {
		addFieldIssue(context, 'evidenceIds', evidenceRequired)
	}
}

/**
 * A new ledger entry. `ledgerHeadId` is the newest entry the admin saw when the form was loaded, absent when
 * the ledger was empty (`null`): if another entry was recorded since, the model refuses the update as stale
 * rather than write it on top of a status the admin never saw. The dates may not be in the future, so the
 * schema takes the current time.
 */
export function statusUpdateSchema(now: Date) {
	return z
		.object(
			{
				intent: ownIntent(ledgerIntents.record),
				...ledgerEntryFields(now),
				ledgerHeadId: recordId({ missing: 'Reload the page and try again.' })
					.optional()
					.transform((id) => id ?? null),
			},
			notAForm,
		)
		.superRefine(requireEvidenceForRatedStatus, alwaysCheck)
}

/** A new entry as the model takes it (which form sent it is the route's business). */
export type StatusUpdateInput = Omit<z.output<ReturnType<typeof statusUpdateSchema>>, 'intent'>

/** A correction: a new entry that takes the place of `correctsId`, with the same fields as a status update. */
export function correctionSchema(now: Date) {
	return z
		.object(
			{
				intent: ownIntent(ledgerIntents.correct),
				...ledgerEntryFields(now),
				correctsId: recordId({ missing: 'Choose the entry to correct.' }),
			},
			notAForm,
		)
		.superRefine(requireEvidenceForRatedStatus, alwaysCheck)
}

export type CorrectionInput = Omit<z.output<ReturnType<typeof correctionSchema>>, 'intent'>

/** A ledger entry as its form shows it: the stored entry a correction starts from. */
export function ledgerEntryFormValues(entry: {
	status: Status
	effectiveDate: string
	rationale: string
	evidence: ReadonlyArray<{ id: string }>
}) {
	return {
		status: entry.status,
		effectiveDate: entry.effectiveDate,
		rationale: entry.rationale,
		evidenceIds: entry.evidence.map((evidence) => evidence.id),
	}
}

/**
 * Why the model refused an entry the form accepted: no evidence for a rated status, evidence a status
 * cannot rest on (which items, and why, come as `LedgerProblemDetail`), or a date before the entry in effect.
 */
export type LedgerProblem = 'evidence-required' | 'evidence-unusable' | 'before-current' | 'own-evidence'

/** Why one chosen evidence item cannot carry a status. */
export type UnusableEvidence =
	| { id: string; problem: 'not-found' }
	| { id: string; problem: 'other-pledge' | 'pending' | 'rejected' | 'withdrawn'; title: string }

export type LedgerProblemDetail = {
	/** Each chosen item a status cannot rest on, in the order chosen. */
	unusableEvidence?: UnusableEvidence[]
	/** The effective date (YYYY-MM-DD) of the entry now in effect. */
	currentSince?: string
}

function unusableEvidenceMessage(evidence: UnusableEvidence): string {
	switch (evidence.problem) {
		case 'not-found':
			return 'One of the chosen evidence items does not exist. Reload the page.'
		case 'other-pledge':
			return `“${evidence.title}” is evidence for another pledge.`
		case 'pending':
			return `“${evidence.title}” is not reviewed yet: a status rests only on approved evidence.`
		case 'rejected':
			return `“${evidence.title}” is rejected: a status rests only on approved evidence.`
		case 'withdrawn':
			return `“${evidence.title}” was withdrawn by its author: a status rests only on approved evidence.`
	}
}

/** The four-eyes rule (app/models/settings.server.ts), at the evidence a refused status would rest on. */
export const ownEvidenceMessage =
	'You submitted all of the chosen evidence, so another admin must record this status (the four-eyes rule). Choose evidence someone else submitted as well, or ask another admin.'

/** The model's problems with a ledger entry as messages at their fields. */
export function ledgerProblemMessages(
	problems: Partial<Record<string, LedgerProblem>>,
	detail: LedgerProblemDetail = {},
): Record<string, string[]> {
	const fieldErrors: Record<string, string[]> = {}
	for (const [field, problem] of Object.entries(problems)) {
		switch (problem) {
			case 'evidence-required':
				fieldErrors[field] = [evidenceRequired]
				break
			case 'evidence-unusable':
				fieldErrors[field] = (detail.unusableEvidence ?? []).map(unusableEvidenceMessage)
				break
			case 'own-evidence':
				fieldErrors[field] = [ownEvidenceMessage]
				break
			case 'before-current':
				fieldErrors[field] = [
					`The current status took effect on ${detail.currentSince ?? 'an earlier date'}: a new status cannot take effect before it. To change the past, correct that entry.`,
				]
				break
		}
	}
	return fieldErrors
}

/** What the status page says when the ledger changed under the admin (a 409). */
export const ledgerConflictMessages = {
	stale:
		'Another admin recorded a status for this pledge after you opened this page. Your status was not recorded: read the ledger as it is now, then decide again.',
	alreadyCorrected:
		'This entry has already been corrected. Your correction was not recorded: to change it again, correct the correction.',
}
