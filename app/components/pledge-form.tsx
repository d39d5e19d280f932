import { Form } from '@remix-run/react'
import { useId, type ReactNode } from 'react'
import { Field, type FieldErrors } from './forms'

/** What the pledge form shows in its fields: the stored pledge, or what was sent when it came back. */
export type PledgeFormValues = {
	version?: string
	platformId?: string
	slug?: string
	kind?: string
	categoryId: string
	title: string
	summary: string
	quote: string
	sourceUrl: string
	sourceDate: string
	deadline: string
	ruTitle: string
	ruSummary: string
	kkTitle: string
	kkSummary: string
	indicatorName: string
	indicatorUnit: string
	baselineValue: string
	baselineDate: string
	targetValue: string
	targetDate: string
	direction: string
	steps: Array<{ title: string; doneOn: string }>
}

export type Placement = {
	id: string
	title: string
	categories: Array<{ id: string; title: string; parent: { title: string } | null }>
}

/** Blank rows after the stored steps, so that steps can be added without JavaScript. */
const blankStepRows = 3

export function Described({
	label,
	errors,
	hint,
	children,
}: {
	label: string
	errors?: string[]
	hint?: ReactNode
	children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode
}) {
	const id = useId()
	const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null]
		.filter(Boolean)
		.join(' ')
	return (
		<div className="staff-field">
			<label htmlFor={id}>{label}</label>
			{hint ? (
				<p id={`${id}-hint`} className="staff-field-hint">
					{hint}
				</p>
			) : null}
			{children({
				id,
				'aria-invalid': errors?.length ? true : undefined,
				'aria-describedby': describedBy || undefined,
			})}
			{errors?.length ? (
				<p id={`${id}-error`} className="staff-field-error">
					{errors.join(' ')}
				</p>
			) : null}
		</div>
	)
}

export function TextArea(props: {
	label: string
	name: string
	defaultValue: string
	errors?: string[]
	hint?: ReactNode
}) {
	return (
		<Described label={props.label} errors={props.errors} hint={props.hint}>
			{(aria) => <textarea {...aria} name={props.name} defaultValue={props.defaultValue} rows={4} />}
		</Described>
	)
}

export function DateInput(props: {
	label: string
	name: string
	defaultValue: string
	errors?: string[]
	hint?: ReactNode
}) {
	return (
		<Described label={props.label} errors={props.errors} hint={props.hint ?? 'YYYY-MM-DD'}>
			{(aria) => (
				<input
					{...aria}
					type="text"
					inputMode="numeric"
					name={props.name}
					defaultValue={props.defaultValue}
				/>
			)}
		</Described>
	)
}

/**
 * The pledge form (create and edit). The kind decides whether it asks for an indicator or for steps; on an
 * edit the kind, platform and slug are shown, not asked (they are fixed once the pledge exists).
 */
export function PledgeForm({
	values,
	errors,
	placements,
	kind,
	submitLabel,
}: {
	values: PledgeFormValues
	errors: FieldErrors
	/** Where the pledge may go: on an edit, only its own platform (a pledge never moves platform). */
	placements: Placement[]
	/** The pledge's kind on an edit; undefined on creation, where the form asks for it. */
	kind?: string
	submitLabel: string
}) {
	const isNew = kind === undefined
	const steps = [...values.steps, ...Array.from({ length: blankStepRows }, () => ({ title: '', doneOn: '' }))]
	return (
		<Form method="post" className="staff-form catalogue-form">
			{values.version ? <input type="hidden" name="version" value={values.version} /> : null}
			{isNew ? (
				<>
					<Described label="Platform" errors={errors.platformId}>
						{(aria) => (
							<select {...aria} name="platformId" defaultValue={values.platformId ?? ''}>
								<option value="">Choose a platform</option>
								{placements.map((platform) => (
									<option key={platform.id} value={platform.id}>
										{platform.title}
									</option>
								))}
							</select>
						)}
					</Described>
					<Field
						label="Slug"
						name="slug"
						defaultValue={values.slug ?? ''}
						hint="The pledge’s part of its public address: lowercase letters, digits and hyphens. It cannot be changed later."
						errors={errors.slug}
					/>
					<Described label="Kind" errors={errors.kind} hint="It cannot be changed later.">
						{(aria) => (
							<select {...aria} name="kind" defaultValue={values.kind ?? ''}>
								<option value="">Choose a kind</option>
								<option value="QUANTITATIVE">Quantitative (a figure with a target)</option>
								<option value="MILESTONE">Milestone (steps done or not)</option>
								<option value="QUALITATIVE">Qualitative</option>
							</select>
						)}
					</Described>
				</>
			) : null}
			<Described label="Category" errors={errors.categoryId}>
				{(aria) => (
					<select {...aria} name="categoryId" defaultValue={values.categoryId}>
						<option value="">Choose a category</option>
						{placements.map((platform) => (
							<optgroup key={platform.id} label={platform.title}>
								{platform.categories.map((category) => (
									<option key={category.id} value={category.id}>
										{category.parent ? `${category.parent.title} › ${category.title}` : category.title}
									</option>
								))}
							</optgroup>
						))}
					</select>
				)}
			</Described>

			<fieldset className="catalogue-group">
				<legend>English (the record itself)</legend>
				<Field label="Title" name="title" defaultValue={values.title} errors={errors.title} />
				<TextArea label="Summary" name="summary" defaultValue={values.summary} errors={errors.summary} />
			</fieldset>
			<fieldset className="catalogue-group">
				<legend>Russian</legend>
				<Field
					label="Russian title"
					name="ruTitle"
					defaultValue={values.ruTitle}
					errors={errors.ruTitle}
					hint="Leave both empty to show the English text, marked as such."
				/>
				<TextArea
					label="Russian summary"
					name="ruSummary"
					defaultValue={values.ruSummary}
					errors={errors.ruSummary}
				/>
			</fieldset>
			<fieldset className="catalogue-group">
				<legend>Kazakh</legend>
				<Field
					label="Kazakh title"
					name="kkTitle"
					defaultValue={values.kkTitle}
					errors={errors.kkTitle}
					hint="Leave both empty to show the English text, marked as such."
				/>
				<TextArea
					label="Kazakh summary"
					name="kkSummary"
					defaultValue={values.kkSummary}
					errors={errors.kkSummary}
				/>
			</fieldset>

			<fieldset className="catalogue-group">
				<legend>Source and deadline</legend>
				<TextArea
					label="Quote"
					name="quote"
					defaultValue={values.quote}
					errors={errors.quote}
					hint="The source’s own words, verbatim."
				/>
				<Field
					label="Source address"
					name="sourceUrl"
					defaultValue={values.sourceUrl}
					errors={errors.sourceUrl}
				/>
				<DateInput
					label="Source date"
					name="sourceDate"
					defaultValue={values.sourceDate}
					errors={errors.sourceDate}
				/>
				<DateInput label="Deadline" name="deadline" defaultValue={values.deadline} errors={errors.deadline} />
			</fieldset>

			{isNew || kind === 'QUANTITATIVE' ? (
				<fieldset className="catalogue-group">
					<legend>Indicator {isNew ? '(quantitative pledges only)' : null}</legend>
					<Field
						label="What is measured"
						name="indicatorName"
						defaultValue={values.indicatorName}
						errors={errors.indicatorName}
					/>
					<Field
						label="Unit"
						name="indicatorUnit"
						defaultValue={values.indicatorUnit}
						errors={errors.indicatorUnit}
					/>
					<Field
						label="Baseline value"
						name="baselineValue"
						defaultValue={values.baselineValue}
						errors={errors.baselineValue}
						hint="Optional. Digits with a point for decimals, no commas: 50000 or 0.35."
					/>
					<DateInput
						label="Baseline date"
						name="baselineDate"
						defaultValue={values.baselineDate}
						errors={errors.baselineDate}
						hint="YYYY-MM-DD, with a baseline value."
					/>
					<Field
						label="Target value"
						name="targetValue"
						defaultValue={values.targetValue}
						errors={errors.targetValue}
					/>
					<DateInput
						label="Target date"
						name="targetDate"
						defaultValue={values.targetDate}
						errors={errors.targetDate}
					/>
					<Described label="Direction" errors={errors.direction}>
						{(aria) => (
							<select {...aria} name="direction" defaultValue={values.direction}>
								<option value="">Choose</option>
								<option value="INCREASE">Increase: higher is better</option>
								<option value="DECREASE">Decrease: lower is better</option>
							</select>
						)}
					</Described>
				</fieldset>
			) : null}

			{isNew || kind === 'MILESTONE' ? (
				<fieldset className="catalogue-group">
					<legend>Milestone steps {isNew ? '(milestone pledges only)' : null}</legend>
					<p className="staff-field-hint">
						In order. Empty rows are left out; to remove a step, clear its title. Save to get more empty rows.
					</p>
					{errors.stepTitle ? <p className="staff-field-error">{errors.stepTitle.join(' ')}</p> : null}
					{errors.stepDoneOn ? <p className="staff-field-error">{errors.stepDoneOn.join(' ')}</p> : null}
					<ol className="catalogue-steps">
						{steps.map((step, index) => (
							<li key={index}>
								<Field label={`Step ${index + 1}`} name="stepTitle" defaultValue={step.title} />
								<DateInput
									label={`Step ${index + 1} done on`}
									name="stepDoneOn"
									defaultValue={step.doneOn}
									hint="YYYY-MM-DD, or empty while not done"
								/>
							</li>
						))}
					</ol>
				</fieldset>
			) : null}

			<button type="submit" className="button">
				{submitLabel}
			</button>
		</Form>
	)
}
