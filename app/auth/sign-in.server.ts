import { getPrisma } from '~/db/prisma.server'
import { recordAudit } from '~/models/audit.server'
import { spendVerificationTime, verifyPassword } from '~/models/password.server'
import {
	addressKey,
	lockSignInKeys,
	recordSignInAttempt,
	secondsUntilSignInAllowed,
} from './rate-limit.server'
import { createSession, type SessionUser } from './session.server'

export type SignInResult =
	/** `sessionToken` is what the cookie carries (the database keeps only its hash). */
	| { status: 'signed-in'; user: SessionUser; sessionToken: string }
	/** Unknown email and wrong password alike: the answer must not tell which. */
	| { status: 'invalid' }
	| { status: 'disabled' }
	/** Refused without checking the password: this address must wait (see rate-limit.server.ts). */
	| { status: 'rate-limited'; retryAfterSeconds: number }

type SignInInput = {
	email: string
	password: string
	ipAddress: string | null
	userAgent: string | null
	/** The session the browser already had, if any: it ends, and a new id is issued. */
	previousSessionId: string | null
	now?: Date
}

/**
 * Checks a sign-in and records it: the attempt (for the rate limit), the audit entry, and on success a
 * new session, all in one transaction.
 */
export async function signIn(input: SignInInput): Promise<SignInResult> {
	const email = input.email.trim().toLowerCase()
	const address = addressKey(input.ipAddress)
	const now = input.now ?? new Date()
	return getPrisma().$transaction(
		async (tx) => {
			await lockSignInKeys(tx, { email, address })
			const retryAfterSeconds = await secondsUntilSignInAllowed(tx, { email, address, now })
			if (retryAfterSeconds !== null) return { status: 'rate-limited', retryAfterSeconds }

			const user = await tx.user.findUnique({
				where: { email },
				select: {
					id: true,
					email: true,
					displayName: true,
					role: true,
					mustChangePassword: true,
					locale: true,
					disabled: true,
					password: { select: { hash: true } },
				},
			})
			let passwordMatches = false
			if (user?.password) passwordMatches = await verifyPassword(user.password.hash, input.password)
			else await spendVerificationTime(input.password)

			if (!user || !passwordMatches || user.disabled) {
				const attempt = await recordSignInAttempt(tx, { email, address, succeeded: false, now })
				await recordAudit(tx, {
					actorId: null,
					action: 'auth.sign_in_failed',
					entityType: user ? 'User' : 'SignInAttempt',
					entityId: user ? user.id : attempt.id,
					after: {
						email,
						reason: !user ? 'unknown-email' : !passwordMatches ? 'wrong-password' : 'disabled',
					},
					ipAddress: input.ipAddress,
				})
				// A disabled account is named only to someone who knows its password.
				return user && passwordMatches ? { status: 'disabled' } : { status: 'invalid' }
			}

			await recordSignInAttempt(tx, { email, address, succeeded: true, now })
			if (input.previousSessionId) await tx.session.deleteMany({ where: { id: input.previousSessionId } })
			await tx.session.deleteMany({ where: { userId: user.id, expiresAt: { lte: now } } })
			const session = await createSession(tx, {
				userId: user.id,
				ipAddress: input.ipAddress,
				userAgent: input.userAgent,
				now,
			})
			await recordAudit(tx, {
				actorId: user.id,
				action: 'auth.sign_in',
				entityType: 'User',
				entityId: user.id,
				after: { userAgent: input.userAgent?.slice(0, 200) ?? null },
				ipAddress: input.ipAddress,
			})
			const { disabled: _disabled, password: _password, ...sessionUser } = user
			return { status: 'signed-in', user: sessionUser, sessionToken: session.token }
		},
		{ timeout: 20_000, maxWait: 20_000 },
	)
}

/** Ends one session (signing out), recorded in the audit log. */
export async function signOut({
	sessionId,
	ipAddress,
}: {
	sessionId: string
	ipAddress: string | null
}): Promise<void> {
	await getPrisma().$transaction(async (tx) => {
		const session = await tx.session.findUnique({ where: { id: sessionId }, select: { userId: true } })
		if (!session) return
		await tx.session.deleteMany({ where: { id: sessionId } })
		await recordAudit(tx, {
			actorId: session.userId,
			action: 'auth.sign_out',
			entityType: 'User',
			entityId: session.userId,
			ipAddress,
		})
	})
}

/** Ends every session of the user, this one included ("sign out everywhere"). */
export async function signOutEverywhere({
	userId,
	ipAddress,
}: {
	userId: string
	ipAddress: string | null
}): Promise<{ sessionsEnded: number }> {
	return getPrisma().$transaction(async (tx) => {
		const { count } = await tx.session.deleteMany({ where: { userId } })
		await recordAudit(tx, {
			actorId: userId,
			action: 'auth.sign_out_everywhere',
			entityType: 'User',
			entityId: userId,
			after: { sessionsEnded: count },
			ipAddress,
		})
		return { sessionsEnded: count }
	})
}
