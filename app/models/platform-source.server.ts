import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { Locale } from '~/i18n/locales'
import { presentSource, shownSourceSelect } from './evidence-translation.server'

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
		select: shownSourceSelect(locale),
	})
	return rows.map((row) => presentSource(row, locale))
}
