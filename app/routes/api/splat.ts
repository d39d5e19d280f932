import { apiAction, preflight, problem } from '~/api/http.server'

/** Any other address under /api: a 404 problem, pointing at the description of what there is. */
export async function loader({ request }: { request: Request }) {
	const answer = preflight(request)
	if (answer) return answer
	return problem(404, request, 'No such endpoint: see /api/v1/openapi.json for those there are.')
}
export const action = apiAction
