import type { Locale } from '~/i18n/locales'

/**
 * How the API gives a record's texts (docs/api.md, "Languages"):
 * - with `?lang=ru` (or `kk`, `en`), each text is a string in that language, or in English where it has no
 *   translation; the record's `englishFallback` names the fields that fell back (always empty for `en`);
 * - without `lang`, each text is `{ "en": …, "ru": …, "kk": … }`, with null where a language has none (and
 *   an optional text that no language has is null itself), and the record has no `englishFallback`.
 * English is the record's own text; Russian and Kazakh are its translation rows.
 */

export type TextLang = Locale | null

export type AllLanguages = { en: string | null; ru: string | null; kk: string | null }

type TranslationRow = { locale: 'EN' | 'RU' | 'KK' }

const rowLocale = { RU: 'ru', KK: 'kk', EN: 'en' } as const

/**
 * The texts `fields` of `record` (English) and its translation rows (each naming its locale and holding the
 * same fields, or null for one it leaves untranslated), as `lang` asks.
 */
export function textsOf<Field extends string>(
	lang: TextLang,
	fields: readonly Field[],
	record: Record<Field, string | null>,
	translations: ReadonlyArray<TranslationRow & Partial<Record<Field, string | null>>>,
) {
	const rowFor = (locale: 'ru' | 'kk') => translations.find((row) => rowLocale[row.locale] === locale)
	if (lang === null) {
		const ru = rowFor('ru')
		const kk = rowFor('kk')
		const texts = {} as Record<Field, AllLanguages | null>
		for (const field of fields) {
			const all = { en: record[field], ru: ru?.[field] ?? null, kk: kk?.[field] ?? null }
			// An optional text none has (a ledger entry's correction reason when it corrects nothing): null.
			texts[field] = all.en === null && all.ru === null && all.kk === null ? null : all
		}
		return texts
	}
	const row = lang === 'en' ? undefined : rowFor(lang)
	const texts = {} as Record<Field, string | null>
	const englishFallback: Field[] = []
	for (const field of fields) {
		const translated = row?.[field] ?? null
		if (lang === 'en' || translated !== null) texts[field] = lang === 'en' ? record[field] : translated
		else {
			texts[field] = record[field]
			if (record[field] !== null) englishFallback.push(field)
		}
	}
	return { ...texts, englishFallback }
}
