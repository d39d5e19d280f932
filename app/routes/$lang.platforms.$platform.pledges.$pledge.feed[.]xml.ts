import type { LoaderFunctionArgs } from '@remix-run/node'
import { serveFeed } from '~/server/atom.server'

/** `/:lang/platforms/:platform/pledges/:pledge/feed.xml`: one pledge's Atom feed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	return serveFeed(request, params.lang, {
		kind: 'pledge',
		platformSlug: params.platform ?? '',
		pledgeSlug: params.pledge ?? '',
	})
}
