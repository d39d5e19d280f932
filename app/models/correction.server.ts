import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { Locale } from '~/i18n/locales'
import { isoDate } from './overview.server'
import { publishedPlatformWhere } from './platform.server'
import { ledgerTranslationIn, localizeLedgerTexts } from './ledger-translation.server'
import { localize, translationsIn } from './translation.server'

export const correctionsPageSize = 50

/**
 * Every ledger correction, newest first, one page at a time, with what it corrected and why (`reason`;
 * null for a correction recorded before corrections had their own reason), its texts in the reader's
 * language where translated (`textIsTranslated`), in English otherwise.
 */
export async function listCorrections(
	{ locale, page }: { locale: Locale; page: number },
	prisma: PrismaClient = getPrisma(),
) {
	// A draft platform's ledger is not public, nor are its corrections.
	const where = { correctsId: { not: null }, pledge: { platform: publishedPlatformWhere } }
	const [entries, total] = await Promise.all([
		prisma.statusUpdate.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
			skip: (page - 1) * correctionsPageSize,
			take: correctionsPageSize,
			select: {
				id: true,
				status: true,
				effectiveDate: true,
				rationale: true,
				correctionReason: true,
				createdAt: true,
				translations: ledgerTranslationIn(locale),
				corrects: { select: { status: true, effectiveDate: true, rationale: true } },
				pledge: {
					select: {
						slug: true,
						title: true,
						summary: true,
						translations: translationsIn(locale),
						platform: { select: { slug: true } },
					},
				},
			},
		}),
		prisma.statusUpdate.count({ where }),
	])
	return {
		items: entries.map((entry) => {
			const text = localize(entry.pledge, locale)
			const texts = localizeLedgerTexts(entry, locale)
			return {
				id: entry.id,
				status: entry.status,
				effectiveDate: isoDate(entry.effectiveDate),
				recordedAt: entry.createdAt.toISOString(),
				rationale: texts.rationale,
				reason: texts.correctionReason,
				textIsTranslated: texts.textIsTranslated,
				corrected: entry.corrects
					? {
							status: entry.corrects.status,
							effectiveDate: isoDate(entry.corrects.effectiveDate),
							rationale: entry.corrects.rationale,
						}
					: null,
				pledge: {
					slug: entry.pledge.slug,
					platformSlug: entry.pledge.platform.slug,
					title: text.title,
					titleIsTranslated: text.titleIsTranslated,
				},
			}
		}),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / correctionsPageSize)),
	}
}
