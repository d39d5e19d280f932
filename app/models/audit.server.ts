import type { Prisma } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { validIpAddress } from './ip-address.server'
import type { AuditAction } from './audit-actions'

export type AuditRecord = {
	/** Who did it; null when nobody was signed in (a failed sign-in) or for the command line. */
	actorId: string | null
	/** `area.verb`, for example `auth.sign_in` or `user.role_change`: one of app/models/audit-actions.ts. */
	action: AuditAction
	entityType: string
	entityId: string
	before?: Prisma.InputJsonValue | null
	after?: Prisma.InputJsonValue | null
	ipAddress: string | null
}

/**
 * Writes one audit entry in the caller's transaction, so the entry exists exactly when the change does.
 * Never put a secret in `before` or `after` (a password, its hash, a session id): the log is permanent.
 */
export async function recordAudit(tx: Prisma.TransactionClient, record: AuditRecord): Promise<void> {
	await tx.auditEntry.create({
		data: {
			actorId: record.actorId,
			action: record.action,
			entityType: record.entityType,
			entityId: record.entityId,
			before: record.before ?? undefined,
			after: record.after ?? undefined,
			// Only an IP address is kept: anything else a client sent as its address is dropped.
			ipAddress: validIpAddress(record.ipAddress),
		},
	})
}

/** Sign-ins, failed sign-ins, sign-outs and account changes. */
const securityActionPrefixes = ['auth.', 'user.']

const auditEntrySelect = {
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

export async function listLatestSecurityEvents({ take = 15 }: { take?: number } = {}) {
	const entries = await getPrisma().auditEntry.findMany({
		where: { OR: securityActionPrefixes.map((prefix) => ({ action: { startsWith: prefix } })) },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take,
		select: auditEntrySelect,
	})
	return withSubjects(entries)
}

/** What was done to one record, newest first. */
export async function listAuditEntriesFor(
	{ entityType, entityId }: { entityType: string; entityId: string },
	{ take = 20 }: { take?: number } = {},
) {
	const entries = await getPrisma().auditEntry.findMany({
		where: { entityType, entityId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take,
		select: auditEntrySelect,
	})
	return withSubjects(entries)
}

type SelectedAuditEntry = Prisma.AuditEntryGetPayload<{ select: typeof auditEntrySelect }>

/** Adds the account each entry is about (one query for the whole list), for showing names, not ids. */
async function withSubjects(entries: SelectedAuditEntry[]) {
	const userIds = [...new Set(entries.filter((e) => e.entityType === 'User').map((e) => e.entityId))]
	const users =
		userIds.length === 0
			? []
			: await getPrisma().user.findMany({
					where: { id: { in: userIds } },
					select: { id: true, displayName: true, email: true },
				})
	return entries.map((entry) => ({
		...entry,
		subject: entry.entityType === 'User' ? (users.find((user) => user.id === entry.entityId) ?? null) : null,
	}))
}

export type AuditEvent = Awaited<ReturnType<typeof listLatestSecurityEvents>>[number]

/**
 * The actions that move a record's version, per kind of record an edit form can conflict on. Others
 * (publishing or featuring a platform, a sign-in) write an entry but leave the version, so they are not
 * the change an editor's late save collided with.
 */
export const versionMovingActions: Readonly<Record<string, readonly string[]>> = {
	Pledge: ['pledge.update'],
	Platform: ['platform.update'],
	Category: ['category.update'],
	Politician: ['politician.update'],
	User: ['user.role_change', 'user.disable', 'user.enable', 'user.password_reset', 'user.password_change'],
	InstallationSettings: ['settings.update'],
}

/**
 * Who last changed a record and when, from its newest audit entry among the actions that move its version
 * (every such change writes one): for the editor whose save came too late. `by` is null for the command
 * line.
 */
export async function latestChangeOf({ entityType, entityId }: { entityType: string; entityId: string }) {
	const actions = Object.hasOwn(versionMovingActions, entityType)
		? versionMovingActions[entityType]
		: undefined
	const entry = await getPrisma().auditEntry.findFirst({
		// A kind not listed keeps the newest entry of any action, as before.
		where: { entityType, entityId, ...(actions ? { action: { in: [...actions] } } : {}) },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		select: { createdAt: true, actor: { select: { displayName: true } } },
	})
	return entry ? { by: entry.actor?.displayName ?? null, at: entry.createdAt.toISOString() } : null
}
