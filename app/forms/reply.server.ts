import type { Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type HeadersFunction } from '@remix-run/node'
import type { ZodType } from 'zod'
import { limits } from './fields'

type ReplyOptions = {
	fieldErrors?: Record<string, string[]>
	formErrors?: string[]
	/** Fields never sent back (passwords): the form shows them empty. */
	hideFields?: string[]
}

/**
 * A refused form: 400 with conform's reply, which keeps every value as sent (except `hideFields`) and puts
 * each message at its field (`fieldErrors` and `formErrors` add what only the server could know, such as
 * a taken slug).
 */
export function refuse<Output>(submission: Submission<Output>, options?: ReplyOptions, status = 400) {
	return data({ result: submission.reply(options) }, { status })
}

/**
 * A form refused for now (a rate limit): 429 with its reply, and `Retry-After` in seconds. A route that
 * answers it exports `headers = refusedForNowHeaders`, or a posted page would arrive without the header.
 */
export function refuseForNow<Output>(
	submission: Submission<Output>,
	options: ReplyOptions,
	retryAfterSeconds: number,
) {
	return data(
		{ result: submission.reply(options) },
		{ status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
	)
}

/** The `headers` export of a route whose action may `refuseForNow`: passes the action's Retry-After on. */
export const refusedForNowHeaders: HeadersFunction = ({ actionHeaders }) => {
	const headers = new Headers()
	const retryAfter = actionHeaders.get('Retry-After')
	if (retryAfter !== null) headers.set('Retry-After', retryAfter)
	return headers
}

/**
 * Room for the longest list any form holds (30 milestone steps, 50 pieces of evidence), and as much again:
 * a list beyond its limit but within this room is read, and its schema says "at most 30 steps".
 */
const maxListIndex = 2 * Math.max(limits.steps, limits.evidencePerStatusUpdate)
/** More fields than any form of Uade has (a pledge with 30 steps and its translations is about 90). */
const maxFields = 1000
// A field name as the kit writes it: `title`, `evidenceIds`, `steps[3].doneOn`; at most three levels deep.
const segment = '[A-Za-z][A-Za-z0-9_]{0,63}(?:\\[\\d{1,3}\\])?'
const fieldName = new RegExp(`^${segment}(?:\\.${segment}){0,2}$`)
const intentName = '__intent__'

function isListName(name: unknown): name is string {
	if (typeof name !== 'string' || !fieldName.test(name)) return false
	for (const [, index] of name.matchAll(/\[(\d+)\]/g)) if (Number(index) > maxListIndex) return false
	return true
}

/**
 * Whether conform may read this form: every name one of the kit's (a list item within a list's room, so
 * that `steps[99999999].title` cannot make conform build an array that long before the schema could refuse
 * it), not more fields than a form has (conform gathers repeated values by copying the list each time), and
 * as the only intent an "Add a step" or "Remove" button's (other intents, and conform's `__state__`, are
 * for the browser's own use: sent by hand they would throw).
 */
export function isReadableForm(form: FormData | URLSearchParams): boolean {
	let count = 0
	for (const [name, value] of form.entries()) {
		if (++count > maxFields) return false
		if (name === intentName) {
			if (typeof value !== 'string' || !isListIntent(value)) return false
		} else if (!isListName(name)) return false
	}
	return true
}

function isListIntent(text: string): boolean {
	let intent: unknown
	try {
		intent = JSON.parse(text)
	} catch {
		return false
	}
	if (typeof intent !== 'object' || intent === null || !('type' in intent) || !('payload' in intent))
		return false
	const { type, payload } = intent
	if ((type !== 'insert' && type !== 'remove') || typeof payload !== 'object' || payload === null)
		return false
	const keys = Object.keys(payload)
	if (
		!('name' in payload) ||
		!isListName(payload.name) ||
		keys.some((key) => key !== 'name' && key !== 'index')
	) {
		return false
	}
	if (!('index' in payload)) return type === 'insert'
	return (
		Number.isInteger(payload.index) && Number(payload.index) >= 0 && Number(payload.index) <= maxListIndex
	)
}

/**
 * A query as a filter form reads it, for `parseForm`: a link may carry what no page sent. A name no field
 * could have (`x[99999]`, a dotted path) is dropped, so the link still opens its page rather than a 400;
 * any other name the schema does not know (`utm_source`) stays, and the schema ignores it.
 */
export function onlyFormFields(search: URLSearchParams): URLSearchParams {
	return new URLSearchParams([...search].filter(([name]) => isListName(name)).slice(0, maxFields))
}

const unreadable = 'This form cannot be read. Reload the page and send it again.'

/**
 * The body of a form post. A body that is no form of its declared type (a broken multipart body, text sent
 * as a form) is a 400, not an error of the server's; its size was checked before (app/server/limits.server.ts).
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData()
	} catch {
		throw new Response(unreadable, { status: 400 })
	}
}

/**
 * A posted form (or a search form's query) parsed with its schema, as conform does it; a form no page of
 * Uade sends (see isReadableForm) is a 400 before conform reads it.
 */
export function parseForm<Schema extends ZodType<unknown, Record<string, unknown>>>(
	form: FormData | URLSearchParams,
	schema: Schema,
) {
	if (!isReadableForm(form)) {
		throw new Response(unreadable, { status: 400 })
	}
	return parseWithZod(form, { schema })
}

/**
 * The form again after a field list's button ("Add a step", "Remove") was pressed without JavaScript:
 * conform applied it to the values as sent, and nothing is saved.
 */
export function replyToIntent<Output>(submission: Submission<Output>) {
	return data({ result: submission.reply() })
}
