import {
	getCollectionProps,
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	useForm,
	type FieldMetadata,
	type FormMetadata,
	type DefaultValue,
	type SubmissionResult,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { createContext, useContext, useId, type ComponentProps, type ReactNode } from 'react'
import type { input, output, ZodType } from 'zod'
import { takeSavedField, type FieldValue, type SavedDifferences } from '~/forms/conflict'
import { translateFormError } from '~/i18n/form-errors'
import type { Formatters } from '~/i18n/format'
import type { Translate } from '~/i18n/translator'
import { useI18n } from '~/i18n/use-i18n'

/**
 * The one field kit of the staff forms (ADR 008). Each control takes its conform field, which carries the
 * name, the value to show (stored, or as sent when the form came back), the constraints from the zod
 * schema and the messages; the label, hint and messages are written here once and tied to the control by
 * `aria-describedby`, so a screen reader reads the message with the field.
 */

// Any field of any form: the kit reads only its metadata, never its schema type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>

/** Any field of any form, as the kit's controls take it (for a component that lays out several). */
export type FormField = Field

type Described = {
	field: Field
	label: ReactNode
	hint?: ReactNode
}

function describedBy({ field, hint }: Described) {
	return { ariaDescribedBy: hint ? field.descriptionId : undefined }
}

function Hint({ field, hint }: Described) {
	return hint ? (
		<p id={field.descriptionId} className="staff-field-hint">
			{hint}
		</p>
	) : null
}

/**
 * A form's messages in the page's language: the schemas and models word them in English, and the catalogue
 * (app/i18n/form-errors.ts) translates them here; one it does not know is shown as it is, marked English.
 */
export function FormErrorTexts({ messages }: { messages: readonly string[] }) {
	const { locale } = useI18n()
	return messages.map((message, index) => {
		const translated = translateFormError(message, locale)
		const separator = index > 0 ? ' ' : null
		return translated === null ? (
			<span key={index}>
				{separator}
				<span lang="en">{message}</span>
			</span>
		) : (
			<span key={index}>
				{separator}
				{translated}
			</span>
		)
	})
}

/** The messages of one field (or of the whole form), with the id its control points at. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
	if (!errors?.length) return null
	return (
		<p id={id} className="staff-field-error">
			<FormErrorTexts messages={errors} />
		</p>
	)
}

/**
 * After an edit conflict (someone else saved the record first): who saved, when, and what they saved at
 * each field where it differs from the editor's values, which the form keeps.
 */
export type SavedMeanwhile = {
	savedBy: string | null
	/** ISO time. */
	savedAt: string | null
	differences: SavedDifferences
}

const SavedMeanwhileContext = createContext<SavedMeanwhile | null>(null)

/** Gives every field of the forms inside what was saved meanwhile (see `SavedValue`). */
export function SavedMeanwhileProvider({
	value,
	children,
}: {
	value: SavedMeanwhile | null
	children: ReactNode
}) {
	return <SavedMeanwhileContext.Provider value={value}>{children}</SavedMeanwhileContext.Provider>
}

/** "Saved meanwhile by Aigerim Sadykova on 1 Dec 2026, 19:20 UTC", as much as is known, in the page's language. */
export function savedMeanwhileBy(
	{ savedBy, savedAt }: Pick<SavedMeanwhile, 'savedBy' | 'savedAt'>,
	{ t, format }: { t: Translate; format: Formatters },
) {
	const at = savedAt ? staffDateTime(format, savedAt) : null
	if (savedBy && at) return t('staff.form.savedMeanwhileByAt', { name: savedBy, at })
	if (savedBy) return t('staff.form.savedMeanwhileBy', { name: savedBy })
	if (at) return t('staff.form.savedMeanwhileAt', { at })
	return t('staff.form.savedMeanwhile')
}

/**
 * A moment as the staff pages show it, in UTC (which their labels say): "1 December 2026, 19:20", the date
 * as the language writes it (Kazakh's by hand: the runtime has no Kazakh dates).
 */
export function staffDateTime(format: Formatters, value: Date | string): string {
	const moment = typeof value === 'string' ? new Date(value) : value
	return `${format.date(moment)}, ${moment.toISOString().slice(11, 16)}`
}

/**
 * At a field whose saved value differs from the editor's (kept in the control above it): the saved value,
 * and a box to tick to take it instead (the server puts it in place before reading the form, so it works
 * without JavaScript). `show` turns a stored value into what the editor knows it as (an option's label).
 */
function SavedValue({ field, show }: { field: Field; show?: (value: string) => ReactNode }) {
	const conflict = useContext(SavedMeanwhileContext)
	const i18n = useI18n()
	const { t } = i18n
	const saved: FieldValue | undefined = conflict?.differences[field.name]
	if (!conflict || saved === undefined) return null
	const values = (Array.isArray(saved) ? saved : [saved]).filter((value) => value !== '')
	return (
		<div className="staff-saved-meanwhile">
			<p className="staff-saved-meanwhile-title">
				{t('staff.form.savedKeptAbove', { saved: savedMeanwhileBy(conflict, i18n) })}
			</p>
			{values.length === 0 ? (
				<p className="staff-saved-meanwhile-value">
					<em>{t('staff.form.empty')}</em>
				</p>
			) : (
				values.map((value, index) => (
					<p key={index} className="staff-saved-meanwhile-value">
						{show ? show(value) : value}
					</p>
				))
			)}
			<div className="staff-choice">
				<input type="checkbox" name={takeSavedField} value={field.name} id={`${field.id}-take-saved`} />
				<label htmlFor={`${field.id}-take-saved`}>{t('staff.form.takeSaved')}</label>
			</div>
		</div>
	)
}

function FieldShell({
	children,
	show,
	...described
}: Described & { children: ReactNode; show?: (value: string) => ReactNode }) {
	return (
		<div className="staff-field">
			<label htmlFor={described.field.id}>{described.label}</label>
			<Hint {...described} />
			{children}
			<SavedValue field={described.field} show={show} />
			<FieldErrors id={described.field.errorId} errors={described.field.errors} />
		</div>
	)
}

type InputAttributes = Pick<ComponentProps<'input'>, 'autoComplete' | 'inputMode' | 'placeholder'>

/** A one-line text field; `type` picks the keyboard and the browser's own check (email, url, password). */
export function TextField({
	type = 'text',
	autoComplete,
	inputMode,
	...described
}: Described & InputAttributes & { type?: 'text' | 'email' | 'password' | 'url' }) {
	return (
		<FieldShell {...described}>
			<input
				{...getInputProps(described.field, { type, ...describedBy(described) })}
				key={described.field.key}
				autoComplete={autoComplete}
				inputMode={inputMode}
			/>
		</FieldShell>
	)
}

/** An http(s) address. */
export function UrlField(props: Described) {
	return <TextField {...props} type="url" inputMode="url" />
}

/**
 * A calendar date: the browser's date picker, which sends YYYY-MM-DD; the hint says so for a browser
 * without one (it then shows a plain text box), after the field's own hint.
 */
export function DateField({ hint, ...props }: Described) {
	const { t } = useI18n()
	const dateFormatHint = t('staff.form.dateFormat')
	const described = {
		...props,
		hint: hint ? (
			<>
				{hint} {dateFormatHint}
			</>
		) : (
			dateFormatHint
		),
	}
	return (
		<FieldShell {...described}>
			<input
				{...getInputProps(props.field, { type: 'date', ...describedBy(described) })}
				key={props.field.key}
			/>
		</FieldShell>
	)
}

/**
 * A month: the browser's month picker, which sends YYYY-MM; a browser without one shows a text box, and the
 * hint says how to write it.
 */
export function MonthField({ hint, ...props }: Described) {
	const { t } = useI18n()
	const format = t('staff.form.monthFormat')
	const described = {
		...props,
		hint: hint ? (
			<>
				{hint} {format}
			</>
		) : (
			format
		),
	}
	return (
		<FieldShell {...described}>
			<input
				{...getInputProps(props.field, { type: 'month', ...describedBy(described) })}
				key={props.field.key}
			/>
		</FieldShell>
	)
}

/** A figure in a unit, typed as text so that "150 000" and "12.5" arrive as written. */
export function NumberField({ unit, ...described }: Described & { unit?: string }) {
	return (
		<FieldShell {...described}>
			<span className="staff-number">
				<input
					{...getInputProps(described.field, { type: 'text', ...describedBy(described) })}
					key={described.field.key}
					inputMode="decimal"
				/>
				{unit ? <span className="staff-number-unit">{unit}</span> : null}
			</span>
		</FieldShell>
	)
}

export function TextAreaField({ rows = 5, ...described }: Described & { rows?: number }) {
	return (
		<FieldShell {...described}>
			<textarea
				{...getTextareaProps(described.field, describedBy(described))}
				key={described.field.key}
				rows={rows}
			/>
		</FieldShell>
	)
}

export type Option = { value: string; label: string }
export type OptionGroup = { label: string; options: readonly Option[] }

/** One choice from a list; `emptyLabel` offers "nothing chosen" first; groups become `<optgroup>`s. */
export function SelectField({
	options,
	emptyLabel,
	...described
}: Described & { options: ReadonlyArray<Option | OptionGroup>; emptyLabel?: string }) {
	const labels = new Map(
		options
			.flatMap((option) => ('options' in option ? option.options : [option]))
			.map((o) => [o.value, o.label]),
	)
	return (
		<FieldShell {...described} show={(value) => labels.get(value) ?? value}>
			<select {...getSelectProps(described.field, describedBy(described))} key={described.field.key}>
				{emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
				{options.map((option) =>
					'options' in option ? (
						<optgroup key={option.label} label={option.label}>
							{option.options.map((item) => (
								<option key={item.value} value={item.value}>
									{item.label}
								</option>
							))}
						</optgroup>
					) : (
						<option key={option.value} value={option.value}>
							{option.label}
						</option>
					),
				)}
			</select>
		</FieldShell>
	)
}

type Choice = { value: string; label: ReactNode; hint?: ReactNode }

/**
 * Radio buttons (one choice) or checkboxes (several) in a fieldset, the message under the group. A group
 * of checkboxes sends its field once per ticked box, which the schema reads as a list.
 */
function ChoiceGroup({
	type,
	choices,
	empty,
	...described
}: Described & { type: 'radio' | 'checkbox'; choices: readonly Choice[]; empty?: ReactNode }) {
	const { field, label } = described
	const inputs = getCollectionProps(field, {
		type,
		options: choices.map((choice) => choice.value),
		...describedBy(described),
	})
	return (
		<fieldset
			className="staff-field staff-choice-group"
			aria-describedby={
				[described.hint ? field.descriptionId : null, field.errors?.length ? field.errorId : null]
					.filter(Boolean)
					.join(' ') || undefined
			}
		>
			<legend>{label}</legend>
			<Hint {...described} />
			{choices.length === 0 && empty ? <p className="muted">{empty}</p> : null}
			{inputs.map(({ key, ...input }, index) => {
				const choice = choices[index]
				return (
					<div className="staff-choice" key={key ?? input.value}>
						<input {...input} aria-describedby={undefined} aria-invalid={undefined} />
						<label htmlFor={input.id}>
							{choice?.label}
							{choice?.hint ? <span className="staff-choice-hint">{choice.hint}</span> : null}
						</label>
					</div>
				)
			})}
			<SavedValue
				field={field}
				show={(value) => choices.find((choice) => choice.value === value)?.label ?? value}
			/>
			<FieldErrors id={field.errorId} errors={field.errors} />
		</fieldset>
	)
}

export function RadioGroup(props: Described & { choices: readonly Choice[] }) {
	return <ChoiceGroup {...props} type="radio" />
}

export function CheckboxGroup(props: Described & { choices: readonly Choice[]; empty?: ReactNode }) {
	return <ChoiceGroup {...props} type="checkbox" />
}

/**
 * A hidden field the form sends back as it came (a version, an id), with its message if it came back
 * refused (a tampered or missing version: "Reload the page and try again.").
 */
export function HiddenField({ field }: { field: Field }) {
	return (
		<>
			<input {...getInputProps(field, { type: 'hidden' })} key={field.key} />
			<FieldErrors id={field.errorId} errors={field.errors} />
		</>
	)
}

/**
 * On a form that sets a password: which account it is for, read by password managers (shown to nobody,
 * and not a field of the form's schema).
 */
export function UsernameForPasswordManagers({ username }: { username: string }) {
	return <input type="email" name="username" value={username} autoComplete="username" readOnly hidden />
}

/**
 * Fields that belong together, under a legend, with a hint for the group; a field list (milestone steps)
 * passes its own field, whose messages (too many rows, none at all) go under the legend.
 */
export function FieldGroup({
	legend,
	hint,
	list,
	lang,
	children,
}: {
	legend: ReactNode
	hint?: ReactNode
	list?: Field
	lang?: string
	children: ReactNode
}) {
	const ownHintId = useId()
	const hintId = hint ? (list?.descriptionId ?? ownHintId) : null
	const describedBy = [hintId, list?.errors?.length ? list.errorId : null].filter(Boolean).join(' ')
	return (
		<fieldset className="staff-group" lang={lang} aria-describedby={describedBy || undefined}>
			<legend lang={lang ? 'en' : undefined}>{legend}</legend>
			{hint ? (
				<p id={hintId ?? undefined} className="staff-field-hint">
					{hint}
				</p>
			) : null}
			{list ? <FieldErrors id={list.errorId} errors={list.errors} /> : null}
			{list ? <SavedValue field={list} /> : null}
			{children}
		</fieldset>
	)
}

/** The fields of one language of a record, marked with that language for screen readers and spelling. */
export function LanguageFieldset({
	legend,
	lang,
	children,
}: {
	legend: string
	lang: string
	children: ReactNode
}) {
	return (
		<FieldGroup legend={legend} lang={lang}>
			{children}
		</FieldGroup>
	)
}

/**
 * A form posted to its route (or, with `method="get"`, a search form whose values are the page's query):
 * without JavaScript the server checks it; with it, conform checks the same schema first. Its messages
 * about no single field come first: `refused`, when given, says that a submission was refused (by the
 * browser's check or the server's) before the messages at the fields.
 */
export function StaffForm({
	form,
	children,
	className,
	refused,
	...rest
}: {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	form: FormMetadata<any, string[]>
	children: ReactNode
	className?: string
	refused?: ReactNode
} & Pick<ComponentProps<typeof Form>, 'action' | 'encType' | 'method'>) {
	return (
		<Form method="post" {...getFormProps(form)} className={className ?? 'staff-form'} {...rest}>
			{refused && form.status === 'error' ? <FormMessage tone="error">{refused}</FormMessage> : null}
			{form.errors?.length ? (
				<div id={form.errorId} className="staff-message staff-message-error" role="alert">
					<p>
						<FormErrorTexts messages={form.errors} />
					</p>
				</div>
			) : null}
			{children}
		</Form>
	)
}

/**
 * A message about the whole page, announced when it appears. A server's message (a string the catalogue
 * knows: "Your password is changed.") is shown in the page's language; any other content as it is.
 */
export function FormMessage({ tone, children }: { tone: 'error' | 'success'; children: ReactNode }) {
	const { locale } = useI18n()
	const content = typeof children === 'string' ? (translateFormError(children, locale) ?? children) : children
	return (
		<div className={`staff-message staff-message-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
			{content}
		</div>
	)
}

/** What a form's route answers when it refuses it: conform's reply (values as sent, messages at fields). */
export type Refused = { result: SubmissionResult<string[]> }

/**
 * conform's `useForm` as every staff form uses it: the browser checks the schema the server parses with
 * (`getZodConstraint` for the attributes, `parseWithZod` on blur and before posting); `lastResult` is the
 * server's reply, which keeps what was sent and places its messages.
 */
export function useStaffForm<Schema extends ZodType<unknown, Record<string, unknown>>>(
	schema: Schema,
	options: {
		lastResult?: SubmissionResult<string[]> | null
		defaultValue?: DefaultValue<input<Schema>>
		id?: string
	} = {},
) {
	return useForm<input<Schema>, output<Schema>>({
		id: options.id,
		lastResult: options.lastResult ?? undefined,
		defaultValue: options.defaultValue,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
	})
}
