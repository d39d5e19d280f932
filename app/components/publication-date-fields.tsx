import { datePrecisions } from '~/forms/evidence-dates'
import {
	DateField,
	FieldGroup,
	MonthField,
	SelectField,
	TextAreaField,
	TextField,
	type FormField,
} from './forms'
import { useI18n } from '~/i18n/use-i18n'
import { useStaffLabels } from './labels'

/**
 * A publication date as precise as the source prints it: how much of it there is, then the field for that
 * (a full date, a month, a year, or a note on where it was looked for). Only the chosen precision's field
 * is read. Without JavaScript every field shows, each saying which choice it is for; the stylesheet hides
 * the others where the browser can tell (`:has`), so nothing depends on a script.
 */
export function PublicationDateFields({
	fields,
}: {
	fields: {
		publishedPrecision: FormField
		publishedOn: FormField
		publishedMonth: FormField
		publishedYear: FormField
		publishedNote: FormField
	}
}) {
	const { t } = useI18n()
	const labels = useStaffLabels()
	const precisionOptions = datePrecisions.map((precision) => ({
		value: precision,
		label: labels.datePrecision(precision),
	}))
	return (
		<FieldGroup legend={t('staff.publicationDate.legend')}>
			<div className="publication-date">
				<SelectField
					label={t('staff.publicationDate.precision')}
					field={fields.publishedPrecision}
					options={precisionOptions}
				/>
				<div className="publication-date-day">
					<DateField
						label={t('staff.publicationDate.day')}
						field={fields.publishedOn}
						hint={t('staff.publicationDate.dayHint')}
					/>
				</div>
				<div className="publication-date-month">
					<MonthField
						label={t('staff.publicationDate.month')}
						field={fields.publishedMonth}
						hint={t('staff.publicationDate.monthHint')}
					/>
				</div>
				<div className="publication-date-year">
					<TextField
						label={t('staff.publicationDate.year')}
						field={fields.publishedYear}
						inputMode="numeric"
						hint={t('staff.publicationDate.yearHint')}
					/>
				</div>
				<div className="publication-date-none">
					<TextAreaField
						label={t('staff.publicationDate.none')}
						field={fields.publishedNote}
						hint={t('staff.publicationDate.noneHint')}
						rows={3}
					/>
				</div>
			</div>
		</FieldGroup>
	)
}
