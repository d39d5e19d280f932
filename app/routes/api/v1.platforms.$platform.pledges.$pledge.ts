import { publicOrigin } from '~/auth/public-origin.server'
import { apiAction, apiRoute } from '~/api/http.server'
import { getPledge } from '~/api/records.server'

/** `GET /api/v1/platforms/{slug}/pledges/{slug}`: a pledge with its ledger, evidence and indicator (docs/api.md). */
export const loader = apiRoute(({ request, params }) =>
	getPledge(
		request,
		{ platformSlug: params.platform ?? '', pledgeSlug: params.pledge ?? '' },
		{ origin: publicOrigin(request) },
	),
)
export const action = apiAction
