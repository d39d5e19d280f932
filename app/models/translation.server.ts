import type { Locale as DatabaseLocale } from '~/.server/prisma/enums'
import { translationLanguages, type TranslationInput, type TranslationLocale } from '~/forms/translations'
import { translationLocale, type Locale } from '~/i18n/locales'

const databaseLocale: Record<Locale, DatabaseLocale> = { en: 'EN', ...translationLocale }

/**
 * The Prisma `translations` relation filter for a language. English lives on the record itself, so for
 * English it matches no row and the record's own text is used.
 */
export function translationsIn(locale: Locale) {
	return { where: { locale: databaseLocale[locale] }, select: { title: true, summary: true }, take: 1 }
}

type Translatable<Summary> = {
	title: string
	summary: Summary
	translations: Array<{ title: string; summary: Summary | null }>
}

/**
 * A record's title and summary in the reader's language, falling back to English (the record itself)
 * where there is no translation, and saying which parts fell back so the page can note it.
 */
export function localize<Summary extends string | null>(record: Translatable<Summary>, locale: Locale) {
	const translation = record.translations[0]
	const isEnglish = locale === 'en'
	return {
		title: translation?.title ?? record.title,
		titleIsTranslated: isEnglish || translation !== undefined,
		summary: translation?.summary ?? record.summary,
		summaryIsTranslated: isEnglish || (translation?.summary ?? null) !== null || record.summary === null,
	}
}

export type LocalizedText = ReturnType<typeof localize>

type Saver<Summary> = (
	locale: TranslationLocale,
	text: { title: string; summary: Summary },
) => Promise<unknown>

/**
 * How one record's translations are written: its rules (those of its form), and the upsert and delete of
 * its own translation table.
 */
type TranslationWriter = { remove: (locale: TranslationLocale) => Promise<unknown> } & (
	{ summary: 'optional'; save: Saver<string | null> } | { summary: 'required'; save: Saver<string> }
)

/**
 * Writes a record's translations as its parsed form left them, one language after another: a language
 * with a title is saved (created or replaced), one without is removed, and so is one without the summary
 * its record requires (its form refuses that, so only a bug gets here).
 */
export async function writeTranslations(input: TranslationInput, writer: TranslationWriter) {
	for (const language of translationLanguages) {
		const title = input[language.title]
		const summary = input[language.summary]
		if (title === undefined) await writer.remove(language.locale)
		else if (writer.summary === 'optional')
			await writer.save(language.locale, { title, summary: summary ?? null })
		else if (summary !== undefined) await writer.save(language.locale, { title, summary })
		else await writer.remove(language.locale)
	}
}
