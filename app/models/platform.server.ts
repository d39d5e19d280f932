import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'

/**
 * The platform the home page shows: the most recent election's. Three queries whatever the number of
 * pledges: the platform, its categories, its pledges.
 */
export async function getCurrentPlatformOverview(prisma: PrismaClient = getPrisma()) {
	const platform = await prisma.platform.findFirst({
		orderBy: [{ electionDate: 'desc' }, { createdAt: 'desc' }],
		select: {
			id: true,
			slug: true,
			title: true,
			summary: true,
			electionDate: true,
			termStart: true,
			termEnd: true,
			sourceUrl: true,
			sourceTitle: true,
			sourcePublisher: true,
			politician: { select: { name: true, office: true } },
		},
	})
	if (!platform) return null
	const [categories, pledges] = await Promise.all([
		prisma.category.findMany({
			where: { platformId: platform.id },
			orderBy: [{ position: 'asc' }, { title: 'asc' }],
			select: { id: true, parentId: true, slug: true, title: true, summary: true },
		}),
		prisma.pledge.findMany({
			where: { platformId: platform.id },
			orderBy: [{ position: 'asc' }, { title: 'asc' }],
			select: {
				id: true,
				slug: true,
				title: true,
				summary: true,
				kind: true,
				status: true,
				deadline: true,
				categoryId: true,
			},
		}),
	])
	const parentOf = new Map(categories.map((category) => [category.id, category.parentId]))
	const principleOf = (categoryId: string): string => {
		let current = categoryId
		for (let parent = parentOf.get(current); parent; parent = parentOf.get(current)) current = parent
		return current
	}
	const principles = categories
		.filter((category) => category.parentId === null)
		.map((principle) => ({
			...principle,
			pledges: pledges.filter((pledge) => principleOf(pledge.categoryId) === principle.id),
		}))
	return { platform, principles, pledgeCount: pledges.length }
}
