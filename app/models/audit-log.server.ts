import { z } from 'zod'
import type { Prisma } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { isRecordId } from '~/forms/fields'

export const auditLogPageSize = 50

/** Accounts offered in the "by" filter: staff accounts are few, but the list stays bounded all the same. */
export const auditActorChoiceLimit = 500

const optionalFilter = (max: number, message: string) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
		z.string({ error: message }).max(max, message).optional(),
	)

/**
 * The audit log's filters, from the page's query string. `after` is the keyset cursor: the position
 * (time and id) of the last entry of the previous page, so a page costs the same however deep it is.
 */
export const auditLogFilterSchema = z.object({
	actor: optionalFilter(100, 'Choose an account from the list.').refine(
		(value) => value === undefined || isRecordId(value),
		'Choose an account from the list.',
	),
	action: optionalFilter(100, 'Use at most 100 characters.').refine(
		(value) => value === undefined || /^[a-z_.]+$/.test(value),
		'Actions are written like evidence.submit or user. (lowercase letters, dots and underscores).',
	),
	entityType: optionalFilter(50, 'Use at most 50 characters.').refine(
		(value) => value === undefined || /^[A-Za-z]+$/.test(value),
		'An entity type is a single word such as Pledge or User.',
	),
	entityId: optionalFilter(100, 'Use at most 100 characters.').refine(
		(value) => value === undefined || isRecordId(value),
		'An id has only letters, digits, hyphens and underscores.',
	),
	after: optionalFilter(200, 'This page link is broken: go back to the first page.').transform(
		(value, context) => {
			if (value === undefined) return undefined
			const cursor = parseCursor(value)
			if (!cursor) {
				context.addIssue({ code: 'custom', message: 'This page link is broken: go back to the first page.' })
				return z.NEVER
			}
			return cursor
		},
	),
})

export type AuditLogFilter = z.output<typeof auditLogFilterSchema>

type Cursor = { createdAt: Date; id: string }

function parseCursor(value: string): Cursor | null {
	const separator = value.indexOf('_')
	if (separator < 0) return null
	const createdAt = new Date(value.slice(0, separator))
	const id = value.slice(separator + 1)
	if (Number.isNaN(createdAt.getTime()) || !isRecordId(id)) return null
	return { createdAt, id }
}

export function cursorOf(entry: { createdAt: Date; id: string }): string {
	return `${entry.createdAt.toISOString()}_${entry.id}`
}

const entrySelect = {
	id: true,
	action: true,
	entityType: true,
	entityId: true,
	before: true,
	after: true,
	ipAddress: true,
	createdAt: true,
	actor: { select: { id: true, displayName: true, email: true } },
} satisfies Prisma.AuditEntrySelect

/**
 * One page of the audit log, newest first (by time, then id, matching the `createdAt` index), with the
 * cursor of the next page when there is one. Two queries whatever the filters: the page and the accounts
 * for the "by" filter.
 */
export async function listAuditLog(filter: AuditLogFilter) {
	const prisma = getPrisma()
	const where: Prisma.AuditEntryWhereInput = {
		...(filter.actor ? { actorId: filter.actor } : {}),
		...(filter.action ? { action: { startsWith: filter.action } } : {}),
		...(filter.entityType ? { entityType: filter.entityType } : {}),
		...(filter.entityId ? { entityId: filter.entityId } : {}),
		...(filter.after
			? {
					OR: [
						{ createdAt: { lt: filter.after.createdAt } },
						{ createdAt: filter.after.createdAt, id: { lt: filter.after.id } },
					],
				}
			: {}),
	}
	const [rows, actors] = await Promise.all([
		prisma.auditEntry.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			take: auditLogPageSize + 1,
			select: entrySelect,
		}),
		prisma.user.findMany({
			orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
			take: auditActorChoiceLimit,
			select: { id: true, displayName: true, email: true },
		}),
	])
	const entries = rows.slice(0, auditLogPageSize)
	const last = entries.at(-1)
	return {
		entries,
		nextCursor: rows.length > auditLogPageSize && last ? cursorOf(last) : null,
		actors,
	}
}

export type AuditLogEntry = Awaited<ReturnType<typeof listAuditLog>>['entries'][number]

type JsonValue = Prisma.JsonValue

export type AuditFieldChange = {
	field: string
	before: string | null
	after: string | null
	changed: boolean
}

function readable(value: JsonValue | undefined): string | null {
	if (value === undefined || value === null) return null
	if (typeof value === 'string') return value
	return JSON.stringify(value)
}

function fieldsOf(json: JsonValue): Record<string, JsonValue> | null {
	if (json === null || typeof json !== 'object' || Array.isArray(json)) return null
	const fields: Record<string, JsonValue> = {}
	for (const [key, value] of Object.entries(json)) if (value !== undefined) fields[key] = value
	return fields
}

/**
 * An entry's before and after, field by field, for reading: every field either side has, in the order
 * they were written, with whether it changed. A side that is not an object is shown as one `value` field.
 */
export function auditFieldChanges(before: JsonValue, after: JsonValue): AuditFieldChange[] {
	const beforeFields = fieldsOf(before) ?? (before === null ? {} : { value: before })
	const afterFields = fieldsOf(after) ?? (after === null ? {} : { value: after })
	const names = [...new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)])]
	return names.map((field) => {
		const beforeText = readable(beforeFields[field])
		const afterText = readable(afterFields[field])
		const hasBefore = field in beforeFields
		const hasAfter = field in afterFields
		return {
			field,
			before: beforeText,
			after: afterText,
			changed: hasBefore && hasAfter ? beforeText !== afterText : true,
		}
	})
}
