import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'

type ReplyOptions = {
	fieldErrors?: Record<string, string[]>
	formErrors?: string[]
	/** Fields never sent back (passwords): the form shows them empty. */
	hideFields?: string[]
}

/**
 * A refused form: 400 with conform's reply, which keeps every value as sent (except `hideFields`) and puts
 * each message at its field (`fieldErrors` and `formErrors` add what only the server could know, such as
 * a taken slug).
 */
export function refuse<Output>(submission: Submission<Output>, options?: ReplyOptions, status = 400) {
	return data({ result: submission.reply(options) }, { status })
}

/** Room for the longest list any form holds (30 milestone steps, 50 pieces of evidence), and to spare. */
const maxListIndex = 100

/**
 * A form no page of Uade sends, refused before conform reads it: a list item far beyond any list's room
 * (`steps[99999999].title`, from which conform would build an array that long before the schema's own
 * limit could refuse it), or a `__intent__` that is no conform intent (which would throw).
 */
export function isUnreadableForm(formData: FormData): boolean {
	for (const name of formData.keys()) {
		for (const [, index] of name.matchAll(/\[(\d+)\]/g)) if (Number(index) > maxListIndex) return true
	}
	const intent = formData.get('__intent__')
	if (intent === null) return false
	if (typeof intent !== 'string') return true
	try {
		const parsed: unknown = JSON.parse(intent)
		if (typeof parsed !== 'object' || parsed === null) return true
		const { type, payload } = { type: undefined, payload: undefined, ...parsed }
		return typeof type !== 'string' || typeof payload !== 'object' || payload === null
	} catch {
		return true
	}
}

/**
 * The form again after a field list's button ("Add a step", "Remove") was pressed without JavaScript:
 * conform applied it to the values as sent, and nothing is saved.
 */
export function replyToIntent<Output>(submission: Submission<Output>) {
	return data({ result: submission.reply() })
}
