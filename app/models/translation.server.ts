import type { Locale as DatabaseLocale } from '~/.server/prisma/enums'
import type { Locale } from '~/i18n/locales'

const databaseLocale: Record<Locale, DatabaseLocale> = { en: 'EN', ru: 'RU', kk: 'KK' }

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
