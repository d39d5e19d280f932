import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
	decimal,
	isoDate,
	optionalDecimal,
	optionalText,
	optionalWebAddress,
	pastDate,
	recordIds,
	slug,
	text,
	version,
	webAddress,
	wholeNumber,
} from './fields'

/** A form as a browser sends it: every field a string, a repeated field once per value. */
function formData(entries: Record<string, string | string[]>) {
	const data = new FormData()
	for (const [name, value] of Object.entries(entries)) {
		for (const item of Array.isArray(value) ? value : [value]) data.append(name, item)
	}
	return data
}

function parse<Shape extends z.ZodRawShape>(shape: Shape, entries: Record<string, string | string[]>) {
	const submission = parseWithZod(formData(entries), { schema: z.object(shape) })
	return submission.status === 'success'
		? { status: submission.status, value: submission.value, error: undefined }
		: { status: submission.status, value: undefined, error: submission.error }
}

const now = new Date('2026-06-15T12:00:00Z')

describe('field builders, parsed as conform parses a posted form', () => {
	it('trims text and answers a blank or spaces-only required field with its own message', () => {
		const shape = { title: text({ missing: 'Enter a title.', max: 10 }) }
		expect(parse(shape, { title: '  Jobs  ' }).status).toBe('success')
		expect(parse(shape, { title: '  Jobs  ' }).value).toEqual({ title: 'Jobs' })
		expect(parse(shape, { title: '' }).error).toEqual({ title: ['Enter a title.'] })
		expect(parse(shape, { title: '   ' }).error).toEqual({ title: ['Enter a title.'] })
		expect(parse(shape, {}).error).toEqual({ title: ['Enter a title.'] })
	})

	it('counts the limit in characters and writes it the same way everywhere (2,000)', () => {
		const shape = { reason: text({ missing: 'Enter a reason.', max: 2000 }) }
		expect(parse(shape, { reason: 'я'.repeat(2000) }).status).toBe('success')
		expect(parse(shape, { reason: 'я'.repeat(2001) }).error).toEqual({
			reason: ['Use at most 2,000 characters.'],
		})
	})

	it('refuses the NUL character, which PostgreSQL text cannot hold', () => {
		const shape = { title: text({ missing: 'Enter a title.', max: 10 }) }
		expect(parse(shape, { title: 'a\u0000b' }).error).toEqual({
			title: ['Remove the invisible NUL character from this text.'],
		})
	})

	it('refuses a character lost on the way in (a lone surrogate arrives as U+FFFD), saying so', () => {
		const shape = { title: text({ missing: 'Enter a title.', max: 10 }), note: optionalText({ max: 10 }) }
		// A form body holding the UTF-8 bytes of a lone surrogate, as a hand-made post can send it.
		const sent = new URLSearchParams('title=a%ED%A0%80b&note=%ED%B0%80')
		expect(sent.get('title')).toBe('a\uFFFD\uFFFD\uFFFDb')
		const message =
			'A character of this text was lost on the way (it shows as \uFFFD): retype that part and send it again.'
		expect(parse(shape, Object.fromEntries(sent)).error).toEqual({ title: [message], note: [message] })
	})

	it('treats an optional text of spaces as nothing entered', () => {
		const shape = { note: optionalText({ max: 5 }) }
		expect(parse(shape, { note: '   ' }).value).toEqual({ note: undefined })
		expect(parse(shape, {}).value).toEqual({})
		expect(parse(shape, { note: ' ok ' }).value).toEqual({ note: 'ok' })
		expect(parse(shape, { note: '123456' }).error).toEqual({ note: ['Use at most 5 characters.'] })
	})

	it('takes only http(s) web addresses with a host', () => {
		const shape = { url: webAddress({ missing: 'Enter the address.' }), archive: optionalWebAddress() }
		expect(parse(shape, { url: ' https://example.org/a ' }).value).toEqual({ url: 'https://example.org/a' })
		for (const bad of ['javascript:alert(1)', 'ftp://example.org', 'example.org', 'https://']) {
			expect(parse(shape, { url: bad }).error?.url).toEqual([
				'Enter a web address starting with https:// or http://.',
			])
		}
		expect(parse(shape, { url: 'https://example.org', archive: 'data:text/html,x' }).error).toEqual({
			archive: ['Enter a web address starting with https:// or http://.'],
		})
		expect(parse(shape, { url: 'https://example.org', archive: '' }).value).toEqual({
			url: 'https://example.org',
		})
	})

	it('keeps decimals as exact text, allows digit-group spaces and refuses commas', () => {
		const shape = { value: decimal({ missing: 'Enter the figure.' }), baseline: optionalDecimal() }
		expect(parse(shape, { value: '150 000', baseline: '0.35' }).value).toEqual({
			value: '150000',
			baseline: '0.35',
		})
		expect(parse(shape, { value: '150,000' }).error?.value).toEqual([
			'Write the number without commas: 150000, or 12.5 with a point for decimals.',
		])
		expect(parse(shape, { value: '1e5' }).error?.value).toEqual([
			'Enter a number such as 150000 or 12.5 (at most 16 digits and 4 decimal places).',
		])
		expect(parse(shape, { value: '1.23456' }).status).toBe('error')
		expect(parse(shape, {}).error?.value).toEqual(['Enter the figure.'])
	})

	it('reads whole numbers in bounds, and a blank as the given default', () => {
		const shape = { position: wholeNumber({ min: 0, max: 9999, blank: 0 }) }
		expect(parse(shape, {}).value).toEqual({ position: 0 })
		expect(parse(shape, { position: ' 12 ' }).value).toEqual({ position: 12 })
		for (const bad of ['-1', '10000', '1.5', 'abc']) {
			expect(parse(shape, { position: bad }).error?.position).toEqual([
				'Enter a whole number from 0 to 9,999.',
			])
		}
	})

	it('reads calendar dates as UTC midnight, from 1900 to 2199', () => {
		const shape = { deadline: isoDate({ missing: 'Enter the deadline.' }) }
		expect(parse(shape, { deadline: '2029-11-30' }).value).toEqual({
			deadline: new Date(Date.UTC(2029, 10, 30)),
		})
		expect(parse(shape, { deadline: '2023-02-29' }).error?.deadline).toEqual([
			'Enter a date as YYYY-MM-DD, for example 2024-03-31.',
		])
		expect(parse(shape, { deadline: '30.11.2029' }).status).toBe('error')
		expect(parse(shape, { deadline: '1899-12-31' }).error?.deadline).toEqual(['Enter a date from 1900 on.'])
		expect(parse(shape, { deadline: '2200-01-01' }).error?.deadline).toEqual(['Enter a date before 2200.'])
		expect(parse(shape, {}).error?.deadline).toEqual(['Enter the deadline.'])
	})

	it('accepts a past date up to today anywhere on Earth, and nothing later', () => {
		const shape = { publishedOn: pastDate({ missing: 'Enter it.', future: 'Not in the future.', now }) }
		// 12:00 UTC on 15 June is already 16 June in UTC+14.
		expect(parse(shape, { publishedOn: '2026-06-16' }).status).toBe('success')
		expect(parse(shape, { publishedOn: '2026-06-17' }).error).toEqual({
			publishedOn: ['Not in the future.'],
		})
	})

	it('reads a group of checkboxes as a list of ids without repeats, one value or none', () => {
		const shape = { ids: recordIds({ max: 3, invalid: 'Choose from the list.' }) }
		expect(parse(shape, { ids: ['a1', 'b2', 'a1'] }).value).toEqual({ ids: ['a1', 'b2'] })
		expect(parse(shape, { ids: 'a1' }).value).toEqual({ ids: ['a1'] })
		expect(parse(shape, {}).value).toEqual({ ids: [] })
		expect(parse(shape, { ids: ['a1', "x' OR 1=1"] }).error).toEqual({ ids: ['Choose from the list.'] })
		expect(parse(shape, { ids: ['a', 'b', 'c', 'd'] }).error).toEqual({ ids: ['Choose at most 3.'] })
	})

	it('reads the version a form was loaded with, and refuses anything else', () => {
		const shape = { version: version() }
		expect(parse(shape, { version: '7' }).value).toEqual({ version: 7 })
		for (const bad of ['0', '-1', 'x', '1.5', '']) {
			expect(parse(shape, { version: bad }).error).toEqual({ version: ['Reload the page and try again.'] })
		}
	})

	it('gives the browser the same limits: required, maxLength and the slug pattern', () => {
		const constraint = getZodConstraint(
			z.object({
				title: text({ missing: 'Enter a title.', max: 300 }),
				note: optionalText({ max: 2000 }),
				slug: slug(),
			}),
		)
		expect(constraint.title).toMatchObject({ required: true, maxLength: 300 })
		expect(constraint.note).toMatchObject({ required: false, maxLength: 2000 })
		expect(constraint.slug).toMatchObject({ required: true, maxLength: 80 })
		expect(new RegExp(constraint.slug?.pattern ?? '').test('it-jobs')).toBe(true)
		expect(new RegExp(constraint.slug?.pattern ?? '').test('IT Jobs')).toBe(false)
	})
})
