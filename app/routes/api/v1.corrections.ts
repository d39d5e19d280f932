import { publicOrigin } from '~/auth/public-origin.server'
import { apiAction, apiRoute } from '~/api/http.server'
import { listCorrections } from '~/api/records.server'

/** `GET /api/v1/corrections`: every correction of a published ledger, newest first, by cursor (docs/api.md). */
export const loader = apiRoute(({ request }) => listCorrections(request, { origin: publicOrigin(request) }))
export const action = apiAction
