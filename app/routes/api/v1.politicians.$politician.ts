import { publicOrigin } from '~/auth/public-origin.server'
import { apiAction, apiRoute } from '~/api/http.server'
import { getPolitician } from '~/api/records.server'

/** `GET /api/v1/politicians/{slug}`: a politician and their published platforms (docs/api.md). */
export const loader = apiRoute(({ request, params }) =>
	getPolitician(request, params.politician ?? '', { origin: publicOrigin(request) }),
)
export const action = apiAction
