import type { SubmissionResult } from '@conform-to/react'
import {
	DateField,
	FieldGroup,
	HiddenField,
	NumberField,
	SelectField,
	StaffForm,
	TextAreaField,
	TextField,
	UrlField,
	useStaffForm,
	type OptionGroup,
} from './forms'
import { nothingSaved } from './record-page'
import { TranslatedTextFields } from './translation-fields'
import {
	pledgeCreateSchema,
	pledgeEditSchema,
	pledgeTranslationRules,
	type PledgeFormValues,
	type PledgeKind,
} from '~/forms/pledge'

/** A platform with its categories: where a pledge may go. */
export type Placement = {
	id: string
	title: string
	categories: Array<{ id: string; title: string; parent: { title: string } | null }>
}

const kindOptions = [
	{ value: 'QUANTITATIVE', label: 'Quantitative (a figure with a target)' },
	{ value: 'MILESTONE', label: 'Milestone (steps done or not)' },
	{ value: 'QUALITATIVE', label: 'Qualitative' },
]

const directionOptions = [
	{ value: 'INCREASE', label: 'Increase: higher is better' },
	{ value: 'DECREASE', label: 'Decrease: lower is better' },
]

function categoryOptions(placements: readonly Placement[]): OptionGroup[] {
	return placements.map((platform) => ({
		label: platform.title,
		options: platform.categories.map((category) => ({
			value: category.id,
			label: category.parent ? `${category.parent.title} › ${category.title}` : category.title,
		})),
	}))
}

/**
 * The pledge form (create and edit). The kind decides whether it asks for an indicator or for steps; on an
 * edit the kind, platform and slug are shown by the page, not asked (they are fixed once the pledge exists).
 * Milestone steps are a list the buttons grow and shrink, with JavaScript in place and without it through
 * the server.
 */
export function PledgeForm({
	kind,
	placements,
	defaultValue,
	lastResult,
	submitLabel,
}: {
	/** The pledge's kind on an edit; undefined on creation, where the form asks for it. */
	kind?: PledgeKind
	/** Where the pledge may go: on an edit, only its own platform (a pledge never moves platform). */
	placements: readonly Placement[]
	defaultValue?: PledgeFormValues
	lastResult: SubmissionResult<string[]> | null
	submitLabel: string
}) {
	const isNew = kind === undefined
	const [form, fields] = useStaffForm(
		isNew ? pledgeCreateSchema(new Date()) : pledgeEditSchema(kind, new Date()),
		{
			defaultValue,
			lastResult,
		},
	)
	const steps = fields.steps.getFieldList()
	return (
		<StaffForm form={form} className="staff-form catalogue-form" refused={nothingSaved}>
			{/* The first submit button is the one Enter presses: saving, never "Remove". */}
			<button type="submit" hidden tabIndex={-1} />
			{isNew ? (
				<>
					<SelectField
						label="Platform"
						field={fields.platformId}
						emptyLabel="Choose a platform"
						options={placements.map((platform) => ({ value: platform.id, label: platform.title }))}
					/>
					<TextField
						label="Slug"
						field={fields.slug}
						hint="The pledge’s part of its public address: lowercase letters, digits and hyphens. It cannot be changed later."
					/>
					<SelectField
						label="Kind"
						field={fields.kind}
						hint="It cannot be changed later."
						emptyLabel="Choose a kind"
						options={kindOptions}
					/>
				</>
			) : (
				<HiddenField field={fields.version} />
			)}
			<SelectField
				label="Category"
				field={fields.categoryId}
				emptyLabel="Choose a category"
				options={categoryOptions(placements)}
			/>

			<TranslatedTextFields fields={fields} rules={pledgeTranslationRules} />

			<FieldGroup legend="Source and deadline">
				<TextAreaField label="Quote" field={fields.quote} hint="The source’s own words, verbatim." rows={4} />
				<UrlField label="Source address" field={fields.sourceUrl} />
				<DateField label="Source date" field={fields.sourceDate} />
				<DateField label="Deadline" field={fields.deadline} />
			</FieldGroup>

			{isNew || kind === 'QUANTITATIVE' ? (
				<FieldGroup legend={isNew ? 'Indicator (quantitative pledges only)' : 'Indicator'}>
					<TextField label="What is measured" field={fields.indicatorName} />
					<TextField label="Unit" field={fields.indicatorUnit} />
					<NumberField
						label="Baseline value"
						field={fields.baselineValue}
						hint="Optional. Digits with a point for decimals, no commas: 50000 or 0.35."
					/>
					<DateField label="Baseline date" field={fields.baselineDate} hint="With a baseline value." />
					<NumberField label="Target value" field={fields.targetValue} />
					<DateField label="Target date" field={fields.targetDate} />
					<SelectField
						label="Direction"
						field={fields.direction}
						emptyLabel="Choose"
						options={directionOptions}
					/>
				</FieldGroup>
			) : null}

			{isNew || kind === 'MILESTONE' ? (
				<FieldGroup
					legend={isNew ? 'Milestone steps (milestone pledges only)' : 'Milestone steps'}
					hint="In order. A row left empty is left out."
					list={fields.steps}
				>
					<ol className="catalogue-steps">
						{steps.map((step, index) => {
							const row = step.getFieldset()
							return (
								<li key={step.key}>
									<TextField label={`Step ${index + 1}`} field={row.title} />
									<DateField
										label={`Step ${index + 1} done on`}
										field={row.doneOn}
										hint="Empty while not done."
									/>
									<button
										className="button button-secondary"
										{...form.remove.getButtonProps({ name: fields.steps.name, index })}
									>
										Remove<span className="visually-hidden"> step {index + 1}</span>
									</button>
								</li>
							)
						})}
					</ol>
					<button
						className="button button-secondary"
						{...form.insert.getButtonProps({ name: fields.steps.name })}
					>
						Add a step
					</button>
				</FieldGroup>
			) : null}

			<button type="submit" className="button">
				{submitLabel}
			</button>
		</StaffForm>
	)
}
