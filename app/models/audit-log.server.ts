import type { Prisma, PrismaClient } from '~/.server/prisma/client'
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
	const page = rows.slice(0, auditLogPageSize)
	const last = page.at(-1)
	const subjects = await auditSubjects(page, prisma)
	const entries = page.map((entry) => ({
		...entry,
		subject: subjects.get(subjectKey(entry)) ?? null,
		failedSignIn: entry.action === 'auth.sign_in_failed' ? failedSignInOf(entry.after) : null,
	}))
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

/** What an entry is about, in words: a pledge's title, an account's name (with its email as `detail`)… */
export type AuditSubject = { name: string; detail: string | null }

type SubjectOf = { entityType: string; entityId: string }

function subjectKey({ entityType, entityId }: SubjectOf): string {
	return `${entityType}:${entityId}`
}

/**
 * The names of the records one page of entries is about: one query per kind of record on the page (at
 * most ten, whatever the page holds), never one per entry. A record that no longer exists (or never did)
 * has no name, and the page shows its id alone.
 */
export async function auditSubjects(
	entries: readonly SubjectOf[],
	prisma: PrismaClient = getPrisma(),
): Promise<Map<string, AuditSubject>> {
	const idsOf = (type: string) => [
		...new Set(entries.filter((entry) => entry.entityType === type).map((entry) => entry.entityId)),
	]
	const when = <Row>(ids: string[], query: (ids: string[]) => Promise<Row[]>) =>
		ids.length === 0 ? Promise.resolve([]) : query(ids)
	const [
		pledges,
		platforms,
		categories,
		politicians,
		users,
		evidence,
		ledger,
		measurements,
		attempts,
		sources,
	] = await Promise.all([
		when(idsOf('Pledge'), (ids) =>
			prisma.pledge.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
		),
		when(idsOf('Platform'), (ids) =>
			prisma.platform.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
		),
		when(idsOf('Category'), (ids) =>
			prisma.category.findMany({
				where: { id: { in: ids } },
				select: { id: true, title: true, platform: { select: { title: true } } },
			}),
		),
		when(idsOf('Politician'), (ids) =>
			prisma.politician.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
		),
		when(idsOf('User'), (ids) =>
			prisma.user.findMany({
				where: { id: { in: ids } },
				select: { id: true, displayName: true, email: true },
			}),
		),
		when(idsOf('Evidence'), (ids) =>
			prisma.evidence.findMany({
				where: { id: { in: ids } },
				select: { id: true, title: true, pledge: { select: { title: true } } },
			}),
		),
		when(idsOf('StatusUpdate'), (ids) =>
			prisma.statusUpdate.findMany({
				where: { id: { in: ids } },
				select: { id: true, status: true, pledge: { select: { title: true } } },
			}),
		),
		when(idsOf('Measurement'), (ids) =>
			prisma.measurement.findMany({
				where: { id: { in: ids } },
				select: { id: true, indicator: { select: { name: true, pledge: { select: { title: true } } } } },
			}),
		),
		when(idsOf('SignInAttempt'), (ids) =>
			prisma.signInAttempt.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }),
		),
		when(idsOf('PlatformSource'), (ids) =>
			prisma.platformSource.findMany({
				where: { id: { in: ids } },
				select: { id: true, title: true, platform: { select: { title: true } } },
			}),
		),
	])
	const subjects = new Map<string, AuditSubject>()
	const add = (entityType: string, entityId: string, name: string, detail: string | null = null) =>
		subjects.set(subjectKey({ entityType, entityId }), { name, detail })
	for (const row of pledges) add('Pledge', row.id, row.title)
	for (const row of platforms) add('Platform', row.id, row.title)
	for (const row of categories) add('Category', row.id, row.title, row.platform.title)
	for (const row of politicians) add('Politician', row.id, row.name)
	for (const row of users) add('User', row.id, row.displayName, row.email)
	for (const row of evidence) add('Evidence', row.id, row.title, `for “${row.pledge.title}”`)
	for (const row of ledger) add('StatusUpdate', row.id, row.pledge.title, 'status entry')
	for (const row of measurements) add('Measurement', row.id, row.indicator.pledge.title, row.indicator.name)
	for (const row of attempts) add('SignInAttempt', row.id, row.email, 'no account has this email')
	for (const row of sources) add('PlatformSource', row.id, row.title, `a source on “${row.platform.title}”`)
	// One row for the whole installation: its name needs no query.
	for (const id of idsOf('InstallationSettings')) add('InstallationSettings', id, 'Installation settings')
	// An import is no row: its entry is the record (its id is when it ran).
	for (const id of idsOf('Import')) add('Import', id, 'Data import', id)
	return subjects
}

/** A failed sign-in's entry: the email that was tried and why it failed, as the sign-in wrote them. */
function failedSignInOf(after: Prisma.JsonValue): { email: string; reason: string | null } | null {
	const fields = fieldsOf(after)
	const email = fields?.email
	if (typeof email !== 'string') return null
	const reason = fields?.reason
	return { email, reason: typeof reason === 'string' ? reason : null }
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
