import type { LoaderFunctionArgs } from '@remix-run/node'
import { actorOf, getOptionalUser } from '~/auth/guards.server'
import { databaseLocale, isLocale, isStaffPath, serializeLanguageCookie } from '~/i18n/locales'
import { paths } from '~/models/paths'
import { setOwnLocale } from '~/models/user.server'

/**
 * The language switcher's target: `/language?to=ru&next=/ru/...` remembers the choice in a cookie (read
 * only by `/` and the staff pages) and redirects to `next`, so the public pages themselves never set or read
 * a cookie. A signed-in account also keeps the choice as its own, for its staff pages on any device. `next`
 * must be a path on this site in the chosen language, or a staff page (one address for every language);
 * anything else goes to that language's overview.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const to = url.searchParams.get('to')
	if (!isLocale(to)) throw new Response(null, { status: 400 })
	const location = pathInLanguage(url.searchParams.get('next') ?? '', to, url) ?? paths.home(to)
	const user = await getOptionalUser(request)
	if (user) await setOwnLocale(databaseLocale[to], actorOf(user, context))
	return new Response(null, {
		status: 303,
		headers: {
			Location: location,
			'Set-Cookie': serializeLanguageCookie(to, url),
			'Cache-Control': 'no-store',
		},
	})
}

/**
 * `next` as the address to send the reader to, or null when it is not a path of this site in `locale` nor a
 * staff page. Written as a URL writes it (`/ru/я` as `/ru/%D1%8F`): a Location header holds ASCII only.
 */
function pathInLanguage(next: string, locale: string, here: URL): string | null {
	// One leading slash only: `//host` or `/\host` would leave the site.
	if (!/^\/[^/\\]/.test(next)) return null
	const target = new URL(next, here.origin)
	if (target.origin !== here.origin) return null
	const inLanguage = target.pathname === `/${locale}` || target.pathname.startsWith(`/${locale}/`)
	if (!inLanguage && !isStaffPath(target.pathname)) return null
	return `${target.pathname}${target.search}${target.hash}`
}
