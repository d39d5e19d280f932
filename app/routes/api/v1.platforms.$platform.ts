import { publicOrigin } from '~/auth/public-origin.server'
import { apiAction, apiRoute } from '~/api/http.server'
import { getPlatform } from '~/api/records.server'

/** `GET /api/v1/platforms/{slug}`: a published platform with its categories and status counts (docs/api.md). */
export const loader = apiRoute(({ request, params }) =>
	getPlatform(request, params.platform ?? '', { origin: publicOrigin(request) }),
)
export const action = apiAction
