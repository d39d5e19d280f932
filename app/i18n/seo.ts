import type { MetaDescriptor } from '@remix-run/node'
import { sharedRouteIds } from '~/route-data'
import { isLocale, locales, openGraphLocale, type Locale } from './locales'
import { createI18n, type I18n, type Messages } from './translator'

/** A page's Atom feed, for its `<link rel="alternate">`: `path` is the feed's whole path (`paths.feed`…). */
export type PageFeed = { title: string; path: string }

/**
 * A page's share card (og:image), 1200×630: `path` is the image's whole path (`paths.pledgeCard`…), `alt`
 * says what it shows. With one, a shared link shows as a large card (`summary_large_image`).
 */
export type PageImage = { path: string; alt: string }

/**
 * A page's title, description, canonical URL, its address in every language (hreflang), its feed where it
 * has one, and OpenGraph tags. `path` is the page's path after the language segment ('' for the language's
 * home).
 */
export function seoMeta({
	title,
	description,
	origin,
	locale,
	path,
	type = 'website',
	feed,
	image,
}: {
	title: string
	description: string
	origin: string
	locale: Locale
	path: string
	type?: 'website' | 'article'
	feed?: PageFeed
	image?: PageImage
}): MetaDescriptor[] {
	const url = (lang: Locale) => `${origin}/${lang}${path}`
	const fullTitle = `${title} · Uade`
	return [
		{ title: fullTitle },
		{ name: 'description', content: description },
		{ tagName: 'link', rel: 'canonical', href: url(locale) },
		...locales.map((lang) => ({ tagName: 'link', rel: 'alternate', hrefLang: lang, href: url(lang) })),
		{ tagName: 'link', rel: 'alternate', hrefLang: 'x-default', href: `${origin}/` },
		...(feed
			? [
					{
						tagName: 'link',
						rel: 'alternate',
						type: 'application/atom+xml',
						title: feed.title,
						href: `${origin}${feed.path}`,
					},
				]
			: []),
		{ property: 'og:site_name', content: 'Uade' },
		{ property: 'og:type', content: type },
		{ property: 'og:title', content: title },
		{ property: 'og:description', content: description },
		{ property: 'og:url', content: url(locale) },
		{ property: 'og:locale', content: openGraphLocale[locale] },
		...locales
			.filter((lang) => lang !== locale)
			.map((lang) => ({ property: 'og:locale:alternate', content: openGraphLocale[lang] })),
		...(image
			? [
					{ property: 'og:image', content: `${origin}${image.path}` },
					{ property: 'og:image:type', content: 'image/png' },
					{ property: 'og:image:width', content: '1200' },
					{ property: 'og:image:height', content: '630' },
					{ property: 'og:image:alt', content: image.alt },
					{ name: 'twitter:card', content: 'summary_large_image' },
					{ name: 'twitter:image:alt', content: image.alt },
				]
			: [{ name: 'twitter:card', content: 'summary' }]),
	]
}

type MetaMatch = { id: string; data: unknown }

function isMessages(value: unknown): value is Partial<Messages> {
	return typeof value === 'object' && value !== null
}

/**
 * The meta tags of a public page, from the matches a meta function receives: the language and UI strings
 * of the root loader, the origin of the /:lang layout. `describe` gives the page's own title, description
 * and path (after the language segment).
 */
export function publicPageMeta(
	matches: MetaMatch[],
	describe: (i18n: I18n) => {
		title: string
		description: string
		path: string
		type?: 'website' | 'article'
		feed?: PageFeed
		image?: PageImage
	},
): MetaDescriptor[] {
	const root = matches.find((match) => match.id === sharedRouteIds.root)?.data
	const site = matches.find((match) => match.id === sharedRouteIds.language)?.data
	const locale =
		typeof root === 'object' && root !== null && 'locale' in root && isLocale(root.locale)
			? root.locale
			: 'en'
	const messages = typeof root === 'object' && root !== null && 'messages' in root ? root.messages : undefined
	const origin =
		typeof site === 'object' && site !== null && 'origin' in site && typeof site.origin === 'string'
			? site.origin
			: ''
	const i18n = createI18n(locale, isMessages(messages) ? messages : {})
	return seoMeta({ ...describe(i18n), origin, locale })
}
