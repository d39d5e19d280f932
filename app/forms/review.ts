import { z } from 'zod'
import { addFieldIssue, choice, limits, notAForm, optionalText } from './fields'
import type { ProblemMessages } from './problems'

/** Approve, or reject with a reason the fact-checker will read. */
export const reviewSchema = z
	.object(
		{
			decision: choice(['approve', 'reject'], { missing: 'Choose approve or reject.' }),
			note: optionalText({ max: limits.reason }),
		},
		notAForm,
	)
	.superRefine((review, context) => {
		if (review.decision === 'reject' && review.note === undefined) {
			addFieldIssue(context, 'note', 'Give the reason for rejecting: the fact-checker will read it.')
		}
	})
	.transform((review): { decision: 'approve'; note: string | null } | { decision: 'reject'; note: string } =>
		review.decision === 'reject'
			? { decision: 'reject', note: review.note ?? '' }
			: { decision: 'approve', note: review.note ?? null },
	)

export type ReviewInput = z.output<typeof reviewSchema>

/** Why the model refused a decision the form accepted: the figure of the evidence has nowhere to go. */
export type ReviewProblem = 'no-indicator'

export const reviewProblems: ProblemMessages<ReviewProblem> = {
	decision: {
		'no-indicator':
			'This evidence carries a figure, but its pledge no longer has an indicator to record it on. Reject it, saying why.',
	},
}
