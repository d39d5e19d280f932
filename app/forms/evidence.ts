import { z } from 'zod'
import type { EvidenceType } from '~/.server/prisma/enums'
import {
	addFieldIssue,
	alwaysCheck,
	choice,
	intent,
	limits,
	notAForm,
	optionalDecimal,
	optionalText,
	optionalWebAddress,
	pastDate,
	text,
	version,
	webAddress,
} from './fields'
import type { ProblemMessages } from './problems'
import { statuses } from './status-update'

/** The kinds of source evidence can be, as the database's `EvidenceType` names them. */
export const evidenceTypes = [
	'LAW_OR_DECREE',
	'BUDGET',
	'OFFICIAL_STATISTIC',
	'OFFICIAL_STATEMENT',
	'MEDIA_REPORT',
	'OTHER',
] as const satisfies readonly EvidenceType[]

/**
 * The evidence form. The dates may not be in the future, so the schema takes the current time (a test fixes
 * it). Whether a measured value fits the pledge (quantitative, with an indicator) is checked by the model.
 */
export function evidenceSchema(now: Date) {
	return z
		.object(
			{
				type: choice(evidenceTypes, { missing: 'Choose the type of evidence.' }),
				sourceUrl: webAddress({ missing: 'Enter the address of the source.' }),
				title: text({ missing: 'Enter the title of the source.', max: limits.title }),
				publisher: text({ missing: 'Enter who published it.', max: limits.publisher }),
				publishedOn: pastDate({
					missing: 'Enter the date it was published.',
					future: 'The publication date cannot be in the future.',
					now,
				}),
				excerpt: text({
					missing: 'Copy the passage that supports the evidence, word for word.',
					max: limits.excerpt,
				}),
				archiveUrl: optionalWebAddress(),
				measuredValue: optionalDecimal(),
				measuredAsOf: pastDate({
					missing: 'Enter the date the figure refers to.',
					future: 'The date of the figure cannot be in the future.',
					now,
				}).optional(),
				suggestedStatus: choice(statuses, { missing: 'Choose one of the statuses, or none.' }).optional(),
				suggestionReason: optionalText({ max: limits.reason }),
			},
			notAForm,
		)
		.superRefine((evidence, context) => {
			if (evidence.measuredValue !== undefined && evidence.measuredAsOf === undefined) {
				addFieldIssue(context, 'measuredAsOf', 'Enter the date the figure refers to.')
			}
			if (evidence.measuredValue === undefined && evidence.measuredAsOf !== undefined) {
				addFieldIssue(context, 'measuredValue', 'Enter the figure, or clear its date.')
			}
			if (
				evidence.measuredAsOf instanceof Date &&
				evidence.publishedOn instanceof Date &&
				evidence.measuredAsOf > evidence.publishedOn
			) {
				addFieldIssue(
					context,
					'measuredAsOf',
					'A source cannot report a figure dated after its own publication date.',
				)
			}
			if (evidence.suggestedStatus !== undefined && evidence.suggestionReason === undefined) {
				addFieldIssue(context, 'suggestionReason', 'Say why you suggest this status.')
			}
			if (evidence.suggestedStatus === undefined && evidence.suggestionReason !== undefined) {
				addFieldIssue(context, 'suggestedStatus', 'Choose the status you suggest, or clear the reason.')
			}
		}, alwaysCheck)
}

export type EvidenceInput = z.output<ReturnType<typeof evidenceSchema>>

/**
 * The form that edits one's own submission (or resubmits it after an admin asked for changes): the same
 * fields and checks, and the version it was loaded with, so that an edit never overwrites a review made
 * meanwhile.
 */
export function evidenceEditSchema(now: Date) {
	return evidenceSchema(now).safeExtend({ version: version() })
}

export type EvidenceEditInput = z.output<ReturnType<typeof evidenceEditSchema>>

/** Why the model refused evidence the form accepted: a figure for a pledge that cannot take one. */
export type EvidenceProblem = 'not-quantitative' | 'no-indicator'

export const evidenceProblems: ProblemMessages<EvidenceProblem> = {
	measuredValue: {
		'not-quantitative': 'Only a pledge with a numeric target takes a measured value: leave it empty.',
		'no-indicator': 'This pledge has no indicator yet, so a figure cannot be recorded: leave it empty.',
	},
}

/** What a submitter over the submission limit reads, above the form they sent (kept as they sent it). */
export function tooManySubmissionsMessage({
	perAccount,
	windowMinutes,
	retryAfterSeconds,
}: {
	perAccount: number
	windowMinutes: number
	retryAfterSeconds: number
}) {
	const minutes = Math.ceil(retryAfterSeconds / 60)
	return (
		`Nothing was recorded: an account may submit ${perAccount} pieces of evidence in ${windowMinutes} minutes. ` +
		`Send this form again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}; it is kept below.`
	)
}

// --- The author's edit page (/evidence/:evidenceId): save the edit, or withdraw the submission ---------

export const ownEvidenceIntents = { save: 'save', withdraw: 'withdraw' } as const

/** Which of the page's two forms was sent; a form without one is the edit, the page's first form. */
export const ownEvidenceIntentSchema = z.object({
	intent: intent([ownEvidenceIntents.save, ownEvidenceIntents.withdraw]).default(ownEvidenceIntents.save),
})

/** Withdrawing one's submission: the version it was loaded with, so a review made since is not undone. */
export const evidenceWithdrawSchema = z.object(
	{ intent: intent([ownEvidenceIntents.withdraw]), version: version() },
	notAForm,
)

/** Stored evidence (as `presentEvidence` sends it) as its edit form shows it. */
export function evidenceFormValues(evidence: {
	type: string
	sourceUrl: string
	title: string
	publisher: string
	publishedOn: string
	excerpt: string
	archiveUrl: string | null
	measuredValue: string | null
	measuredAsOf: string | null
	suggestedStatus: string | null
	suggestionReason: string | null
	version: number
}) {
	return {
		type: evidence.type,
		sourceUrl: evidence.sourceUrl,
		title: evidence.title,
		publisher: evidence.publisher,
		publishedOn: evidence.publishedOn,
		excerpt: evidence.excerpt,
		archiveUrl: evidence.archiveUrl ?? '',
		measuredValue: evidence.measuredValue ?? '',
		measuredAsOf: evidence.measuredAsOf ?? '',
		suggestedStatus: evidence.suggestedStatus ?? '',
		suggestionReason: evidence.suggestionReason ?? '',
		version: String(evidence.version),
	}
}
