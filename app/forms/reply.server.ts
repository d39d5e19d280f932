import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'

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
