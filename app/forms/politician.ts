import { z } from 'zod'
import { alwaysCheck, limits, optionalText, slug, text, version } from './fields'
import type { ProblemMessages } from './problems'
import {
	checkPairedTranslations,
	pairedTranslationFormValues,
	politicianTranslationFieldNames,
} from './translations'

const politicianFields = {
	name: text({ missing: 'Enter the politician’s name.', max: limits.name }),
	office: text({ missing: 'Enter the office, for example President of Kazakhstan.', max: limits.name }),
	// Their name and office in Russian and Kazakh: both, or neither (the English shows, marked).
	ruName: optionalText({ max: limits.name }),
	ruOffice: optionalText({ max: limits.name }),
	kkName: optionalText({ max: limits.name }),
	kkOffice: optionalText({ max: limits.name }),
}

const checkPolitician = (politician: Record<string, unknown>, context: z.RefinementCtx) =>
	checkPairedTranslations(politician, context, politicianTranslationFieldNames, {
		secondMissing: (language) => `Enter the ${language} office too, or clear the ${language} name.`,
		firstMissing: (language) => `Enter the ${language} name too, or clear the ${language} office.`,
	})

export const politicianCreateSchema = z
	.object({ slug: slug(), ...politicianFields })
	.superRefine(checkPolitician, alwaysCheck)
export const politicianEditSchema = z
	.object({ version: version(), ...politicianFields })
	.superRefine(checkPolitician, alwaysCheck)

export type PoliticianCreateInput = z.output<typeof politicianCreateSchema>
export type PoliticianEditInput = z.output<typeof politicianEditSchema>

export const politicianProblems: ProblemMessages<'taken'> = {
	slug: { taken: 'Another politician has this slug.' },
}

/** A stored politician as its edit form shows it. */
export function politicianFormValues(politician: {
	name: string
	office: string
	version: number
	translations: ReadonlyArray<{ locale: string; name: string; office: string }>
}) {
	return {
		name: politician.name,
		office: politician.office,
		...pairedTranslationFormValues(politicianTranslationFieldNames, politician.translations, (row) => ({
			first: row.name,
			second: row.office,
		})),
		version: String(politician.version),
	}
}
