import type { LoaderFunctionArgs } from '@remix-run/node'
import { serveShareCard } from './share-card/share-card.server'

/** `/:lang/platforms/:platform/pledges/:pledge/card.png`: a published pledge's share card (its page's og:image). */
export async function loader({ params }: LoaderFunctionArgs) {
	return serveShareCard(params.lang, {
		kind: 'pledge',
		platformSlug: params.platform ?? '',
		pledgeSlug: params.pledge ?? '',
	})
}
