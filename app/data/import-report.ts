/**
 * What an import reports (app/data/import.server.ts), shared with the upload page's report, which runs in
 * the browser too: the kinds of record, what happened to each, and the problems with their places.
 */

/** A problem with its place: a JSON pointer, or "file line N, column X" for a CSV file. */
export type ImportProblem = { where: string; message: string }

export const recordKinds = [
	'politician',
	'platform',
	'category',
	'pledge',
	'platformSource',
	'evidence',
	'statusUpdate',
] as const
export type RecordKind = (typeof recordKinds)[number]
export type ImportAction = 'create' | 'change' | 'unchanged'
export type ImportChange = { kind: RecordKind; key: string; action: ImportAction; where: string }

/** How many records of each kind each action touches, every kind and action present. */
export function countChanges(changes: readonly ImportChange[]) {
	const counts = Object.fromEntries(
		recordKinds.map((kind) => [kind, { create: 0, change: 0, unchanged: 0 }]),
	) as Record<RecordKind, Record<ImportAction, number>>
	for (const change of changes) counts[change.kind][change.action] += 1
	return counts
}
