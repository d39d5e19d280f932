import { z } from 'zod'
import type { PledgeStatus } from '~/.server/prisma/enums'
import {
	addFieldIssue,
	alwaysCheck,
	choice,
	intent,
	isoDate,
	isoDateOf,
	latestToday,
	limits,
	notAForm,
	recordId,
	recordIds,
	text,
} from './fields'
import { integrityMessages, publicTextProblem, statusDateProblem } from './integrity-rules'
import {
	checkCorrectionTranslations,
	ledgerTranslationLanguages,
	ledgerTranslationMessages,
	rationaleTranslationFields,
	reasonTranslationFields,
	type LedgerTranslationInput,
} from './ledger-translations'

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

/**
 * The steps of writing a ledger entry, which the form's buttons send as `step`: an entry is public and
 * permanent, so the first post (`preview`, also what a form without a step gets) only checks it and shows
 * the author what the public will see; `publish` writes it; `edit` goes back to the form with the values.
 */
export const ledgerSteps = { preview: 'preview', publish: 'publish', edit: 'edit' } as const

const step = intent([ledgerSteps.preview, ledgerSteps.publish, ledgerSteps.edit]).default(ledgerSteps.preview)

/** Text the public reads for ever: a real sentence (see `publicTextMinimum`). */
function publicText(missing: string) {
	// Blank after trimming is `missing`'s message alone.
	return text({ missing, max: limits.rationale }).refine(
		(value) => value === '' || publicTextProblem(value) === null,
		integrityMessages.publicTextTooShort,
	)
}

/**
 * What the status form knows of its pledge, for the date rules: the date the pledge was made (its source's
 * date), null when the caller does not know it (the model checks it again).
 */
export type LedgerFormContext = { now: Date; pledgeMadeOn: Date | null }

function ledgerEntryFields() {
	return {
		step,
		status: choice(statuses, { missing: 'Choose the new status.' }),
		effectiveDate: isoDate({ missing: 'Enter the date the status takes effect.' }),
		rationale: publicText('Explain the status: the public reads this.'),
		evidenceIds: recordIds({
			max: limits.evidencePerStatusUpdate,
			invalid: 'Choose evidence from the list.',
		}),
	}
}

function checkEffectiveDate(
	entry: { effectiveDate: unknown },
	context: z.RefinementCtx,
	{ now, pledgeMadeOn }: LedgerFormContext,
) {
	if (!(entry.effectiveDate instanceof Date)) return
	const problem = statusDateProblem(entry.effectiveDate, { pledgeMadeOn, today: latestToday(now) })
	if (problem === 'in-future') addFieldIssue(context, 'effectiveDate', integrityMessages.statusInFuture)
	if (problem === 'before-pledge' && pledgeMadeOn) {
		addFieldIssue(context, 'effectiveDate', integrityMessages.statusBeforePledge(isoDateOf(pledgeMadeOn)))
	}
}

const evidenceRequired = 'Choose at least one approved evidence item this status rests on.'

function checkLedgerEntry(
	entry: { status: unknown; effectiveDate: unknown; evidenceIds: unknown },
	context: z.RefinementCtx,
	known: LedgerFormContext,
) {
	checkEffectiveDate(entry, context, known)
	const isRated = entry.status !== 'NOT_RATED' && statuses.some((status) => status === entry.status)
	if (isRated && Array.isArray(entry.evidenceIds) && entry.evidenceIds.length === 0) {
		addFieldIssue(context, 'evidenceIds', evidenceRequired)
	}
}

/**
 * A new ledger entry. `ledgerHeadId` is the newest entry the admin saw when the form was loaded, absent when
 * the ledger was empty (`null`): if another entry was recorded since, the model refuses the update as stale
 * rather than write it on top of a status the admin never saw. The date may not be in the future nor before
 * the pledge was made, so the schema takes the current time and, where known, the pledge's date.
 */
export function statusUpdateSchema(now: Date, pledgeMadeOn: Date | null = null) {
	return z
		.object(
			{
				intent: ownIntent(ledgerIntents.record),
				...ledgerEntryFields(),
				// The rationale in Russian and Kazakh beside the English, each optional.
				...rationaleTranslationFields,
				ledgerHeadId: recordId({ missing: 'Reload the page and try again.' })
					.optional()
					.transform((id) => id ?? null),
			},
			notAForm,
		)
		.superRefine((entry, context) => checkLedgerEntry(entry, context, { now, pledgeMadeOn }), alwaysCheck)
}

/** An input whose translations a caller other than the form (a script, a test) may leave out. */
type TranslationsOptional<Input> = Omit<Input, keyof LedgerTranslationInput> & LedgerTranslationInput

/** A new entry as the model takes it (which form sent it, and at which step, is the route's business). */
export type StatusUpdateInput = TranslationsOptional<
	Omit<z.output<ReturnType<typeof statusUpdateSchema>>, 'intent' | 'step'>
>

/**
 * A correction: a new entry that takes the place of `correctsId`, with the same fields as a status update
 * and its own reason, what was wrong with the entry it corrects (the entry's rationale explains the new
 * status; the reason explains the correction, and the Corrections page shows it).
 */
export function correctionSchema(now: Date, pledgeMadeOn: Date | null = null) {
	return z
		.object(
			{
				intent: ownIntent(ledgerIntents.correct),
				...ledgerEntryFields(),
				correctsId: recordId({ missing: 'Choose the entry to correct.' }),
				correctionReason: publicText('Say what was wrong with the entry: the public reads this.'),
				...rationaleTranslationFields,
				...reasonTranslationFields,
			},
			notAForm,
		)
		.superRefine((entry, context) => {
			checkLedgerEntry(entry, context, { now, pledgeMadeOn })
			checkCorrectionTranslations(entry, context)
		}, alwaysCheck)
}

export type CorrectionInput = TranslationsOptional<
	Omit<z.output<ReturnType<typeof correctionSchema>>, 'intent' | 'step'>
>

/** A ledger entry as its form shows it: the stored entry a correction starts from (with no reason yet). */
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
 * cannot rest on (which items, and why, come as `LedgerProblemDetail`), a date before the entry in effect,
 * in the future or before the pledge was made, a public text too short to explain anything, or a correction
 * that changes neither the status nor its date.
 */
export type LedgerProblem =
	| 'evidence-required'
	| 'evidence-unusable'
	| 'before-current'
	| 'in-future'
	| 'before-pledge'
	| 'too-short'
	| 'unchanged'
	| 'own-evidence'
	| 'translation-incomplete'
	| 'not-a-correction'

/** Why one chosen evidence item cannot carry a status. */
export type UnusableEvidence =
	| { id: string; problem: 'not-found' }
	| { id: string; problem: 'other-pledge' | 'pending' | 'rejected' | 'withdrawn'; title: string }

export type LedgerProblemDetail = {
	/** Each chosen item a status cannot rest on, in the order chosen. */
	unusableEvidence?: UnusableEvidence[]
	/** The effective date (YYYY-MM-DD) of the entry now in effect. */
	currentSince?: string
	/** The date (YYYY-MM-DD) the pledge was made. */
	pledgeMadeOn?: string
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
			case 'in-future':
				fieldErrors[field] = [integrityMessages.statusInFuture]
				break
			case 'before-pledge':
				fieldErrors[field] = [integrityMessages.statusBeforePledge(detail.pledgeMadeOn ?? 'a later date')]
				break
			case 'too-short':
				fieldErrors[field] = [integrityMessages.publicTextTooShort]
				break
			case 'translation-incomplete': {
				const language = ledgerTranslationLanguages.find(
					(each) => each.rationale === field || each.correctionReason === field,
				)
				if (!language) break
				fieldErrors[field] = [
					field === language.rationale
						? ledgerTranslationMessages.reasonWithoutRationale[language.language]
						: ledgerTranslationMessages.rationaleWithoutReason[language.language],
				]
				break
			}
			case 'not-a-correction':
				fieldErrors[field] = [ledgerTranslationMessages.notACorrection]
				break
			case 'unchanged':
				fieldErrors[field] = [
					'This correction changes neither the status nor the date it took effect: change at least one of them.',
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
