import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { createElement, Fragment } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { limits, optionalText, recordIds, text } from '~/forms/fields'
import {
	CheckboxGroup,
	DateField,
	dateFormatHint,
	FieldGroup,
	SelectField,
	TextAreaField,
	TextField,
	useStaffForm,
} from './forms'

const schema = z.object({
	title: text({ missing: 'Enter the title.', max: limits.title }),
	note: optionalText({ max: limits.reason }),
	publishedOn: text({ missing: 'Enter the date.', max: 10 }),
	measuredOn: text({ missing: 'Enter the date.', max: 10 }),
	type: z.enum(['LAW', 'BUDGET'], { error: 'Choose the type.' }),
	evidenceIds: recordIds({ max: 5, invalid: 'Choose evidence from the list.' }),
})

/** The kit's fields for `schema`, rendered on the server as a page would be, after `lastResult`. */
function render(lastResult: SubmissionResult<string[]> | null) {
	function Page() {
		const [, fields] = useStaffForm(schema, { lastResult, id: 'test-form' })
		return createElement(
			Fragment,
			null,
			createElement(TextField, { label: 'Title', field: fields.title, hint: 'As the source prints it.' }),
			createElement(TextAreaField, { label: 'Note', field: fields.note }),
			createElement(DateField, { label: 'Published', field: fields.publishedOn }),
			createElement(SelectField, {
				label: 'Type',
				field: fields.type,
				emptyLabel: 'Choose',
				options: [
					{ value: 'LAW', label: 'Law' },
					{ value: 'BUDGET', label: 'Budget' },
				],
			}),
			createElement(CheckboxGroup, {
				label: 'Evidence',
				field: fields.evidenceIds,
				choices: ['e1', 'e2', 'e3'].map((id) => ({ value: id, label: `Item ${id}` })),
			}),
			createElement(FieldGroup, {
				legend: 'Measurement',
				hint: 'Both or neither.',
				children: createElement(DateField, {
					label: 'As of',
					field: fields.measuredOn,
					hint: 'The figure’s date.',
				}),
			}),
		)
	}
	// Rendered as the server renders a page (no DOM here), then read with a DOM of its own.
	const { document } = new Window()
	document.body.innerHTML = renderToStaticMarkup(createElement(Page))
	return document
}

function replyTo(entries: Array<[string, string]>) {
	const data = new FormData()
	for (const [name, value] of entries) data.append(name, value)
	return parseWithZod(data, { schema }).reply()
}

describe('the field kit', () => {
	it('labels every control and ties its hint to it', () => {
		const page = render(null)
		const title = page.querySelector('input[name="title"]')
		expect(title).not.toBeNull()
		expect(page.querySelector(`label[for="${title?.getAttribute('id')}"]`)?.textContent).toBe('Title')
		const hintId = title?.getAttribute('aria-describedby')
		expect(hintId && page.getElementById(hintId)?.textContent).toBe('As the source prints it.')
		expect(title?.hasAttribute('required')).toBe(true)
		expect(title?.getAttribute('maxlength')).toBe(String(limits.title))
		expect(page.querySelector('textarea[name="note"]')?.hasAttribute('required')).toBe(false)
		expect(page.querySelector('input[name="publishedOn"]')?.getAttribute('type')).toBe('date')
	})

	it('says how to write a date, after the field’s own hint', () => {
		const page = render(null)
		const describedText = (selector: string) => {
			const ids = page.querySelector(selector)?.getAttribute('aria-describedby')?.split(' ') ?? []
			return ids.map((id) => page.getElementById(id)?.textContent)
		}
		expect(dateFormatHint).toBe('As YYYY-MM-DD, for example 2024-03-31.')
		expect(describedText('input[name="publishedOn"]')).toEqual([dateFormatHint])
		expect(describedText('input[name="measuredOn"]')).toEqual([`The figure’s date. ${dateFormatHint}`])
	})

	it('ties a group’s hint to its fieldset', () => {
		const page = render(null)
		const group = [...page.querySelectorAll('fieldset')].find(
			(fieldset) => fieldset.querySelector('legend')?.textContent === 'Measurement',
		)
		const hintId = group?.getAttribute('aria-describedby')
		expect(hintId && page.getElementById(hintId)?.textContent).toBe('Both or neither.')
	})

	it('shows a refused form as sent, with each message tied to its field', () => {
		const page = render(
			replyTo([
				['title', ''],
				['note', 'kept note'],
				['type', 'LAW'],
				['evidenceIds', 'e1'],
				['evidenceIds', 'e3'],
			]),
		)
		const title = page.querySelector('input[name="title"]')
		expect(title?.getAttribute('aria-invalid')).toBe('true')
		const describedBy = title?.getAttribute('aria-describedby')?.split(' ') ?? []
		const messages = describedBy.map((id) => page.getElementById(id)?.textContent)
		expect(messages).toContain('Enter the title.')
		expect(messages).toContain('As the source prints it.')
		expect(page.querySelector('textarea[name="note"]')?.textContent).toBe('kept note')
		expect(page.querySelector('option[value="LAW"]')?.hasAttribute('selected')).toBe(true)
		const ticked = [...page.querySelectorAll('input[name="evidenceIds"]')]
			.filter((box) => box.hasAttribute('checked'))
			.map((box) => box.getAttribute('value'))
		expect(ticked).toEqual(['e1', 'e3'])
	})

	it('puts a group’s message on its fieldset, once', () => {
		const page = render(
			replyTo([
				['title', 'x'],
				['type', 'LAW'],
				['evidenceIds', 'not an id!'],
			]),
		)
		const group = page.querySelector('fieldset')
		const errorIds = group?.getAttribute('aria-describedby')?.split(' ') ?? []
		expect(errorIds.map((id) => page.getElementById(id)?.textContent)).toEqual([
			'Choose evidence from the list.',
		])
		for (const box of page.querySelectorAll('input[name="evidenceIds"]')) {
			expect(box.hasAttribute('aria-describedby')).toBe(false)
		}
	})
})
