import { statusPresentation } from './status'
import { evidenceTypes, workflowStatuses } from './workflow-schemas'

/** English names of the workflow's values, for the staff pages (the public site names them through i18n). */

export const evidenceTypeLabels: Record<(typeof evidenceTypes)[number], string> = {
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

export const statusOptions = workflowStatuses.map((status) => ({
	value: status,
	label: statusPresentation[status].label,
}))

export function statusLabel(status: string): string {
	return statusOptions.find((option) => option.value === status)?.label ?? status
}

export const reviewStateLabels: Record<'PENDING' | 'APPROVED' | 'REJECTED', string> = {
	PENDING: 'Awaiting review',
	APPROVED: 'Approved',
	REJECTED: 'Rejected',
}

/** A `?page=N` query parameter: 1 when absent, null when it is not a page number. */
export function pageParam(url: URL): number | null {
	const value = url.searchParams.get('page')
	if (value === null) return 1
	return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null
}
