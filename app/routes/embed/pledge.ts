import type { LoaderFunctionArgs } from '@remix-run/node'
import { publicOrigin } from '~/auth/public-origin.server'
import { embeddedPledgeOf, embedResponse, pledgeCardHtml } from './embed.server'

/** `/embed/:lang/platforms/:platform/pledges/:pledge`: a pledge's card, to put in a frame on another site. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { pledge, locale } = await embeddedPledgeOf(params)
	return embedResponse(pledgeCardHtml(pledge, locale, publicOrigin(request)), 'text/html; charset=utf-8')
}
