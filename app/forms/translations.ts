import type { z } from 'zod'
import { translationLocale } from '~/i18n/locales'
import { addFieldIssue, limits, optionalText } from './fields'

/**
 * The translations of a record (a category, a pledge): its title and summary in Russian and Kazakh, beside
 * the English of the record itself. One pair of fields per language, `ruTitle`/`ruSummary`, `kkTitle`/…;
 * a pair left empty keeps no translation, and the public pages show the English, marked as such.
 */

/** The languages a record may be translated into: their names, `lang` codes, stored locales and fields. */
export const translationLanguages = [
	{ language: 'Russian', lang: 'ru', locale: translationLocale.ru, title: 'ruTitle', summary: 'ruSummary' },
	{ language: 'Kazakh', lang: 'kk', locale: translationLocale.kk, title: 'kkTitle', summary: 'kkSummary' },
] as const

export type TranslationLanguage = (typeof translationLanguages)[number]
/** The database's `Locale` of a translation (English lives on the record). */
export type TranslationLocale = TranslationLanguage['locale']
type TranslationField = TranslationLanguage['title'] | TranslationLanguage['summary']

/** A form's translation fields, for its schema: each may be left empty. */
export const translationFields = {
	ruTitle: optionalText({ max: limits.title }),
	ruSummary: optionalText({ max: limits.summary }),
	kkTitle: optionalText({ max: limits.title }),
	kkSummary: optionalText({ max: limits.summary }),
} satisfies Record<TranslationField, z.ZodType>

/** The translation fields as a schema parsed them: a field left empty is undefined. */
export type TranslationInput = Partial<Record<TranslationField, string>>

/**
 * What a record asks of its translations besides a title: a category's summary may be left out (its
 * English one shows), a pledge's may not. The form checks it and the model writes by it.
 */
export type TranslationRules = { summary: 'optional' | 'required' }

/**
 * The checks that tie a language's title and summary together: a summary needs a title, and a title needs a
 * summary where the record requires one. For a schema's superRefine, which may run on fields that failed
 * (`alwaysCheck`), so a value is only asked whether it was given.
 */
export function checkTranslations(
	record: Record<string, unknown>,
	context: z.RefinementCtx,
	rules: TranslationRules,
) {
	const given = (field: TranslationField) => record[field] !== undefined
	for (const { language, title, summary } of translationLanguages) {
		if (rules.summary === 'required' && given(title) && !given(summary)) {
			addFieldIssue(context, summary, `Enter the ${language} summary too, or clear the ${language} title.`)
		}
		if (!given(title) && given(summary)) {
			addFieldIssue(context, title, `Enter the ${language} title too, or clear the ${language} summary.`)
		}
	}
}

/** A record's stored translations as its form's translation fields hold them (empty where there is none). */
export function translationFormValues(
	translations: ReadonlyArray<{ locale: string; title: string; summary: string | null }>,
) {
	const stored = (locale: TranslationLocale) => translations.find((row) => row.locale === locale)
	const ru = stored(translationLocale.ru)
	const kk = stored(translationLocale.kk)
	return {
		ruTitle: ru?.title ?? '',
		ruSummary: ru?.summary ?? '',
		kkTitle: kk?.title ?? '',
		kkSummary: kk?.summary ?? '',
	} satisfies Record<TranslationField, string>
}
