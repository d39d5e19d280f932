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
import { TranslatedPairFields, TranslatedTextFields } from './translation-fields'
import {
	indicatorDirections,
	pledgeCreateSchema,
	pledgeEditSchema,
	pledgeKinds,
	pledgeTranslationRules,
	type PledgeFormValues,
	type PledgeKind,
} from '~/forms/pledge'
import { indicatorTranslationFieldNames, translationLanguages } from '~/forms/translations'
import { useI18n } from '~/i18n/use-i18n'

/** A platform with its categories: where a pledge may go. */
export type Placement = {
	id: string
	title: string
	categories: Array<{ id: string; title: string; parent: { title: string } | null }>
}

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
 * the server. Every text a citizen reads is asked in English, Russian and Kazakh side by side.
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
	const { t } = useI18n()
	const kindOptions = pledgeKinds.map((value) => ({ value, label: t(`staff.pledgeForm.kind.${value}`) }))
	const directionOptions = indicatorDirections.map((value) => ({
		value,
		label: t(`staff.pledgeForm.direction.${value}`),
	}))
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
						label={t('staff.pledgeForm.platform')}
						field={fields.platformId}
						emptyLabel={t('staff.pledgeForm.choosePlatform')}
						options={placements.map((platform) => ({ value: platform.id, label: platform.title }))}
					/>
					<TextField
						label={t('staff.record.slug')}
						field={fields.slug}
						hint={t('staff.pledgeForm.slugHint')}
					/>
					<SelectField
						label={t('staff.pledgeForm.kind')}
						field={fields.kind}
						hint={t('staff.pledgeForm.kindFixed')}
						emptyLabel={t('staff.pledgeForm.chooseKind')}
						options={kindOptions}
					/>
				</>
			) : (
				<HiddenField field={fields.version} />
			)}
			<SelectField
				label={t('staff.pledgeForm.category')}
				field={fields.categoryId}
				emptyLabel={t('staff.pledgeForm.chooseCategory')}
				options={categoryOptions(placements)}
			/>

			<TranslatedTextFields fields={fields} rules={pledgeTranslationRules} />

			<FieldGroup legend={t('staff.pledgeForm.source')}>
				<TextAreaField
					label={t('staff.pledgeForm.quote')}
					field={fields.quote}
					hint={t('staff.pledgeForm.quoteHint')}
					rows={4}
				/>
				<UrlField label={t('staff.pledgeForm.sourceUrl')} field={fields.sourceUrl} />
				<DateField label={t('staff.pledgeForm.sourceDate')} field={fields.sourceDate} />
				<DateField label={t('staff.pledgeForm.deadline')} field={fields.deadline} />
			</FieldGroup>

			{isNew || kind === 'QUANTITATIVE' ? (
				<FieldGroup legend={isNew ? t('staff.pledgeForm.indicatorNew') : t('staff.pledgeForm.indicator')}>
					<TranslatedPairFields
						pairs={indicatorTranslationFieldNames}
						fields={fields}
						english={{
							first: { label: t('staff.pledgeForm.indicatorName'), field: fields.indicatorName },
							second: { label: t('staff.pledgeForm.indicatorUnit'), field: fields.indicatorUnit },
						}}
						labels={(lang) => ({
							first: t(`staff.translation.${lang}.indicatorName`),
							second: t(`staff.translation.${lang}.indicatorUnit`),
						})}
					/>
					<NumberField
						label={t('staff.pledgeForm.baselineValue')}
						field={fields.baselineValue}
						hint={t('staff.pledgeForm.baselineValueHint')}
					/>
					<DateField
						label={t('staff.pledgeForm.baselineDate')}
						field={fields.baselineDate}
						hint={t('staff.pledgeForm.baselineDateHint')}
					/>
					<NumberField label={t('staff.pledgeForm.targetValue')} field={fields.targetValue} />
					<DateField label={t('staff.pledgeForm.targetDate')} field={fields.targetDate} />
					<SelectField
						label={t('staff.pledgeForm.direction')}
						field={fields.direction}
						emptyLabel={t('staff.pledgeForm.choose')}
						options={directionOptions}
					/>
				</FieldGroup>
			) : null}

			{isNew || kind === 'MILESTONE' ? (
				<FieldGroup
					legend={isNew ? t('staff.pledgeForm.stepsNew') : t('staff.pledgeForm.steps')}
					hint={t('staff.pledgeForm.stepsHint')}
					list={fields.steps}
				>
					<ol className="catalogue-steps">
						{steps.map((step, index) => {
							const row = step.getFieldset()
							const number = index + 1
							return (
								<li key={step.key}>
									<TextField label={t('staff.pledgeForm.step', { number })} field={row.title} />
									<DateField
										label={t('staff.pledgeForm.stepDoneOn', { number })}
										field={row.doneOn}
										hint={t('staff.pledgeForm.stepDoneOnHint')}
									/>
									<button
										className="button button-secondary"
										{...form.remove.getButtonProps({ name: fields.steps.name, index })}
									>
										{t('staff.pledgeForm.removeStep')}
										<span className="visually-hidden">
											{' '}
											{t('staff.pledgeForm.removeStepWhich', { number })}
										</span>
									</button>
									<div className="catalogue-step-translations">
										{translationLanguages.map(({ lang, title }) => (
											<div key={lang} lang={lang}>
												<TextField
													label={t(`staff.translation.${lang}.step`, { number })}
													field={row[title]}
													hint={t('staff.translation.leaveEmpty')}
												/>
											</div>
										))}
									</div>
								</li>
							)
						})}
					</ol>
					<button
						className="button button-secondary"
						{...form.insert.getButtonProps({ name: fields.steps.name })}
					>
						{t('staff.pledgeForm.addStep')}
					</button>
				</FieldGroup>
			) : null}

			<button type="submit" className="button">
				{submitLabel}
			</button>
		</StaffForm>
	)
}
