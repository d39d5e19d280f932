import { z } from 'zod'
import { translationLocale } from '~/i18n/locales'
import { addFieldIssue, alwaysCheck, intent, limits, notAForm, optionalText, version } from './fields'

/**
 * The Russian and Kazakh versions of an evidence item: its title and, optionally, a translation of its
 * excerpt. The excerpt itself stays as the source wrote it, in the source's language; a translation is
 * shown beside it, marked as a translation, never in its place. Each may be left empty.
 */
export const evidenceTranslationLanguages = [
	{ language: 'Russian', lang: 'ru', locale: translationLocale.ru, title: 'ruTitle', excerpt: 'ruExcerpt' },
	{ language: 'Kazakh', lang: 'kk', locale: translationLocale.kk, title: 'kkTitle', excerpt: 'kkExcerpt' },
] as const

type EvidenceTranslationLanguage = (typeof evidenceTranslationLanguages)[number]
type EvidenceTranslationField = EvidenceTranslationLanguage['title'] | EvidenceTranslationLanguage['excerpt']

/** The evidence form's translation fields (on submission, the author's edit and the editor's page). */
export const evidenceTranslationFields = {
	ruTitle: optionalText({ max: limits.title }),
	ruExcerpt: optionalText({ max: limits.excerpt }),
	kkTitle: optionalText({ max: limits.title }),
	kkExcerpt: optionalText({ max: limits.excerpt }),
} satisfies Record<EvidenceTranslationField, z.ZodType>

/** The translation fields as a schema parsed them: a field left empty is undefined. */
export type EvidenceTranslationInput = Partial<Record<EvidenceTranslationField, string>>

/** The English of these messages is the key of their translations (app/i18n/form-errors.ts). */
export const evidenceTranslationMessages = {
	Russian: 'Translate the title into Russian too, or clear the Russian translation of the excerpt.',
	Kazakh: 'Translate the title into Kazakh too, or clear the Kazakh translation of the excerpt.',
} as const

/**
 * A translated excerpt needs the translated title it is listed under. For a schema's superRefine
 * (`alwaysCheck`): a value is only asked whether it was given.
 */
export function checkEvidenceTranslations(record: Record<string, unknown>, context: z.RefinementCtx) {
	const given = (field: EvidenceTranslationField) => typeof record[field] === 'string' && record[field] !== ''
	for (const { language, title, excerpt } of evidenceTranslationLanguages) {
		if (given(excerpt) && !given(title)) addFieldIssue(context, title, evidenceTranslationMessages[language])
	}
}

export const evidenceTranslationIntent = 'translate'

/**
 * An editor's page for the translations of any evidence item, approved evidence included: the evidence
 * itself is not changed (its excerpt stays verbatim). The version is the evidence's, so translations
 * written for content its author has changed since are refused.
 */
export const evidenceTranslationSchema = z
	.object(
		{
			intent: intent([evidenceTranslationIntent]).optional(),
			...evidenceTranslationFields,
			version: version(),
		},
		notAForm,
	)
	.superRefine((record, context) => checkEvidenceTranslations(record, context), alwaysCheck)

export type EvidenceTranslationFormInput = z.output<typeof evidenceTranslationSchema>

/** An evidence item's stored translations as the form's fields hold them (empty where there is none). */
export function evidenceTranslationFormValues(
	translations: ReadonlyArray<{ locale: string; title: string; excerpt: string | null }>,
) {
	const stored = (locale: string) => translations.find((row) => row.locale === locale)
	const ru = stored(translationLocale.ru)
	const kk = stored(translationLocale.kk)
	return {
		ruTitle: ru?.title ?? '',
		ruExcerpt: ru?.excerpt ?? '',
		kkTitle: kk?.title ?? '',
		kkExcerpt: kk?.excerpt ?? '',
	} satisfies Record<EvidenceTranslationField, string>
}
