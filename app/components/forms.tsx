import { useId, type ReactNode } from 'react'

/** Messages per field name, as `z.flattenError(...).fieldErrors` gives them. */
export type FieldErrors = Partial<Record<string, string[] | undefined>>

type FieldProps = {
	label: string
	name: string
	type?: 'text' | 'email' | 'password'
	defaultValue?: string
	errors?: string[]
	hint?: ReactNode
	autoComplete?: string
	required?: boolean
	minLength?: number
	maxLength?: number
}

/** A labelled input with its hint and its errors, tied together for screen readers. */
export function Field({ label, name, type = 'text', defaultValue, errors, hint, ...input }: FieldProps) {
	const id = useId()
	const hintId = `${id}-hint`
	const errorId = `${id}-error`
	const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ')
	return (
		<div className="staff-field">
			<label htmlFor={id}>{label}</label>
			{hint ? (
				<p id={hintId} className="staff-field-hint">
					{hint}
				</p>
			) : null}
			<input
				id={id}
				name={name}
				type={type}
				defaultValue={defaultValue}
				aria-invalid={errors?.length ? true : undefined}
				aria-describedby={describedBy || undefined}
				{...input}
			/>
			<FieldError id={errorId} errors={errors} />
		</div>
	)
}

type Choice = { value: string; label: string; hint?: string }

/** Radio buttons in a fieldset: one choice, with an error message under the group. */
export function ChoiceGroup({
	legend,
	name,
	choices,
	defaultValue,
	errors,
}: {
	legend: string
	name: string
	choices: Choice[]
	defaultValue?: string
	errors?: string[]
}) {
	const id = useId()
	const errorId = `${id}-error`
	return (
		<fieldset
			className="staff-field staff-choice-group"
			aria-describedby={errors?.length ? errorId : undefined}
		>
			<legend>{legend}</legend>
			{choices.map((choice) => (
				<div className="staff-choice" key={choice.value}>
					<input
						type="radio"
						id={`${id}-${choice.value}`}
						name={name}
						value={choice.value}
						defaultChecked={choice.value === defaultValue}
					/>
					<label htmlFor={`${id}-${choice.value}`}>
						{choice.label}
						{choice.hint ? <span className="staff-choice-hint">{choice.hint}</span> : null}
					</label>
				</div>
			))}
			<FieldError id={errorId} errors={errors} />
		</fieldset>
	)
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
	if (!errors?.length) return null
	return (
		<p id={id} className="staff-field-error">
			{errors.join(' ')}
		</p>
	)
}

/** A message about the whole form, announced when it appears. */
export function FormMessage({ tone, children }: { tone: 'error' | 'success'; children: ReactNode }) {
	return (
		<div className={`staff-message staff-message-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
			{children}
		</div>
	)
}
