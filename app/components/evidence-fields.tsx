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
import { useI18n } from '~/i18n/use-i18n'
import { useStaffLabels } from './labels'
import { EvidenceTranslationFields } from './ledger-translation-fields'
import { PublicationDateFields } from './publication-date-fields'
import { RichText } from './rich-text'

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
	const { t } = useI18n()
	const labels = useStaffLabels()
	// The indicator's name and unit are the record's English (its translations are another part's).
	const unit = indicator ? <span lang="en">{indicator.unit}</span> : null
	return (
		<>
			<SelectField
				label={t('staff.evidenceForm.type')}
				field={fields.type}
				options={labels.evidenceTypeOptions}
				emptyLabel={t('staff.evidenceForm.chooseType')}
			/>
			<UrlField
				label={t('staff.evidenceForm.sourceUrl')}
				field={fields.sourceUrl}
				hint={t('staff.evidenceForm.sourceUrlHint')}
			/>
			<TextField
				label={t('staff.evidenceForm.title')}
				field={fields.title}
				hint={t('staff.evidenceForm.titleHint')}
			/>
			<TextField label={t('staff.evidenceForm.publisher')} field={fields.publisher} />
			<PublicationDateFields fields={fields} />
			<TextAreaField
				label={t('staff.evidenceForm.excerpt')}
				field={fields.excerpt}
				hint={t('staff.evidenceForm.excerptHint')}
			/>
			<EvidenceTranslationFields fields={fields} />
			<UrlField
				label={t('staff.evidenceForm.archiveUrl')}
				field={fields.archiveUrl}
				hint={t('staff.evidenceForm.archiveUrlHint')}
			/>
			{indicator ? (
				<FieldGroup
					legend={t('staff.evidenceForm.measurement')}
					hint={
						<RichText
							text={t('staff.evidenceForm.measurementHint')}
							parts={{ indicator: <span lang="en">{indicator.name}</span> }}
						/>
					}
				>
					<NumberField
						label={<RichText text={t('staff.evidenceForm.measuredValue')} parts={{ unit }} />}
						field={fields.measuredValue}
						hint={<RichText text={t('staff.evidenceForm.measuredValueHint')} parts={{ unit }} />}
					/>
					<DateField
						label={t('staff.evidenceForm.asOf')}
						field={fields.measuredAsOf}
						hint={t('staff.evidenceForm.asOfHint')}
					/>
				</FieldGroup>
			) : null}
			<SelectField
				label={t('staff.evidenceForm.suggestedStatus')}
				field={fields.suggestedStatus}
				options={labels.statusOptions}
				emptyLabel={t('staff.evidenceForm.noSuggestion')}
			/>
			<TextAreaField
				label={t('staff.evidenceForm.suggestionReason')}
				field={fields.suggestionReason}
				hint={t('staff.evidenceForm.suggestionReasonHint')}
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
