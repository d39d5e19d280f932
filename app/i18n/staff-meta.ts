import type { MetaDescriptor } from '@remix-run/node'
import { sharedRouteIds } from '~/route-data'
import { isLocale } from './locales'
import { createI18n, type I18n, type Messages } from './translator'

type MetaMatch = { id: string; data: unknown }

function isMessages(value: unknown): value is Partial<Messages> {
	return typeof value === 'object' && value !== null
}

/** The page's translator in a meta function, from the root loader's data among the matches. */
export function i18nOfMatches(matches: MetaMatch[]): I18n {
	const root = matches.find((match) => match.id === sharedRouteIds.root)?.data
	const locale =
		typeof root === 'object' && root !== null && 'locale' in root && isLocale(root.locale)
			? root.locale
			: 'en'
	const messages = typeof root === 'object' && root !== null && 'messages' in root ? root.messages : undefined
	return createI18n(locale, isMessages(messages) ? messages : {})
}

/**
 * A staff page's `<title>` in the page's language ("Review queue · Uade"); staff pages are for no search
 * engine, so nothing else. `noindex` for the pages a visitor can reach (sign-in, sign-out).
 */
export function staffPageMeta(
	matches: MetaMatch[],
	title: (i18n: I18n) => string,
	{ noindex = false }: { noindex?: boolean } = {},
): MetaDescriptor[] {
	const i18n = i18nOfMatches(matches)
	return [
		{ title: i18n.t('staff.pageTitle', { title: title(i18n) }) },
		...(noindex ? [{ name: 'robots', content: 'noindex' }] : []),
	]
}

/** A catalogue record's page title ("Tax code · Catalogue · Admin"), before `staffPageMeta` adds the site. */
export function catalogueTitle(t: I18n['t'], record: string): string {
	return `${record} · ${t('staff.adminNav.catalogue')} · ${t('staff.admin.title')}`
}
