import type { DatePrecision, Prisma } from '~/.server/prisma/client'
import { publicationDateOf } from '~/forms/evidence-dates'
import { translationLocale, type Locale } from '~/i18n/locales'

/**
 * The public pages' filter for an evidence item's translation into the reader's language (none for
 * English, which is the evidence itself).
 */
export function evidenceTranslationIn(locale: Locale) {
	return {
		where: { locale: locale === 'en' ? 'EN' : translationLocale[locale] },
		select: { title: true, excerpt: true },
		take: 1,
	} satisfies Prisma.Evidence$translationsArgs
}

/**
 * An evidence item's title in the reader's language, falling back to the English of the record (marked so
 * by the page), and a translation of its excerpt where the excerpt is in another language than the page's:
 * the reader's own where there is one, else the English translation (marked as English by its `lang`).
 * The excerpt itself is never replaced: it is the source's own words, in the source's language
 * (`excerptLanguage`, null when nobody said).
 */
export function localizeEvidence(
	evidence: {
		title: string
		excerptLanguage?: string | null
		excerptInEnglish?: string | null
		translations: ReadonlyArray<{ title: string; excerpt: string | null }>
	},
	locale: Locale,
) {
	const translation = evidence.translations[0]
	const inPageLanguage = evidence.excerptLanguage === locale
	const own = locale === 'en' ? null : (translation?.excerpt ?? null)
	const english =
		locale !== 'en' && own === null && !inPageLanguage ? (evidence.excerptInEnglish ?? null) : null
	return {
		title: translation?.title ?? evidence.title,
		titleIsTranslated: locale === 'en' || translation !== undefined,
		excerptTranslation: inPageLanguage
			? null
			: locale === 'en'
				? (evidence.excerptInEnglish ?? null)
				: (own ?? english),
		/** The language of `excerptTranslation` when it is not the page's (an English fallback). */
		excerptTranslationLang: english === null ? null : 'en',
	}
}

/**
 * The columns the public pages show of a source (an approved evidence item, a platform's implementation
 * source), with its translation into the reader's language: read with `presentSource`.
 */
export function shownSourceSelect(locale: Locale) {
	return {
		id: true,
		type: true,
		title: true,
		publisher: true,
		publishedOn: true,
		publishedPrecision: true,
		publishedNote: true,
		excerpt: true,
		excerptLanguage: true,
		excerptInEnglish: true,
		sourceUrl: true,
		archiveUrl: true,
		translations: evidenceTranslationIn(locale),
	} as const
}

/** A source read with `shownSourceSelect` (and more columns, kept), as the page shows it. */
export function presentSource<
	Row extends {
		title: string
		excerptLanguage: string | null
		excerptInEnglish: string | null
		publishedOn: Date | null
		publishedPrecision: DatePrecision
		publishedNote: string | null
		translations: ReadonlyArray<{ title: string; excerpt: string | null }>
	},
>(row: Row, locale: Locale) {
	const { publishedOn, publishedPrecision, publishedNote, translations, ...source } = row
	return {
		...source,
		...localizeEvidence({ ...source, translations }, locale),
		published: publicationDateOf({ publishedOn, publishedPrecision, publishedNote }),
	}
}
