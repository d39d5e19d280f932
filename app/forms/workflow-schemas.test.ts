import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { z } from 'zod'
import {
	correctionSchema,
	evidenceSchema,
	fieldErrorsOf,
	formValues,
	latestToday,
	parseIsoDate,
	reviewSchema,
	statusUpdateSchema,
} from './workflow-schemas'

const now = new Date('2026-11-28T12:00:00Z')

const validEvidence = {
	type: 'OFFICIAL_STATISTIC',
	sourceUrl: 'https://stat.gov.kz/en/news/it-jobs',
	title: 'Employment in IT companies, Q3 2026',
	publisher: 'Bureau of National Statistics',
	publishedOn: '2026-10-15',
	excerpt: 'The number of people employed in IT companies reached 118 400.',
	archiveUrl: '',
	measuredValue: '',
	measuredAsOf: '',
	suggestedStatus: '',
	suggestionReason: '',
}

/** The field messages of a failed parse, or null when it passed. */
function fieldErrors(parsed: { success: true } | { success: false; error: z.ZodError }) {
	return parsed.success ? null : fieldErrorsOf(parsed.error)
}

describe('the evidence form', () => {
	const schema = evidenceSchema(now)

	test('accepts a complete submission, leaving blank optional fields out and parsing dates to UTC midnight', () => {
		const parsed = schema.parse(validEvidence)
		expect(parsed).toEqual({
			type: 'OFFICIAL_STATISTIC',
			sourceUrl: 'https://stat.gov.kz/en/news/it-jobs',
			title: 'Employment in IT companies, Q3 2026',
			publisher: 'Bureau of National Statistics',
			publishedOn: new Date('2026-10-15T00:00:00Z'),
			excerpt: 'The number of people employed in IT companies reached 118 400.',
		})
	})

	test('keeps a measured value as exact decimal text, allowing spaces between digit groups', () => {
		const parsed = schema.parse({ ...validEvidence, measuredValue: '118 400.25', measuredAsOf: '2026-09-30' })
		expect(parsed.measuredValue).toBe('118400.25')
		expect(parsed.measuredAsOf).toEqual(new Date('2026-09-30T00:00:00Z'))
	})

	test.each([
		['sourceUrl', 'javascript:alert(1)', 'Enter a web address starting with https:// or http://.'],
		['sourceUrl', 'ftp://example.org/file', 'Enter a web address starting with https:// or http://.'],
		['sourceUrl', 'example.org', 'Enter a web address starting with https:// or http://.'],
		['sourceUrl', '', 'Enter the address of the source.'],
		['archiveUrl', 'data:text/html,hi', 'Enter a web address starting with https:// or http://.'],
		['title', '   ', 'Enter the title of the source.'],
		['title', 'a\u0000b', 'Remove the invisible NUL character from this text.'],
		['sourceUrl', 'https://example.org/\u0000', 'Enter a web address starting with https:// or http://.'],
		['publisher', '', 'Enter who published it.'],
		['excerpt', '', 'Copy the passage that supports the evidence, word for word.'],
		['publishedOn', '', 'Enter the date it was published.'],
		['publishedOn', '2026-02-30', 'Enter a date as YYYY-MM-DD, for example 2024-03-31.'],
		['publishedOn', '15.10.2026', 'Enter a date as YYYY-MM-DD, for example 2024-03-31.'],
		['publishedOn', '2026-11-30', 'The publication date cannot be in the future.'],
		['type', 'RUMOUR', 'Choose the type of evidence.'],
		['suggestedStatus', 'MAYBE', 'Choose one of the statuses, or none.'],
	])('refuses %s = %j with a message at the field', (field, value, message) => {
		expect(fieldErrors(schema.safeParse({ ...validEvidence, [field]: value }))?.[field]).toEqual([message])
	})

	test('refuses a title longer than the limit', () => {
		expect(fieldErrors(schema.safeParse({ ...validEvidence, title: 'x'.repeat(301) }))).toEqual({
			title: ['Use at most 300 characters.'],
		})
	})

	test('accepts a date that is already today somewhere on Earth, and nothing later', () => {
		expect(isoOf(latestToday(now))).toBe('2026-11-29')
		expect(schema.safeParse({ ...validEvidence, publishedOn: '2026-11-29' }).success).toBe(true)
		expect(schema.safeParse({ ...validEvidence, publishedOn: '2026-11-30' }).success).toBe(false)
	})

	test('wants a measured value and its date together', () => {
		expect(fieldErrors(schema.safeParse({ ...validEvidence, measuredValue: '120000' }))).toEqual({
			measuredAsOf: ['Enter the date the figure refers to.'],
		})
		expect(fieldErrors(schema.safeParse({ ...validEvidence, measuredAsOf: '2026-09-30' }))).toEqual({
			measuredValue: ['Enter the figure, or clear its date.'],
		})
	})

	test('refuses a figure dated after the source was published', () => {
		const parsed = schema.safeParse({ ...validEvidence, measuredValue: '1', measuredAsOf: '2026-10-16' })
		expect(fieldErrors(parsed)).toEqual({
			measuredAsOf: ['A source cannot report a figure dated after its own publication date.'],
		})
	})

	test.each([
		['150,000', 'Write the number without commas: 150000, or 12.5 with a point for decimals.'],
		['1,5', 'Write the number without commas: 150000, or 12.5 with a point for decimals.'],
		['12.34567', 'Enter a number such as 150000 or 12.5 (at most 16 digits and 4 decimal places).'],
		['1e6', 'Enter a number such as 150000 or 12.5 (at most 16 digits and 4 decimal places).'],
		['NaN', 'Enter a number such as 150000 or 12.5 (at most 16 digits and 4 decimal places).'],
		['12345678901234567', 'Enter a number such as 150000 or 12.5 (at most 16 digits and 4 decimal places).'],
	])('refuses the figure %j', (measuredValue, message) => {
		const parsed = schema.safeParse({ ...validEvidence, measuredValue, measuredAsOf: '2026-09-30' })
		expect(fieldErrors(parsed)).toEqual({ measuredValue: [message] })
	})

	test('wants a reason with a suggested status, and a status with a reason', () => {
		expect(fieldErrors(schema.safeParse({ ...validEvidence, suggestedStatus: 'IN_PROGRESS' }))).toEqual({
			suggestionReason: ['Say why you suggest this status.'],
		})
		expect(fieldErrors(schema.safeParse({ ...validEvidence, suggestionReason: 'Jobs are growing' }))).toEqual(
			{
				suggestedStatus: ['Choose the status you suggest, or clear the reason.'],
			},
		)
		const both = schema.parse({
			...validEvidence,
			suggestedStatus: 'IN_PROGRESS',
			suggestionReason: ' Growing ',
		})
		expect(both).toMatchObject({ suggestedStatus: 'IN_PROGRESS', suggestionReason: 'Growing' })
	})

	test('names every missing required field of an empty form', () => {
		expect(Object.keys(fieldErrors(schema.safeParse({})) ?? {}).sort()).toEqual([
			'excerpt',
			'publishedOn',
			'publisher',
			'sourceUrl',
			'title',
			'type',
		])
	})
})

describe('the review form', () => {
	test('approves, with or without a note', () => {
		expect(reviewSchema.parse({ decision: 'approve' })).toEqual({ decision: 'approve', note: null })
		expect(reviewSchema.parse({ decision: 'approve', note: ' Checked ' })).toEqual({
			decision: 'approve',
			note: 'Checked',
		})
	})

	test('rejects only with a reason', () => {
		expect(fieldErrors(reviewSchema.safeParse({ decision: 'reject', note: '  ' }))).toEqual({
			note: ['Give the reason for rejecting: the fact-checker will read it.'],
		})
		expect(reviewSchema.parse({ decision: 'reject', note: 'Not a primary source' })).toEqual({
			decision: 'reject',
			note: 'Not a primary source',
		})
	})

	test('wants a decision', () => {
		expect(fieldErrors(reviewSchema.safeParse({ decision: 'postpone' }))).toEqual({
			decision: ['Choose approve or reject.'],
		})
	})
})

describe('the status update and correction forms', () => {
	const schema = statusUpdateSchema(now)
	const valid = {
		status: 'IN_PROGRESS',
		effectiveDate: '2026-11-01',
		rationale: 'Hiring is up.',
		evidenceIds: 'e1',
	}

	test('refuses evidence ids and entry ids that cannot name a record', () => {
		expect(fieldErrors(schema.safeParse({ ...valid, evidenceIds: ['e1', 'e\u00002'] }))).toEqual({
			evidenceIds: ['Choose evidence from the list.'],
		})
		expect(fieldErrors(schema.safeParse({ ...valid, ledgerHeadId: "x' OR 1=1" }))).toEqual({
			ledgerHeadId: ['Reload the page and try again.'],
		})
		expect(fieldErrors(correctionSchema(now).safeParse({ ...valid, correctsId: 'a b' }))).toEqual({
			correctsId: ['Choose the entry to correct.'],
		})
	})

	test('takes one evidence id or several, without blanks or repeats', () => {
		expect(schema.parse(valid).evidenceIds).toEqual(['e1'])
		expect(schema.parse({ ...valid, evidenceIds: ['e1', '', 'e2', 'e1'] }).evidenceIds).toEqual(['e1', 'e2'])
	})

	test('wants evidence for a rated status, but not for NOT_RATED', () => {
		expect(fieldErrors(schema.safeParse({ ...valid, evidenceIds: undefined }))).toEqual({
			evidenceIds: ['Choose at least one approved evidence item this status rests on.'],
		})
		expect(schema.parse({ ...valid, status: 'NOT_RATED', evidenceIds: [] }).evidenceIds).toEqual([])
	})

	test('refuses a status taking effect in the future, and a missing rationale or status', () => {
		expect(
			fieldErrors(schema.safeParse({ ...valid, effectiveDate: '2027-01-01', rationale: '', status: 'DONE' })),
		).toEqual({
			effectiveDate: ['A status cannot take effect in the future.'],
			rationale: ['Explain the status: the public reads this.'],
			status: ['Choose the new status.'],
		})
	})

	test('a correction names the entry it corrects and follows the same rules', () => {
		const corrections = correctionSchema(now)
		expect(corrections.parse({ ...valid, correctsId: 'entry-1' })).toMatchObject({ correctsId: 'entry-1' })
		expect(fieldErrors(corrections.safeParse({ ...valid, evidenceIds: [] }))).toEqual({
			correctsId: ['Choose the entry to correct.'],
			evidenceIds: ['Choose at least one approved evidence item this status rests on.'],
		})
	})
})

test('anything other than an object is refused with a form-level message, never an exception', () => {
	for (const schema of [evidenceSchema(now), reviewSchema, statusUpdateSchema(now), correctionSchema(now)]) {
		for (const value of [null, undefined, 'x', 42, ['a']]) {
			expect(fieldErrors(schema.safeParse(value))).toEqual({
				_form: ['Reload the page and send the form again.'],
			})
		}
	}
})

test('formValues keeps every value of a repeated field and leaves files out', () => {
	const form = new FormData()
	form.append('evidenceIds', 'a')
	form.append('evidenceIds', 'b')
	form.append('status', 'KEPT')
	form.append('upload', new Blob(['x']), 'x.txt')
	expect(formValues(form)).toEqual({ evidenceIds: ['a', 'b'], status: 'KEPT' })
})

test('parseIsoDate refuses dates that do not exist', () => {
	expect(parseIsoDate('2024-02-29')).toEqual(new Date('2024-02-29T00:00:00Z'))
	expect(parseIsoDate('2023-02-29')).toBeNull()
	expect(parseIsoDate('2023-13-01')).toBeNull()
})

describe('random input never throws, and a refusal always names fields with messages', () => {
	// What a hostile or broken client can send for one field: text, several values, or something else.
	const anyFieldValue = fc.oneof(
		fc.string(),
		fc.string({ unit: 'grapheme' }),
		fc.constantFrom(
			'',
			' ',
			'https://example.org',
			'javascript:x',
			'2026-01-01',
			'9999-12-31',
			'0',
			'-1',
			'NaN',
			'a\u0000b',
		),
		fc
			.date({ noInvalidDate: false })
			.map((date) => (Number.isNaN(date.getTime()) ? 'Invalid' : date.toISOString())),
		fc.double().map(String),
		fc.array(fc.string(), { maxLength: 4 }),
		fc.constantFrom(undefined, null, 42, true, {}, []),
	)

	const forms = [
		{
			name: 'evidence',
			schema: evidenceSchema(now),
			fields: Object.keys(validEvidence),
			base: validEvidence,
		},
		{ name: 'review', schema: reviewSchema, fields: ['decision', 'note'], base: { decision: 'approve' } },
		{
			name: 'status update',
			schema: statusUpdateSchema(now),
			fields: ['status', 'effectiveDate', 'rationale', 'evidenceIds', 'ledgerHeadId'],
			base: { status: 'KEPT', effectiveDate: '2026-01-01', rationale: 'Done', evidenceIds: ['e1'] },
		},
		{
			name: 'correction',
			schema: correctionSchema(now),
			fields: ['status', 'effectiveDate', 'rationale', 'evidenceIds', 'correctsId'],
			base: {
				status: 'KEPT',
				effectiveDate: '2026-01-01',
				rationale: 'Done',
				evidenceIds: 'e1',
				correctsId: 'c',
			},
		},
	] as const

	for (const form of forms) {
		test(`the ${form.name} form`, () => {
			const randomForm = fc.dictionary(fc.constantFrom(...form.fields), anyFieldValue)
			fc.assert(
				fc.property(randomForm, fc.boolean(), (random, startFromValid) => {
					const values = startFromValid ? { ...form.base, ...random } : random
					const parsed = form.schema.safeParse(values)
					if (parsed.success) return
					const errors = fieldErrorsOf(parsed.error)
					expect(Object.keys(errors).length).toBeGreaterThan(0)
					for (const [field, messages] of Object.entries(errors)) {
						expect(form.fields).toContain(field)
						for (const message of messages) expect(message).toMatch(/^[A-Z“].*[.]$/)
					}
				}),
				{ numRuns: 500 },
			)
		})
	}

	test('any value at all, form or not, parses or is refused without an exception', () => {
		const schemas = [evidenceSchema(now), reviewSchema, statusUpdateSchema(now), correctionSchema(now)]
		fc.assert(
			fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true }), (value) => {
				for (const schema of schemas) expect(() => schema.safeParse(value)).not.toThrow()
			}),
			{ numRuns: 500 },
		)
	})

	test('a valid evidence form with one field replaced by junk is refused at that field only', () => {
		const schema = evidenceSchema(now)
		const junk = fc.constantFrom(42, {}, ['a', 'b'], 'not a date or url\u0000', '   ')
		fc.assert(
			fc.property(
				fc.constantFrom('sourceUrl', 'title', 'publisher', 'publishedOn', 'excerpt', 'type'),
				junk,
				(field, value) => {
					const parsed = schema.safeParse({ ...validEvidence, [field]: value })
					if (parsed.success) return field === 'title' || field === 'publisher' || field === 'excerpt'
					expect(Object.keys(fieldErrorsOf(parsed.error))).toEqual([field])
				},
			),
		)
	})
})

function isoOf(date: Date) {
	return date.toISOString().slice(0, 10)
}
