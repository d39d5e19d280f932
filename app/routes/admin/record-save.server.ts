import type { Submission } from '@conform-to/react'
import { data, redirect } from '@remix-run/node'
import { problemMessages, type ProblemMessages } from '~/forms/problems'
import { refuse } from '~/forms/reply.server'
import type { SaveResult } from '~/models/save.server'

/** What a record's edit form gets back on a 409: why, and the stored, newer version to start again from. */
export type Conflict<Values> = { message: string; values: Values }

/**
 * The answer to saving a record through its form: back to the saved record (`?saved=1`); 400 with the
 * values as sent and a message at each field for a value the database refused (a taken slug); 409 with the
 * newer version when someone else saved first; 404.
 */
export function answerSave<Stored extends { id: string }, Code extends string, Values>(
	submission: Submission<unknown>,
	result: SaveResult<Stored, Code>,
	{
		noun,
		path,
		problems,
		formValues,
	}: {
		noun: string
		path: string
		problems: ProblemMessages<Code>
		formValues: (record: Stored) => Values
	},
) {
	switch (result.status) {
		case 'not-found':
			throw new Response(null, { status: 404 })
		case 'invalid':
			return refuse(submission, { fieldErrors: problemMessages(result.problems, problems) })
		case 'conflict':
			return data(
				{
					conflict: {
						message:
							`Someone else saved this ${noun} while you were editing, so your changes were not saved. ` +
							'The form now shows their version: make your changes again on top of it.',
						values: formValues(result.record),
					} satisfies Conflict<Values>,
				},
				{ status: 409 },
			)
		case 'saved':
			return redirect(`${path}/${result.record.id}?saved=1`)
	}
}
