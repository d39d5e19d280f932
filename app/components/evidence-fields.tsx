import {
	DateField,
	FieldGroup,
	NumberField,
	SelectField,
	TextAreaField,
	TextField,
	UrlField,
	type FormField,
} from './forms'
import { evidenceTypeOptions, statusOptions } from './labels'
import { EvidenceTranslationFields } from './ledger-translation-fields'
import { PublicationDateFields } from './publication-date-fields'

type EvidenceFields = Record<
	| 'type'
	| 'sourceUrl'
	| 'title'
	| 'publisher'
	| 'publishedPrecision'
	| 'publishedOn'
	| 'publishedMonth'
	| 'publishedYear'
	| 'publishedNote'
	| 'excerpt'
	| 'archiveUrl'
	| 'measuredValue'
	| 'measuredAsOf'
	| 'suggestedStatus'
	| 'suggestionReason'
	| 'ruTitle'
	| 'ruExcerpt'
	| 'kkTitle'
	| 'kkExcerpt',
	FormField
>

/**
 * The fields of a piece of evidence, as both its forms show them: adding it (/evidence/new) and its
 * author's edit (/evidence/:evidenceId). The figure is asked for only when the pledge has an indicator.
 */
export function EvidenceFields({
	fields,
	indicator,
}: {
	fields: EvidenceFields
	indicator: { name: string; unit: string } | null
}) {
	return (
		<>
			<SelectField
				label="Type of evidence"
				field={fields.type}
				options={evidenceTypeOptions}
				emptyLabel="Choose a type"
			/>
			<UrlField
				label="Source address"
				field={fields.sourceUrl}
				hint="The web address of the source, starting with https:// or http://."
			/>
			<TextField label="Title" field={fields.title} hint="The title of the document or article." />
			<TextField label="Publisher" field={fields.publisher} />
			<PublicationDateFields fields={fields} />
			<TextAreaField
				label="Excerpt"
				field={fields.excerpt}
				hint="The passage that supports the evidence, copied word for word."
			/>
			<EvidenceTranslationFields fields={fields} />
			<UrlField
				label="Archived copy (optional)"
				field={fields.archiveUrl}
				hint="An archive address (web.archive.org, archive.today) in case the source changes."
			/>
			{indicator ? (
				<FieldGroup
					legend="Measurement (optional)"
					hint={`A figure the source reports for the indicator “${indicator.name}”.`}
				>
					<NumberField
						label={`Measured value (${indicator.unit})`}
						field={fields.measuredValue}
						hint={`In ${indicator.unit}, without commas: 150000, or 12.5 with a point.`}
					/>
					<DateField label="As of" field={fields.measuredAsOf} hint="The date the figure refers to." />
				</FieldGroup>
			) : null}
			<SelectField
				label="Suggested status (optional)"
				field={fields.suggestedStatus}
				options={statusOptions}
				emptyLabel="No suggestion"
			/>
			<TextAreaField
				label="Reason for the suggestion"
				field={fields.suggestionReason}
				hint="Needed when you suggest a status."
				rows={3}
			/>
		</>
	)
}

/** Messages at fields the form does not show (a figure sent for a pledge without an indicator, say). */
export function unshownEvidenceMessages(
	fields: Pick<EvidenceFields, 'measuredValue' | 'measuredAsOf'>,
	indicator: unknown,
): string[] {
	return indicator ? [] : [...(fields.measuredValue.errors ?? []), ...(fields.measuredAsOf.errors ?? [])]
}
