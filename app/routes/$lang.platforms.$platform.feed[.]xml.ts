import type { LoaderFunctionArgs } from '@remix-run/node'
import { serveFeed } from '~/server/atom.server'

/** `/:lang/platforms/:platform/feed.xml`: a published platform's Atom feed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	return serveFeed(request, params.lang, { kind: 'platform', platformSlug: params.platform ?? '' })
}
