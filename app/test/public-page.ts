import { publicPageHeaders } from '~/server/http-cache.server'

/** The headers a public page's route sends (its `headers` export), for a stand-in route in a test. */
export function headersOfAPublicPage(): Record<string, string> {
	return Object.fromEntries(
		new Headers(
			publicPageHeaders({
				loaderHeaders: new Headers(),
				parentHeaders: new Headers(),
				actionHeaders: new Headers(),
				errorHeaders: undefined,
			}),
		),
	)
}
