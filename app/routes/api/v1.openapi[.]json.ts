import { publicOrigin } from '~/auth/public-origin.server'
import { apiAction, preflight, apiJson, problem } from '~/api/http.server'
import { openApiDocument } from '~/api/openapi'

/** `GET /api/v1/openapi.json`: the API's OpenAPI 3.1 description (app/api/openapi.ts). */
export async function loader({ request }: { request: Request }) {
	const answer = preflight(request)
	if (answer) return answer
	if (new URL(request.url).search !== '') {
		return problem(
			400,
			request,
			'This document takes no parameters.',
			[...new Set(new URL(request.url).searchParams.keys())].map((name) => ({
				name,
				reason: 'Not a parameter of this endpoint (it takes none).',
			})),
		)
	}
	return apiJson(openApiDocument(publicOrigin(request)))
}
export const action = apiAction
