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
	latestToday,
	pastDate,
	text,
	version,
	webAddress,
} from './fields'
import {
	datePrecisions,
	endOfPeriod,
	readPublicationDate,
	type MeasuredAsOfProblem,
	type PublicationDate,
} from './evidence-dates'
import {
	checkEvidenceTranslations,
	evidenceTranslationFields,
	evidenceTranslationFormValues,
} from './evidence-translations'
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

/** A part of a date as typed, read by `readPublicationDate`; longer than any such part is refused here. */
function dateText(max: number, format: string) {
	return z.string({ error: format }).trim().max(max, format).optional()
}

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
				// Only the field of the chosen precision is read: see `readPublicationDate`.
				// A form without the choice (an older page, a script) gives a full date, as the column's default.
				publishedPrecision: choice(datePrecisions, {
					missing: 'Choose how much of the date the source prints.',
				}).default('DAY'),
				publishedOn: dateText(10, 'Enter a date as YYYY-MM-DD, for example 2024-03-31.'),
				publishedMonth: dateText(7, 'Enter a month as YYYY-MM, for example 2024-03.'),
				publishedYear: dateText(4, 'Enter a year as four digits, for example 2024.'),
				publishedNote: optionalText({ max: limits.reason }),
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
				// The title, and the excerpt's translation, in Russian and Kazakh; each optional.
				...evidenceTranslationFields,
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
			// A field that failed its own check holds what was sent: then no date can be read from it. The
			// date is read again where it is written (`submitEvidence`): a transform here would hide the
			// fields' limits from the browser (`getZodConstraint`).
			const readable =
				datePrecisions.includes(evidence.publishedPrecision) &&
				[evidence.publishedOn, evidence.publishedMonth, evidence.publishedYear].every(
					(part) => part === undefined || typeof part === 'string',
				)
			const published = readable ? readPublicationDate(evidence, latestToday(now)) : null
			if (published && 'field' in published) addFieldIssue(context, published.field, published.message)
			const publishedOn = published && 'on' in published ? published.on : null
			if (
				evidence.measuredAsOf instanceof Date &&
				publishedOn &&
				evidence.publishedPrecision !== 'NONE' &&
				evidence.measuredAsOf > endOfPeriod(publishedOn, evidence.publishedPrecision)
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
			checkEvidenceTranslations(evidence, context)
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

/** Why the model refused evidence the form accepted: a figure for a pledge that cannot take one, or dated
 * outside its indicator's time (see `measuredAsOfProblem`). */
export type EvidenceProblem = 'not-quantitative' | 'no-indicator' | MeasuredAsOfProblem | 'publication-date'

export const evidenceProblems: ProblemMessages<EvidenceProblem> = {
	measuredValue: {
		'not-quantitative': 'Only a pledge with a numeric target takes a measured value: leave it empty.',
		'no-indicator': 'This pledge has no indicator yet, so a figure cannot be recorded: leave it empty.',
	},
	// Only for a caller that skipped the form's own check of the date (which says what is wrong).
	...Object.fromEntries(
		(['publishedOn', 'publishedMonth', 'publishedYear', 'publishedNote'] as const).map((field) => [
			field,
			{ 'publication-date': 'Check the publication date and its precision.' },
		]),
	),
	measuredAsOf: {
		future: 'The date of the figure cannot be in the future.',
		'before-baseline': 'The date of the figure cannot be before the indicator’s baseline date.',
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
	published: PublicationDate
	excerpt: string
	archiveUrl: string | null
	measuredValue: string | null
	measuredAsOf: string | null
	suggestedStatus: string | null
	suggestionReason: string | null
	translations: ReadonlyArray<{ locale: string; title: string; excerpt: string | null }>
	version: number
}) {
	const { precision, on, note } = evidence.published
	return {
		type: evidence.type,
		sourceUrl: evidence.sourceUrl,
		title: evidence.title,
		publisher: evidence.publisher,
		// The stored date is the start of its period: each precision's field takes as much of it as it shows.
		publishedPrecision: precision,
		publishedOn: precision === 'DAY' && on ? on : '',
		publishedMonth: precision === 'MONTH' && on ? on.slice(0, 7) : '',
		publishedYear: precision === 'YEAR' && on ? on.slice(0, 4) : '',
		publishedNote: note ?? '',
		excerpt: evidence.excerpt,
		archiveUrl: evidence.archiveUrl ?? '',
		measuredValue: evidence.measuredValue ?? '',
		measuredAsOf: evidence.measuredAsOf ?? '',
		suggestedStatus: evidence.suggestedStatus ?? '',
		suggestionReason: evidence.suggestionReason ?? '',
		...evidenceTranslationFormValues(evidence.translations),
		version: String(evidence.version),
	}
}
