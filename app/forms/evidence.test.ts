import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { acceptedForm, errorsOf, parseForm, type SentValue } from '~/test/forms'
import { evidenceProblems, evidenceSchema } from './evidence'
import { latestToday } from './fields'
import { problemMessages } from './problems'

const now = new Date('2026-11-28T12:00:00Z')
const schema = evidenceSchema(now)

const validEvidence: Record<string, SentValue> = {
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

/** The field messages of the evidence form with these changes, or null when it passed. */
function errorsWith(changes: Record<string, SentValue>) {
	return errorsOf(parseForm(schema, { ...validEvidence, ...changes }))
}

describe('the evidence form', () => {
	test('accepts a complete submission, leaving blank optional fields out; a form without a precision gives a full date', () => {
		expect(acceptedForm(schema, validEvidence)).toEqual({
			type: 'OFFICIAL_STATISTIC',
			sourceUrl: 'https://stat.gov.kz/en/news/it-jobs',
			title: 'Employment in IT companies, Q3 2026',
			publisher: 'Bureau of National Statistics',
			// Checked here, read as a date where it is written (readPublicationDate, in submitEvidence).
			publishedPrecision: 'DAY',
			publishedOn: '2026-10-15',
			excerpt: 'The number of people employed in IT companies reached 118 400.',
		})
	})

	test('keeps a measured value as exact decimal text, allowing spaces between digit groups', () => {
		const parsed = acceptedForm(schema, {
			...validEvidence,
			measuredValue: '118 400.25',
			measuredAsOf: '2026-09-30',
		})
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
		expect(errorsWith({ [field]: value })?.[field]).toEqual([message])
	})

	test('refuses a title longer than the limit', () => {
		expect(errorsWith({ title: 'x'.repeat(301) })).toEqual({ title: ['Use at most 300 characters.'] })
	})

	test('accepts a date that is already today somewhere on Earth, and nothing later', () => {
		expect(latestToday(now).toISOString().slice(0, 10)).toBe('2026-11-29')
		expect(errorsWith({ publishedOn: '2026-11-29' })).toBeNull()
		expect(errorsWith({ publishedOn: '2026-11-30' })).not.toBeNull()
	})

	test('wants a measured value and its date together', () => {
		expect(errorsWith({ measuredValue: '120000' })).toEqual({
			measuredAsOf: ['Enter the date the figure refers to.'],
		})
		expect(errorsWith({ measuredAsOf: '2026-09-30' })).toEqual({
			measuredValue: ['Enter the figure, or clear its date.'],
		})
	})

	test('refuses a figure dated after the source was published', () => {
		expect(errorsWith({ measuredValue: '1', measuredAsOf: '2026-10-16' })).toEqual({
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
		expect(errorsWith({ measuredValue, measuredAsOf: '2026-09-30' })).toEqual({ measuredValue: [message] })
	})

	test('wants a reason with a suggested status, and a status with a reason', () => {
		expect(errorsWith({ suggestedStatus: 'IN_PROGRESS' })).toEqual({
			suggestionReason: ['Say why you suggest this status.'],
		})
		expect(errorsWith({ suggestionReason: 'Jobs are growing' })).toEqual({
			suggestedStatus: ['Choose the status you suggest, or clear the reason.'],
		})
		const both = acceptedForm(schema, {
			...validEvidence,
			suggestedStatus: 'IN_PROGRESS',
			suggestionReason: ' Growing ',
		})
		expect(both).toMatchObject({ suggestedStatus: 'IN_PROGRESS', suggestionReason: 'Growing' })
	})

	test('names every missing required field of an empty form', () => {
		expect(Object.keys(errorsOf(parseForm(schema, {})) ?? {}).sort()).toEqual([
			'excerpt',
			'publishedOn',
			'publisher',
			'sourceUrl',
			'title',
			'type',
		])
	})

	test('the model’s problems with a figure become messages at the measured value', () => {
		expect(problemMessages({ measuredValue: 'not-quantitative' }, evidenceProblems)).toEqual({
			measuredValue: ['Only a pledge with a numeric target takes a measured value: leave it empty.'],
		})
		expect(problemMessages({ measuredValue: 'no-indicator' }, evidenceProblems)).toEqual({
			measuredValue: ['This pledge has no indicator yet, so a figure cannot be recorded: leave it empty.'],
		})
	})

	test('a valid form with one field replaced by junk is refused at that field only', () => {
		const junk = fc.constantFrom<SentValue>('42', ['a', 'b'], 'not a date or url\u0000', '   ')
		fc.assert(
			fc.property(
				fc.constantFrom('sourceUrl', 'title', 'publisher', 'publishedOn', 'excerpt', 'type'),
				junk,
				(field, value) => {
					const errors = errorsWith({ [field]: value })
					if (errors === null) return field === 'title' || field === 'publisher' || field === 'excerpt'
					expect(Object.keys(errors)).toEqual([field])
				},
			),
		)
	})
})
