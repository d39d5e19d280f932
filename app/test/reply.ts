import type { SubmissionResult } from '@conform-to/react'
import { z } from 'zod'

/**
 * Reading what a form's route answered, as the page would: conform's reply to a refused form
 * (`{ result }`: the values as sent, the messages per field and about the whole form) or a 409
 * (`{ conflict }`: why, and the newer values). An answer of another shape fails the test here, by name.
 */

const replySchema = z.object({
	result: z.object({
		initialValue: z.record(z.string(), z.unknown()).nullable().optional(),
		error: z.record(z.string(), z.array(z.string()).nullable()).optional(),
	}),
})

const conflictSchema = z.object({
	conflict: z.object({
		message: z.string(),
		values: z.record(z.string(), z.unknown()),
		savedBy: z.string().nullable(),
		savedAt: z.string().nullable(),
		differences: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
	}),
})

function get(value: unknown, key: string | number): unknown {
	return typeof value === 'object' && value !== null && key in value ? Reflect.get(value, key) : undefined
}

/** The value at a form field's name (`title`, `steps[1].doneOn`) in nested values. */
export function valueAt(values: unknown, name: string): unknown {
	return name
		.split(/\.|\[(\d+)\]/)
		.filter((part) => part !== undefined && part !== '')
		.reduce((value, part) => get(value, /^\d+$/.test(part) ? Number(part) : part), values)
}

/**
 * A refused form's reply: the values it shows again, the messages at its fields (by field name, as
 * `steps[0].title`), and those about the whole form. Plain data, so that a test can compare it whole.
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

/** What a field of a refused form shows again: the value as sent, '' for a field sent empty. */
export function shownAt(values: unknown, name: string): unknown {
	return valueAt(values, name) ?? ''
}

/** What several fields show again, as `shownAt`, by name. */
export function shownOf(values: unknown, names: readonly string[]): Record<string, unknown> {
	return Object.fromEntries(names.map((name) => [name, shownAt(values, name)]))
}

/**
 * A 409's answer: why, the stored, newer values, who saved them and when, and the saved value of each field
 * that differs from what was sent (the values sent come back as its reply: `replyOf`).
 */
export function conflictOf(body: unknown) {
	return conflictSchema.parse(body).conflict
}

type Payload = string | Payload[] | { [key: string]: Payload }
/** A form's values as conform sends them back: text, lists and objects of them. */
const payloadSchema: z.ZodType<Payload> = z.lazy(() =>
	z.union([z.string(), z.array(payloadSchema), z.record(z.string(), payloadSchema)]),
)

const submissionResultSchema = z.object({
	result: z.object({
		status: z.enum(['success', 'error']).optional(),
		initialValue: z.record(z.string(), payloadSchema).nullable().optional(),
		error: z.record(z.string(), z.array(z.string()).nullable()).optional(),
		state: z.object({ validated: z.record(z.string(), z.boolean()) }).optional(),
		fields: z.array(z.string()).optional(),
	}),
})

/** conform's reply in an answer, as the page passes it to its form as `lastResult`. */
export function submissionResultOf(body: unknown): SubmissionResult<string[]> {
	return submissionResultSchema.parse(body).result
}
