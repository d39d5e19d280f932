/**
 * Reading what a form's route answered, as the page would: conform's reply to a refused form
 * (`{ result }`: the values as sent, the messages per field) or a 409 (`{ conflict }`: the newer values).
 */

function get(value: unknown, key: string | number): unknown {
	return typeof value === 'object' && value !== null && key in value ? Reflect.get(value, key) : undefined
}

/** The value at a form field's name (`title`, `steps[1].doneOn`) in nested values. */
export function valueAt(values: unknown, name: string): unknown {
	return name
		.split(/\.|\[(\d+)\]/)
		.filter((part) => part !== undefined && part !== '')
		.reduce((value, part) => get(value, /^\d+$/.test(part) ? Number(part) : part), values)
}

function stringLists(value: unknown): Record<string, string[]> {
	const lists: Record<string, string[]> = {}
	if (typeof value !== 'object' || value === null) return lists
	for (const [name, messages] of Object.entries(value)) {
		if (Array.isArray(messages)) lists[name] = messages.filter((message) => typeof message === 'string')
	}
	return lists
}

/** A refused form's reply: its messages per field name, and what each field shows again. */
export function refusalOf(body: unknown) {
	const result = get(body, 'result')
	const values = get(result, 'initialValue')
	return {
		errors: stringLists(get(result, 'error')),
		values,
		/** What the field shows again: the value as sent, '' for a field sent empty. */
		shown: (name: string) => valueAt(values, name) ?? '',
		/** The values of several fields, as `shown`. */
		shownOf: (names: readonly string[]) =>
			Object.fromEntries(names.map((name) => [name, valueAt(values, name) ?? ''])),
	}
}

/** A 409's answer: why, and the stored, newer values the form starts again from. */
export function conflictOf(body: unknown) {
	const conflict = get(body, 'conflict')
	return { message: get(conflict, 'message'), values: get(conflict, 'values') }
}
