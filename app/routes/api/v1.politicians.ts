import { publicOrigin } from '~/auth/public-origin.server'
import { apiAction, apiRoute } from '~/api/http.server'
import { listPoliticians } from '~/api/records.server'

/** `GET /api/v1/politicians`: every politician with a published platform (docs/api.md). */
export const loader = apiRoute(({ request }) => listPoliticians(request, { origin: publicOrigin(request) }))
export const action = apiAction
