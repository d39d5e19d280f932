import type { PledgeStatus } from '~/.server/prisma/enums'
import { statuses } from '~/forms/status-update'

/** Every status, in the order charts and legends show them: unrated first, then from open to settled. */
export const pledgeStatuses = statuses

/** Statuses of a pledge still open, whose deadline still matters. */
export const openStatuses: PledgeStatus[] = ['NOT_RATED', 'IN_PROGRESS', 'STALLED']

export function isPledgeStatus(value: unknown): value is PledgeStatus {
	return typeof value === 'string' && (pledgeStatuses as readonly string[]).includes(value)
}
