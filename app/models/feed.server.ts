import type { DatePrecision, Prisma, PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { isSlug } from '~/forms/fields'
import type { Locale } from '~/i18n/locales'
import { messagesByLocale } from '~/i18n/messages.server'
import { createI18n, withTexts, type I18n } from '~/i18n/translator'
import { evidenceTranslationIn, localizeEvidence } from './evidence-translation.server'
import { ledgerTranslationIn, localizeLedgerTexts } from './ledger-translation.server'
import { paths } from './paths'
import { publishedPlatformWhere } from './platform.server'
import { localize, localizePlatform, translationsIn } from './translation.server'

/** A feed reader keeps what it has seen; fifty entries cover months of a busy platform. */
export const feedEntryLimit = 50

/** Which feed: the whole site's, a platform's, or one pledge's. */
export type FeedScope =
	| { kind: 'site' }
	| { kind: 'platform'; platformSlug: string }
	| { kind: 'pledge'; platformSlug: string; pledgeSlug: string }

export type FeedEntry = {
	id: string
	title: string
	updated: Date
	link: string
	author: string
	/** Plain text: the rationale, or the excerpt with its publisher and date. */
	content: string
}

export type Feed = {
	id: string
	title: string
	subtitle: string
	updated: Date
	locale: Locale
	selfUrl: string
	alternateUrl: string
	entries: FeedEntry[]
}

/**
 * The tag URI (RFC 4151) of something on this installation: built from the public origin's host, not the
 * request's path or language, so the same record keeps its id in every request and every reader's copy.
 */
function tagUri(origin: string, specific: string): string {
	return `tag:${new URL(origin).hostname},2026:${specific}`
}

/** The pledge an entry belongs to: its title in the reader's language and its page's address. */
function pledgeSelect(locale: Locale) {
	return {
		select: {
			slug: true,
			title: true,
			summary: true,
			translations: translationsIn(locale),
			platform: { select: { slug: true } },
		},
	} satisfies Prisma.PledgeDefaultArgs
}

/** What a scope allows of the pledges: always a published platform's, since drafts are unknown to the public. */
function pledgeWhere(scope: FeedScope): Prisma.PledgeWhereInput {
	if (scope.kind === 'site') return { platform: publishedPlatformWhere }
	if (scope.kind === 'platform') return { platform: { slug: scope.platformSlug, ...publishedPlatformWhere } }
	return { slug: scope.pledgeSlug, platform: { slug: scope.platformSlug, ...publishedPlatformWhere } }
}

/**
 * The scope's own record, for the feed's title and its `updated` while it has no entry; null when the
 * platform or the pledge is unknown or a draft's. The site's is its newest published platform, if any.
 */
async function scopeRecord(scope: FeedScope, locale: Locale, prisma: PrismaClient) {
	const platformSelect = {
		slug: true,
		title: true,
		summary: true,
		updatedAt: true,
		translations: { select: { locale: true, title: true, summary: true } },
	} satisfies Prisma.PlatformSelect
	if (scope.kind === 'site') {
		const platform = await prisma.platform.findFirst({
			where: publishedPlatformWhere,
			orderBy: { updatedAt: 'desc' },
			select: { updatedAt: true },
		})
		return { updatedAt: platform?.updatedAt ?? new Date(0), title: null }
	}
	if (!isSlug(scope.platformSlug)) return null
	if (scope.kind === 'platform') {
		const platform = await prisma.platform.findFirst({
			where: { slug: scope.platformSlug, ...publishedPlatformWhere },
			select: platformSelect,
		})
		return platform
			? { updatedAt: platform.updatedAt, title: localizePlatform(platform, locale).title }
			: null
	}
	if (!isSlug(scope.pledgeSlug)) return null
	const pledge = await prisma.pledge.findFirst({
		where: pledgeWhere(scope),
		select: { updatedAt: true, title: true, summary: true, translations: translationsIn(locale) },
	})
	return pledge ? { updatedAt: pledge.updatedAt, title: localize(pledge, locale).title } : null
}

function feedTitle(scope: FeedScope, title: string | null, { t }: I18n): string {
	if (scope.kind === 'site' || title === null) return t('feed.site.title')
	return withTexts(t(scope.kind === 'platform' ? 'feed.platform.title' : 'feed.pledge.title'), { title })
}

function feedPath(scope: FeedScope, locale: Locale) {
	if (scope.kind === 'site') return { self: paths.feed(locale), page: paths.home(locale) }
	if (scope.kind === 'platform')
		return {
			self: paths.platformFeed(locale, scope.platformSlug),
			page: paths.platform(locale, scope.platformSlug),
		}
	return {
		self: paths.pledgeFeed(locale, scope.platformSlug, scope.pledgeSlug),
		page: paths.pledge(locale, scope.platformSlug, scope.pledgeSlug),
	}
}

function feedIdPath(scope: FeedScope, locale: Locale): string {
	if (scope.kind === 'site') return `feed/${locale}`
	if (scope.kind === 'platform') return `feed/${locale}/platform/${scope.platformSlug}`
	return `feed/${locale}/pledge/${scope.platformSlug}/${scope.pledgeSlug}`
}

/** A source's publication date as precisely as it printed one. */
function publishedDate(
	{ publishedOn, publishedPrecision }: { publishedOn: Date | null; publishedPrecision: DatePrecision },
	{ t, format }: I18n,
): string {
	if (!publishedOn || publishedPrecision === 'NONE') return t('pledge.evidence.dateNotPrinted')
	if (publishedPrecision === 'YEAR') return String(publishedOn.getUTCFullYear())
	return publishedPrecision === 'MONTH' ? format.longMonthYear(publishedOn) : format.date(publishedOn)
}

/**
 * A feed of new statuses, corrections and approved evidence, newest first (at most `feedEntryLimit`), in
 * the reader's language where translated; null when the scope names no published platform or pledge.
 * Three queries: the scope's record, its ledger entries and its approved evidence.
 */
export async function getFeed(
	{ scope, locale, origin }: { scope: FeedScope; locale: Locale; origin: string },
	prisma: PrismaClient = getPrisma(),
): Promise<Feed | null> {
	const record = await scopeRecord(scope, locale, prisma)
	if (!record) return null
	const i18n = createI18n(locale, messagesByLocale[locale])
	const { t, format } = i18n
	const pledge = pledgeWhere(scope)
	const [ledger, evidence] = await Promise.all([
		prisma.statusUpdate.findMany({
			where: { pledge },
			orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
			take: feedEntryLimit,
			select: {
				id: true,
				status: true,
				effectiveDate: true,
				rationale: true,
				correctionReason: true,
				createdAt: true,
				translations: ledgerTranslationIn(locale),
				corrects: { select: { status: true, effectiveDate: true } },
				pledge: pledgeSelect(locale),
			},
		}),
		prisma.evidence.findMany({
			// Only what a reviewer approved: pending, rejected and withdrawn items are not public.
			where: { reviewState: 'APPROVED', pledge },
			orderBy: [{ reviewedAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
			take: feedEntryLimit,
			select: {
				id: true,
				title: true,
				publisher: true,
				publishedOn: true,
				publishedPrecision: true,
				excerpt: true,
				excerptLanguage: true,
				excerptInEnglish: true,
				reviewedAt: true,
				createdAt: true,
				translations: evidenceTranslationIn(locale),
				pledge: pledgeSelect(locale),
			},
		}),
	])

	const pledgeLink = (row: { slug: string; platform: { slug: string } }, anchor: string) =>
		`${origin}${paths.pledge(locale, row.platform.slug, row.slug)}#${anchor}`

	const statusEntries = ledger.map((entry): FeedEntry => {
		const texts = localizeLedgerTexts(entry, locale)
		const pledgeTitle = localize(entry.pledge, locale).title
		const since = t('feed.entry.since', { date: format.date(entry.effectiveDate) })
		// A correction says what it corrects and why before what it now says.
		const content = [
			...(entry.corrects
				? [
						t('feed.entry.corrects', {
							status: t(`status.${entry.corrects.status}`),
							correctedDate: format.date(entry.corrects.effectiveDate),
						}),
						withTexts(t('feed.entry.reason'), { reason: texts.correctionReason ?? '' }),
					]
				: []),
			since,
			texts.rationale,
		].join('\n\n')
		return {
			id: tagUri(origin, `status/${entry.id}`),
			title: withTexts(
				t(entry.corrects ? 'feed.entry.correction' : 'feed.entry.status', {
					status: t(`status.${entry.status}`),
				}),
				{ pledge: pledgeTitle },
			),
			updated: entry.createdAt,
			link: pledgeLink(entry.pledge, `entry-${entry.id}`),
			author: t('site.name'),
			content,
		}
	})

	const evidenceEntries = evidence.map((item): FeedEntry => {
		const localized = localizeEvidence(item, locale)
		const pledgeTitle = localize(item.pledge, locale).title
		const source = withTexts(t('feed.entry.source', { date: publishedDate(item, i18n) }), {
			publisher: item.publisher,
		})
		return {
			id: tagUri(origin, `evidence/${item.id}`),
			title: withTexts(t('feed.entry.evidence'), { title: localized.title, pledge: pledgeTitle }),
			updated: item.reviewedAt ?? item.createdAt,
			link: pledgeLink(item.pledge, `evidence-${item.id}`),
			author: item.publisher,
			content: [
				item.excerpt,
				localized.excerptTranslation === null
					? null
					: `${t('evidence.excerptTranslation')} ${localized.excerptTranslation}`,
				source,
			]
				.filter((part) => part !== null)
				.join('\n\n'),
		}
	})

	const entries = [...statusEntries, ...evidenceEntries]
		.sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.id.localeCompare(b.id))
		.slice(0, feedEntryLimit)
	const path = feedPath(scope, locale)
	return {
		id: tagUri(origin, feedIdPath(scope, locale)),
		title: feedTitle(scope, record.title, i18n),
		subtitle: t('feed.subtitle'),
		updated: entries[0]?.updated ?? record.updatedAt,
		locale,
		selfUrl: `${origin}${path.self}`,
		alternateUrl: `${origin}${path.page}`,
		entries,
	}
}
