// An edit conflict, field by field: which of a form's fields the newer, saved record holds differently from
// what the editor sent, so that the form can show both (app/components/forms.tsx) and the editor can take
// the saved value of any of them (`takeSavedField`).

/** The form field (a checkbox at each differing field) that asks for the saved value instead of one's own. */
export const takeSavedField = 'takeSaved'

/** A field's value as a form holds it: text, or several (a group of checkboxes). */
export type FieldValue = string | string[]

/** The value someone else saved, per field name where it differs from the editor's (`title`, `steps`). */
export type SavedDifferences = Record<string, FieldValue>

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value)
}

/**
 * A form's values (nested, as conform names them) as one value per field name: `title`, `steps[0].title`;
 * a list of plain values (checkboxes) stays one field.
 */
export function flattenFormValues(values: unknown, prefix = ''): Map<string, FieldValue> {
	const fields = new Map<string, FieldValue>()
	if (isRecord(values)) {
		for (const [key, value] of Object.entries(values)) {
			for (const entry of flattenFormValues(value, prefix ? `${prefix}.${key}` : key)) fields.set(...entry)
		}
	} else if (Array.isArray(values) && values.some(isRecord)) {
		values.forEach((item, index) => {
			for (const entry of flattenFormValues(item, `${prefix}[${index}]`)) fields.set(...entry)
		})
	} else if (Array.isArray(values)) {
		fields.set(prefix, values.map(text))
	} else if (prefix) {
		fields.set(prefix, text(values))
	}
	return fields
}

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
	const list = (value: FieldValue | undefined) => (Array.isArray(value) ? value : value ? [value] : [])
	const left = list(a)
	const right = list(b)
	return left.length === right.length && left.every((value, index) => value === right[index])
}

/** A list of rows (milestone steps), one line per row: its values joined. */
function rowsOf(values: unknown): string[] | null {
	if (!Array.isArray(values) || !values.some(isRecord)) return null
	return values.map((row) => [...flattenFormValues(row).values()].flat().filter(Boolean).join(' · '))
}

/**
 * The fields whose saved value differs from the editor's, with the saved value. A list of rows of another
 * length differs as a whole, at the list's name (its rows as lines); otherwise row by row. `ignore` names
 * fields that always differ or are no one's edit (the version).
 */
export function savedDifferences(
	mine: Record<string, unknown>,
	saved: Record<string, unknown>,
	ignore: readonly string[] = ['version'],
): SavedDifferences {
	const differences: SavedDifferences = {}
	for (const [name, savedValue] of Object.entries(saved)) {
		if (ignore.includes(name)) continue
		const savedRows = rowsOf(savedValue)
		const mineRows = rowsOf(mine[name])
		if ((savedRows || mineRows) && (savedRows?.length ?? 0) !== (mineRows?.length ?? 0)) {
			differences[name] = savedRows ?? []
			continue
		}
		const mineFields = flattenFormValues(mine[name], name)
		for (const [field, value] of flattenFormValues(savedValue, name)) {
			if (!same(mineFields.get(field), value)) differences[field] = value
		}
	}
	return differences
}

/**
 * A posted form with the saved value put in place of the editor's at every field they ticked "take the
 * saved value" for (a list: all its rows), and the ticks removed. Works without JavaScript: the server
 * does it before the form is parsed.
 */
export function withSavedValuesTaken(form: FormData, saved: Record<string, unknown>): FormData {
	const taken = form.getAll(takeSavedField).filter((name): name is string => typeof name === 'string')
	if (taken.length === 0) return form
	const savedFields = flattenFormValues(saved)
	const within = (name: string, field: string) =>
		name === field || name.startsWith(`${field}[`) || name.startsWith(`${field}.`)
	const result = new FormData()
	for (const [name, value] of form.entries()) {
		if (name === takeSavedField || taken.some((field) => within(name, field))) continue
		result.append(name, value)
	}
	for (const field of taken) {
		for (const [name, value] of savedFields) {
			if (!within(name, field)) continue
			for (const item of Array.isArray(value) ? value : [value]) result.append(name, item)
		}
	}
	return result
}
