import type { Prisma } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'

/** A pledge counts as reviewed when evidence about it was approved or rejected, or its status recorded, within this. */
export const reviewStaleAfterDays = 90
export const upcomingDeadlineMonths = 6
/** How many pledges each dashboard list shows; the count above it says how many there are in all. */
export const dashboardListSize = 10
export const recentActivitySize = 15

const dayMs = 24 * 60 * 60 * 1000

function utcMidnight(date: Date): Date {
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

function addUtcMonths(date: Date, months: number): Date {
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()))
}

const pledgeSelect = {
	id: true,
	slug: true,
	title: true,
	status: true,
	deadline: true,
	statusUpdatedAt: true,
	platform: { select: { slug: true, title: true } },
} satisfies Prisma.PledgeSelect

/**
 * Everything the admin home shows, in a fixed number of queries, run together, whatever the size
 * of the tables: counts and bounded lists, each served by an index or a NOT EXISTS per pledge.
 */
export async function getAdminDashboard(now: Date = new Date()) {
	const prisma = getPrisma()
	const reviewedSince = new Date(now.getTime() - reviewStaleAfterDays * dayMs)
	const today = utcMidnight(now)
	const deadlineHorizon = addUtcMonths(today, upcomingDeadlineMonths)
	const notReviewedRecently: Prisma.PledgeWhereInput = {
		evidence: { none: { reviewState: { in: ['APPROVED', 'REJECTED'] }, reviewedAt: { gte: reviewedSince } } },
		statusUpdates: { none: { createdAt: { gte: reviewedSince } } },
	}
	const deadlineSoon: Prisma.PledgeWhereInput = { deadline: { gte: today, lte: deadlineHorizon } }
	const [pendingEvidence, staleCount, stalePledges, deadlineCount, deadlinePledges, recentActivity] =
		await Promise.all([
			prisma.evidence.count({ where: { reviewState: 'PENDING' } }),
			prisma.pledge.count({ where: notReviewedRecently }),
			// The ones whose status is oldest come first; never rated ones before them.
			prisma.pledge.findMany({
				where: notReviewedRecently,
				orderBy: [{ statusUpdatedAt: { sort: 'asc', nulls: 'first' } }, { deadline: 'asc' }, { id: 'asc' }],
				take: dashboardListSize,
				select: pledgeSelect,
			}),
			prisma.pledge.count({ where: deadlineSoon }),
			prisma.pledge.findMany({
				where: deadlineSoon,
				orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
				take: dashboardListSize,
				select: pledgeSelect,
			}),
			prisma.auditEntry.findMany({
				orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
				take: recentActivitySize,
				select: {
					id: true,
					action: true,
					entityType: true,
					entityId: true,
					createdAt: true,
					actor: { select: { displayName: true } },
				},
			}),
		])
	return {
		pendingEvidence,
		staleReview: { count: staleCount, pledges: stalePledges, since: reviewedSince },
		upcomingDeadlines: { count: deadlineCount, pledges: deadlinePledges, until: deadlineHorizon },
		recentActivity,
	}
}
