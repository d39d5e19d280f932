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
	const next = url.searchParams.get('next') ?? ''
	const location = isPathInLanguage(next, to) ? next : paths.home(to)
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

function isPathInLanguage(next: string, locale: string): boolean {
	// One leading slash only: `//host` or `/\host` would leave the site.
	if (!/^\/[^/\\]/.test(next)) return false
	const pathname = next.split(/[?#]/)[0] ?? ''
	return pathname === `/${locale}` || pathname.startsWith(`/${locale}/`)
}
