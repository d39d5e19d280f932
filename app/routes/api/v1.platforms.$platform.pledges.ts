import { publicOrigin } from '~/auth/public-origin.server'
import { apiAction, apiRoute } from '~/api/http.server'
import { listPledges } from '~/api/records.server'

/** `GET /api/v1/platforms/{slug}/pledges`: its pledges, filtered and sorted, by cursor (docs/api.md). */
export const loader = apiRoute(({ request, params }) =>
	listPledges(request, params.platform ?? '', { origin: publicOrigin(request) }),
)
export const action = apiAction
