import type { Prisma, PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import {
	categoryFormValues,
	categoryTranslationRules,
	type CategoryCreateInput,
	type CategoryEditInput,
	type CategoryProblem,
} from '~/forms/category'
import type { TranslationInput } from '~/forms/translations'
import type { Locale } from '~/i18n/locales'
import type { AuditAction } from './audit-actions'
import { createAudited, updateVersioned, type Actor, type Problems } from './save.server'
import { localize, translationsIn, writeTranslations } from './translation.server'

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

// Staff reads and writes (the admin's catalogue pages).

/** Every category, each platform's principles before their topics, for the staff's list. */
export async function listCategoriesToEdit() {
	return getPrisma().category.findMany({
		orderBy: [{ platformId: 'asc' }, { parentId: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }],
		take: 500,
		select: {
			id: true,
			title: true,
			slug: true,
			platform: { select: { title: true } },
			parent: { select: { title: true } },
		},
	})
}

/** The principles (top-level categories) of each platform, the only possible parents of a category. */
export async function listCategoryParents({ platformId }: { platformId?: string } = {}) {
	return getPrisma().platform.findMany({
		where: platformId ? { id: platformId } : {},
		orderBy: [{ electionDate: 'desc' }, { id: 'asc' }],
		take: 100,
		select: {
			id: true,
			title: true,
			categories: {
				where: { parentId: null },
				orderBy: [{ position: 'asc' }, { id: 'asc' }],
				take: 200,
				select: { id: true, title: true },
			},
		},
	})
}

const categoryRecordSelect = {
	id: true,
	platformId: true,
	parentId: true,
	slug: true,
	title: true,
	summary: true,
	position: true,
	version: true,
	platform: { select: { title: true } },
	translations: { select: { locale: true, title: true, summary: true } },
} satisfies Prisma.CategorySelect

export type CategoryRecord = Prisma.CategoryGetPayload<{ select: typeof categoryRecordSelect }>

export async function getCategoryRecord(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	return tx.category.findUnique({ where: { id }, select: categoryRecordSelect })
}

const audit = (action: AuditAction) => ({
	action,
	entityType: 'Category',
	/** The category as text, as its form holds it. */
	snapshot: (category: CategoryRecord) => {
		const { version: _version, ...values } = categoryFormValues(category)
		return { id: category.id, platformId: category.platformId, slug: category.slug, ...values }
	},
})

/** A parent must be a principle of the same platform, and a principle with topics cannot become a topic. */
async function parentProblem(
	tx: Prisma.TransactionClient,
	{ platformId, parentId, categoryId }: { platformId: string; parentId?: string; categoryId?: string },
): Promise<Problems<CategoryProblem> | null> {
	if (parentId === undefined) return null
	const parent = await tx.category.findUnique({
		where: { id: parentId },
		select: { platformId: true, parentId: true },
	})
	if (!parent || parent.platformId !== platformId || parent.parentId !== null || parentId === categoryId) {
		return { parentId: 'not-a-principle' }
	}
	if (categoryId && (await tx.category.count({ where: { parentId: categoryId } })) > 0) {
		return { parentId: 'has-topics' }
	}
	return null
}

function writeCategoryTranslations(
	tx: Prisma.TransactionClient,
	categoryId: string,
	input: TranslationInput,
) {
	return writeTranslations(input, {
		summary: categoryTranslationRules.summary,
		save: (locale, text) =>
			tx.categoryTranslation.upsert({
				where: { categoryId_locale: { categoryId, locale } },
				create: { categoryId, locale, ...text },
				update: text,
			}),
		remove: (locale) => tx.categoryTranslation.deleteMany({ where: { categoryId, locale } }),
	})
}

export async function createCategory(input: CategoryCreateInput, actor: Actor) {
	return createAudited<CategoryRecord, CategoryProblem>({
		actor,
		read: (tx, id) => getCategoryRecord(id, tx),
		check: async (tx) => {
			const platform = await tx.platform.findUnique({ where: { id: input.platformId }, select: { id: true } })
			if (!platform) return { platformId: 'unknown' }
			return parentProblem(tx, { platformId: input.platformId, parentId: input.parentId })
		},
		create: async (tx) => {
			const { id } = await tx.category.create({
				data: {
					platformId: input.platformId,
					parentId: input.parentId ?? null,
					slug: input.slug,
					title: input.title,
					summary: input.summary ?? null,
					position: input.position,
				},
				select: { id: true },
			})
			await writeCategoryTranslations(tx, id, input)
			return id
		},
		audit: audit('category.create'),
		taken: { slug: 'taken' },
	})
}

export async function updateCategory(id: string, input: CategoryEditInput, actor: Actor) {
	return updateVersioned<CategoryRecord, CategoryProblem>({
		id,
		version: input.version,
		actor,
		read: (tx, categoryId) => getCategoryRecord(categoryId, tx),
		check: (tx, before) =>
			parentProblem(tx, { platformId: before.platformId, parentId: input.parentId, categoryId: id }),
		update: async (tx, where) => {
			const written = await tx.category.updateMany({
				where,
				data: {
					parentId: input.parentId ?? null,
					title: input.title,
					summary: input.summary ?? null,
					position: input.position,
					version: { increment: 1 },
				},
			})
			if (written.count > 0) await writeCategoryTranslations(tx, id, input)
			return written
		},
		audit: audit('category.update'),
	})
}
