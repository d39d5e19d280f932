import type { DatePrecision, EvidenceType, PledgeStatus, ReviewState, Role } from '~/.server/prisma/enums'
import { evidenceTypes } from '~/forms/evidence'
import type { PublicationDate } from '~/forms/evidence-dates'
import { statuses } from '~/forms/status-update'
import { useI18n } from '~/i18n/use-i18n'

/**
 * English names of statuses, evidence types and review states, as the tests and the command line word
 * them. The pages name them in the reader's language through `useStaffLabels`.
 */

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

/**
 * The staff pages' names of statuses, evidence types, review states, roles and date precisions, and their
 * publication dates, in the page's language (statuses and evidence types as the public site names them).
 */
export function useStaffLabels() {
	const { t, format } = useI18n()
	const status = (value: PledgeStatus) => t(`status.${value}`)
	const evidenceType = (value: EvidenceType) => t(`evidenceType.${value}`)
	/** `2024-03-31` (as the form takes it), `March 2024`, `2024`, or `date not printed`. */
	const publicationDate = (published: PublicationDate) => {
		if (published.precision === 'NONE' || published.on === null) return t('staff.evidence.dateNotPrinted')
		if (published.precision === 'MONTH') return format.longMonthYear(published.on)
		if (published.precision === 'YEAR') return published.on.slice(0, 4)
		return published.on
	}
	return {
		status,
		evidenceType,
		reviewState: (value: ReviewState) => t(`staff.reviewState.${value}`),
		role: (value: Role) => t(`staff.role.${value}`),
		roleDescription: (value: Role) => t(`staff.roleDescription.${value}`),
		datePrecision: (value: DatePrecision) => t(`staff.datePrecision.${value}`),
		statusOptions: statuses.map((value) => ({ value, label: status(value) })),
		evidenceTypeOptions: evidenceTypes.map((value) => ({ value, label: evidenceType(value) })),
		publicationDate,
		/** "published March 2024", or "publication date not printed", within a line of facts about evidence. */
		publishedPhrase: (published: PublicationDate) =>
			published.precision === 'NONE'
				? t('staff.evidence.publicationDateNotPrinted')
				: t('staff.evidence.publishedOn', { date: publicationDate(published) }),
	}
}
