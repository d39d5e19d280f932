import { data, redirect } from '@remix-run/node'
import type { FieldErrors } from '~/components/forms'
import type { RecordSaveResult } from '~/models/catalogue.server'

const refusedMessage = 'Nothing was saved: please correct the fields marked below.'

/** What a catalogue record's form gets back when a save is refused: the values to show and why. */
export type CatalogueActionData<Values> = { values: Values; fieldErrors: FieldErrors; formError: string }

/** 400: the form again with the values sent and a message at each field. */
export function refuseCatalogueForm<Values>(values: Values, fieldErrors: FieldErrors) {
	return data<CatalogueActionData<Values>>(
		{ values, fieldErrors, formError: refusedMessage },
		{ status: 400 },
	)
}

/**
 * The answer to saving a politician, platform or category: back to the saved record; 400 for a value the
 * database refused (a taken slug); 409 with the stored, newer version when someone else saved first; 404.
 */
export function answerCatalogueSave<Values, Stored extends Values & { id: string }>(
	result: RecordSaveResult<Stored>,
	{ values, noun, path }: { values: Values; noun: string; path: string },
) {
	switch (result.status) {
		case 'not-found':
			throw new Response(null, { status: 404 })
		case 'invalid':
			return refuseCatalogueForm(values, result.fieldErrors)
		case 'conflict':
			return data<CatalogueActionData<Values>>(
				{
					values: result.record,
					fieldErrors: {},
					formError:
						`Someone else saved this ${noun} while you were editing, so your changes were not saved. ` +
						'The form now shows their version: make your changes again on top of it.',
				},
				{ status: 409 },
			)
		case 'saved':
			return redirect(`${path}/${result.record.id}?saved=1`)
	}
}
