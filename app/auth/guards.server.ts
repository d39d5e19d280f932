import { redirect, type AppLoadContext } from '@remix-run/node'
import type { Role } from '~/.server/prisma/client'
import {
	findActiveSession,
	hasSessionCookie,
	serializeClearedSessionCookie,
	type SessionUser,
} from './session.server'
import type { PlatformVisibility } from '~/models/platform.server'
import type { Actor } from '~/models/save.server'

export type { SessionUser }

/** The page where an account whose password must be replaced is sent until it is. */
export const changePasswordPath = '/account'

/** An admin can do everything a fact-checker can. */
const rolesAllowedFor: Record<Role, readonly Role[]> = {
	ADMIN: ['ADMIN'],
	FACT_CHECKER: ['FACT_CHECKER', 'ADMIN'],
}

export function roleAllows(role: Role, required: Role): boolean {
	return rolesAllowedFor[required].includes(role)
}

/** The signed-in user, or null for a visitor (for pages that only look different when signed in). */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
	return (await findActiveSession(request))?.user ?? null
}

/** Where this request should come back to after signing in: its own path, without Remix's internals. */
export function signInPathFor(request: Request): string {
	const url = new URL(request.url)
	url.searchParams.delete('_routes')
	const back = `${url.pathname}${url.search}`
	return back === '/' ? '/sign-in' : `/sign-in?${new URLSearchParams({ redirectTo: back })}`
}

/**
 * The signed-in user, or a thrown redirect to sign-in (which also clears a dead session cookie). An
 * account that must replace its password is sent to do that first, wherever it was going.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
	const active = await findActiveSession(request)
	if (!active) {
		throw redirect(signInPathFor(request), {
			headers: hasSessionCookie(request)
				? { 'Set-Cookie': await serializeClearedSessionCookie(request) }
				: undefined,
		})
	}
	if (active.user.mustChangePassword && new URL(request.url).pathname !== changePasswordPath) {
		throw redirect(changePasswordPath)
	}
	return active.user
}

/** Like `requireUser`, with the session (for pages about the session itself). */
export async function requireUserSession(request: Request) {
	const user = await requireUser(request)
	const active = await findActiveSession(request)
	if (!active) throw new Error('The session vanished between two reads of one request')
	return { user, session: active.session }
}

/** The signed-in user if their role allows `role`; a visitor is sent to sign-in, anyone else gets 403. */
export async function requireRole(request: Request, role: Role): Promise<SessionUser> {
	const user = await requireUser(request)
	if (!roleAllows(user.role, role)) {
		throw new Response('Your account does not have the right to see this page.', {
			status: 403,
			statusText: 'Forbidden',
		})
	}
	return user
}

/** The signed-in account as the models record it: who, with which role, from which address. */
export function actorOf(user: SessionUser, context: AppLoadContext): Actor {
	return { id: user.id, role: user.role, ipAddress: context.clientIp ?? null }
}

/** Where someone lands after signing in, when they were not on their way somewhere else. */
export function homePathFor(role: Role): string {
	return role === 'ADMIN' ? '/admin' : '/account'
}

/**
 * Which platforms a public page shows this request: a signed-in account (every account is staff) also
 * sees drafts, as a preview; a visitor only published ones. No query without a session cookie.
 *
 * A draft is thus only ever rendered for a request carrying a session cookie, and such a request is never
 * answered from nor stored in the public page cache (`publicPageCache` leaves it alone), and its response
 * is `private, no-store` (`keepSignedInResponsesPrivate` in entry.server.tsx): no cache keeps a draft.
 */
export async function platformVisibilityFor(request: Request): Promise<PlatformVisibility> {
	return { drafts: (await getOptionalUser(request)) !== null }
}
