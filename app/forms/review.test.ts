import { getZodConstraint } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { acceptedForm, errorsOf, parseForm } from '~/test/forms'
import { problemMessages } from './problems'
import { reviewProblems, reviewSchema } from './review'

describe('the review form', () => {
	test('approves, with or without a note', () => {
		expect(acceptedForm(reviewSchema, { decision: 'approve', version: '3' })).toEqual({
			decision: 'approve',
			note: null,
			version: 3,
		})
		expect(acceptedForm(reviewSchema, { decision: 'approve', note: ' Checked ', version: '3' })).toEqual({
			decision: 'approve',
			note: 'Checked',
			version: 3,
		})
	})

	test('rejects only with a reason', () => {
		expect(errorsOf(parseForm(reviewSchema, { decision: 'reject', note: '  ', version: '3' }))).toEqual({
			note: ['Give the reason for rejecting: the fact-checker will read it.'],
		})
		expect(
			acceptedForm(reviewSchema, { decision: 'reject', note: 'Not a primary source', version: '3' }),
		).toEqual({
			decision: 'reject',
			note: 'Not a primary source',
			version: 3,
		})
	})

	test('wants a decision', () => {
		expect(errorsOf(parseForm(reviewSchema, { decision: 'postpone', version: '3' }))).toEqual({
			decision: ['Choose approve, request changes or reject.'],
		})
		expect(errorsOf(parseForm(reviewSchema, { note: 'x', version: '3' }))).toEqual({
			decision: ['Choose approve, request changes or reject.'],
		})
	})

	test('wants the version of the evidence the admin read', () => {
		expect(errorsOf(parseForm(reviewSchema, { decision: 'approve' }))).toEqual({
			version: ['Reload the page and try again.'],
		})
	})

	test('the model’s problem with an approval becomes a message at the decision', () => {
		expect(problemMessages({ decision: 'no-indicator' }, reviewProblems)).toEqual({
			decision: [
				'This evidence carries a figure, but its pledge no longer has an indicator to record it on. Reject it, saying why.',
			],
		})
	})
})

test('the browser can read the form’s limits (a transform of the whole form would hide them)', () => {
	expect(getZodConstraint(reviewSchema)).toMatchObject({ note: { required: false, maxLength: 2000 } })
})
