import { useId, type ReactNode } from 'react'

/**
 * Form controls of the evidence and status workflow (staff pages, English): each labelled, with its hint
 * and its messages tied to it by `aria-describedby`, so a screen reader reads the message with the field.
 */

type Described = { hint?: ReactNode; errors?: string[] }

function useDescribed({ hint, errors }: Described) {
	const id = useId()
	const hintId = `${id}-hint`
	const errorId = `${id}-error`
	const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ')
	return {
		id,
		hintId,
		errorId,
		controlProps: {
			'aria-invalid': errors?.length ? true : undefined,
			'aria-describedby': describedBy || undefined,
		},
	}
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
	return hint ? (
		<p id={id} className="staff-field-hint">
			{hint}
		</p>
	) : null
}

export function FieldErrorText({ id, errors }: { id: string; errors?: string[] }) {
	if (!errors?.length) return null
	return (
		<p id={id} className="staff-field-error">
			{errors.join(' ')}
		</p>
	)
}

type InputFieldProps = Described & {
	label: string
	name: string
	type?: 'text' | 'url' | 'date'
	defaultValue?: string
	required?: boolean
	maxLength?: number
	inputMode?: 'decimal'
}

export function InputField({
	label,
	name,
	type = 'text',
	defaultValue,
	hint,
	errors,
	...input
}: InputFieldProps) {
	const { id, hintId, errorId, controlProps } = useDescribed({ hint, errors })
	return (
		<div className="staff-field">
			<label htmlFor={id}>{label}</label>
			<Hint id={hintId} hint={hint} />
			<input id={id} name={name} type={type} defaultValue={defaultValue} {...controlProps} {...input} />
			<FieldErrorText id={errorId} errors={errors} />
		</div>
	)
}

export function TextAreaField({
	label,
	name,
	defaultValue,
	hint,
	errors,
	required,
	rows = 5,
}: Described & { label: string; name: string; defaultValue?: string; required?: boolean; rows?: number }) {
	const { id, hintId, errorId, controlProps } = useDescribed({ hint, errors })
	return (
		<div className="staff-field">
			<label htmlFor={id}>{label}</label>
			<Hint id={hintId} hint={hint} />
			<textarea
				id={id}
				name={name}
				rows={rows}
				defaultValue={defaultValue}
				required={required}
				{...controlProps}
			/>
			<FieldErrorText id={errorId} errors={errors} />
		</div>
	)
}

export function SelectField({
	label,
	name,
	options,
	defaultValue,
	hint,
	errors,
	required,
	emptyLabel,
}: Described & {
	label: string
	name: string
	options: ReadonlyArray<{ value: string; label: string }>
	defaultValue?: string
	required?: boolean
	/** Offers "nothing chosen" first, with this text. */
	emptyLabel?: string
}) {
	const { id, hintId, errorId, controlProps } = useDescribed({ hint, errors })
	return (
		<div className="staff-field">
			<label htmlFor={id}>{label}</label>
			<Hint id={hintId} hint={hint} />
			<select id={id} name={name} defaultValue={defaultValue ?? ''} required={required} {...controlProps}>
				{emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			<FieldErrorText id={errorId} errors={errors} />
		</div>
	)
}

/** A group of checkboxes in a fieldset, its message under the group. */
export function CheckboxGroup({
	legend,
	name,
	choices,
	checked,
	hint,
	errors,
}: Described & {
	legend: string
	name: string
	choices: ReadonlyArray<{ value: string; label: ReactNode }>
	checked: readonly string[]
}) {
	const { id, hintId, errorId, controlProps } = useDescribed({ hint, errors })
	return (
		<fieldset className="staff-field staff-choice-group" aria-describedby={controlProps['aria-describedby']}>
			<legend>{legend}</legend>
			<Hint id={hintId} hint={hint} />
			{choices.length === 0 ? <p className="muted">Nothing to choose from yet.</p> : null}
			{choices.map((choice) => (
				<div className="staff-choice" key={choice.value}>
					<input
						type="checkbox"
						id={`${id}-${choice.value}`}
						name={name}
						value={choice.value}
						defaultChecked={checked.includes(choice.value)}
					/>
					<label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
				</div>
			))}
			<FieldErrorText id={errorId} errors={errors} />
		</fieldset>
	)
}

/** A form's text fields as sent, to put back into the form when it is refused (a repeated field: its values). */
export function keptValues(formData: FormData, names: readonly string[]) {
	const values: Record<string, string> = {}
	for (const name of names) {
		const value = formData.get(name)
		values[name] = typeof value === 'string' ? value : ''
	}
	return values
}

export function keptList(formData: FormData, name: string): string[] {
	return formData.getAll(name).filter((value) => typeof value === 'string')
}
