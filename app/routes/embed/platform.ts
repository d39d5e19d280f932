import type { LoaderFunctionArgs } from '@remix-run/node'
import { publicOrigin } from '~/auth/public-origin.server'
import { getEmbeddedPlatform } from '~/models/embed.server'
import { embedLocale, embedResponse, platformCardHtml } from './embed.server'

/** `/embed/:lang/platforms/:platform`: a platform's summary, to put in a frame on another site. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const locale = embedLocale(params.lang)
	const platform = await getEmbeddedPlatform({ platformSlug: params.platform ?? '', locale })
	if (!platform) throw new Response(null, { status: 404 })
	return embedResponse(platformCardHtml(platform, locale, publicOrigin(request)), 'text/html; charset=utf-8')
}
