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

// Issue 10, part cat: records whose translated text is two parts that go together (a politician's name
// and office, an indicator's name and unit) or one (a milestone step's title).

/**
 * The Russian and Kazakh fields of two texts that go together: `first` and `second` name a language's
 * fields in the form (`ruName`, `ruOffice`). A translation has both or none: half of one would show a
 * Russian name beside an English office.
 */
export type TranslatedPair = ReadonlyArray<{
	language: TranslationLanguage['language']
	lang: TranslationLanguage['lang']
	locale: TranslationLocale
	first: string
	second: string
}>

/** A politician's name and office in Russian and Kazakh. */
export const politicianTranslationFieldNames = [
	{ language: 'Russian', lang: 'ru', locale: translationLocale.ru, first: 'ruName', second: 'ruOffice' },
	{ language: 'Kazakh', lang: 'kk', locale: translationLocale.kk, first: 'kkName', second: 'kkOffice' },
] as const satisfies TranslatedPair

/** An indicator's name (what is measured) and unit in Russian and Kazakh, in the pledge form. */
export const indicatorTranslationFieldNames = [
	{
		language: 'Russian',
		lang: 'ru',
		locale: translationLocale.ru,
		first: 'ruIndicatorName',
		second: 'ruIndicatorUnit',
	},
	{
		language: 'Kazakh',
		lang: 'kk',
		locale: translationLocale.kk,
		first: 'kkIndicatorName',
		second: 'kkIndicatorUnit',
	},
] as const satisfies TranslatedPair

/**
 * A record's paired translations, checked: in each language the first text needs the second and the
 * second the first. `messages` words each case whole (a sentence per pair, so that the catalogue of
 * app/i18n/form-errors.ts can translate it naturally rather than from glued-in nouns).
 */
export function checkPairedTranslations(
	record: Record<string, unknown>,
	context: z.RefinementCtx,
	pairs: TranslatedPair,
	messages: {
		secondMissing: (language: TranslationLanguage['language']) => string
		firstMissing: (language: TranslationLanguage['language']) => string
	},
) {
	const given = (field: string) => record[field] !== undefined
	for (const { language, first, second } of pairs) {
		if (given(first) && !given(second)) addFieldIssue(context, second, messages.secondMissing(language))
		if (!given(first) && given(second)) addFieldIssue(context, first, messages.firstMissing(language))
	}
}

/** One translated text of a stored pair, by locale: what its form's fields hold (empty where none). */
export function pairedTranslationFormValues<Pairs extends TranslatedPair, Stored>(
	pairs: Pairs,
	translations: ReadonlyArray<Stored & { locale: string }>,
	read: (translation: Stored) => { first: string; second: string },
): Record<Pairs[number]['first'] | Pairs[number]['second'], string> {
	const values: Record<string, string> = {}
	for (const { locale, first, second } of pairs) {
		const stored = translations.find((row) => row.locale === locale)
		const text = stored ? read(stored) : { first: '', second: '' }
		values[first] = text.first
		values[second] = text.second
	}
	return values
}

/**
 * Writes a record's paired translations as its parsed form left them: a language with both texts is saved
 * (created or replaced), one without is removed (half a pair is refused by the form, so only a bug gets
 * a half here, and it is not stored).
 */
export async function writePairedTranslations(
	input: Partial<Record<string, unknown>>,
	pairs: TranslatedPair,
	writer: {
		save: (locale: TranslationLocale, text: { first: string; second: string }) => Promise<unknown>
		remove: (locale: TranslationLocale) => Promise<unknown>
	},
) {
	for (const { locale, first, second } of pairs) {
		const firstText = input[first]
		const secondText = input[second]
		if (typeof firstText === 'string' && typeof secondText === 'string') {
			await writer.save(locale, { first: firstText, second: secondText })
		} else await writer.remove(locale)
	}
}

/** A milestone step's title in Russian and Kazakh: fields of its row, `steps[0].ruTitle`. */
export const stepTranslationFields = {
	ruTitle: optionalText({ max: limits.title }),
	kkTitle: optionalText({ max: limits.title }),
}

/** The title translations of a stored step as its row's fields hold them. */
export function stepTranslationFormValues(translations: ReadonlyArray<{ locale: string; title: string }>) {
	const stored = (locale: TranslationLocale) => translations.find((row) => row.locale === locale)?.title ?? ''
	return { ruTitle: stored(translationLocale.ru), kkTitle: stored(translationLocale.kk) }
}

/** A parsed step row's translations, as rows to store (a language left empty stores none). */
export function stepTranslationRows(step: { ruTitle?: string; kkTitle?: string }) {
	return translationLanguages.flatMap(({ lang, locale }) => {
		const title = lang === 'ru' ? step.ruTitle : step.kkTitle
		return title === undefined ? [] : [{ locale, title }]
	})
}
