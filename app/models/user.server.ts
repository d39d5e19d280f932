import type { Locale as DatabaseLocale, Prisma, Role } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { passwordProblemOf, type PasswordProblem } from '~/forms/password'
import type { AuditAction } from './audit-actions'
import { recordAudit } from './audit.server'
import { backoffWaitMs, failuresWorthCounting, secondsUntil, type Backoff } from './backoff.server'
import { hashPassword, verifyPassword } from './password.server'
import {
	createAudited,
	updateVersioned,
	type Actor,
	type CreateResult,
	type SaveResult,
	type VersionedUpdate,
} from './save.server'
import { restoreFourEyesForSecondAdmin } from './settings.server'

const accountSelect = {
	id: true,
	email: true,
	displayName: true,
	role: true,
	disabled: true,
	mustChangePassword: true,
	version: true,
	createdAt: true,
	updatedAt: true,
} satisfies Prisma.UserSelect

export type Account = Prisma.UserGetPayload<{ select: typeof accountSelect }>

export const accountsPageSize = 50

export async function listAccounts({ page = 1 }: { page?: number } = {}) {
	const prisma = getPrisma()
	const [accounts, total] = await Promise.all([
		prisma.user.findMany({
			orderBy: [{ disabled: 'asc' }, { displayName: 'asc' }, { id: 'asc' }],
			skip: (page - 1) * accountsPageSize,
			take: accountsPageSize,
			select: accountSelect,
		}),
		prisma.user.count(),
	])
	// The audit log remembers sign-ins after their sessions are gone.
	const lastSignIns = await prisma.auditEntry.groupBy({
		by: ['entityId'],
		where: { entityType: 'User', action: 'auth.sign_in', entityId: { in: accounts.map((a) => a.id) } },
		_max: { createdAt: true },
	})
	return {
		accounts: accounts.map((account) => ({
			...account,
			lastSignInAt: lastSignIns.find((entry) => entry.entityId === account.id)?._max.createdAt ?? null,
		})),
		total,
		pageCount: Math.max(1, Math.ceil(total / accountsPageSize)),
	}
}

export async function getAccountsSummary() {
	const prisma = getPrisma()
	const [groups, awaitingNewPassword] = await Promise.all([
		prisma.user.groupBy({ by: ['role', 'disabled'], _count: { _all: true } }),
		prisma.user.count({ where: { mustChangePassword: true, disabled: false } }),
	])
	const count = (role: Role, disabled: boolean) =>
		groups.find((group) => group.role === role && group.disabled === disabled)?._count._all ?? 0
	return {
		activeAdmins: count('ADMIN', false),
		activeFactCheckers: count('FACT_CHECKER', false),
		disabled: count('ADMIN', true) + count('FACT_CHECKER', true),
		awaitingNewPassword,
	}
}

export async function getAccount(userId: string) {
	const now = new Date()
	const account = await getPrisma().user.findUnique({
		where: { id: userId },
		select: { ...accountSelect, _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } } },
	})
	if (!account) return null
	const { _count, ...rest } = account
	return { ...rest, activeSessions: _count.sessions }
}

/** Why an account change is refused, per field (the form module has the sentences). */
export type AccountProblem = 'taken' | PasswordProblem | 'last-admin'

export type NewAccount = {
	email: string
	displayName: string
	role: Role
	password: string
	mustChangePassword: boolean
}

/**
 * Creates an account with its password (hashed here), in one transaction with its audit entry. `by` is
 * the admin who creates it, or the command line (`npm run user:create`), where nobody is signed in.
 */
export async function createAccount(
	input: NewAccount,
	by: Actor | 'command line',
): Promise<CreateResult<Account, 'taken' | PasswordProblem>> {
	const problem = passwordProblemOf(input.password, input.email)
	if (problem) return { status: 'invalid', problems: { password: problem } }
	const hash = await hashPassword(input.password)
	return createAudited<Account, 'taken' | PasswordProblem>({
		actor: by,
		read: readAccount,
		create: async (tx) => {
			const { id } = await tx.user.create({
				data: {
					email: input.email,
					displayName: input.displayName,
					role: input.role,
					mustChangePassword: input.mustChangePassword,
					password: { create: { hash } },
				},
				select: { id: true },
			})
			if (input.role === 'ADMIN') await restoreFourEyes(tx, by, input.displayName)
			return id
		},
		audit: {
			action: 'user.create',
			entityType: 'User',
			snapshot: (account) => ({
				email: account.email,
				displayName: account.displayName,
				role: account.role,
				mustChangePassword: account.mustChangePassword,
			}),
		},
		taken: { email: 'taken' },
	})
}

/**
 * An account that becomes an active admin (created as one, promoted or enabled) is someone else to review:
 * the four-eyes rule, if an only admin had turned it off, turns back on in the same transaction.
 */
function restoreFourEyes(tx: Prisma.TransactionClient, by: Actor | 'command line', account: string) {
	const signedIn = by === 'command line' ? null : by
	return restoreFourEyesForSecondAdmin(tx, {
		actorId: signedIn?.id ?? null,
		ipAddress: signedIn?.ipAddress ?? null,
		account,
	})
}

type AccountUpdate = {
	userId: string
	/** The version the form was loaded with. */
	version: number
}

function readAccount(tx: Prisma.TransactionClient, userId: string) {
	return tx.user.findUnique({ where: { id: userId }, select: accountSelect })
}

/**
 * Whether the account is the last active admin. Locks the active admins first, so that two admins
 * demoting or disabling each other at the same moment cannot leave none: the second waits, then counts.
 */
async function isLastActiveAdmin(tx: Prisma.TransactionClient, account: Account): Promise<boolean> {
	if (account.role !== 'ADMIN' || account.disabled) return false
	await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND disabled = false FOR UPDATE`
	const activeAdmins = await tx.user.count({ where: { role: 'ADMIN', disabled: false } })
	return activeAdmins <= 1
}

/**
 * A change of what an account may do (its role, or whether it is disabled), the same way for both: a
 * change to the value it already has writes nothing and answers `saved` with the same version, and the
 * last active admin can be neither demoted nor disabled (`last-admin` at the field). Promoting or enabling
 * someone never meets that check: the account is not an active admin yet.
 */
function changeAccess<Field extends 'role' | 'disabled'>(
	{
		userId,
		version,
		field,
		value,
		action,
		update,
	}: AccountUpdate & {
		field: Field
		value: Account[Field]
		action: AuditAction
		update: VersionedUpdate<Account>
	},
	actor: Actor,
): Promise<SaveResult<Account, 'last-admin'>> {
	return updateVersioned<Account, 'last-admin'>({
		id: userId,
		version,
		actor,
		read: readAccount,
		unchanged: (account) => account[field] === value,
		check: async (tx, account) => ((await isLastActiveAdmin(tx, account)) ? { [field]: 'last-admin' } : null),
		update,
		audit: { action, entityType: 'User', snapshot: (account) => ({ [field]: account[field] }) },
	})
}

export function changeRole({ role, ...which }: AccountUpdate & { role: Role }, actor: Actor) {
	return changeAccess(
		{
			...which,
			field: 'role',
			value: role,
			action: 'user.role_change',
			update: async (tx, where, before) => {
				const result = await tx.user.updateMany({ where, data: { role, version: { increment: 1 } } })
				if (result.count > 0 && role === 'ADMIN' && !before.disabled) {
					await restoreFourEyes(tx, actor, before.displayName)
				}
				return result
			},
		},
		actor,
	)
}

/** Disabling also ends every session of the account at once. */
export function setDisabled({ disabled, ...which }: AccountUpdate & { disabled: boolean }, actor: Actor) {
	return changeAccess(
		{
			...which,
			field: 'disabled',
			value: disabled,
			action: disabled ? 'user.disable' : 'user.enable',
			update: async (tx, where, before) => {
				const { count } = await tx.user.updateMany({ where, data: { disabled, version: { increment: 1 } } })
				if (count > 0 && !disabled && before.role === 'ADMIN') {
					await restoreFourEyes(tx, actor, before.displayName)
				}
				if (count === 0 || !disabled) return { count }
				const sessions = await tx.session.deleteMany({ where: { userId: which.userId } })
				return { count, details: { sessionsEnded: sessions.count } }
			},
		},
		actor,
	)
}

/**
 * An admin sets a new password for someone (typed in or generated): it must be replaced at the next
 * sign-in, and every session of the account ends.
 */
export async function resetPassword(
	{ userId, version, password }: AccountUpdate & { password: string },
	actor: Actor,
): Promise<SaveResult<Account, PasswordProblem>> {
	const hash = await hashPassword(password)
	return updateVersioned<Account, PasswordProblem>({
		id: userId,
		version,
		actor,
		read: readAccount,
		check: async (_tx, account) => {
			const problem = passwordProblemOf(password, account.email)
			return problem ? { password: problem } : null
		},
		update: async (tx, where) => {
			const { count } = await tx.user.updateMany({
				where,
				data: { mustChangePassword: true, version: { increment: 1 } },
			})
			if (count === 0) return { count }
			await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } })
			const sessions = await tx.session.deleteMany({ where: { userId } })
			return { count, details: { sessionsEnded: sessions.count } }
		},
		audit: {
			action: 'user.password_reset',
			entityType: 'User',
			snapshot: (account) => ({ mustChangePassword: account.mustChangePassword }),
		},
	})
}

export type OwnPasswordProblem = 'wrong' | PasswordProblem | 'same-as-current'

/**
 * Wrong answers to the current-password check of /account, per account, counted in PostgreSQL
 * (PasswordCheckFailure) like sign-in's: 5 free, then a wait of 30 s doubling with each further wrong
 * answer up to 15 minutes; a right answer starts the count afresh. Someone holding a stolen session cannot
 * guess the password behind it; the owner who mistypes loses seconds. docs/decisions/009-sign-in-throttling.md.
 */
export const passwordCheckLimits = {
	windowMs: 24 * 60 * 60 * 1000,
	backoff: { failuresBeforeWait: 5, firstWaitMs: 30_000, maxWaitMs: 15 * 60_000 },
} as const satisfies { windowMs: number; backoff: Backoff }

/** The answer to a current-password check refused for now: nothing checked, and when to try again. */
export type TooManyPasswordChecks = { status: 'too-many'; retryAfterSeconds: number }

/**
 * Someone changes their own password, proving they know the current one. Their other sessions end (a
 * password change is what someone does after a device is lost); the one they are using stays. Saved, it
 * answers how many other sessions ended. No form version is involved, so it never conflicts. While the
 * account waits after wrong answers (`passwordCheckLimits`), the current password is not even checked.
 */
export async function changeOwnPassword(
	input: { currentPassword: string; newPassword: string; keepSessionId: string },
	actor: Actor,
	now = new Date(),
): Promise<
	| Exclude<SaveResult<{ otherSessionsEnded: number }, OwnPasswordProblem>, { status: 'conflict' }>
	| TooManyPasswordChecks
> {
	const prisma = getPrisma()
	const check = await checkOwnPassword(input.currentPassword, actor, now)
	if (check.status !== 'right') {
		return check.status === 'wrong' ? { status: 'invalid', problems: { currentPassword: 'wrong' } } : check
	}
	const problem = passwordProblemOf(input.newPassword, check.email)
	if (problem) return { status: 'invalid', problems: { newPassword: problem } }
	if (input.newPassword === input.currentPassword) {
		return { status: 'invalid', problems: { newPassword: 'same-as-current' } }
	}
	const hash = await hashPassword(input.newPassword)
	return prisma.$transaction(async (tx) => {
		await tx.password.update({ where: { userId: actor.id }, data: { hash } })
		await tx.user.update({
			where: { id: actor.id },
			data: { mustChangePassword: false, version: { increment: 1 } },
		})
		const { count } = await tx.session.deleteMany({
			where: { userId: actor.id, id: { not: input.keepSessionId } },
		})
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'user.password_change',
			entityType: 'User',
			entityId: actor.id,
			after: { otherSessionsEnded: count },
			ipAddress: actor.ipAddress,
		})
		return { status: 'saved', record: { otherSessionsEnded: count } }
	})
}

/**
 * The current-password check and its count, in one transaction under the account's advisory lock, so a
 * burst of parallel guesses is counted one by one (the check is slow: argon2id).
 */
async function checkOwnPassword(
	currentPassword: string,
	actor: Actor,
	now: Date,
): Promise<
	{ status: 'right'; email: string } | { status: 'wrong' } | { status: 'not-found' } | TooManyPasswordChecks
> {
	const { windowMs, backoff } = passwordCheckLimits
	const windowStart = new Date(now.getTime() - windowMs)
	return getPrisma().$transaction(
		async (tx) => {
			await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`uade:password-check:${actor.id}`}, 0))`
			const user = await tx.user.findUnique({
				where: { id: actor.id },
				select: { email: true, password: { select: { hash: true } } },
			})
			if (!user) return { status: 'not-found' }
			const failures = await tx.passwordCheckFailure.findMany({
				where: { userId: actor.id, createdAt: { gt: windowStart } },
				orderBy: { createdAt: 'desc' },
				take: failuresWorthCounting(backoff),
				select: { createdAt: true },
			})
			const [latest] = failures
			const retryAfterSeconds = latest
				? secondsUntil(latest.createdAt.getTime() + backoffWaitMs(failures.length, backoff), now)
				: null
			if (retryAfterSeconds !== null) return { status: 'too-many', retryAfterSeconds }

			if (user.password && (await verifyPassword(user.password.hash, currentPassword))) {
				await tx.passwordCheckFailure.deleteMany({ where: { userId: actor.id } })
				return { status: 'right', email: user.email }
			}
			await tx.passwordCheckFailure.deleteMany({
				where: { userId: actor.id, createdAt: { lte: windowStart } },
			})
			await tx.passwordCheckFailure.create({ data: { userId: actor.id, createdAt: now } })
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'user.password_check_failed',
				entityType: 'User',
				entityId: actor.id,
				ipAddress: actor.ipAddress,
			})
			return { status: 'wrong' }
		},
		{ timeout: 20_000, maxWait: 20_000 },
	)
}

/** The sessions of one account that have not ended, newest first (for "where am I signed in"). */
export async function listActiveSessions(userId: string) {
	return getPrisma().session.findMany({
		where: { userId, expiresAt: { gt: new Date() } },
		orderBy: { createdAt: 'desc' },
		take: 20,
		select: { id: true, createdAt: true, updatedAt: true, expiresAt: true, ipAddress: true, userAgent: true },
	})
}

/**
 * Someone chooses the language of their staff pages. A preference, not an edit of the account: the account's
 * version stays (an admin's open form on the account is not refused for it). Recorded in the audit log only
 * when it changes, so choosing the language already in force writes nothing.
 */
export async function setOwnLocale(locale: DatabaseLocale, actor: Actor): Promise<void> {
	await getPrisma().$transaction(async (tx) => {
		const before = await tx.user.findUnique({ where: { id: actor.id }, select: { locale: true } })
		if (!before || before.locale === locale) return
		await tx.user.update({ where: { id: actor.id }, data: { locale } })
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'user.locale_change',
			entityType: 'User',
			entityId: actor.id,
			before: { locale: before.locale },
			after: { locale },
			ipAddress: actor.ipAddress,
		})
	})
}
