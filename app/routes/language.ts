import type { LoaderFunctionArgs } from '@remix-run/node'
import { isLocale, languageCookieName } from '~/i18n/locales'
import { paths } from '~/models/paths'

const oneYearInSeconds = 365 * 24 * 60 * 60

/**
 * The language switcher's target: `/language?to=ru&next=/ru/...` remembers the choice in a cookie (read
 * only by `/`) and redirects to `next`, so the public pages themselves never set or read a cookie. `next`
 * must be a path on this site in the chosen language; anything else goes to that language's overview.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const to = url.searchParams.get('to')
	if (!isLocale(to)) throw new Response(null, { status: 400 })
	const location = pathInLanguage(url.searchParams.get('next') ?? '', to, url) ?? paths.home(to)
	const cookie = [
		`${languageCookieName}=${to}`,
		'Path=/',
		`Max-Age=${oneYearInSeconds}`,
		'SameSite=Lax',
		'HttpOnly',
		...(url.protocol === 'https:' ? ['Secure'] : []),
	].join('; ')
	return new Response(null, {
		status: 303,
		headers: { Location: location, 'Set-Cookie': cookie, 'Cache-Control': 'no-store' },
	})
}

/**
 * `next` as the address to send the reader to, or null when it is not a path of this site in `locale`.
 * Written as a URL writes it (`/ru/я` as `/ru/%D1%8F`): a Location header holds ASCII only.
 */
function pathInLanguage(next: string, locale: string, here: URL): string | null {
	// One leading slash only: `//host` or `/\host` would leave the site.
	if (!/^\/[^/\\]/.test(next)) return null
	const target = new URL(next, here.origin)
	if (target.origin !== here.origin) return null
	if (target.pathname !== `/${locale}` && !target.pathname.startsWith(`/${locale}/`)) return null
	return `${target.pathname}${target.search}${target.hash}`
}
