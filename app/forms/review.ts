import { z } from 'zod'
import { addFieldIssue, choice, limits, notAForm, optionalText, version } from './fields'
import type { ProblemMessages } from './problems'

/** What an admin may decide on pending evidence. */
export const reviewDecisions = ['approve', 'request-changes', 'reject'] as const

/**
 * Approve; send back to its author with a note saying what to change; or reject with a reason the
 * fact-checker will read. No note is `null` (the column's "none"); the shaping stays at the field, since a
 * transform of the whole form would hide its fields' limits from the browser (`getZodConstraint`). The
 * version is the one the admin's page was loaded with: the author may edit pending evidence, and a
 * decision is on what the admin saw, so a newer version is refused (app/models/evidence.server.ts).
 */
export const reviewSchema = z
	.object(
		{
			decision: choice(reviewDecisions, { missing: 'Choose approve, request changes or reject.' }),
			note: optionalText({ max: limits.reason }).transform((note) => note ?? null),
			version: version(),
		},
		notAForm,
	)
	.superRefine((review, context) => {
		if (review.decision === 'reject' && review.note === null) {
			addFieldIssue(context, 'note', 'Give the reason for rejecting: the fact-checker will read it.')
		}
		if (review.decision === 'request-changes' && review.note === null) {
			addFieldIssue(context, 'note', 'Say what to change: the fact-checker reads it before resubmitting.')
		}
	})

export type ReviewInput = z.output<typeof reviewSchema>

/**
 * Why the model refused a decision the form accepted: the figure of the evidence has nowhere to go or a
 * date it cannot have, or (the four-eyes rule) the admin submitted this evidence themselves.
 */
export type ReviewProblem =
	'no-indicator' | 'own-evidence' | 'measured-in-future' | 'measured-before-baseline'

export const reviewProblems: ProblemMessages<ReviewProblem> = {
	decision: {
		'no-indicator':
			'This evidence carries a figure, but its pledge no longer has an indicator to record it on. Reject it, saying why.',
		'own-evidence':
			'You submitted this evidence, so another admin must approve it (the four-eyes rule). You may still request changes or reject it.',
		'measured-in-future':
			'The figure of this evidence is dated in the future, so it cannot be recorded. Reject it, saying why.',
		'measured-before-baseline':
			'The figure of this evidence is dated before its indicator’s baseline date, so it cannot be recorded. Reject it, saying why.',
	},
}
