import { z } from 'zod'
import { alwaysCheck, limits, optionalText, recordId, slug, text, version, wholeNumber } from './fields'
import type { ProblemMessages } from './problems'
import {
	checkTranslations,
	translationFields,
	translationFormValues,
	type TranslationRules,
} from './translations'

// A category of a platform: a principle, or a topic under one of its principles. The platform and slug
// are fixed once created.

const categoryFields = {
	parentId: recordId({ missing: 'Choose a principle of this platform, or none.' }).optional(),
	title: text({ missing: 'Enter the category’s title.', max: limits.title }),
	summary: optionalText({ max: limits.summary }),
	position: wholeNumber({ min: 0, max: 9999, blank: 0 }),
	...translationFields,
}

/** A translation's summary may be left out (the category's own shows), its title not. */
export const categoryTranslationRules = { summary: 'optional' } as const satisfies TranslationRules

const checkCategory = (category: Record<string, unknown>, context: z.RefinementCtx) =>
	checkTranslations(category, context, categoryTranslationRules)

export const categoryCreateSchema = z
	.object({ platformId: recordId({ missing: 'Choose a platform.' }), slug: slug(), ...categoryFields })
	.superRefine(checkCategory, alwaysCheck)
export const categoryEditSchema = z
	.object({ version: version(), ...categoryFields })
	.superRefine(checkCategory, alwaysCheck)

export type CategoryCreateInput = z.output<typeof categoryCreateSchema>
export type CategoryEditInput = z.output<typeof categoryEditSchema>

/** Why the model refused a category, per field. */
export type CategoryProblem = 'taken' | 'unknown' | 'not-a-principle' | 'has-topics'

export const categoryProblems: ProblemMessages<CategoryProblem> = {
	slug: { taken: 'Another category of this platform has this slug.' },
	platformId: { unknown: 'Choose a platform from the list.' },
	parentId: {
		'not-a-principle': 'Choose a principle of this platform, or none.',
		'has-topics': 'This principle has topics under it, so it cannot become a topic itself.',
	},
}

/** A stored category as its edit form shows it. */
export function categoryFormValues(category: {
	parentId: string | null
	title: string
	summary: string | null
	position: number
	version: number
	translations: Array<{ locale: string; title: string; summary: string | null }>
}) {
	return {
		version: String(category.version),
		parentId: category.parentId ?? '',
		title: category.title,
		summary: category.summary ?? '',
		position: String(category.position),
		...translationFormValues(category.translations),
	}
}

export type CategoryFormValues = ReturnType<typeof categoryFormValues>
