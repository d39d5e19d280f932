import { isIP } from 'node:net'
import type { Prisma } from '~/.server/prisma/client'

/**
 * Sign-in attempts allowed, counted in the database (SignInAttempt) so that every app process sees the
 * same counts. Per account: 5 failures in 15 minutes since its last successful sign-in; a person who
 * mistypes gets five tries, a guesser gets 480 a day. Per network address: 20 failures in 15 minutes,
 * whatever accounts they were for, against one machine trying many accounts.
 */
export const signInLimits = {
	windowMs: 15 * 60 * 1000,
	failuresPerAccount: 5,
	failuresPerAddress: 20,
} as const

/**
 * The key attempts are counted under for an IP address: an IPv4 address as it is; an IPv6 address as its
 * /64 network, since one subscriber usually holds a whole /64 and could otherwise change address at will.
 */
export function addressKey(ipAddress: string | null): string {
	if (!ipAddress) return 'unknown'
	const address =
		ipAddress.startsWith('::ffff:') && isIP(ipAddress.slice(7)) === 4 ? ipAddress.slice(7) : ipAddress
	if (isIP(address) !== 6) return address
	return `${expandIpv6(address).slice(0, 4).join(':')}::/64`
}

function expandIpv6(address: string): string[] {
	const [withoutZone = ''] = address.split('%')
	const [head = '', tail] = withoutZone.split('::')
	const headGroups = head === '' ? [] : head.split(':')
	const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
	const missing = 8 - headGroups.length - tailGroups.length
	const groups = [...headGroups, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailGroups]
	return groups.map((group) => (group.includes('.') ? group : Number.parseInt(group, 16).toString(16)))
}

/**
 * Minutes until another attempt for this account and address is allowed, or null if one is allowed now.
 * Run it in the transaction that then records the attempt, after `lockSignInKeys`.
 */
export async function minutesUntilSignInAllowed(
	tx: Prisma.TransactionClient,
	{ email, address, now = new Date() }: { email: string; address: string; now?: Date },
): Promise<number | null> {
	const windowStart = new Date(now.getTime() - signInLimits.windowMs)
	const lastSuccess = await tx.signInAttempt.findFirst({
		where: { email, succeeded: true, createdAt: { gt: windowStart } },
		orderBy: { createdAt: 'desc' },
		select: { createdAt: true },
	})
	const accountFailures = await tx.signInAttempt.findMany({
		where: { email, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? windowStart } },
		orderBy: { createdAt: 'desc' },
		take: signInLimits.failuresPerAccount,
		select: { createdAt: true },
	})
	const addressFailures = await tx.signInAttempt.findMany({
		where: { ipAddress: address, succeeded: false, createdAt: { gt: windowStart } },
		orderBy: { createdAt: 'desc' },
		take: signInLimits.failuresPerAddress,
		select: { createdAt: true },
	})
	// Allowed again once the oldest of the last `limit` failures leaves the window.
	const allowedAgainAt = [
		accountFailures.length >= signInLimits.failuresPerAccount ? accountFailures.at(-1) : undefined,
		addressFailures.length >= signInLimits.failuresPerAddress ? addressFailures.at(-1) : undefined,
	]
		.filter((failure) => failure !== undefined)
		.map((failure) => failure.createdAt.getTime() + signInLimits.windowMs)
	if (allowedAgainAt.length === 0) return null
	return Math.max(1, Math.ceil((Math.max(...allowedAgainAt) - now.getTime()) / 60_000))
}

/**
 * Serialises concurrent attempts for one account or one address (a transaction-scoped advisory lock on
 * each), so that a burst of parallel guesses is counted one by one instead of all passing the check first.
 * Always address before account: one order everywhere, so two attempts can never wait on each other.
 */
export async function lockSignInKeys(
	tx: Prisma.TransactionClient,
	{ email, address }: { email: string; address: string },
): Promise<void> {
	await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`uade:sign-in:address:${address}`}, 0))`
	await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`uade:sign-in:account:${email}`}, 0))`
}

export async function recordSignInAttempt(
	tx: Prisma.TransactionClient,
	{
		email,
		address,
		succeeded,
		now = new Date(),
	}: { email: string; address: string; succeeded: boolean; now?: Date },
) {
	// Only the last window matters for the limits; older attempts of this account and address go
	// (the audit log keeps the history). Both deletes use the (key, createdAt) indexes.
	const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000)
	await tx.signInAttempt.deleteMany({ where: { email, createdAt: { lt: dayAgo } } })
	await tx.signInAttempt.deleteMany({ where: { ipAddress: address, createdAt: { lt: dayAgo } } })
	return tx.signInAttempt.create({
		data: { email, ipAddress: address, succeeded, createdAt: now },
		select: { id: true },
	})
}
