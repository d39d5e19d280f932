import { z } from 'zod'
import type { IndicatorDirection, PledgeKind as StoredKind } from '~/.server/prisma/enums'
import {
	addFieldIssue,
	alwaysCheck,
	choice,
	isoDate,
	isoDateOf,
	latestToday,
	limits,
	optionalDecimal,
	optionalText,
	recordId,
	slug,
	text,
	version,
	webAddress,
} from './fields'
import {
	deadlineProblem,
	indicatorDateProblems,
	integrityMessages,
	type DateRuleProblem,
} from './integrity-rules'
import type { ProblemMessages } from './problems'
import {
	checkPairedTranslations,
	checkTranslations,
	indicatorTranslationFieldNames,
	pairedTranslationFormValues,
	stepTranslationFields,
	stepTranslationFormValues,
	stepTranslationRows,
	translationFields,
	translationFormValues,
	type TranslationRules,
} from './translations'

/**
 * The pledge forms (create and edit): the pledge, its Russian and Kazakh text, its indicator (quantitative
 * pledges) or its milestone steps (a field list: `steps[0].title`, `steps[0].doneOn`). The slug, platform
 * and kind are set when a pledge is created and never change: the slug and platform are in its public
 * address, and the kind decides what its status is measured by.
 */

/** The kinds of pledge and an indicator's directions, as the database's `PledgeKind` and `IndicatorDirection`. */
export const pledgeKinds = [
	'QUANTITATIVE',
	'MILESTONE',
	'QUALITATIVE',
] as const satisfies readonly StoredKind[]
export type PledgeKind = (typeof pledgeKinds)[number]
export const indicatorDirections = ['INCREASE', 'DECREASE'] as const satisfies readonly IndicatorDirection[]

const optionalDate = () => isoDate({ missing: 'Enter a date as YYYY-MM-DD, or leave it empty.' }).optional()

/**
 * One milestone step, its title in English (the step itself) and in Russian and Kazakh. A row left wholly
 * empty is dropped (see `steps`); a completion date, or a translation, needs the English title.
 */
const step = z
	.object({ title: optionalText({ max: limits.title }), doneOn: optionalDate(), ...stepTranslationFields })
	.superRefine((row, context) => {
		if (row.doneOn !== undefined && row.title === undefined) {
			addFieldIssue(context, 'title', 'A step with a completion date needs a title.')
		} else if ((row.ruTitle !== undefined || row.kkTitle !== undefined) && row.title === undefined) {
			addFieldIssue(context, 'title', 'A step with a translation needs its English title.')
		}
	}, alwaysCheck)

const steps = z
	.array(step)
	.max(limits.steps, `A pledge has at most ${limits.steps} steps.`)
	.transform((rows) =>
		rows.flatMap((row) =>
			row.title === undefined
				? []
				: [{ title: row.title, doneOn: row.doneOn ?? null, translations: stepTranslationRows(row) }],
		),
	)

/** What both pledge forms share: everything an edit may change. */
const editableFields = {
	categoryId: recordId({ missing: 'Choose a category.' }),
	title: text({ missing: 'Enter the pledge’s title.', max: limits.title }),
	summary: text({ missing: 'Enter a short summary.', max: limits.summary }),
	quote: text({ missing: 'Copy the source’s own words, verbatim.', max: limits.quote }),
	sourceUrl: webAddress({ missing: 'Enter the address of the source.' }),
	sourceDate: isoDate({ missing: 'Enter the date of the source.' }),
	deadline: isoDate({ missing: 'Enter the deadline.' }),
	...translationFields,
	indicatorName: optionalText({ max: limits.title }),
	indicatorUnit: optionalText({ max: limits.unit }),
	// The indicator's name and unit in Russian and Kazakh: both, or neither (the English shows, marked).
	ruIndicatorName: optionalText({ max: limits.title }),
	ruIndicatorUnit: optionalText({ max: limits.unit }),
	kkIndicatorName: optionalText({ max: limits.title }),
	kkIndicatorUnit: optionalText({ max: limits.unit }),
	baselineValue: optionalDecimal(),
	baselineDate: optionalDate(),
	targetValue: optionalDecimal(),
	targetDate: optionalDate(),
	direction: choice(indicatorDirections, {
		missing: 'Choose whether the figure should rise or fall.',
	}).optional(),
	steps,
}

/** A translation is whole or absent: like the pledge itself, it has a title and a summary. */
export const pledgeTranslationRules = { summary: 'required' } as const satisfies TranslationRules

/**
 * The checks that tie fields together. They run even when a field failed (`alwaysCheck`), so each value
 * is looked at by its type: a failed field holds what was sent. The date rules are app/forms/integrity-rules
 * (the model checks them again).
 */
function checkPledge(pledge: Record<string, unknown>, kind: unknown, now: Date, context: z.RefinementCtx) {
	const given = (name: string) => pledge[name] !== undefined
	checkTranslations(pledge, context, pledgeTranslationRules)
	const { sourceDate, deadline } = pledge
	if (sourceDate instanceof Date && deadline instanceof Date && deadlineProblem({ deadline, sourceDate })) {
		addFieldIssue(context, 'deadline', integrityMessages.deadlineBeforeSource)
	}
	if (kind === 'QUANTITATIVE') {
		if (!given('indicatorName')) addFieldIssue(context, 'indicatorName', 'Say what is measured.')
		if (!given('indicatorUnit')) addFieldIssue(context, 'indicatorUnit', 'Enter the unit of the figure.')
		checkPairedTranslations(pledge, context, indicatorTranslationFieldNames, {
			secondMissing: (language) =>
				`Enter the ${language} unit too, or clear the ${language} name of what is measured.`,
			firstMissing: (language) =>
				`Enter the ${language} name of what is measured too, or clear the ${language} unit.`,
		})
		if (!given('targetValue')) addFieldIssue(context, 'targetValue', 'Enter the target figure.')
		if (!given('targetDate')) addFieldIssue(context, 'targetDate', 'Enter the date of the target.')
		if (!given('direction')) {
			addFieldIssue(context, 'direction', 'Choose whether the figure should rise or fall.')
		}
		if (given('baselineValue') && !given('baselineDate')) {
			addFieldIssue(context, 'baselineDate', 'Enter the date of the baseline figure.')
		}
		if (!given('baselineValue') && given('baselineDate')) {
			addFieldIssue(context, 'baselineValue', 'Enter the baseline figure, or clear its date.')
		}
		const { baselineDate, targetDate } = pledge
		if (targetDate instanceof Date) {
			const problems = indicatorDateProblems({
				baselineDate: baselineDate instanceof Date ? baselineDate : null,
				targetDate,
				today: latestToday(now),
			})
			if (problems.baselineDate) addFieldIssue(context, 'baselineDate', integrityMessages.baselineInFuture)
			if (problems.targetDate) addFieldIssue(context, 'targetDate', integrityMessages.targetBeforeBaseline)
		} else if (baselineDate instanceof Date && baselineDate > latestToday(now)) {
			addFieldIssue(context, 'baselineDate', integrityMessages.baselineInFuture)
		}
	}
	if (kind === 'MILESTONE') {
		const rows = Array.isArray(pledge.steps) ? pledge.steps : []
		const titled = rows.filter((row) => typeof row === 'object' && row !== null && row.title !== undefined)
		if (titled.length === 0) addFieldIssue(context, 'steps', 'Enter at least one step.')
	}
}

/**
 * Editing a pledge: its kind came with the stored record; slug, platform and kind are not in the form. A
 * baseline may not be dated in the future, so the schema takes the current time.
 */
export function pledgeEditSchema(kind: PledgeKind, now: Date) {
	return z
		.object({ version: version(), ...editableFields })
		.superRefine((pledge, context) => checkPledge(pledge, kind, now, context), alwaysCheck)
}

export function pledgeCreateSchema(now: Date) {
	return z
		.object({
			platformId: recordId({ missing: 'Choose a platform.' }),
			slug: slug(),
			kind: choice(pledgeKinds, { missing: 'Choose the kind of pledge.' }),
			...editableFields,
		})
		.superRefine((pledge, context) => checkPledge(pledge, pledge.kind, now, context), alwaysCheck)
}

export type PledgeEditInput = z.output<ReturnType<typeof pledgeEditSchema>>
export type PledgeCreateInput = z.output<ReturnType<typeof pledgeCreateSchema>>

/** Why the model refused a pledge, per field (the date rules' codes too: app/forms/integrity-rules). */
export type PledgeProblem =
	| 'taken'
	| 'unknown'
	| 'not-of-platform'
	| DateRuleProblem
	// What the pledge's history already holds: a status in effect, a figure measured.
	| 'after-ledger'
	| 'after-measurement'

export const pledgeProblems: ProblemMessages<PledgeProblem> = {
	slug: { taken: 'Another pledge of this platform has this slug.' },
	platformId: { unknown: 'Choose a platform from the list.' },
	categoryId: { 'not-of-platform': 'Choose a category of this platform.' },
	deadline: { 'before-source-date': integrityMessages.deadlineBeforeSource },
	baselineDate: {
		'in-future': integrityMessages.baselineInFuture,
		'after-measurement':
			'A figure of this indicator is dated before this baseline: the baseline cannot come after a measurement.',
	},
	sourceDate: {
		'after-ledger':
			'A status of this pledge is in effect from before this date: the pledge cannot have been made after it.',
	},
	targetDate: { 'before-baseline': integrityMessages.targetBeforeBaseline },
}

type Translation = { locale: string; title: string; summary: string }
type Figure = { toString(): string }

/** A stored pledge, as much of it as its edit form shows. */
export type StoredPledge = {
	categoryId: string
	title: string
	summary: string
	quote: string
	sourceUrl: string
	sourceDate: Date
	deadline: Date
	version: number
	translations: Translation[]
	indicator: {
		name: string
		unit: string
		baselineValue: Figure | null
		baselineDate: Date | null
		targetValue: Figure
		targetDate: Date
		direction: string
		translations: Array<{ locale: string; name: string; unit: string }>
	} | null
	milestoneSteps: Array<{
		title: string
		doneOn: Date | null
		translations: Array<{ locale: string; title: string }>
	}>
}

/** A stored pledge as its edit form shows it: every value as the text a field holds. */
export function pledgeFormValues(pledge: StoredPledge) {
	const indicator = pledge.indicator
	return {
		version: String(pledge.version),
		categoryId: pledge.categoryId,
		title: pledge.title,
		summary: pledge.summary,
		quote: pledge.quote,
		sourceUrl: pledge.sourceUrl,
		sourceDate: isoDateOf(pledge.sourceDate),
		deadline: isoDateOf(pledge.deadline),
		...translationFormValues(pledge.translations),
		indicatorName: indicator?.name ?? '',
		indicatorUnit: indicator?.unit ?? '',
		baselineValue: indicator?.baselineValue?.toString() ?? '',
		baselineDate: indicator?.baselineDate ? isoDateOf(indicator.baselineDate) : '',
		targetValue: indicator?.targetValue.toString() ?? '',
		targetDate: indicator ? isoDateOf(indicator.targetDate) : '',
		direction: indicator?.direction ?? '',
		...pairedTranslationFormValues(indicatorTranslationFieldNames, indicator?.translations ?? [], (row) => ({
			first: row.name,
			second: row.unit,
		})),
		steps: pledge.milestoneSteps.map((row) => ({
			title: row.title,
			doneOn: row.doneOn ? isoDateOf(row.doneOn) : '',
			...stepTranslationFormValues(row.translations),
		})),
	}
}

export type PledgeFormValues = ReturnType<typeof pledgeFormValues>
