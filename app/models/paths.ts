import type { Locale } from '~/i18n/locales'

/** Every public URL of the site, built in one place. The language is always the first segment. */
export const paths = {
	home: (lang: Locale) => `/${lang}`,
	platforms: (lang: Locale) => `/${lang}/platforms`,
	politician: (lang: Locale, politician: string) => `/${lang}/politicians/${politician}`,
	platform: (lang: Locale, platform: string) => `/${lang}/platforms/${platform}`,
	pledges: (lang: Locale, platform: string, search?: URLSearchParams | string) => {
		const query = search?.toString()
		return `/${lang}/platforms/${platform}/pledges${query ? `?${query}` : ''}`
	},
	pledge: (lang: Locale, platform: string, pledge: string) =>
		`/${lang}/platforms/${platform}/pledges/${pledge}`,
	methodology: (lang: Locale) => `/${lang}/methodology`,
	about: (lang: Locale) => `/${lang}/about`,
	corrections: (lang: Locale) => `/${lang}/corrections`,
	/** The open data page: the downloads (app/data/download-files.ts), their dictionary, licence and citation. */
	data: (lang: Locale) => `/${lang}/data`,
	/** The Atom feeds (app/models/feed.server.ts): the whole site's, a platform's, a pledge's. */
	feed: (lang: Locale) => `/${lang}/feed.xml`,
	platformFeed: (lang: Locale, platform: string) => `/${lang}/platforms/${platform}/feed.xml`,
	pledgeFeed: (lang: Locale, platform: string, pledge: string) =>
		`/${lang}/platforms/${platform}/pledges/${pledge}/feed.xml`,
	/** The embeds for other sites (app/routes/embed/): a pledge's card and badge, a platform's summary. */
	embedPledge: (lang: Locale, platform: string, pledge: string) =>
		`/embed/${lang}/platforms/${platform}/pledges/${pledge}`,
	embedBadge: (lang: Locale, platform: string, pledge: string) =>
		`/embed/${lang}/platforms/${platform}/pledges/${pledge}/badge.svg`,
	embedPlatform: (lang: Locale, platform: string) => `/embed/${lang}/platforms/${platform}`,
	/**
	 * The share cards (og:image, app/server/share-card.server.ts): PNGs of a platform's and a pledge's
	 * status. `version` (the public data version) makes a new address for each change, for the caches of
	 * the sites a link is shared on.
	 */
	platformCard: (lang: Locale, platform: string, version?: string) =>
		`/${lang}/platforms/${platform}/card.png${version ? `?v=${version}` : ''}`,
	pledgeCard: (lang: Locale, platform: string, pledge: string, version?: string) =>
		`/${lang}/platforms/${platform}/pledges/${pledge}/card.png${version ? `?v=${version}` : ''}`,
	/** The language switcher's resource route: remembers the choice, then redirects to `next`. */
	switchLanguage: (to: Locale, next: string) => `/language?${new URLSearchParams({ to, next })}`,
}
