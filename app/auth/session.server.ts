import { createHash, randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import type { Locale as DatabaseLocale, Prisma, Role } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { env } from '~/env.server'
import { validIpAddress } from '~/models/ip-address.server'
import { isLoopbackHost, publicOrigin } from './public-origin.server'

/** A session ends after this long without use; every use pushes the end further out. */
export const sessionIdleTimeoutMs = 7 * 24 * 60 * 60 * 1000
/** …and in any case this long after sign-in, however much it is used. The cookie lives exactly as long. */
export const sessionMaxLifetimeMs = 30 * 24 * 60 * 60 * 1000
/** The row's expiry is pushed out at most this often, so that reading a page does not always write. */
export const sessionRenewalIntervalMs = 60 * 60 * 1000

export type SessionUser = {
	id: string
	email: string
	displayName: string
	role: Role
	mustChangePassword: boolean
	/** The staff area's language the account chose; null until it chooses one. */
	locale: DatabaseLocale | null
}

export type ActiveSession = {
	session: { id: string; createdAt: Date; expiresAt: Date }
	user: SessionUser
}

let testSecret: string | undefined

function sessionSecrets(): string[] {
	const { SESSION_SECRET, VITEST } = env()
	if (SESSION_SECRET) return SESSION_SECRET
	// Vitest calls loaders directly, without scripts/start.ts: a per-run secret is all a test needs.
	if (VITEST) {
		testSecret ??= randomBytes(48).toString('base64url')
		return [testSecret]
	}
	throw new Error('SESSION_SECRET is not set: start the app with `npm start` or `npm run dev`, which set it.')
}

/**
 * `Secure` in production, decided by the site's public origin (app/auth/public-origin.server.ts). Given as
 * UADE_PUBLIC_URL, its scheme says it: https, Secure. Otherwise Secure except on a loopback host (localhost,
 * 127.0.0.1, [::1]): a browser sends such a Host only when it talks to this very machine, which is how the
 * browser tests and a local `npm start` run production over plain http. A deployment always has a public
 * host, so its cookie is Secure even when a proxy that is not trusted hides that it speaks https.
 */
export function sessionCookieIsSecure(request: Request): boolean {
	const { NODE_ENV, UADE_PUBLIC_URL } = env()
	if (NODE_ENV !== 'production') return false
	const origin = new URL(publicOrigin(request))
	if (origin.protocol === 'https:') return true
	return UADE_PUBLIC_URL === undefined && !isLoopbackHost(origin.host)
}

/** `__Host-` (only when Secure, which it requires) stops a sibling subdomain from planting the cookie. */
export function sessionCookieName(request: Request): string {
	return sessionCookieIsSecure(request) ? '__Host-uade_session' : 'uade_session'
}

function sessionCookie(request: Request) {
	return createCookie(sessionCookieName(request), {
		httpOnly: true,
		sameSite: 'lax',
		secure: sessionCookieIsSecure(request),
		path: '/',
		maxAge: sessionMaxLifetimeMs / 1000,
		secrets: sessionSecrets(),
	})
}

/** The Set-Cookie value that hands the browser a session's token, signed with the first secret. */
export function serializeSessionCookie(request: Request, sessionToken: string): Promise<string> {
	return sessionCookie(request).serialize(sessionToken)
}

/** The Set-Cookie value that makes the browser forget its session cookie. */
export function serializeClearedSessionCookie(request: Request): Promise<string> {
	return sessionCookie(request).serialize('', { maxAge: 0 })
}

export function hasSessionCookie(request: Request): boolean {
	const name = `${sessionCookieName(request)}=`
	return (request.headers.get('Cookie') ?? '').split(';').some((part) => part.trim().startsWith(name))
}

/**
 * A session row's id: the SHA-256 (hex) of the random token its cookie carries. The database keeps only
 * this, so a read of the Session table or of a backup hands out no session (a hash cannot be turned back
 * into a cookie). The token has 256 random bits, so a plain hash is enough: nothing to guess or salt.
 * Migration 20261201100000_hashed_sessions_and_password_checks hashed the ids of before the same way, in
 * SQL: `encode(sha256(convert_to(id, 'UTF8')), 'hex')`.
 */
export function sessionIdOfToken(sessionToken: string): string {
	return createHash('sha256').update(sessionToken, 'utf8').digest('hex')
}

/** The id of the session the request's cookie names (the hash of its token), when its signature holds. */
export async function readSessionId(request: Request): Promise<string | null> {
	const value: unknown = await sessionCookie(request).parse(request.headers.get('Cookie'))
	return typeof value === 'string' && value !== '' ? sessionIdOfToken(value) : null
}

/**
 * A new session row. Its random token, a new one at every sign-in (no fixation), is what the cookie
 * carries; the row's id is the token's hash. The token is answered here and nowhere else.
 */
export async function createSession(
	tx: Prisma.TransactionClient,
	{
		userId,
		ipAddress,
		userAgent,
		now = new Date(),
	}: { userId: string; ipAddress: string | null; userAgent: string | null; now?: Date },
) {
	const token = randomBytes(32).toString('base64url')
	const session = await tx.session.create({
		data: {
			id: sessionIdOfToken(token),
			userId,
			expiresAt: new Date(now.getTime() + sessionIdleTimeoutMs),
			ipAddress: validIpAddress(ipAddress),
			userAgent: userAgent?.slice(0, 500) ?? null,
		},
		select: { id: true, expiresAt: true },
	})
	return { ...session, token }
}

const sessionsOfRequest = new WeakMap<Request, Promise<ActiveSession | null>>()

/**
 * The request's live session and its user, or null. A session past its idle or total lifetime, or of a
 * disabled user, is deleted on sight. Loaders of one request share one lookup.
 */
export function findActiveSession(request: Request): Promise<ActiveSession | null> {
	let lookup = sessionsOfRequest.get(request)
	if (!lookup) {
		lookup = lookUpSession(request, new Date())
		sessionsOfRequest.set(request, lookup)
	}
	return lookup
}

async function lookUpSession(request: Request, now: Date): Promise<ActiveSession | null> {
	const sessionId = await readSessionId(request)
	if (!sessionId) return null
	const prisma = getPrisma()
	const session = await prisma.session.findUnique({
		where: { id: sessionId },
		select: {
			id: true,
			createdAt: true,
			expiresAt: true,
			user: {
				select: {
					id: true,
					email: true,
					displayName: true,
					role: true,
					mustChangePassword: true,
					locale: true,
					disabled: true,
				},
			},
		},
	})
	if (!session) return null
	const { disabled, ...user } = session.user
	const endOfLife = new Date(session.createdAt.getTime() + sessionMaxLifetimeMs)
	if (disabled || session.expiresAt <= now || endOfLife <= now) {
		await prisma.session.deleteMany({ where: { id: session.id } })
		return null
	}
	let expiresAt = session.expiresAt
	const renewed = new Date(Math.min(now.getTime() + sessionIdleTimeoutMs, endOfLife.getTime()))
	if (renewed.getTime() - expiresAt.getTime() >= sessionRenewalIntervalMs) {
		// updateMany: a session deleted meanwhile (signed out elsewhere) stays deleted.
		await prisma.session.updateMany({ where: { id: session.id }, data: { expiresAt: renewed } })
		expiresAt = renewed
	}
	return { session: { id: session.id, createdAt: session.createdAt, expiresAt }, user }
}

/**
 * A response to a browser with a session cookie may show who is signed in (the header's account menu, any
 * admin page): it must never be kept by a shared cache or shown from the browser's cache after sign-out.
 * Anonymous requests (no session cookie) keep whatever caching their route chose.
 */
export function keepSignedInResponsesPrivate(request: Request, headers: Headers): void {
	if (hasSessionCookie(request)) headers.set('Cache-Control', 'private, no-store')
}
