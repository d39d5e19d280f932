import { z } from 'zod'
import { parseIsoDate } from '~/forms/fields'

/**
 * The catalogue's forms (pledges with their indicator, milestone steps and translations), one schema per
 * form, shared by the server (which always parses) and the browser. Every field arrives as a string, or
 * an array of strings for the repeated milestone-step fields; anything else gives a message, never an
 * exception.
 *
 * Slugs are set when a record is created and never change: they are in public URLs that people link to
 * and search engines remember, so the edit forms do not carry them.
 */

export const catalogueLimits = {
	slug: 80,
	title: 300,
	summary: 2000,
	quote: 5000,
	url: 2000,
	unit: 50,
	steps: 30,
} as const

export const pledgeKinds = ['QUANTITATIVE', 'MILESTONE', 'QUALITATIVE'] as const
export const indicatorDirections = ['INCREASE', 'DECREASE'] as const

const nulMessage = 'Remove the invisible NUL character from this text.'
const hasNoNul = (value: string) => !value.includes('\u0000')

function blankToUndefined(value: unknown): unknown {
	if (value === null || value === undefined) return undefined
	if (typeof value === 'string' && value.trim() === '') return undefined
	return typeof value === 'string' ? value.trim() : value
}

function requiredText(missing: string, max: number) {
	return z.preprocess(
		(value) => (typeof value === 'string' ? value.trim() : value),
		z
			.string({ error: missing })
			.min(1, { error: missing, abort: true })
			.max(max, `Use at most ${max.toLocaleString('en')} characters.`)
			.refine(hasNoNul, nulMessage),
	)
}

function optionalText(max: number) {
	return z.preprocess(
		blankToUndefined,
		z
			.string({ error: 'Enter text here, or leave it empty.' })
			.max(max, `Use at most ${max.toLocaleString('en')} characters.`)
			.refine(hasNoNul, nulMessage)
			.optional(),
	)
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const slugField = z.preprocess(
	(value) => (typeof value === 'string' ? value.trim() : value),
	z
		.string({ error: 'Enter a slug.' })
		.min(1, { error: 'Enter a slug.', abort: true })
		.max(catalogueLimits.slug, `Use at most ${catalogueLimits.slug} characters.`)
		.regex(slugPattern, 'Use lowercase letters, digits and single hyphens between them, like it-jobs.'),
)

function isWebAddress(value: string): boolean {
	try {
		const url = new URL(value)
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
	} catch {
		return false
	}
}

const webAddress = z.preprocess(
	(value) => (typeof value === 'string' ? value.trim() : value),
	z
		.string({ error: 'Enter the address of the source.' })
		.min(1, { error: 'Enter the address of the source.', abort: true })
		.max(catalogueLimits.url, `Use at most ${catalogueLimits.url} characters.`)
		.refine(
			(value) => hasNoNul(value) && isWebAddress(value),
			'Enter a web address starting with https:// or http://.',
		),
)

const dateMessage = 'Enter a date as YYYY-MM-DD, for example 2029-11-30.'

function dateField(missing: string) {
	return z.preprocess(
		(value) => (typeof value === 'string' ? value.trim() : value),
		z
			.string({ error: missing })
			.min(1, { error: missing, abort: true })
			.transform((value, context) => {
				const date = parseIsoDate(value)
				if (!date || date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 2200) {
					context.addIssue({ code: 'custom', message: dateMessage })
					return z.NEVER
				}
				return date
			}),
	)
}

function optionalDateField() {
	return z.preprocess(blankToUndefined, dateField(dateMessage).optional())
}

// Decimal(20, 4) in the database.
const decimalPattern = /^-?\d{1,16}(\.\d{1,4})?$/

function decimalText(value: string, context: z.RefinementCtx): string {
	const compact = value.replace(/[\s\u00a0\u202f\u2009]/g, '')
	if (compact.includes(',')) {
		context.addIssue({
			code: 'custom',
			message: 'Write the number without commas: 150000, or 12.5 with a point for decimals.',
		})
		return z.NEVER
	}
	if (!decimalPattern.test(compact)) {
		context.addIssue({
			code: 'custom',
			message: 'Enter a number such as 150000 or 12.5 (at most 16 digits and 4 decimal places).',
		})
		return z.NEVER
	}
	return compact
}

function optionalDecimal() {
	return z.preprocess(
		blankToUndefined,
		z.string({ error: 'Enter a number, or leave it empty.' }).transform(decimalText).optional(),
	)
}

const recordId = z.preprocess(
	(value) => (typeof value === 'string' ? value.trim() : value),
	z
		.string({ error: 'Choose one from the list.' })
		.regex(/^[A-Za-z0-9_-]{1,100}$/, 'Choose one from the list.'),
)

const versionField = z.preprocess(
	(value) => (typeof value === 'string' ? value.trim() : value),
	z
		.string({ error: 'Reload the page and try again.' })
		.regex(/^\d{1,9}$/, 'Reload the page and try again.')
		.transform(Number)
		.refine((version) => version >= 1, 'Reload the page and try again.'),
)

/** A repeated field as a list of strings: one value, several, or none. */
function repeated(value: unknown): unknown {
	if (value === undefined || value === null) return []
	return Array.isArray(value) ? value : [value]
}

const stepsFields = {
	stepTitle: z.preprocess(
		repeated,
		z
			.array(z.string({ error: 'Reload the page and try again.' }), {
				error: 'Reload the page and try again.',
			})
			.max(catalogueLimits.steps + 10, 'Reload the page and try again.'),
	),
	stepDoneOn: z.preprocess(
		repeated,
		z
			.array(z.string({ error: 'Reload the page and try again.' }), {
				error: 'Reload the page and try again.',
			})
			.max(catalogueLimits.steps + 10, 'Reload the page and try again.'),
	),
}

/** What both pledge forms share: everything an edit may change. */
const pledgeEditableFields = {
	categoryId: recordId,
	title: requiredText('Enter the pledge’s title.', catalogueLimits.title),
	summary: requiredText('Enter a short summary.', catalogueLimits.summary),
	quote: requiredText('Copy the source’s own words, verbatim.', catalogueLimits.quote),
	sourceUrl: webAddress,
	sourceDate: dateField('Enter the date of the source.'),
	deadline: dateField('Enter the deadline.'),
	ruTitle: optionalText(catalogueLimits.title),
	ruSummary: optionalText(catalogueLimits.summary),
	kkTitle: optionalText(catalogueLimits.title),
	kkSummary: optionalText(catalogueLimits.summary),
	indicatorName: optionalText(catalogueLimits.title),
	indicatorUnit: optionalText(catalogueLimits.unit),
	baselineValue: optionalDecimal(),
	baselineDate: optionalDateField(),
	targetValue: optionalDecimal(),
	targetDate: optionalDateField(),
	direction: z.preprocess(
		blankToUndefined,
		z.enum(indicatorDirections, { error: 'Choose whether the figure should rise or fall.' }).optional(),
	),
	...stepsFields,
}

type ParsedPledgeFields = {
	kind: (typeof pledgeKinds)[number]
	ruTitle?: string
	ruSummary?: string
	kkTitle?: string
	kkSummary?: string
	indicatorName?: string
	indicatorUnit?: string
	baselineValue?: string
	baselineDate?: Date
	targetValue?: string
	targetDate?: Date
	direction?: (typeof indicatorDirections)[number]
	stepTitle: string[]
	stepDoneOn: string[]
}

function issue(context: z.RefinementCtx, path: string, message: string) {
	context.addIssue({ code: 'custom', path: [path], message })
}

/** The checks that tie fields together, run on a pledge form of the given kind. */
function checkPledge(pledge: ParsedPledgeFields, context: z.RefinementCtx) {
	for (const [language, title, summary] of [
		['Russian', 'ruTitle', 'ruSummary'],
		['Kazakh', 'kkTitle', 'kkSummary'],
	] as const) {
		if (pledge[title] !== undefined && pledge[summary] === undefined) {
			issue(context, summary, `Enter the ${language} summary too, or clear the ${language} title.`)
		}
		if (pledge[title] === undefined && pledge[summary] !== undefined) {
			issue(context, title, `Enter the ${language} title too, or clear the ${language} summary.`)
		}
	}
	if (pledge.kind === 'QUANTITATIVE') {
		if (pledge.indicatorName === undefined) issue(context, 'indicatorName', 'Say what is measured.')
		if (pledge.indicatorUnit === undefined) issue(context, 'indicatorUnit', 'Enter the unit of the figure.')
		if (pledge.targetValue === undefined) issue(context, 'targetValue', 'Enter the target figure.')
		if (pledge.targetDate === undefined) issue(context, 'targetDate', 'Enter the date of the target.')
		if (pledge.direction === undefined) {
			issue(context, 'direction', 'Choose whether the figure should rise or fall.')
		}
		if (pledge.baselineValue !== undefined && pledge.baselineDate === undefined) {
			issue(context, 'baselineDate', 'Enter the date of the baseline figure.')
		}
		if (pledge.baselineValue === undefined && pledge.baselineDate !== undefined) {
			issue(context, 'baselineValue', 'Enter the baseline figure, or clear its date.')
		}
		if (
			pledge.baselineDate instanceof Date &&
			pledge.targetDate instanceof Date &&
			pledge.baselineDate >= pledge.targetDate
		) {
			issue(context, 'targetDate', 'The target date must come after the baseline date.')
		}
	}
	if (pledge.kind === 'MILESTONE' && Array.isArray(pledge.stepTitle) && Array.isArray(pledge.stepDoneOn)) {
		const steps = pledge.stepTitle.map((title, index) => ({
			title: title.trim(),
			doneOn: pledge.stepDoneOn[index] ?? '',
		}))
		const filled = steps.filter((step) => step.title !== '')
		if (filled.length === 0) issue(context, 'stepTitle', 'Enter at least one step.')
		if (filled.length > catalogueLimits.steps) {
			issue(context, 'stepTitle', `A pledge has at most ${catalogueLimits.steps} steps.`)
		}
		for (const step of steps) {
			if (step.title.length > catalogueLimits.title || !hasNoNul(step.title)) {
				issue(context, 'stepTitle', `Each step has at most ${catalogueLimits.title} characters, with no NUL.`)
			}
			const doneOn = step.doneOn.trim()
			if (doneOn !== '' && !parseIsoDate(doneOn)) {
				issue(context, 'stepDoneOn', 'Enter each completion date as YYYY-MM-DD, or leave it empty.')
			}
			if (doneOn !== '' && step.title === '') {
				issue(context, 'stepTitle', 'A step with a completion date needs a title.')
			}
		}
	}
}

const alwaysCheck = {
	when: (payload: { value: unknown }) =>
		typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
}

const notAForm = { error: 'Reload the page and send the form again.' }

/** Editing a pledge: its kind is fixed (it came with the loaded record), the slug is not in the form. */
export function pledgeEditSchema(kind: (typeof pledgeKinds)[number]) {
	return z
		.object({ version: versionField, ...pledgeEditableFields }, notAForm)
		.superRefine((pledge, context) => checkPledge({ ...pledge, kind }, context), alwaysCheck)
}

export const pledgeCreateSchema = z
	.object(
		{
			platformId: recordId,
			slug: slugField,
			kind: z.enum(pledgeKinds, { error: 'Choose the kind of pledge.' }),
			...pledgeEditableFields,
		},
		notAForm,
	)
	.superRefine((pledge, context) => {
		if (pledgeKinds.some((kind) => kind === pledge.kind)) checkPledge(pledge, context)
	}, alwaysCheck)

export type PledgeEditInput = z.output<ReturnType<typeof pledgeEditSchema>>
export type PledgeCreateInput = z.output<typeof pledgeCreateSchema>

/** The milestone steps of a parsed form, blank rows dropped, in the order given. */
export function stepsOf(input: { stepTitle: string[]; stepDoneOn: string[] }) {
	return input.stepTitle
		.map((title, index) => ({
			title: title.trim(),
			doneOn: parseIsoDate((input.stepDoneOn[index] ?? '').trim()),
		}))
		.filter((step) => step.title !== '')
}

const nameField = (missing: string) => requiredText(missing, 200)

export const politicianFields = {
	name: nameField('Enter the politician’s name.'),
	office: nameField('Enter the office, for example President of Kazakhstan.'),
}

export const politicianCreateSchema = z.object({ slug: slugField, ...politicianFields }, notAForm)
export const politicianEditSchema = z.object({ version: versionField, ...politicianFields }, notAForm)

const categoryFields = {
	parentId: z.preprocess(blankToUndefined, recordId.optional()),
	title: requiredText('Enter the category’s title.', catalogueLimits.title),
	summary: optionalText(catalogueLimits.summary),
	position: z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? '0' : value),
		z
			.string({ error: 'Enter a whole number.' })
			.trim()
			.regex(/^\d{1,4}$/, 'Enter a whole number from 0 to 9999.')
			.transform(Number),
	),
	ruTitle: optionalText(catalogueLimits.title),
	ruSummary: optionalText(catalogueLimits.summary),
	kkTitle: optionalText(catalogueLimits.title),
	kkSummary: optionalText(catalogueLimits.summary),
}

function checkCategoryTranslations(
	category: { ruTitle?: string; ruSummary?: string; kkTitle?: string; kkSummary?: string },
	context: z.RefinementCtx,
) {
	if (category.ruTitle === undefined && category.ruSummary !== undefined) {
		issue(context, 'ruTitle', 'Enter the Russian title too, or clear the Russian summary.')
	}
	if (category.kkTitle === undefined && category.kkSummary !== undefined) {
		issue(context, 'kkTitle', 'Enter the Kazakh title too, or clear the Kazakh summary.')
	}
}

export const categoryCreateSchema = z
	.object({ platformId: recordId, slug: slugField, ...categoryFields }, notAForm)
	.superRefine(checkCategoryTranslations, alwaysCheck)
export const categoryEditSchema = z
	.object({ version: versionField, ...categoryFields }, notAForm)
	.superRefine(checkCategoryTranslations, alwaysCheck)

export type PoliticianCreateInput = z.output<typeof politicianCreateSchema>
export type PoliticianEditInput = z.output<typeof politicianEditSchema>
export type CategoryCreateInput = z.output<typeof categoryCreateSchema>
export type CategoryEditInput = z.output<typeof categoryEditSchema>

const platformFields = {
	politicianId: recordId,
	title: requiredText('Enter the platform’s title.', catalogueLimits.title),
	summary: optionalText(catalogueLimits.summary),
	electionDate: dateField('Enter the election date.'),
	termStart: dateField('Enter the date the term starts.'),
	termEnd: dateField('Enter the date the term ends.'),
	sourceUrl: webAddress,
	sourceTitle: requiredText('Enter the title of the source.', catalogueLimits.title),
	sourcePublisher: requiredText('Enter who published the source.', 200),
	sourcePublishedAt: optionalDateField(),
}

function checkTerm(platform: { termStart: unknown; termEnd: unknown }, context: z.RefinementCtx) {
	if (
		platform.termStart instanceof Date &&
		platform.termEnd instanceof Date &&
		platform.termEnd <= platform.termStart
	) {
		issue(context, 'termEnd', 'The term must end after it starts.')
	}
}

export const platformCreateSchema = z
	.object({ slug: slugField, ...platformFields }, notAForm)
	.superRefine(checkTerm, alwaysCheck)
export const platformEditSchema = z
	.object({ version: versionField, ...platformFields }, notAForm)
	.superRefine(checkTerm, alwaysCheck)

export type PlatformCreateInput = z.output<typeof platformCreateSchema>
export type PlatformEditInput = z.output<typeof platformEditSchema>
