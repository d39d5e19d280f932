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
import { datePrecisionLabels } from './labels'

const precisionOptions = datePrecisions.map((precision) => ({
	value: precision,
	label: datePrecisionLabels[precision],
}))

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
	return (
		<FieldGroup legend="Publication date">
			<div className="publication-date">
				<SelectField
					label="What the source prints"
					field={fields.publishedPrecision}
					options={precisionOptions}
				/>
				<div className="publication-date-day">
					<DateField
						label="Full date"
						field={fields.publishedOn}
						hint="For a full date. Not in the future."
					/>
				</div>
				<div className="publication-date-month">
					<MonthField label="Month" field={fields.publishedMonth} hint="For a month. Not in the future." />
				</div>
				<div className="publication-date-year">
					<TextField
						label="Year"
						field={fields.publishedYear}
						inputMode="numeric"
						hint="For a year, as four digits. Not in the future."
					/>
				</div>
				<div className="publication-date-none">
					<TextAreaField
						label="Why no date"
						field={fields.publishedNote}
						hint="For no date printed: where you looked for it (the page, its metadata, the archive), or why the source has none."
						rows={3}
					/>
				</div>
			</div>
		</FieldGroup>
	)
}
