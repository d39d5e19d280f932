import { z } from 'zod'
import { isRecordId, optionalText, recordId } from './fields'

// The audit log's filter form (a GET form: its values are the page's query string).

type Cursor = { createdAt: Date; id: string }

/** A page's position in the log: the time and id of the last entry of the page before it. */
export function auditCursorOf(entry: Cursor): string {
	return `${entry.createdAt.toISOString()}_${entry.id}`
}

function parseAuditCursor(value: string): Cursor | null {
	const separator = value.indexOf('_')
	if (separator < 0) return null
	const createdAt = new Date(value.slice(0, separator))
	const id = value.slice(separator + 1)
	if (Number.isNaN(createdAt.getTime()) || !isRecordId(id)) return null
	return { createdAt, id }
}

const brokenPageLink = 'This page link is broken: go back to the first page.'

/**
 * The filters, and `after`, the keyset cursor of the page links (not a field of the form), so a page
 * costs the same however deep it is.
 */
export const auditLogFilterSchema = z.object({
	actor: recordId({ missing: 'Choose an account from the list.' }).optional(),
	action: optionalText({ max: 100 }).refine(
		(value) => value === undefined || /^[a-z_.]+$/.test(value),
		'Actions are written like evidence.submit or user. (lowercase letters, dots and underscores).',
	),
	entityType: optionalText({ max: 50 }).refine(
		(value) => value === undefined || /^[A-Za-z]+$/.test(value),
		'An entity type is a single word such as Pledge or User.',
	),
	entityId: recordId({ missing: 'An id has only letters, digits, hyphens and underscores.' }).optional(),
	after: optionalText({ max: 200 }).transform((value, context) => {
		if (value === undefined) return undefined
		const cursor = parseAuditCursor(value)
		if (!cursor) {
			context.addIssue({ code: 'custom', message: brokenPageLink })
			return z.NEVER
		}
		return cursor
	}),
})

export type AuditLogFilter = z.output<typeof auditLogFilterSchema>
