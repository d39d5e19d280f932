import type { LoaderFunctionArgs } from '@remix-run/node'
import { negotiateLocale } from '~/i18n/locales'
import { paths } from '~/models/paths'

/**
 * `/` sends each visitor to their language: the remembered choice, otherwise Accept-Language, otherwise
 * English. The answer depends on both headers, so shared caches must not reuse it across visitors.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	return new Response(null, {
		status: 302,
		headers: {
			Location: paths.home(negotiateLocale(request)),
			Vary: 'Accept-Language, Cookie',
			'Cache-Control': 'private, no-cache',
		},
	})
}
