import { Readable } from 'node:stream'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { problem } from '~/api/http.server'
import { DatasetBuildFailed, openPublicDataset } from '~/data/dataset-file.server'
import { logger } from '~/server/log.server'
import { downloadHeaders, refuseQuery } from './downloads.server'

/**
 * `/data/uade.json`: the whole published dataset in the import format (docs/import-format.md), the same
 * document as `npm run data:export -- --public`, streamed from the file it is written to once per version.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const refused = refuseQuery(request)
	if (refused) return refused
	const opened = await openPublicDataset().catch((error: unknown) => {
		if (!(error instanceof DatasetBuildFailed)) throw error
		logger().error({ err: error }, 'The public dataset (uade.json) could not be written')
		return null
	})
	if (!opened) {
		const response = problem(
			503,
			request,
			'The dataset could not be prepared just now. Try again in a minute.',
		)
		response.headers.set('Retry-After', '60')
		return response
	}
	const { handle, size } = opened
	const headers = {
		...downloadHeaders('application/json; charset=utf-8', 'uade.json'),
		'Content-Length': String(size),
	}
	if (request.method === 'HEAD') {
		await handle.close()
		return new Response(null, { headers })
	}
	const file = handle.createReadStream()
	request.signal.addEventListener('abort', () => file.destroy(), { once: true })
	return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, { headers })
}
