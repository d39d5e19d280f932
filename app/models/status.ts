import type { PledgeStatus } from '~/.server/prisma/enums'

/**
 * How each status is named and drawn. The palette is Okabe–Ito, distinguishable with the common forms of
 * colour blindness; a label always goes with the colour.
 */
export const statusPresentation: Record<PledgeStatus, { label: string; colour: string; textColour: string }> =
	{
		NOT_RATED: { label: 'Not yet rated', colour: '#8c8c8c', textColour: '#000000' },
		IN_PROGRESS: { label: 'In progress', colour: '#0072B2', textColour: '#ffffff' },
		STALLED: { label: 'Stalled', colour: '#E69F00', textColour: '#000000' },
		PARTIAL: { label: 'Partially kept', colour: '#F0E442', textColour: '#000000' },
		KEPT: { label: 'Kept', colour: '#009E73', textColour: '#000000' },
		BROKEN: { label: 'Broken', colour: '#D55E00', textColour: '#000000' },
	}

/** Every status, in the order charts and legends show them: unrated first, then from open to settled. */
export const pledgeStatuses = [
	'NOT_RATED',
	'IN_PROGRESS',
	'STALLED',
	'PARTIAL',
	'KEPT',
	'BROKEN',
] as const satisfies readonly PledgeStatus[]

/** Statuses of a pledge still open, whose deadline still matters. */
export const openStatuses: PledgeStatus[] = ['NOT_RATED', 'IN_PROGRESS', 'STALLED']

export function isPledgeStatus(value: unknown): value is PledgeStatus {
	return typeof value === 'string' && (pledgeStatuses as readonly string[]).includes(value)
}
