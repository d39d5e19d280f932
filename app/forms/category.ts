import { z } from 'zod'
import {
	addFieldIssue,
	alwaysCheck,
	limits,
	optionalText,
	recordId,
	slug,
	text,
	version,
	wholeNumber,
} from './fields'
import type { ProblemMessages } from './problems'

// A category of a platform: a principle, or a topic under one of its principles. The platform and slug
// are fixed once created.

const categoryFields = {
	parentId: recordId({ missing: 'Choose a principle of this platform, or none.' }).optional(),
	title: text({ missing: 'Enter the category’s title.', max: limits.title }),
	summary: optionalText({ max: limits.summary }),
	position: wholeNumber({ min: 0, max: 9999, blank: 0 }),
	ruTitle: optionalText({ max: limits.title }),
	ruSummary: optionalText({ max: limits.summary }),
	kkTitle: optionalText({ max: limits.title }),
	kkSummary: optionalText({ max: limits.summary }),
}

/** The languages a category is translated into, with the fields that hold each. */
export const categoryLanguages = [
	{ language: 'Russian', lang: 'ru', title: 'ruTitle', summary: 'ruSummary' },
	{ language: 'Kazakh', lang: 'kk', title: 'kkTitle', summary: 'kkSummary' },
] as const

/** A translation's summary may be left out (the category's own shows), its title not. */
function checkTranslations(category: Record<string, unknown>, context: z.RefinementCtx) {
	for (const { language, title, summary } of categoryLanguages) {
		if (category[title] === undefined && category[summary] !== undefined) {
			addFieldIssue(context, title, `Enter the ${language} title too, or clear the ${language} summary.`)
		}
	}
}

export const categoryCreateSchema = z
	.object({ platformId: recordId({ missing: 'Choose a platform.' }), slug: slug(), ...categoryFields })
	.superRefine(checkTranslations, alwaysCheck)
export const categoryEditSchema = z
	.object({ version: version(), ...categoryFields })
	.superRefine(checkTranslations, alwaysCheck)

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
	const translation = (locale: 'RU' | 'KK') => category.translations.find((row) => row.locale === locale)
	return {
		version: String(category.version),
		parentId: category.parentId ?? '',
		title: category.title,
		summary: category.summary ?? '',
		position: String(category.position),
		ruTitle: translation('RU')?.title ?? '',
		ruSummary: translation('RU')?.summary ?? '',
		kkTitle: translation('KK')?.title ?? '',
		kkSummary: translation('KK')?.summary ?? '',
	}
}

export type CategoryFormValues = ReturnType<typeof categoryFormValues>
