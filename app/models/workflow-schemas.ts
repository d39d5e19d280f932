import { z } from 'zod'

/**
 * One schema per form of the evidence and status workflow, shared by the server (which always parses) and
 * the browser (which may check early). Every field arrives as a string (or, for a repeated field, an array
 * of strings) from a form, and any other value — a file, a number, nothing — gives a message, never an
 * exception. Dates are `YYYY-MM-DD` calendar dates, parsed to UTC midnight as the `@db.Date` columns store
 * them.
 *
 * The schemas that check "not in the future" are functions of the current time, so a test can fix it.
 */

export const evidenceTypes = [
	'LAW_OR_DECREE',
	'BUDGET',
	'OFFICIAL_STATISTIC',
	'OFFICIAL_STATEMENT',
	'MEDIA_REPORT',
	'OTHER',
] as const

// The same order as `pledgeStatuses` in ./status (that module imports Prisma's types; this one must not,
// so that the browser can load it).
export const workflowStatuses = ['NOT_RATED', 'IN_PROGRESS', 'STALLED', 'PARTIAL', 'KEPT', 'BROKEN'] as const

export const limits = {
	title: 300,
	publisher: 200,
	url: 2000,
	excerpt: 5000,
	reason: 2000,
	rationale: 5000,
	evidencePerStatusUpdate: 50,
} as const

/** Per field, the messages to show next to it; `_form` holds what concerns no single field. */
export type FieldErrors = Record<string, string[]>

/** The field messages of a failed parse, for showing next to each field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {}
	for (const issue of error.issues) {
		const field = typeof issue.path[0] === 'string' ? issue.path[0] : '_form'
		const messages = (errors[field] ??= [])
		if (!messages.includes(issue.message)) messages.push(issue.message)
	}
	return errors
}

/**
 * A form's fields as a plain object: a field sent once is a string, a field sent several times (a group
 * of checkboxes) is an array, files are left out. `Object.fromEntries(formData)` would keep only the last
 * value of a repeated field.
 */
export function formValues(formData: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {}
	for (const [name, value] of formData) {
		if (typeof value !== 'string') continue
		const previous = values[name]
		values[name] =
			previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]
	}
	return values
}

/** Blank and absent mean the same thing in a form: nothing entered. */
function blankToUndefined(value: unknown): unknown {
	if (value === null || value === undefined) return undefined
	if (typeof value === 'string' && value.trim() === '') return undefined
	return value
}

function trimmed(value: unknown): unknown {
	return typeof value === 'string' ? value.trim() : value
}

// PostgreSQL text cannot hold the NUL character: refused here, where it gets a message, not an error.
const hasNoNul = (value: string) => !value.includes('\u0000')
const nulMessage = 'Remove the invisible NUL character from this text.'

/** Ids of records are cuids: anything else cannot name one, and is refused before it reaches a query. */
export function isRecordId(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(value)
}

function requiredText(missing: string, max: number) {
	return z.preprocess(
		trimmed,
		z
			.string({ error: missing })
			.min(1, { error: missing, abort: true })
			.max(max, `Use at most ${max.toLocaleString('en')} characters.`)
			.refine(hasNoNul, nulMessage),
	)
}

function optionalText(max: number) {
	return z.preprocess(
		(value) => trimmed(blankToUndefined(value)),
		z
			.string({ error: 'Enter text here, or leave it empty.' })
			.max(max, `Use at most ${max.toLocaleString('en')} characters.`)
			.refine(hasNoNul, nulMessage)
			.optional(),
	)
}

function isWebAddress(value: string): boolean {
	let url: URL
	try {
		url = new URL(value)
	} catch {
		return false
	}
	return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
}

const webAddressMessage = 'Enter a web address starting with https:// or http://.'

function webAddress(missing: string) {
	return z.preprocess(
		trimmed,
		z
			.string({ error: missing })
			.min(1, { error: missing, abort: true })
			.max(limits.url, `Use at most ${limits.url.toLocaleString('en')} characters.`)
			.refine((value) => hasNoNul(value) && isWebAddress(value), webAddressMessage),
	)
}

function optionalWebAddress() {
	return z.preprocess(
		(value) => trimmed(blankToUndefined(value)),
		z
			.string({ error: webAddressMessage })
			.max(limits.url, `Use at most ${limits.url.toLocaleString('en')} characters.`)
			.refine((value) => hasNoNul(value) && isWebAddress(value), webAddressMessage)
			.optional(),
	)
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** `YYYY-MM-DD` as UTC midnight, or null when it is not a real calendar date. */
export function parseIsoDate(value: string): Date | null {
	const match = isoDatePattern.exec(value)
	if (!match) return null
	const [, year, month, day] = match.map(Number)
	if (year === undefined || month === undefined || day === undefined) return null
	const date = new Date(Date.UTC(year, month - 1, day))
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
		return null
	}
	return date
}

export function isoDateOf(date: Date): string {
	return date.toISOString().slice(0, 10)
}

/**
 * The latest calendar date it is anywhere on Earth (UTC+14): a date typed by someone for whom it is already
 * today is accepted, whatever their time zone, and nothing later.
 */
export function latestToday(now: Date): Date {
	const ahead = new Date(now.getTime() + 14 * 60 * 60 * 1000)
	return new Date(Date.UTC(ahead.getUTCFullYear(), ahead.getUTCMonth(), ahead.getUTCDate()))
}

const earliestDate = new Date(Date.UTC(1900, 0, 1))

function pastDate(now: Date, { missing, future }: { missing: string; future: string }) {
	const invalid = 'Enter a date as YYYY-MM-DD, for example 2024-03-31.'
	return z.preprocess(
		trimmed,
		z
			.string({ error: missing })
			.min(1, { error: missing, abort: true })
			.transform((value, context) => {
				const date = parseIsoDate(value)
				if (!date) {
					context.addIssue({ code: 'custom', message: invalid })
					return z.NEVER
				}
				if (date < earliestDate) {
					context.addIssue({ code: 'custom', message: 'Enter a date from 1900 on.' })
					return z.NEVER
				}
				if (date > latestToday(now)) {
					context.addIssue({ code: 'custom', message: future })
					return z.NEVER
				}
				return date
			}),
	)
}

// Decimal(20, 4) in the database: up to 16 digits before the point and 4 after.
const decimalPattern = /^-?\d{1,16}(\.\d{1,4})?$/

/**
 * A figure in the indicator's unit, kept as the exact decimal text (never a binary float). Spaces between
 * digit groups are allowed ("150 000"); a comma is refused rather than guessed at, since "150,000" and
 * "1,5" mean different things in English and in Russian.
 */
function optionalDecimal() {
	return z.preprocess(
		blankToUndefined,
		z
			.string({ error: 'Enter a number, or leave it empty.' })
			.transform((value, context) => {
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
			})
			.optional(),
	)
}

/**
 * Cross-field checks run even when a field failed, so that one submission shows every message at once;
 * they look at each value's type, since a failed field holds what was sent.
 */
const alwaysCheck = {
	when: (payload: { value: unknown }) =>
		typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
}

/** What anything other than a form's fields gets (a route always passes an object; a test may not). */
const notAForm = { error: 'Reload the page and send the form again.' }

const evidenceTypeField = z.enum(evidenceTypes, { error: 'Choose the type of evidence.' })

function statusField(missing: string) {
	return z.enum(workflowStatuses, { error: missing })
}

function optionalStatusField() {
	return z.preprocess(
		blankToUndefined,
		z.enum(workflowStatuses, { error: 'Choose one of the statuses, or none.' }).optional(),
	)
}

/** The evidence form. Whether a measured value fits the pledge (quantitative, with an indicator) is checked by the model. */
export function evidenceSchema(now: Date = new Date()) {
	return z
		.object(
			{
				type: evidenceTypeField,
				sourceUrl: webAddress('Enter the address of the source.'),
				title: requiredText('Enter the title of the source.', limits.title),
				publisher: requiredText('Enter who published it.', limits.publisher),
				publishedOn: pastDate(now, {
					missing: 'Enter the date it was published.',
					future: 'The publication date cannot be in the future.',
				}),
				excerpt: requiredText('Copy the passage that supports the evidence, word for word.', limits.excerpt),
				archiveUrl: optionalWebAddress(),
				measuredValue: optionalDecimal(),
				measuredAsOf: z.preprocess(
					blankToUndefined,
					pastDate(now, {
						missing: 'Enter the date the figure refers to.',
						future: 'The date of the figure cannot be in the future.',
					}).optional(),
				),
				suggestedStatus: optionalStatusField(),
				suggestionReason: optionalText(limits.reason),
			},
			notAForm,
		)
		.superRefine((evidence, context) => {
			if (evidence.measuredValue !== undefined && evidence.measuredAsOf === undefined) {
				context.addIssue({
					code: 'custom',
					path: ['measuredAsOf'],
					message: 'Enter the date the figure refers to.',
				})
			}
			if (evidence.measuredValue === undefined && evidence.measuredAsOf !== undefined) {
				context.addIssue({
					code: 'custom',
					path: ['measuredValue'],
					message: 'Enter the figure, or clear its date.',
				})
			}
			if (
				evidence.measuredAsOf instanceof Date &&
				evidence.publishedOn instanceof Date &&
				evidence.measuredAsOf > evidence.publishedOn
			) {
				context.addIssue({
					code: 'custom',
					path: ['measuredAsOf'],
					message: 'A source cannot report a figure dated after its own publication date.',
				})
			}
			if (evidence.suggestedStatus !== undefined && evidence.suggestionReason === undefined) {
				context.addIssue({
					code: 'custom',
					path: ['suggestionReason'],
					message: 'Say why you suggest this status.',
				})
			}
			if (evidence.suggestedStatus === undefined && evidence.suggestionReason !== undefined) {
				context.addIssue({
					code: 'custom',
					path: ['suggestedStatus'],
					message: 'Choose the status you suggest, or clear the reason.',
				})
			}
		}, alwaysCheck)
}

export type EvidenceInput = z.output<ReturnType<typeof evidenceSchema>>

/** Approve, or reject with a reason the fact-checker will read. */
export const reviewSchema = z
	.object(
		{
			decision: z.enum(['approve', 'reject'], { error: 'Choose approve or reject.' }),
			note: optionalText(limits.reason),
		},
		notAForm,
	)
	.superRefine((review, context) => {
		if (review.decision === 'reject' && review.note === undefined) {
			context.addIssue({
				code: 'custom',
				path: ['note'],
				message: 'Give the reason for rejecting: the fact-checker will read it.',
			})
		}
	})
	.transform((review): { decision: 'approve'; note: string | null } | { decision: 'reject'; note: string } =>
		review.decision === 'reject'
			? { decision: 'reject', note: review.note ?? '' }
			: { decision: 'approve', note: review.note ?? null },
	)

export type ReviewInput = z.output<typeof reviewSchema>

/** One id or several (a group of checkboxes), without blanks or repeats. */
const evidenceIdsField = z.preprocess(
	(value) => {
		const values = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
		return values.filter((item) => !(typeof item === 'string' && item.trim() === ''))
	},
	z
		.array(
			z
				.string({ error: 'Choose evidence from the list.' })
				.trim()
				.refine(isRecordId, 'Choose evidence from the list.'),
			{ error: 'Choose evidence from the list.' },
		)
		.max(limits.evidencePerStatusUpdate, `Choose at most ${limits.evidencePerStatusUpdate} evidence items.`)
		.transform((ids) => [...new Set(ids)]),
)

function statusUpdateFields(now: Date) {
	return {
		status: statusField('Choose the new status.'),
		effectiveDate: pastDate(now, {
			missing: 'Enter the date the status takes effect.',
			future: 'A status cannot take effect in the future.',
		}),
		rationale: requiredText('Explain the status: the public reads this.', limits.rationale),
		evidenceIds: evidenceIdsField,
	}
}

function requireEvidenceForRatedStatus(
	update: { status: (typeof workflowStatuses)[number]; evidenceIds: string[] },
	context: z.RefinementCtx,
) {
	const isRated = update.status !== 'NOT_RATED' && workflowStatuses.some((status) => status === update.status)
	if (isRated && Array.isArray(update.evidenceIds) && update.evidenceIds.length === 0) {
		context.addIssue({
			code: 'custom',
			path: ['evidenceIds'],
			message: 'Choose at least one approved evidence item this status rests on.',
		})
	}
}

/**
 * A new ledger entry. `ledgerHeadId` is the newest entry the admin saw when the form was loaded (blank when
 * there was none): if another entry was recorded since, the update is refused as stale rather than
 * written on top of a status the admin never saw. Leaving the field out skips that check.
 */
export function statusUpdateSchema(now: Date = new Date()) {
	return z
		.object(
			{
				...statusUpdateFields(now),
				ledgerHeadId: z.preprocess(
					(value) => (typeof value === 'string' ? value.trim() : value),
					z
						.string({ error: 'Reload the page and try again.' })
						.refine((id) => id === '' || isRecordId(id), 'Reload the page and try again.')
						.optional(),
				),
			},
			notAForm,
		)
		.superRefine(requireEvidenceForRatedStatus, alwaysCheck)
}

export type StatusUpdateInput = z.output<ReturnType<typeof statusUpdateSchema>>

/** A correction: a new entry that takes the place of `correctsId`, with the same fields as a status update. */
export function correctionSchema(now: Date = new Date()) {
	return z
		.object(
			{
				...statusUpdateFields(now),
				correctsId: z.preprocess(
					trimmed,
					z
						.string({ error: 'Choose the entry to correct.' })
						.refine(isRecordId, 'Choose the entry to correct.'),
				),
			},
			notAForm,
		)
		.superRefine(requireEvidenceForRatedStatus, alwaysCheck)
}

export type CorrectionInput = z.output<ReturnType<typeof correctionSchema>>
