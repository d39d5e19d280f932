import { serializeJsonLd } from '~/models/structured-data'

/**
 * Structured data for search engines. A data block is never executed, so it needs no CSP nonce, and its
 * bytes are the same for every reader of a cached page.
 */
export function JsonLd({ data }: { data: unknown }) {
	return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}
