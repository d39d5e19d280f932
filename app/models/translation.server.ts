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

// Issue 10, part cat: the translations of platforms, politicians, indicators and milestone steps.

/**
 * The Prisma filter of a `translations` relation for one language, for a `select` to add its own columns
 * to: English matches no row (it lives on the record).
 */
export function translationRowIn(locale: Locale) {
	return { where: { locale: databaseLocale[locale] }, take: 1 }
}

/**
 * The reader's language's translation among a record's `translations` (read for that language only, or
 * all of them: at most one a language), none for English.
 */
export function translationFor<Row extends { locale: DatabaseLocale }>(
	translations: readonly Row[],
	locale: Locale,
): Row | undefined {
	if (locale === 'en') return undefined
	return translations.find((row) => row.locale === databaseLocale[locale])
}

type TranslationRows<Row> = { translations: ReadonlyArray<Row & { locale: DatabaseLocale }> }

/** A platform's title and summary in the reader's language, falling back to English (as `localize`). */
export function localizePlatform(
	platform: { title: string; summary: string | null } & TranslationRows<{
		title: string
		summary: string | null
	}>,
	locale: Locale,
) {
	const translation = translationFor(platform.translations, locale)
	return localize({ ...platform, translations: translation ? [translation] : [] }, locale)
}

/**
 * A politician's name and office in the reader's language, or both in English where there is no
 * translation (a translation has both).
 */
export function localizePolitician(
	politician: { name: string; office: string } & TranslationRows<{ name: string; office: string }>,
	locale: Locale,
) {
	const translation = translationFor(politician.translations, locale)
	return {
		name: translation?.name ?? politician.name,
		office: translation?.office ?? politician.office,
		isTranslated: locale === 'en' || translation !== undefined,
	}
}

/** An indicator's name and unit in the reader's language, or both in English (a translation has both). */
export function localizeIndicator(
	indicator: { name: string; unit: string } & TranslationRows<{ name: string; unit: string }>,
	locale: Locale,
) {
	const translation = translationFor(indicator.translations, locale)
	return {
		name: translation?.name ?? indicator.name,
		unit: translation?.unit ?? indicator.unit,
		isTranslated: locale === 'en' || translation !== undefined,
	}
}

/** A milestone step's title in the reader's language, or in English. */
export function localizeStep(step: { title: string } & TranslationRows<{ title: string }>, locale: Locale) {
	const translation = translationFor(step.translations, locale)
	return {
		title: translation?.title ?? step.title,
		titleIsTranslated: locale === 'en' || translation !== undefined,
	}
}
