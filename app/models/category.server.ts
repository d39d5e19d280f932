import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { Locale } from '~/i18n/locales'
import { localize, translationsIn } from './translation.server'

/**
 * A platform's principles, each with the topics under it, in the reader's language: the choices of the
 * pledge list's filters. One query.
 */
export async function listPlatformCategories(
	platformId: string,
	locale: Locale,
	prisma: PrismaClient = getPrisma(),
) {
	const categories = await prisma.category.findMany({
		where: { platformId },
		orderBy: [{ position: 'asc' }, { title: 'asc' }],
		select: {
			id: true,
			parentId: true,
			slug: true,
			title: true,
			summary: true,
			translations: translationsIn(locale),
		},
	})
	const present = (category: (typeof categories)[number]) => {
		const text = localize(category, locale)
		return { slug: category.slug, title: text.title, titleIsTranslated: text.titleIsTranslated }
	}
	return categories
		.filter((category) => category.parentId === null)
		.map((principle) => ({
			...present(principle),
			topics: categories.filter((category) => category.parentId === principle.id).map(present),
		}))
}

export type PrincipleWithTopics = Awaited<ReturnType<typeof listPlatformCategories>>[number]
