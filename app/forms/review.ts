import { z } from 'zod'
import { addFieldIssue, choice, limits, notAForm, optionalText } from './fields'
import type { ProblemMessages } from './problems'

/**
 * Approve, or reject with a reason the fact-checker will read. No note is `null` (the column's "none"); the
 * shaping stays at the field, since a transform of the whole form would hide its fields' limits from the
 * browser (`getZodConstraint`).
 */
export const reviewSchema = z
	.object(
		{
			decision: choice(['approve', 'reject'], { missing: 'Choose approve or reject.' }),
			note: optionalText({ max: limits.reason }).transform((note) => note ?? null),
		},
		notAForm,
	)
	.superRefine((review, context) => {
		if (review.decision === 'reject' && review.note === null) {
			addFieldIssue(context, 'note', 'Give the reason for rejecting: the fact-checker will read it.')
		}
	})

export type ReviewInput = z.output<typeof reviewSchema>

/** Why the model refused a decision the form accepted: the figure of the evidence has nowhere to go. */
export type ReviewProblem = 'no-indicator' | 'measured-in-future' | 'measured-before-baseline'

export const reviewProblems: ProblemMessages<ReviewProblem> = {
	decision: {
		'no-indicator':
			'This evidence carries a figure, but its pledge no longer has an indicator to record it on. Reject it, saying why.',
		'measured-in-future':
			'The figure of this evidence is dated in the future, so it cannot be recorded. Reject it, saying why.',
		'measured-before-baseline':
			'The figure of this evidence is dated before its indicator’s baseline date, so it cannot be recorded. Reject it, saying why.',
	},
}
