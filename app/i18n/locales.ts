/** The languages of the public site, in the order the language switcher shows them. */
export const locales = ['kk', 'ru', 'en'] as const

export type Locale = (typeof locales)[number]

export const defaultLocale: Locale = 'en'

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** Each language named in itself, as a switcher should show it. */
export const localeNames: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' }

/** The database's `Locale` enum value holding a language's translations (English lives on the record). */
export const translationLocale = { ru: 'RU', kk: 'KK' } as const satisfies Record<
	Exclude<Locale, 'en'>,
	string
>

/** An account's remembered language (the database's `Locale` enum, `EN`/`RU`/`KK`) as a page language. */
export function localeOfAccount(value: 'EN' | 'RU' | 'KK'): Locale {
	return accountLocale[value]
}

const accountLocale = { EN: 'en', RU: 'ru', KK: 'kk' } as const satisfies Record<string, Locale>

/** A page language as the database's `Locale` enum value, for remembering it on an account. */
export const databaseLocale = { en: 'EN', ru: 'RU', kk: 'KK' } as const satisfies Record<Locale, string>

/**
 * The staff area's pages (and sign-in): not under a language segment, so their language is the account's
 * choice, else the cookie or Accept-Language. The language switcher keeps the reader on such a page.
 */
export function isStaffPath(pathname: string): boolean {
	return /^\/(admin|evidence|account|sign-in)(\/|$)/.test(pathname)
}

/** OpenGraph's `og:locale` values. */
export const openGraphLocale: Record<Locale, string> = { kk: 'kk_KZ', ru: 'ru_RU', en: 'en_GB' }

export const languageCookieName = 'uade_lang'

const oneYearInSeconds = 365 * 24 * 60 * 60

/** The `Set-Cookie` value that remembers a chosen language for a year (`Secure` over https). */
export function serializeLanguageCookie(locale: Locale, url: URL): string {
	return [
		`${languageCookieName}=${locale}`,
		'Path=/',
		`Max-Age=${oneYearInSeconds}`,
		'SameSite=Lax',
		'HttpOnly',
		...(url.protocol === 'https:' ? ['Secure'] : []),
	].join('; ')
}

/**
 * The language a visitor should land in: the remembered choice (cookie) if there is one, otherwise the
 * best match of Accept-Language (by its q weights), otherwise English.
 */
export function negotiateLocale(request: Request): Locale {
	const remembered = readLanguageCookie(request.headers.get('Cookie'))
	if (remembered) return remembered
	return preferredLocale(request.headers.get('Accept-Language')) ?? defaultLocale
}

export function readLanguageCookie(cookieHeader: string | null): Locale | undefined {
	if (!cookieHeader) return undefined
	for (const part of cookieHeader.split(';')) {
		const [name, value] = part.trim().split('=')
		if (name === languageCookieName && isLocale(value)) return value
	}
	return undefined
}

export function preferredLocale(acceptLanguage: string | null): Locale | undefined {
	if (!acceptLanguage) return undefined
	const ranges = acceptLanguage
		.split(',')
		.map((item, index) => {
			const [range = '', ...parameters] = item.trim().split(';')
			const weight = parameters
				.map((parameter) => parameter.trim())
				.find((parameter) => parameter.startsWith('q='))
			const quality = weight ? Number(weight.slice(2)) : 1
			return { language: range.toLowerCase().split('-')[0] ?? '', quality, index }
		})
		.filter((range) => range.language !== '' && Number.isFinite(range.quality) && range.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index)
	return ranges.map((range) => range.language).find(isLocale)
}

/**
 * The same page in another language: the path with its first segment (the language) replaced. A staff page
 * has one address for every language, so it stays itself; any other page goes to the language's home.
 */
export function pathInLocale(pathname: string, locale: Locale): string {
	if (isStaffPath(pathname)) return pathname
	const [, first, ...rest] = pathname.split('/')
	if (!isLocale(first)) return `/${locale}`
	return ['', locale, ...rest].join('/')
}

/** The route's language parameter, or a 404 for anything that is not one of the site's languages. */
export function requireLocale(value: string | undefined): Locale {
	if (!isLocale(value)) throw new Response(null, { status: 404 })
	return value
}
