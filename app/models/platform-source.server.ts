import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { publicationDateOf } from '~/forms/evidence-dates'
import type { Locale } from '~/i18n/locales'
import { evidenceTranslationIn, localizeEvidence } from './evidence-translation.server'

/**
 * A platform's implementation sources, in their order: what is known of the programme as a whole (its
 * roadmap, the government's reports on it) rather than of one pledge. Shown on the platform's page as
 * evidence is on a pledge's, translated the same way.
 */
export async function listPlatformSources(
	platformId: string,
	locale: Locale,
	prisma: PrismaClient = getPrisma(),
) {
	const rows = await prisma.platformSource.findMany({
		where: { platformId },
		orderBy: [{ position: 'asc' }, { id: 'asc' }],
		select: {
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
		},
	})
	return rows.map(({ publishedOn, publishedPrecision, publishedNote, translations, ...source }) => ({
		...source,
		...localizeEvidence({ ...source, translations }, locale),
		published: publicationDateOf({ publishedOn, publishedPrecision, publishedNote }),
	}))
}
