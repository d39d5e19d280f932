import { parseWithZod } from '@conform-to/zod/v4'
import type { ZodType } from 'zod'
import { isReadableForm } from '~/forms/reply.server'

/** What a test sends for one field: a value, several (a group of checkboxes), or nothing. */
export type SentValue = string | readonly string[] | undefined

/** A form as a browser sends it: each value once, a list as the same name repeated, nothing for absent. */
export function formDataOf(fields: Record<string, SentValue>): FormData {
	const form = new FormData()
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined) continue
		for (const item of typeof value === 'string' ? [value] : value) form.append(name, item)
	}
	return form
}

/** A form parsed as its route parses it (conform: a blank field is absent), after the same guard. */
export function parseForm<Schema extends ZodType>(schema: Schema, fields: Record<string, SentValue>) {
	const form = formDataOf(fields)
	if (!isReadableForm(form)) throw new Error('The route would refuse this form before reading it.')
	return parseWithZod(form, { schema })
}

/** The messages of a refused form per field (`''` for the form as a whole), or null when it was accepted. */
export function errorsOf(submission: {
	status?: 'success' | 'error'
	error?: Record<string, string[] | null> | null
}) {
	if (submission.status === 'success') return null
	const errors: Record<string, string[]> = {}
	for (const [field, messages] of Object.entries(submission.error ?? {})) {
		if (messages?.length) errors[field] = messages
	}
	return errors
}

/** The parsed value of a form that must be accepted (a test's own valid input). */
export function acceptedForm<Schema extends ZodType>(schema: Schema, fields: Record<string, SentValue>) {
	const submission = parseForm(schema, fields)
	if (submission.status !== 'success') {
		throw new Error(`The form was refused: ${JSON.stringify(errorsOf(submission))}`)
	}
	return submission.value
}
