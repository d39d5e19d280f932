import { Readable } from 'node:stream'
import { problem } from '~/api/http.server'
import { publicOrigin } from '~/auth/public-origin.server'
import { csvDownloadOf, isPublishedPlatform, streamCsvDownload } from '~/data/downloads.server'
import { publicCacheControl } from '~/server/http-cache.server'

/**
 * The CSV downloads' answers (docs/decisions/019-downloads-streamed-by-copy.md): public, cached like pages
 * (the page cache middleware gives them the public data version's ETag and answers 304; it keeps no copy of
 * a body past its limit), an attachment with a name, RFC 4180 with `header=present`. A refusal is an RFC 9457
 * problem like the API's: 400 for a query parameter (the downloads take none), 404 for an unknown file or
 * platform (a draft's included).
 */

export const csvType = 'text/csv; charset=utf-8; header=present'

/** The answer before its body: HEAD gets these and no COPY runs. */
export function downloadHeaders(contentType: string, fileName: string): Record<string, string> {
	return {
		'Content-Type': contentType,
		'Content-Disposition': `attachment; filename="${fileName}"`,
		'Cache-Control': publicCacheControl,
		Vary: 'Cookie',
	}
}

/** A 400 for any query parameter: a mistyped filter would otherwise give everything and look like an answer. */
export function refuseQuery(request: Request): Response | null {
	const names = [...new Set(new URL(request.url).searchParams.keys())]
	if (names.length === 0) return null
	return problem(
		400,
		request,
		`The downloads take no query parameters: ${names.join(', ')}.`,
		names.map((name) => ({ name, reason: 'Not a parameter of this download (it takes none).' })),
	)
}

export async function csvAnswer(
	request: Request,
	fileName: string | undefined,
	platformSlug?: string,
): Promise<Response> {
	const refused = refuseQuery(request)
	if (refused) return refused
	const download = csvDownloadOf(fileName)
	if (!download) return problem(404, request, 'No download at this address.')
	if (platformSlug !== undefined && !(await isPublishedPlatform(platformSlug)))
		return problem(404, request, 'No platform at this address.')
	const name = platformSlug === undefined ? download.fileName : `${platformSlug}-${download.fileName}`
	const headers = downloadHeaders(csvType, name)
	if (request.method === 'HEAD') return new Response(null, { headers })
	const csv = await streamCsvDownload(download, {
		origin: publicOrigin(request),
		platformSlug,
		signal: request.signal,
	})
	return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, { headers })
}
