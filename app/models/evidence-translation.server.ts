import type { Prisma } from '~/.server/prisma/client'
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
 * by the page), and the translation of its excerpt where there is one. The excerpt itself is never
 * replaced: it is the source's own words, in the source's language.
 */
export function localizeEvidence(
	evidence: { title: string; translations: ReadonlyArray<{ title: string; excerpt: string | null }> },
	locale: Locale,
) {
	const translation = evidence.translations[0]
	return {
		title: translation?.title ?? evidence.title,
		titleIsTranslated: locale === 'en' || translation !== undefined,
		excerptTranslation: translation?.excerpt ?? null,
	}
}
