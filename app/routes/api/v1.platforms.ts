import { publicOrigin } from '~/auth/public-origin.server'
import { apiAction, apiRoute } from '~/api/http.server'
import { listPlatforms } from '~/api/records.server'

/** `GET /api/v1/platforms`: every published platform with its status counts (docs/api.md). */
export const loader = apiRoute(({ request }) => listPlatforms(request, { origin: publicOrigin(request) }))
export const action = apiAction
