import type { LoaderFunctionArgs } from '@remix-run/node'
import { serveFeed } from '~/server/atom.server'

/** `/:lang/feed.xml`: the whole site's Atom feed (published platforms only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
	return serveFeed(request, params.lang, { kind: 'site' })
}
