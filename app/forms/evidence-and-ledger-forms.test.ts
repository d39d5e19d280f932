import { getZodConstraint } from '@conform-to/zod/v4'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { errorsOf, parseForm, type SentValue } from '~/test/forms'
import { evidenceSchema } from './evidence'
import { parseIsoDate } from './fields'
import { reviewSchema } from './review'
import { correctionSchema, statusUpdateSchema } from './status-update'

// What the evidence, review, status and correction forms share: whatever a client sends, they answer with
// messages at fields, never an exception.

const now = new Date('2026-11-28T12:00:00Z')

const schemas = [evidenceSchema(now), reviewSchema, statusUpdateSchema(now), correctionSchema(now)]

test('anything other than an object is refused with a form-level message, never an exception', () => {
	for (const schema of schemas) {
		for (const value of [null, undefined, 'x', 42, ['a']]) {
			const parsed = schema.safeParse(value)
			expect(parsed.success).toBe(false)
			expect(parsed.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
				{ path: [], message: 'Reload the page and send the form again.' },
			])
		}
	}
})

test('parseIsoDate refuses dates that do not exist', () => {
	expect(parseIsoDate('2024-02-29')).toEqual(new Date('2024-02-29T00:00:00Z'))
	expect(parseIsoDate('2023-02-29')).toBeNull()
	expect(parseIsoDate('2023-13-01')).toBeNull()
})

describe('random input never throws, and a refusal always names fields with messages', () => {
	// What a hostile or broken client can send for one field: text, several values, or nothing.
	const anyFieldValue: fc.Arbitrary<SentValue> = fc.oneof(
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
			'42',
			'true',
			'[object Object]',
		),
		fc
			.date({ noInvalidDate: false })
			.map((date) => (Number.isNaN(date.getTime()) ? 'Invalid' : date.toISOString())),
		fc.double().map(String),
		fc.array(fc.string(), { maxLength: 4 }),
		fc.constant(undefined),
	)

	const forms = [
		{
			name: 'evidence',
			schema: evidenceSchema(now),
			fields: [
				'type',
				'sourceUrl',
				'title',
				'publisher',
				'publishedOn',
				'excerpt',
				'archiveUrl',
				'measuredValue',
				'measuredAsOf',
				'suggestedStatus',
				'suggestionReason',
			],
			base: {
				type: 'OFFICIAL_STATISTIC',
				sourceUrl: 'https://stat.gov.kz/en/news/it-jobs',
				title: 'Employment in IT companies, Q3 2026',
				publisher: 'Bureau of National Statistics',
				publishedOn: '2026-10-15',
				excerpt: 'The number of people employed in IT companies reached 118 400.',
			},
		},
		{
			name: 'review',
			schema: reviewSchema,
			fields: ['decision', 'note', 'version'],
			base: { decision: 'approve', version: '1' },
		},
		{
			name: 'status update',
			schema: statusUpdateSchema(now),
			fields: ['step', 'status', 'effectiveDate', 'rationale', 'evidenceIds', 'ledgerHeadId'],
			base: {
				status: 'KEPT',
				effectiveDate: '2026-01-01',
				rationale: 'The programme was completed.',
				evidenceIds: ['e1'],
			},
		},
		{
			name: 'correction',
			schema: correctionSchema(now),
			fields: [
				'step',
				'status',
				'effectiveDate',
				'rationale',
				'evidenceIds',
				'correctsId',
				'correctionReason',
			],
			base: {
				status: 'KEPT',
				effectiveDate: '2026-01-01',
				rationale: 'The programme was completed.',
				evidenceIds: 'e1',
				correctsId: 'c',
				correctionReason: 'The entry named the wrong programme.',
			},
		},
	]

	for (const form of forms) {
		test(`the ${form.name} form`, () => {
			const randomForm = fc.dictionary(fc.constantFrom(...form.fields), anyFieldValue)
			fc.assert(
				fc.property(randomForm, fc.boolean(), (random, startFromValid) => {
					const values: Record<string, SentValue> = startFromValid ? { ...form.base, ...random } : random
					const errors = errorsOf(parseForm(form.schema, values))
					if (errors === null) return
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
		fc.assert(
			fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true }), (value) => {
				for (const schema of schemas) expect(() => schema.safeParse(value)).not.toThrow()
			}),
			{ numRuns: 500 },
		)
	})
})

test('the browser can read every form’s limits (getZodConstraint accepts each schema)', () => {
	for (const schema of schemas) expect(() => getZodConstraint(schema)).not.toThrow()
	expect(getZodConstraint(evidenceSchema(now))).toMatchObject({
		title: { required: true, maxLength: 300 },
		archiveUrl: { required: false },
	})
	expect(getZodConstraint(statusUpdateSchema(now))).toMatchObject({ evidenceIds: { multiple: true } })
})
