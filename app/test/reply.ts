import { z } from 'zod'

const replySchema = z.object({
	result: z.object({
		initialValue: z.record(z.string(), z.unknown()).nullable().optional(),
		error: z.record(z.string(), z.array(z.string()).nullable()).optional(),
	}),
})

/**
 * What a refused form's answer tells the browser (conform's reply): the values it shows again, the
 * messages at its fields, and those about the whole form.
 */
export function replyOf(body: unknown) {
	const { result } = replySchema.parse(body)
	const { '': formErrors, ...fieldErrors } = result.error ?? {}
	return {
		values: result.initialValue ?? {},
		fieldErrors: Object.fromEntries(
			Object.entries(fieldErrors).filter((entry): entry is [string, string[]] => entry[1] !== null),
		),
		formErrors: formErrors ?? [],
	}
}
