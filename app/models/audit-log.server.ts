import type { Prisma } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { auditCursorOf, type AuditLogFilter } from '~/forms/audit-log'

export const auditLogPageSize = 50

/** Accounts offered in the "by" filter: staff accounts are few, but the list stays bounded all the same. */
export const auditActorChoiceLimit = 500

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
		listAuditActors(),
	])
	const entries = rows.slice(0, auditLogPageSize)
	const last = entries.at(-1)
	return {
		entries,
		nextCursor: rows.length > auditLogPageSize && last ? auditCursorOf(last) : null,
		actors,
	}
}

/** The accounts the log can be filtered by (bounded: the choices of one select). */
export async function listAuditActors() {
	return getPrisma().user.findMany({
		orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
		take: auditActorChoiceLimit,
		select: { id: true, displayName: true, email: true },
	})
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
