/**
 * Exponential backoff after failures: the first `failuresBeforeWait` failures cost nothing; from then on
 * each failure starts a wait, `firstWaitMs` after the first of them and twice as long after each further
 * one, never longer than `maxWaitMs`. The limits that use it are written down in
 * docs/decisions/009-sign-in-throttling.md.
 */
export type Backoff = { failuresBeforeWait: number; firstWaitMs: number; maxWaitMs: number }

/** How long to wait after the latest of `failures` failures (0: no wait). */
export function backoffWaitMs(failures: number, backoff: Backoff): number {
	if (failures < backoff.failuresBeforeWait) return 0
	const doublings = failures - backoff.failuresBeforeWait
	return Math.min(backoff.firstWaitMs * 2 ** Math.min(doublings, 52), backoff.maxWaitMs)
}

/**
 * How many failures are worth counting: from this many on the wait is at its longest, so a query never
 * needs to read more rows than this, however many failures there were.
 */
export function failuresWorthCounting(backoff: Backoff): number {
	let failures = backoff.failuresBeforeWait
	while (backoffWaitMs(failures, backoff) < backoff.maxWaitMs) failures++
	return failures
}

/** Whole seconds from `now` until `until` (at least 1), for Retry-After; null when `until` has passed. */
export function secondsUntil(until: number, now: Date): number | null {
	const ms = until - now.getTime()
	return ms > 0 ? Math.ceil(ms / 1000) : null
}
