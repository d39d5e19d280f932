import type { DatePrecision, EvidenceType, PledgeStatus, ReviewState, Role } from '~/.server/prisma/enums'
import { evidenceTypes } from '~/forms/evidence'
import type { PublicationDate } from '~/forms/evidence-dates'
import { statuses } from '~/forms/status-update'

/** English names of statuses, evidence types and review states, for the staff pages (the public site names them through i18n). */

export const statusLabels: Record<PledgeStatus, string> = {
	NOT_RATED: 'Not yet rated',
	IN_PROGRESS: 'In progress',
	STALLED: 'Stalled',
	PARTIAL: 'Partially kept',
	KEPT: 'Kept',
	BROKEN: 'Broken',
}

export function statusLabel(status: PledgeStatus): string {
	return statusLabels[status]
}

export const statusOptions = statuses.map((status) => ({ value: status, label: statusLabels[status] }))

export const evidenceTypeLabels: Record<EvidenceType, string> = {
	LAW_OR_DECREE: 'Law or decree',
	BUDGET: 'Budget',
	OFFICIAL_STATISTIC: 'Official statistic',
	OFFICIAL_STATEMENT: 'Official statement',
	MEDIA_REPORT: 'Media report',
	OTHER: 'Other',
}

export const evidenceTypeOptions = evidenceTypes.map((type) => ({
	value: type,
	label: evidenceTypeLabels[type],
}))

export const reviewStateLabels: Record<ReviewState, string> = {
	PENDING: 'Awaiting review',
	APPROVED: 'Approved',
	REJECTED: 'Rejected',
	CHANGES_REQUESTED: 'Changes requested',
	WITHDRAWN: 'Withdrawn',
}

export const roleLabels: Record<Role, string> = { ADMIN: 'Admin', FACT_CHECKER: 'Fact-checker' }

export const roleDescriptions: Record<Role, string> = {
	ADMIN:
		'Everything a fact-checker can do, plus reviewing evidence, recording statuses and managing accounts.',
	FACT_CHECKER: 'Submits evidence for pledges and follows what became of it.',
}

export const datePrecisionLabels: Record<DatePrecision, string> = {
	DAY: 'A full date',
	MONTH: 'A month',
	YEAR: 'A year',
	NONE: 'No date printed',
}

const staffMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/**
 * A publication date on a staff page, as precise as its source: `2024-03-31` (as the form takes it),
 * `March 2024`, `2024`, or `date not printed`.
 */
export function publicationDateLabel(published: PublicationDate): string {
	if (published.precision === 'NONE' || published.on === null) return 'date not printed'
	if (published.precision === 'MONTH') return staffMonth.format(new Date(published.on))
	if (published.precision === 'YEAR') return published.on.slice(0, 4)
	return published.on
}

/** "published March 2024", or "publication date not printed", within a line of facts about evidence. */
export function publishedPhrase(published: PublicationDate): string {
	return published.precision === 'NONE'
		? 'publication date not printed'
		: `published ${publicationDateLabel(published)}`
}
