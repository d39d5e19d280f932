import { Prisma, type Role } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { Problems } from '~/forms/problems'
import { recordAudit } from './audit.server'
import type { AuditAction } from './audit-actions'
import { inTransaction } from '~/db/transaction.server'

/**
 * Who makes a change, for the checks a model makes again (routes check the role first) and the audit
 * entry: the signed-in account and the address it came from.
 */
export type Actor = { id: string; role: Role; ipAddress: string | null }

export type { Problems }

/**
 * What every save of a record answers. `record` is the stored record: the saved one, or on a conflict the
 * newer one. `detail` is data a refusal's messages need besides its codes (the titles of the evidence a
 * status cannot rest on), never a sentence.
 */
export type SaveResult<Stored, Code extends string = string, Detail = never> =
	| { status: 'saved'; record: Stored }
	| { status: 'invalid'; problems: Problems<Code>; detail?: Detail }
	| { status: 'conflict'; record: Stored }
	| { status: 'not-found' }

/**
 * A model's own check that an admin makes a change. Routes check the role first, so this fails only on a
 * bug, and throws (a 500) rather than answer something a form would show.
 */
export function assertAdmin(actor: Actor): void {
	if (actor.role !== 'ADMIN') {
		throw new Error(`Account ${actor.id} (${actor.role}) may not make this change: only an admin may.`)
	}
}

/** A check that found nothing wrong answers null. */
export type Check<Code extends string> = (tx: Prisma.TransactionClient) => Promise<Problems<Code> | null>

type Audited<Stored> = {
	action: AuditAction
	entityType: string
	/** What the audit log keeps of the record (never a secret). */
	snapshot: (record: Stored) => Prisma.InputJsonObject
}

/**
 * Updates a versioned record's row where `{ id, version }` still matches (answering the count) and then its
 * parts; `details` are facts of the change the record does not keep (how many sessions it ended), added to
 * the audit entry's `after`.
 */
export type VersionedUpdate<Stored> = (
	tx: Prisma.TransactionClient,
	where: { id: string; version: number },
	before: Stored,
) => Promise<{ count: number; details?: Prisma.InputJsonObject }>

/**
 * An edit of a versioned record, the one way every record is updated: read it, refuse a stale version (409)
 * or an invalid change, update the row only where the version is still the one the form was loaded with
 * (so that of two concurrent saves exactly one wins), write its parts, read it again and write the audit
 * entry, all in one transaction. A change that would change nothing (`unchanged`) writes nothing: no new
 * version, no audit entry, and `saved` answers the record as it is, its version the one the form sent.
 */
export async function updateVersioned<Stored extends { id: string; version: number }, Code extends string>({
	id,
	version,
	actor,
	read,
	check,
	unchanged,
	update,
	audit,
}: {
	id: string
	/** The version the form was loaded with. */
	version: number
	actor: Actor
	read: (tx: Prisma.TransactionClient, id: string) => Promise<Stored | null>
	check?: (tx: Prisma.TransactionClient, before: Stored) => Promise<Problems<Code> | null>
	/** True when the change would leave the record as it is (checked before `check`). */
	unchanged?: (before: Stored) => boolean
	update: VersionedUpdate<Stored>
	audit: Audited<Stored>
}): Promise<SaveResult<Stored, Code>> {
	return inTransaction(getPrisma, async (tx) => {
		const before = await read(tx, id)
		if (!before) return { status: 'not-found' }
		if (before.version !== version) return { status: 'conflict', record: before }
		if (unchanged?.(before)) return { status: 'saved', record: before }
		const problems = check ? await check(tx, before) : null
		if (problems) return { status: 'invalid', problems }
		const { count, details } = await update(tx, { id, version }, before)
		if (count === 0) return { status: 'conflict', record: before }
		const after = await read(tx, id)
		if (!after) throw new Error(`${audit.entityType} ${id} vanished inside its own transaction`)
		await recordAudit(tx, {
			actorId: actor.id,
			action: audit.action,
			entityType: audit.entityType,
			entityId: id,
			before: audit.snapshot(before),
			after: { ...audit.snapshot(after), ...details },
			ipAddress: actor.ipAddress,
		})
		return { status: 'saved', record: after }
	})
}

/** What a create answers: it never conflicts, and there is nothing to be missing. */
export type CreateResult<Stored, Code extends string = string> = Extract<
	SaveResult<Stored, Code>,
	{ status: 'saved' | 'invalid' }
>

/**
 * A new record: check, create it and its parts, read it back and write the audit entry, in one
 * transaction. A unique key taken meanwhile (a slug) is refused as `problems`, not thrown. The actor is
 * the signed-in account, or the command line (`npm run user:create`), where nobody is signed in: its
 * entry has no actor and says so (`via: 'command line'`).
 */
export async function createAudited<Stored extends { id: string }, Code extends string>({
	actor,
	read,
	check,
	create,
	audit,
	taken,
}: {
	actor: Actor | 'command line'
	read: (tx: Prisma.TransactionClient, id: string) => Promise<Stored | null>
	check?: Check<Code>
	/** Creates the row and its parts, answering the new id. */
	create: (tx: Prisma.TransactionClient) => Promise<string>
	audit: Audited<Stored>
	/** What a unique violation means for the form (`{ slug: 'taken' }`). */
	taken: Problems<Code>
}): Promise<CreateResult<Stored, Code>> {
	const signedIn = actor === 'command line' ? null : actor
	try {
		return await inTransaction(getPrisma, async (tx) => {
			const problems = check ? await check(tx) : null
			if (problems) return { status: 'invalid', problems }
			const id = await create(tx)
			const after = await read(tx, id)
			if (!after) throw new Error(`${audit.entityType} ${id} vanished inside its own transaction`)
			await recordAudit(tx, {
				actorId: signedIn?.id ?? null,
				action: audit.action,
				entityType: audit.entityType,
				entityId: id,
				after: { ...audit.snapshot(after), ...(signedIn ? {} : { via: 'command line' }) },
				ipAddress: signedIn?.ipAddress ?? null,
			})
			return { status: 'saved', record: after }
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			return { status: 'invalid', problems: taken }
		}
		throw error
	}
}
