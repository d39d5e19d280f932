import { describe, expect, test } from 'vitest'
import { acceptedForm, errorsOf, formDataOf, parseForm, type SentValue } from '~/test/forms'
import { parseWithZod } from '@conform-to/zod/v4'
import {
	correctionSchema,
	ledgerEntryFormValues,
	ledgerProblemMessages,
	statusUpdateSchema,
} from './status-update'

const now = new Date('2026-11-28T12:00:00Z')
const schema = statusUpdateSchema(now)
const corrections = correctionSchema(now)

const valid: Record<string, SentValue> = {
	status: 'IN_PROGRESS',
	effectiveDate: '2026-11-01',
	rationale: 'Hiring in IT companies is up.',
	evidenceIds: 'e1',
}
const correction = { ...valid, correctionReason: 'The entry was dated by the report’s printing.' }

describe('the status update and correction forms', () => {
	test('refuse evidence ids and entry ids that cannot name a record', () => {
		expect(errorsOf(parseForm(schema, { ...valid, evidenceIds: ['e1', 'e\u00002'] }))).toEqual({
			evidenceIds: ['Choose evidence from the list.'],
		})
		expect(errorsOf(parseForm(schema, { ...valid, ledgerHeadId: "x' OR 1=1" }))).toEqual({
			ledgerHeadId: ['Reload the page and try again.'],
		})
		expect(errorsOf(parseForm(corrections, { ...correction, correctsId: 'a b' }))).toEqual({
			correctsId: ['Choose the entry to correct.'],
		})
	})

	test('take one evidence id or several, without blanks or repeats', () => {
		expect(acceptedForm(schema, valid).evidenceIds).toEqual(['e1'])
		expect(acceptedForm(schema, { ...valid, evidenceIds: ['e1', '', 'e2', 'e1'] }).evidenceIds).toEqual([
			'e1',
			'e2',
		])
	})

	test('keep every value of a repeated field, and leave files out', () => {
		const form = formDataOf({ ...valid, evidenceIds: ['a', 'b'], status: 'KEPT' })
		form.append('upload', new Blob(['x']), 'x.txt')
		const submission = parseWithZod(form, { schema })
		expect(submission.status).toBe('success')
		expect(submission.status === 'success' ? submission.value : null).toMatchObject({
			evidenceIds: ['a', 'b'],
			status: 'KEPT',
		})
		expect(submission.status === 'success' ? submission.value : null).not.toHaveProperty('upload')
	})

	test('want evidence for a rated status, but not for NOT_RATED', () => {
		expect(errorsOf(parseForm(schema, { ...valid, evidenceIds: undefined }))).toEqual({
			evidenceIds: ['Choose at least one approved evidence item this status rests on.'],
		})
		expect(acceptedForm(schema, { ...valid, status: 'NOT_RATED', evidenceIds: [] }).evidenceIds).toEqual([])
	})

	test('refuse a status taking effect in the future, and a missing rationale or status', () => {
		expect(
			errorsOf(parseForm(schema, { ...valid, effectiveDate: '2027-01-01', rationale: '', status: 'DONE' })),
		).toEqual({
			effectiveDate: ['A status cannot take effect in the future.'],
			rationale: ['Explain the status: the public reads this.'],
			status: ['Choose the new status.'],
		})
	})

	test('refuse a status before the pledge was made, when the form knows that date', () => {
		const made = statusUpdateSchema(now, new Date('2022-10-26'))
		expect(errorsOf(parseForm(made, { ...valid, effectiveDate: '2022-10-25' }))).toEqual({
			effectiveDate: ['The pledge was made on 2022-10-26: a status cannot take effect before it.'],
		})
		expect(acceptedForm(made, { ...valid, effectiveDate: '2022-10-26' }).effectiveDate).toEqual(
			new Date('2022-10-26'),
		)
	})

	test('refuse a rationale that is no sentence: fewer than 20 characters or 3 words', () => {
		const tooShort = [
			'Write at least a short sentence (20 characters, 3 words or more): the public reads this, and it stays on record.',
		]
		for (const rationale of ['r', 'Hiring is up.', 'Supercalifragilistic-expialidocious', '   a   b   ']) {
			expect(errorsOf(parseForm(schema, { ...valid, rationale })), rationale).toEqual({ rationale: tooShort })
		}
		expect(acceptedForm(schema, { ...valid, rationale: '  The decree was signed.  ' }).rationale).toBe(
			'The decree was signed.',
		)
	})

	test('the first post of a form is a preview; its buttons publish or go back to edit', () => {
		expect(acceptedForm(schema, valid).step).toBe('preview')
		expect(acceptedForm(schema, { ...valid, step: 'publish' }).step).toBe('publish')
		expect(acceptedForm(corrections, { ...correction, correctsId: 'e', step: 'edit' }).step).toBe('edit')
		expect(errorsOf(parseForm(schema, { ...valid, step: 'write' }))).toEqual({
			step: ['Please use one of the buttons on the page.'],
		})
	})

	test('a new status sends the ledger head it was loaded with; an empty ledger sends none', () => {
		expect(acceptedForm(schema, { ...valid, ledgerHeadId: 'entry-1' }).ledgerHeadId).toBe('entry-1')
		expect(acceptedForm(schema, { ...valid, ledgerHeadId: '' }).ledgerHeadId).toBeNull()
		expect(acceptedForm(schema, valid).ledgerHeadId).toBeNull()
	})

	test('a correction names the entry it corrects and follows the same rules', () => {
		expect(acceptedForm(corrections, { ...correction, correctsId: 'entry-1' })).toMatchObject({
			correctsId: 'entry-1',
			correctionReason: 'The entry was dated by the report’s printing.',
		})
		expect(errorsOf(parseForm(corrections, { ...correction, evidenceIds: [] }))).toEqual({
			correctsId: ['Choose the entry to correct.'],
			evidenceIds: ['Choose at least one approved evidence item this status rests on.'],
		})
	})

	test('a correction says what was wrong, in a sentence of its own', () => {
		expect(errorsOf(parseForm(corrections, { ...valid, correctsId: 'entry-1' }))).toEqual({
			correctionReason: ['Say what was wrong with the entry: the public reads this.'],
		})
		expect(
			errorsOf(parseForm(corrections, { ...valid, correctsId: 'entry-1', correctionReason: 'typo' })),
		).toEqual({
			correctionReason: [
				'Write at least a short sentence (20 characters, 3 words or more): the public reads this, and it stays on record.',
			],
		})
	})

	test('a correction starts from the entry it corrects', () => {
		const values = ledgerEntryFormValues({
			status: 'KEPT',
			effectiveDate: '2026-04-05',
			rationale: 'The programme was completed.',
			evidence: [{ id: 'e1' }, { id: 'e2' }],
		})
		expect(values).toEqual({
			status: 'KEPT',
			effectiveDate: '2026-04-05',
			rationale: 'The programme was completed.',
			evidenceIds: ['e1', 'e2'],
		})
		const reason = { correctionReason: 'The first entry named the wrong programme.' }
		expect(acceptedForm(corrections, { ...values, ...reason, correctsId: 'entry-1' })).toMatchObject({
			status: 'KEPT',
			evidenceIds: ['e1', 'e2'],
		})
	})
})

describe('the model’s problems with a ledger entry, as messages', () => {
	test('a rated status with no evidence', () => {
		expect(ledgerProblemMessages({ evidenceIds: 'evidence-required' })).toEqual({
			evidenceIds: ['Choose at least one approved evidence item this status rests on.'],
		})
	})

	test('evidence a status cannot rest on, one message per item, naming it', () => {
		expect(
			ledgerProblemMessages(
				{ evidenceIds: 'evidence-unusable' },
				{
					unusableEvidence: [
						{ id: 'a', problem: 'pending', title: 'Pending report' },
						{ id: 'b', problem: 'rejected', title: 'Rejected report' },
						{ id: 'c', problem: 'not-found' },
						{ id: 'd', problem: 'other-pledge', title: 'IT jobs report' },
					],
				},
			),
		).toEqual({
			evidenceIds: [
				'“Pending report” is not reviewed yet: a status rests only on approved evidence.',
				'“Rejected report” is rejected: a status rests only on approved evidence.',
				'One of the chosen evidence items does not exist. Reload the page.',
				'“IT jobs report” is evidence for another pledge.',
			],
		})
	})

	test('a date or a text that cannot be true, and a correction that changes nothing', () => {
		expect(
			ledgerProblemMessages(
				{ effectiveDate: 'before-pledge', rationale: 'too-short', status: 'unchanged' },
				{ pledgeMadeOn: '2022-10-26' },
			),
		).toEqual({
			effectiveDate: ['The pledge was made on 2022-10-26: a status cannot take effect before it.'],
			rationale: [
				'Write at least a short sentence (20 characters, 3 words or more): the public reads this, and it stays on record.',
			],
			status: [
				'This correction changes neither the status nor the date it took effect: change at least one of them.',
			],
		})
		expect(ledgerProblemMessages({ effectiveDate: 'in-future' })).toEqual({
			effectiveDate: ['A status cannot take effect in the future.'],
		})
	})

	test('a status taking effect before the one now in effect', () => {
		expect(
			ledgerProblemMessages({ effectiveDate: 'before-current' }, { currentSince: '2026-03-01' }),
		).toEqual({
			effectiveDate: [
				'The current status took effect on 2026-03-01: a new status cannot take effect before it. To change the past, correct that entry.',
			],
		})
	})
})
