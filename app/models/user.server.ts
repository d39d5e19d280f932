import { z } from 'zod'
import { Prisma, type Role } from '~/.server/prisma/client'
import { passwordProblem } from '~/auth/password-policy'
import { hashPassword, verifyPassword } from '~/auth/password.server'
import { getPrisma } from '~/db/prisma.server'
import { recordAudit } from './audit.server'

export const emailSchema = z
	.string({ error: 'Enter an email address.' })
	.trim()
	.toLowerCase()
	.min(1, 'Enter an email address.')
	.max(254, 'An email address has at most 254 characters.')
	.pipe(z.email('Enter an email address like name@example.org.'))

export const displayNameSchema = z
	.string({ error: 'Enter a name.' })
	.trim()
	.min(1, 'Enter a name.')
	.max(100, 'Use at most 100 characters.')

export const roleSchema = z.enum(['ADMIN', 'FACT_CHECKER'], { error: 'Choose a role.' })

/** Who makes a change, for the audit log: a signed-in account, or nobody (the command line). */
export type Actor = { id: string | null; ipAddress: string | null }

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

export type CreateAccountResult = { status: 'created'; account: Account } | { status: 'email-taken' }

/** Creates an account with its password (hashed here), in one transaction with its audit entry. */
export async function createAccount(
	input: { email: string; displayName: string; role: Role; password: string; mustChangePassword: boolean },
	actor: Actor & { via?: 'command line' },
): Promise<CreateAccountResult> {
	const problem = passwordProblem(input.password, input.email)
	if (problem) throw new Error(`createAccount was given a password the policy refuses: ${problem}`)
	const hash = await hashPassword(input.password)
	try {
		return await getPrisma().$transaction(async (tx) => {
			const account = await tx.user.create({
				data: {
					email: input.email,
					displayName: input.displayName,
					role: input.role,
					mustChangePassword: input.mustChangePassword,
					password: { create: { hash } },
				},
				select: accountSelect,
			})
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'user.create',
				entityType: 'User',
				entityId: account.id,
				after: {
					email: account.email,
					displayName: account.displayName,
					role: account.role,
					mustChangePassword: account.mustChangePassword,
					...(actor.via ? { via: actor.via } : {}),
				},
				ipAddress: actor.ipAddress,
			})
			return { status: 'created' as const, account }
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			return { status: 'email-taken' }
		}
		throw error
	}
}

export type AccountChangeResult =
	| { status: 'changed'; account: Account }
	| { status: 'unchanged'; account: Account }
	/** Someone else saved the account after the form was loaded: nothing was written. */
	| { status: 'conflict'; account: Account }
	| { status: 'last-admin'; account: Account }
	| { status: 'not-found' }

type AccountUpdate = {
	userId: string
	/** The version the form was loaded with. */
	version: number
}

/**
 * One change to an account, in one transaction: locks the active admins (so that two admins demoting
 * each other at the same moment cannot leave none), checks the version, applies `change`, records it.
 */
async function changeAccount(
	{ userId, version }: AccountUpdate,
	actor: Actor,
	change: (
		account: Account,
		tx: Prisma.TransactionClient,
	) => Promise<
		| { outcome: 'unchanged' }
		| { outcome: 'refused'; status: 'last-admin' }
		| {
				outcome: 'change'
				data: Prisma.UserUpdateManyMutationInput
				action: string
				before: object
				after: object
		  }
	>,
): Promise<AccountChangeResult> {
	return getPrisma().$transaction(async (tx) => {
		await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND disabled = false FOR UPDATE`
		const account = await tx.user.findUnique({ where: { id: userId }, select: accountSelect })
		if (!account) return { status: 'not-found' }
		if (account.version !== version) return { status: 'conflict', account }
		const decision = await change(account, tx)
		if (decision.outcome === 'unchanged') return { status: 'unchanged', account }
		if (decision.outcome === 'refused') return { status: decision.status, account }
		const { count } = await tx.user.updateMany({
			where: { id: userId, version },
			data: { ...decision.data, version: { increment: 1 } },
		})
		if (count === 0) return { status: 'conflict', account }
		await recordAudit(tx, {
			actorId: actor.id,
			action: decision.action,
			entityType: 'User',
			entityId: userId,
			before: { ...decision.before },
			after: { ...decision.after },
			ipAddress: actor.ipAddress,
		})
		const changed = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: accountSelect })
		return { status: 'changed', account: changed }
	})
}

async function isLastActiveAdmin(tx: Prisma.TransactionClient, account: Account): Promise<boolean> {
	if (account.role !== 'ADMIN' || account.disabled) return false
	const activeAdmins = await tx.user.count({ where: { role: 'ADMIN', disabled: false } })
	return activeAdmins <= 1
}

export function changeRole(update: AccountUpdate & { role: Role }, actor: Actor) {
	return changeAccount(update, actor, async (account, tx) => {
		if (account.role === update.role) return { outcome: 'unchanged' }
		if (await isLastActiveAdmin(tx, account)) return { outcome: 'refused', status: 'last-admin' }
		return {
			outcome: 'change',
			data: { role: update.role },
			action: 'user.role_change',
			before: { role: account.role },
			after: { role: update.role },
		}
	})
}

/** Disabling also ends every session of the account at once. */
export function setDisabled(update: AccountUpdate & { disabled: boolean }, actor: Actor) {
	return changeAccount(update, actor, async (account, tx) => {
		if (account.disabled === update.disabled) return { outcome: 'unchanged' }
		if (update.disabled && (await isLastActiveAdmin(tx, account))) {
			return { outcome: 'refused', status: 'last-admin' }
		}
		const sessionsEnded = update.disabled
			? (await tx.session.deleteMany({ where: { userId: account.id } })).count
			: 0
		return {
			outcome: 'change',
			data: { disabled: update.disabled },
			action: update.disabled ? 'user.disable' : 'user.enable',
			before: { disabled: account.disabled },
			after: update.disabled ? { disabled: true, sessionsEnded } : { disabled: false },
		}
	})
}

/**
 * An admin sets a new password for someone (typed in or generated): it must be replaced at the next
 * sign-in, and every session of the account ends.
 */
export async function resetPassword(update: AccountUpdate & { password: string }, actor: Actor) {
	const hash = await hashPassword(update.password)
	return changeAccount(update, actor, async (account, tx) => {
		const problem = passwordProblem(update.password, account.email)
		if (problem) throw new Error(`resetPassword was given a password the policy refuses: ${problem}`)
		await tx.password.upsert({
			where: { userId: account.id },
			create: { userId: account.id, hash },
			update: { hash },
		})
		const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId: account.id } })
		return {
			outcome: 'change',
			data: { mustChangePassword: true },
			action: 'user.password_reset',
			before: { mustChangePassword: account.mustChangePassword },
			after: { mustChangePassword: true, sessionsEnded },
		}
	})
}

export type ChangeOwnPasswordResult =
	| { status: 'changed'; otherSessionsEnded: number }
	| { status: 'wrong-current-password' }
	| { status: 'refused'; problem: string }

/**
 * Someone changes their own password, proving they know the current one. Their other sessions end (a
 * password change is what someone does after a device is lost); the one they are using stays.
 */
export async function changeOwnPassword(
	input: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string },
	actor: Actor,
): Promise<ChangeOwnPasswordResult> {
	const prisma = getPrisma()
	const user = await prisma.user.findUnique({
		where: { id: input.userId },
		select: { email: true, password: { select: { hash: true } } },
	})
	if (!user?.password || !(await verifyPassword(user.password.hash, input.currentPassword))) {
		return { status: 'wrong-current-password' }
	}
	const problem = passwordProblem(input.newPassword, user.email)
	if (problem) return { status: 'refused', problem }
	if (input.newPassword === input.currentPassword) {
		return { status: 'refused', problem: 'Choose a password different from the current one.' }
	}
	const hash = await hashPassword(input.newPassword)
	return prisma.$transaction(async (tx) => {
		await tx.password.update({ where: { userId: input.userId }, data: { hash } })
		await tx.user.update({
			where: { id: input.userId },
			data: { mustChangePassword: false, version: { increment: 1 } },
		})
		const { count } = await tx.session.deleteMany({
			where: { userId: input.userId, id: { not: input.keepSessionId } },
		})
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'user.password_change',
			entityType: 'User',
			entityId: input.userId,
			after: { otherSessionsEnded: count },
			ipAddress: actor.ipAddress,
		})
		return { status: 'changed', otherSessionsEnded: count }
	})
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
