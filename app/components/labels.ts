import type { EvidenceType, PledgeStatus, ReviewState, Role } from '~/.server/prisma/enums'
import { evidenceTypes } from '~/forms/evidence'
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
