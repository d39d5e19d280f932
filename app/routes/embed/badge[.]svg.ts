import type { LoaderFunctionArgs } from '@remix-run/node'
import { embeddedPledgeOf, embedResponse, statusBadgeSvg } from './embed.server'

/** `/embed/:lang/platforms/:platform/pledges/:pledge/badge.svg`: a pledge's status as an image. */
export async function loader({ params }: LoaderFunctionArgs) {
	const { pledge, locale } = await embeddedPledgeOf(params)
	return embedResponse(statusBadgeSvg(pledge, locale), 'image/svg+xml; charset=utf-8')
}
