import { isLocale, type Locale } from '~/i18n/locales'
import { publicCacheControl } from '~/server/http-cache.server'

/**
 * The answers of the read-only JSON API (/api/v1, docs/api.md): JSON that any site may read (CORS for GET),
 * public and cached like the pages (publicCacheControl and `Vary: Cookie`, so the page cache middleware gives
 * it an ETag and answers 304), and every refusal an RFC 9457 problem (`application/problem+json`).
 */

export const jsonType = 'application/json; charset=utf-8'
export const problemType = 'application/problem+json; charset=utf-8'

const corsHeaders = {
	'Access-Control-Allow-Origin': '*',
	// A browser may show a reader these of a cross-origin answer (the ETag, for a conditional request).
	'Access-Control-Expose-Headers': 'ETag',
}

/** A successful answer: public, cached like a page. */
export function apiJson(body: unknown): Response {
	return new Response(`${JSON.stringify(body)}\n`, {
		headers: {
			'Content-Type': jsonType,
			'Cache-Control': publicCacheControl,
			Vary: 'Cookie',
			...corsHeaders,
		},
	})
}

export type InvalidParam = { name: string; reason: string }

const titles: Record<number, string> = {
	400: 'Bad Request',
	404: 'Not Found',
	405: 'Method Not Allowed',
	503: 'Service Unavailable',
}

/**
 * An RFC 9457 problem. `type` is `about:blank` (RFC 9457 §4.2.1: the problem is what the status says), so
 * `title` is the status's phrase; `detail` says what went wrong for this request, `instance` is its path,
 * and a 400 lists the parameters it refused (`invalidParams`, a name and a reason each).
 */
export function problem(
	status: 400 | 404 | 405 | 503,
	request: Request,
	detail: string,
	invalidParams?: InvalidParam[],
): Response {
	const url = new URL(request.url)
	const body = {
		type: 'about:blank',
		title: titles[status],
		status,
		detail,
		instance: `${url.pathname}${url.search}`,
		...(invalidParams ? { invalidParams } : {}),
	}
	// A refusal is nothing to keep; a missing record, like a missing page, may be kept for a minute.
	const cache: Record<string, string> =
		status === 404 ? { 'Cache-Control': publicCacheControl, Vary: 'Cookie' } : { 'Cache-Control': 'no-store' }
	return new Response(`${JSON.stringify(body)}\n`, {
		status,
		headers: {
			'Content-Type': problemType,
			...cache,
			...corsHeaders,
			...(status === 405 ? { Allow: 'GET, HEAD, OPTIONS' } : {}),
		},
	})
}

/** Thrown by the API's readers and caught by `apiRoute`: the problem to answer with. */
export class ApiProblem extends Error {
	constructor(
		readonly status: 400 | 404,
		readonly detail: string,
		readonly invalidParams?: InvalidParam[],
	) {
		super(detail)
	}
}

export const notFound = (what: string) => new ApiProblem(404, `No ${what} at this address.`)

export function badParams(invalidParams: InvalidParam[]) {
	const names = invalidParams.map((param) => param.name).join(', ')
	return new ApiProblem(
		400,
		`Invalid query parameter${invalidParams.length > 1 ? 's' : ''}: ${names}.`,
		invalidParams,
	)
}

/**
 * A request's query parameters, checked against the ones an endpoint takes: an unknown one, or one given
 * twice, is refused (a mistyped filter would otherwise list everything and look like an answer).
 */
export function queryOf(request: Request, allowed: readonly string[]): Map<string, string> {
	const params = new URL(request.url).searchParams
	const values = new Map<string, string>()
	const invalid: InvalidParam[] = []
	for (const [name, value] of params) {
		if (!allowed.includes(name)) {
			if (!invalid.some((param) => param.name === name)) {
				invalid.push({
					name,
					reason: `Not a parameter of this endpoint (it takes ${allowed.length > 0 ? allowed.join(', ') : 'none'}).`,
				})
			}
		} else if (values.has(name)) {
			if (!invalid.some((param) => param.name === name))
				invalid.push({ name, reason: 'Given more than once.' })
		} else values.set(name, value)
	}
	if (invalid.length > 0) throw badParams(invalid)
	return values
}

/** `lang`: one language (`en`, `ru`, `kk`), or absent for every language's text side by side. */
export function langOf(query: Map<string, string>): Locale | null {
	const lang = query.get('lang')
	if (lang === undefined) return null
	if (!isLocale(lang))
		throw badParams([{ name: 'lang', reason: 'One of en, ru, kk (or none, for all three).' }])
	return lang
}

export const defaultLimit = 20
export const maxLimit = 100

/** `limit`: how many items a page holds, 1 to 100 (20 when absent). */
export function limitOf(query: Map<string, string>): number {
	const limit = query.get('limit')
	if (limit === undefined) return defaultLimit
	const number = /^\d{1,3}$/.test(limit) ? Number(limit) : NaN
	if (!(number >= 1 && number <= maxLimit)) {
		throw badParams([{ name: 'limit', reason: `An integer from 1 to ${maxLimit}.` }])
	}
	return number
}

/**
 * A resource route's loader: runs `read`, answering its problem (400, 404) as such; any other error goes on
 * to the server's handler. GET, HEAD and OPTIONS (a preflight) reach a loader.
 */
export function apiRoute(
	read: (args: { request: Request; params: Record<string, string | undefined> }) => Promise<unknown>,
) {
	return async (args: { request: Request; params: Record<string, string | undefined> }) => {
		const answer = preflight(args.request)
		if (answer) return answer
		try {
			return apiJson(await read(args))
		} catch (error) {
			if (error instanceof ApiProblem)
				return problem(error.status, args.request, error.detail, error.invalidParams)
			throw error
		}
	}
}

/**
 * The answer to a CORS preflight (OPTIONS) of a GET: Remix hands OPTIONS to a resource route's loader (it is
 * no mutation), so every API loader starts with this.
 */
export function preflight(request: Request): Response | null {
	if (request.method !== 'OPTIONS') return null
	return new Response(null, {
		status: 204,
		headers: {
			...corsHeaders,
			'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
			'Access-Control-Allow-Headers': 'If-None-Match',
			'Access-Control-Max-Age': '86400',
		},
	})
}

/** A resource route's action: nothing in the API writes, so any other method is a 405 problem. */
export async function apiAction({ request }: { request: Request }): Promise<Response> {
	return preflight(request) ?? problem(405, request, 'The API is read-only: GET, HEAD and OPTIONS only.')
}
