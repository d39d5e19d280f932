import { isIP } from 'node:net'
import type { Prisma } from '~/.server/prisma/client'
import { backoffWaitMs, failuresWorthCounting, secondsUntil, type Backoff } from '~/models/backoff.server'
import { validIpAddress } from '~/models/ip-address.server'

/**
 * Sign-in throttling, counted in the database (SignInAttempt) so that every app process sees the same
 * counts; the reasoning and the numbers are docs/decisions/009-sign-in-throttling.md. Only failures are
 * counted, over the last day (an account's since its last successful sign-in), and each wait runs from a
 * failure of the very address that tries again:
 * - an address waits after its own latest failure, by how many failures it has had (whatever accounts);
 * - an address that has failed on an account waits after its latest failure there, by how many failures
 *   that account has had (from every address).
 * So a right password from an address without failures is always checked, however hard the account is
 * being guessed: the guessers' addresses are the ones slowed.
 */
export const signInThrottle = {
	windowMs: 24 * 60 * 60 * 1000,
	perAccount: { failuresBeforeWait: 5, firstWaitMs: 30_000, maxWaitMs: 15 * 60_000 },
	perAddress: { failuresBeforeWait: 10, firstWaitMs: 30_000, maxWaitMs: 60 * 60_000 },
} as const satisfies { windowMs: number; perAccount: Backoff; perAddress: Backoff }

/**
 * The key attempts are counted under for an IP address: an IPv4 address as it is; an IPv6 address as its
 * /64 network, since one subscriber usually holds a whole /64 and could otherwise change address at will.
 * Anything that is not an IP address is `unknown` (all such attempts share one count).
 */
export function addressKey(ipAddress: string | null): string {
	const address = validIpAddress(ipAddress)
	if (!address) return 'unknown'
	if (isIP(address) !== 6) return address
	return `${expandIpv6(address).slice(0, 4).join(':')}::/64`
}

function expandIpv6(address: string): string[] {
	const [head = '', tail] = address.split('::')
	const headGroups = head === '' ? [] : head.split(':')
	const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
	const missing = 8 - headGroups.length - tailGroups.length
	const groups = [...headGroups, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailGroups]
	return groups.map((group) => (group.includes('.') ? group : Number.parseInt(group, 16).toString(16)))
}

/**
 * Seconds until this address may try this account again, or null if it may now (its password is then
 * checked). Run it in the transaction that then records the attempt, after `lockSignInKeys`.
 */
export async function secondsUntilSignInAllowed(
	tx: Prisma.TransactionClient,
	{ email, address, now = new Date() }: { email: string; address: string; now?: Date },
): Promise<number | null> {
	const windowStart = new Date(now.getTime() - signInThrottle.windowMs)
	const { perAccount, perAddress } = signInThrottle
	// Newest first, and never more rows than make the longest wait: the work stays the same under attack.
	const addressFailures = await tx.signInAttempt.findMany({
		where: { ipAddress: address, succeeded: false, createdAt: { gt: windowStart } },
		orderBy: { createdAt: 'desc' },
		take: failuresWorthCounting(perAddress),
		select: { createdAt: true },
	})
	const allowedAgainAt: number[] = []
	const [latestFromAddress] = addressFailures
	if (latestFromAddress) {
		allowedAgainAt.push(
			latestFromAddress.createdAt.getTime() + backoffWaitMs(addressFailures.length, perAddress),
		)
		// Only an address with failures can be held back by an account's count.
		const lastSuccess = await tx.signInAttempt.findFirst({
			where: { email, succeeded: true, createdAt: { gt: windowStart } },
			orderBy: { createdAt: 'desc' },
			select: { createdAt: true },
		})
		const since = lastSuccess?.createdAt ?? windowStart
		const accountFailures = await tx.signInAttempt.findMany({
			where: { email, succeeded: false, createdAt: { gt: since } },
			orderBy: { createdAt: 'desc' },
			take: failuresWorthCounting(perAccount),
			select: { createdAt: true },
		})
		const accountWaitMs = backoffWaitMs(accountFailures.length, perAccount)
		if (accountWaitMs > 0) {
			const latestHere = await tx.signInAttempt.findFirst({
				where: { email, ipAddress: address, succeeded: false, createdAt: { gt: since } },
				orderBy: { createdAt: 'desc' },
				select: { createdAt: true },
			})
			if (latestHere) allowedAgainAt.push(latestHere.createdAt.getTime() + accountWaitMs)
		}
	}
	return secondsUntil(Math.max(0, ...allowedAgainAt), now)
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
	// Only the last window counts; older attempts of this account and address go (the audit log keeps the
	// history). Both deletes use the (key, createdAt) indexes.
	const windowStart = new Date(now.getTime() - signInThrottle.windowMs)
	await tx.signInAttempt.deleteMany({ where: { email, createdAt: { lt: windowStart } } })
	await tx.signInAttempt.deleteMany({ where: { ipAddress: address, createdAt: { lt: windowStart } } })
	return tx.signInAttempt.create({
		data: { email, ipAddress: address, succeeded, createdAt: now },
		select: { id: true },
	})
}
