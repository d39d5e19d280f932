import type { LoaderFunctionArgs } from '@remix-run/node'
import { serveShareCard } from './share-card/share-card.server'

/** `/:lang/platforms/:platform/card.png`: a published platform's share card (its page's og:image). */
export async function loader({ params }: LoaderFunctionArgs) {
	return serveShareCard(params.lang, { kind: 'platform', platformSlug: params.platform ?? '' })
}
