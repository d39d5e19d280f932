/**
 * Why a save was refused, per field, as a code the UI turns into a sentence (models return data, never
 * messages): `{ slug: 'taken' }`, `{ categoryId: 'not-of-platform' }`.
 */
export type Problems<Code extends string = string> = Partial<Record<string, Code>>

/** Sentences for the problem codes a model answers, per field: `{ slug: { taken: 'Another … has this slug.' } }`. */
export type ProblemMessages<Code extends string> = Partial<Record<string, Partial<Record<Code, string>>>>

/** A model's problems as messages at their fields, for `submission.reply({ fieldErrors })`. */
export function problemMessages<Code extends string>(
	problems: Problems<Code>,
	messages: ProblemMessages<Code>,
): Record<string, string[]> {
	const fieldErrors: Record<string, string[]> = {}
	for (const [field, code] of Object.entries(problems)) {
		if (code === undefined) continue
		fieldErrors[field] = [messages[field]?.[code as Code] ?? 'Check this value and try again.']
	}
	return fieldErrors
}
