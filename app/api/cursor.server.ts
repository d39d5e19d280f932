import { createHash } from 'node:crypto'
import { z } from 'zod'
import { badParams } from './http.server'

/**
 * The API's cursors: opaque to a client (base64url of a small JSON object), holding where the next page
 * starts and a fingerprint of the query they belong to (every parameter but `cursor`, in a fixed order), so
 * a cursor is valid only with the same query it came from: the `next` link repeats it. Nothing in a cursor
 * is secret or grants anything, so it is validated rather than signed: one that does not decode, that
 * holds a position no page of ours starts at, or that belongs to another query is a 400.
 */

const maxCursorLength = 500

/** The query a cursor belongs to: its parameters but `cursor`, sorted, as a short hash. */
export function queryFingerprint(endpoint: string, query: Map<string, string>): string {
	const parts = [...query]
		.filter(([name]) => name !== 'cursor')
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	return createHash('sha256')
		.update(JSON.stringify([endpoint, parts]))
		.digest('base64url')
		.slice(0, 16)
}

export function encodeCursor(position: Record<string, unknown>, fingerprint: string): string {
	return Buffer.from(JSON.stringify({ ...position, q: fingerprint })).toString('base64url')
}

const refused = (reason: string) => badParams([{ name: 'cursor', reason }])

/** The position a query's `cursor` holds (checked by `shape`), or null without one. */
export function decodeCursor<Shape extends z.ZodType>(
	query: Map<string, string>,
	shape: Shape,
	fingerprint: string,
): z.output<Shape> | null {
	const cursor = query.get('cursor')
	if (cursor === undefined) return null
	if (cursor.length === 0 || cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
		throw refused('Not a cursor of this API: use the `nextCursor` (or `next` link) of a previous page.')
	}
	let decoded: unknown
	try {
		decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
	} catch {
		throw refused('Not a cursor of this API: use the `nextCursor` (or `next` link) of a previous page.')
	}
	const parsed = z.object({ q: z.string() }).passthrough().safeParse(decoded)
	if (!parsed.success)
		throw refused('Not a cursor of this API: use the `nextCursor` (or `next` link) of a previous page.')
	if (parsed.data.q !== fingerprint) {
		throw refused(
			'This cursor belongs to another query: keep every other parameter as it was on the first page.',
		)
	}
	const position = shape.safeParse(decoded)
	if (!position.success)
		throw refused('Not a cursor of this API: use the `nextCursor` (or `next` link) of a previous page.')
	return position.data
}
