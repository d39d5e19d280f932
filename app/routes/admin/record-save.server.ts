import type { Submission, SubmissionResult } from '@conform-to/react'
import { data, redirect } from '@remix-run/node'
import { savedDifferences, takeSavedField, type SavedDifferences } from '~/forms/conflict'
import { problemMessages, type ProblemMessages } from '~/forms/problems'
import { refuse } from '~/forms/reply.server'
import { latestChangeOf } from '~/models/audit.server'
import type { SaveResult } from '~/models/save.server'

/**
 * What a record's edit form gets back on a 409: why; the stored, newer version (`values`); who saved it and
 * when, if the audit log knows; and, per field where it differs from what the editor sent, the saved value.
 * The reply that comes with it (`result`) holds the editor's own values on the newer version, so that the
 * form shows them and one click on Save applies them.
 */
export type Conflict<Values> = {
	message: string
	values: Values
	savedBy: string | null
	savedAt: string | null
	differences: SavedDifferences
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The 409 of a save that came too late: the editor's values kept (without their "take the saved value"
 * ticks) on the newer version, beside the newer values where they differ. `version` is the newer
 * version's, as its form field holds it.
 */
export async function answerConflict<Values extends Record<string, unknown>>(
	submission: Submission<unknown>,
	{
		message,
		newer,
		entity,
	}: {
		message: string
		newer: Values & { version: string }
		entity: { type: string; id: string }
	},
) {
	const reply = submission.reply()
	const mine = Object.fromEntries(
		Object.entries(isRecord(reply.initialValue) ? reply.initialValue : {}).filter(
			([name]) => name !== takeSavedField,
		),
	)
	const result: SubmissionResult<string[]> = { ...reply, initialValue: { ...mine, version: newer.version } }
	const change = await latestChangeOf({ entityType: entity.type, entityId: entity.id })
	return data(
		{
			conflict: {
				message,
				values: newer,
				savedBy: change?.by ?? null,
				savedAt: change?.at ?? null,
				differences: savedDifferences(mine, newer),
			} satisfies Conflict<Values>,
			result,
		},
		{ status: 409 },
	)
}

/**
 * The answer to saving a record through its form: back to the saved record (`?saved=1`); 400 with the
 * values as sent and a message at each field for a value the database refused (a taken slug); 409 when
 * someone else saved first (see `answerConflict`); 404.
 */
export async function answerSave<
	Stored extends { id: string },
	Code extends string,
	Values extends Record<string, unknown> & { version: string },
>(
	submission: Submission<unknown>,
	result: SaveResult<Stored, Code>,
	{
		noun,
		entityType,
		path,
		problems,
		formValues,
	}: {
		noun: string
		/** The record's `entityType` in the audit log, to say who saved meanwhile. */
		entityType: string
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
			return answerConflict(submission, {
				message:
					`Someone else saved this ${noun} while you were editing, so your changes are not saved yet. ` +
					'The form keeps your values; where the saved version differs, its value is shown at the field. ' +
					'Save again to apply yours, or tick “Use the saved value” at a field to keep theirs there.',
				newer: formValues(result.record),
				entity: { type: entityType, id: result.record.id },
			})
		case 'saved':
			return redirect(`${path}/${result.record.id}?saved=1`)
	}
}
