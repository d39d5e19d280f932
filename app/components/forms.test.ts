import type { SubmissionResult } from '@conform-to/react'
import { renderInRouter } from '~/test/render-in-router'
import { parseWithZod } from '@conform-to/zod/v4'
import { createElement, Fragment } from 'react'
import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { limits, optionalText, recordIds, text } from '~/forms/fields'
import type { Locale } from '~/i18n/locales'
import {
	CheckboxGroup,
	DateField,
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

/**
 * The kit's fields for `schema`, rendered on the server as a page would be, after `lastResult`, in
 * `locale` (the root loader's data, as on a page, gives the kit its language).
 */
async function render(lastResult: SubmissionResult<string[]> | null, locale: Locale = 'en') {
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
	document.body.innerHTML = await renderInRouter(Page, locale)
	return document
}

function replyTo(entries: Array<[string, string]>) {
	const data = new FormData()
	for (const [name, value] of entries) data.append(name, value)
	return parseWithZod(data, { schema }).reply()
}

describe('the field kit', () => {
	it('labels every control and ties its hint to it', async () => {
		const page = await render(null)
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

	it('says how to write a date, after the field’s own hint', async () => {
		const page = await render(null)
		const describedText = (selector: string) => {
			const ids = page.querySelector(selector)?.getAttribute('aria-describedby')?.split(' ') ?? []
			return ids.map((id) => page.getElementById(id)?.textContent)
		}
		const dateFormatHint = 'As YYYY-MM-DD, for example 2024-03-31.'
		expect(describedText('input[name="publishedOn"]')).toEqual([dateFormatHint])
		expect(describedText('input[name="measuredOn"]')).toEqual([`The figure’s date. ${dateFormatHint}`])
	})

	it('ties a group’s hint to its fieldset', async () => {
		const page = await render(null)
		const group = [...page.querySelectorAll('fieldset')].find(
			(fieldset) => fieldset.querySelector('legend')?.textContent === 'Measurement',
		)
		const hintId = group?.getAttribute('aria-describedby')
		expect(hintId && page.getElementById(hintId)?.textContent).toBe('Both or neither.')
	})

	it('shows a refused form as sent, with each message tied to its field', async () => {
		const page = await render(
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

	it('puts a group’s message on its fieldset, once', async () => {
		const page = await render(
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

	it('shows the messages in the page’s language, and one the catalogue does not know in English, marked so', async () => {
		const sent: Array<[string, string]> = [
			['title', ''],
			['note', 'x'.repeat(limits.reason + 1)],
			['type', 'LAW'],
			['evidenceIds', 'not an id!'],
		]
		const page = await render(replyTo(sent), 'ru')
		const errorOf = (selector: string) => {
			const ids = page.querySelector(selector)?.getAttribute('aria-describedby')?.split(' ') ?? []
			return ids.map((id) => page.getElementById(id)).find((node) => node?.className === 'staff-field-error')
		}
		// The schema's own English ("Enter the title." is this test's, unknown to the catalogue).
		const title = errorOf('input[name="title"]')
		expect(title?.textContent).toBe('Enter the title.')
		expect(title?.querySelector('[lang="en"]')?.textContent).toBe('Enter the title.')
		// A builder's message, with its number written the Russian way.
		const note = errorOf('textarea[name="note"]')
		expect(note?.textContent).toBe('Не больше 2\u00a0000 символов.')
		expect(note?.querySelector('[lang="en"]')).toBeNull()
		const group = page.querySelector('fieldset')
		const groupError = group
			?.getAttribute('aria-describedby')
			?.split(' ')
			.map((id) => page.getElementById(id)?.textContent)
		expect(groupError).toEqual(['Выберите источники из списка.'])
		// The kit's own words too.
		expect(page.body.textContent).toContain('В виде ГГГГ-ММ-ДД, например 2024-03-31.')
	})
})
