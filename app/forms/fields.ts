import { z } from 'zod'
import { passwordMaxLength, passwordMinLength, passwordTooShort } from './password'

/**
 * The builders every form schema is made of (ADR 008). A form sends text: conform's `parseWithZod` turns
 * an empty field into "absent" before these run, so a required builder answers a blank field with its
 * `missing` message and an optional one returns `undefined`. Each builder trims, bounds the length (which
 * `getZodConstraint` turns into `maxLength` in the browser) and refuses the NUL character, which PostgreSQL
 * text cannot hold, and U+FFFD, which is what a character that was not valid UTF-8 (a lone surrogate, a
 * broken copy) becomes on the way in: stored, it would be a lost letter nobody was told about. Messages are the staff pages' English; the limits are the database's.
 */

export const limits = {
	slug: 80,
	name: 200,
	displayName: 100,
	email: 254,
	title: 300,
	publisher: 200,
	unit: 50,
	summary: 2000,
	reason: 2000,
	url: 2000,
	quote: 5000,
	excerpt: 5000,
	rationale: 5000,
	steps: 30,
	evidencePerStatusUpdate: 50,
} as const

const count = (value: number) => value.toLocaleString('en')
const tooLong = (max: number) => `Use at most ${count(max)} characters.`
const hasNoNul = (value: string) => !value.includes('\u0000')
const nulMessage = 'Remove the invisible NUL character from this text.'
const hasNoLostCharacter = (value: string) => !value.includes('\uFFFD')
const lostCharacterMessage =
	'A character of this text was lost on the way (it shows as \uFFFD): retype that part and send it again.'

/** Required text, trimmed, at most `max` characters. */
export function text({ missing, max }: { missing: string; max: number }) {
	return z
		.string({ error: missing })
		.trim()
		.min(1, missing)
		.max(max, tooLong(max))
		.refine(hasNoNul, nulMessage)
		.refine(hasNoLostCharacter, lostCharacterMessage)
}

/** Text that may be left empty (spaces only count as empty), trimmed, at most `max` characters. */
export function optionalText({ max }: { max: number }) {
	return z
		.string({ error: 'Enter text here, or leave it empty.' })
		.trim()
		.max(max, tooLong(max))
		.refine(hasNoNul, nulMessage)
		.refine(hasNoLostCharacter, lostCharacterMessage)
		.optional()
		.transform((value) => value || undefined)
}

/** An email address, trimmed and lowercased (the form an account's email is stored and looked up in). */
export function email() {
	return z
		.string({ error: 'Enter an email address.' })
		.trim()
		.toLowerCase()
		.min(1, 'Enter an email address.')
		.max(limits.email, `An email address has at most ${limits.email} characters.`)
		.pipe(z.email('Enter an email address like name@example.org.'))
}

/** A password as typed: never trimmed (a space is part of it), at most the policy's length. */
export function password({ missing }: { missing: string }) {
	return z.string({ error: missing }).min(1, missing).max(passwordMaxLength, tooLong(passwordMaxLength))
}

/**
 * A new password: the policy's lengths, checked in the browser too. Whether it is the account's email is
 * for the form's schema (`passwordProblem` in `./password`) or the user model to say.
 */
export function newPassword({ missing }: { missing: string }) {
	return z
		.string({ error: missing })
		.min(passwordMinLength, { error: (issue) => passwordTooShort(String(issue.input ?? '').length) })
		.max(passwordMaxLength, tooLong(passwordMaxLength))
}

/** Lowercase words joined by single hyphens: a record's part of a public address, fixed once created. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Whether a value can be a slug: anything else (a NUL, a capital, a space) names no record, and is not looked up. */
export function isSlug(value: unknown): value is string {
	return typeof value === 'string' && value.length <= limits.slug && slugPattern.test(value)
}

export function slug() {
	return z
		.string({ error: 'Enter a slug.' })
		.trim()
		.min(1, 'Enter a slug.')
		.max(limits.slug, tooLong(limits.slug))
		.regex(slugPattern, 'Use lowercase letters, digits and single hyphens between them, like it-jobs.')
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

/** An http(s) address, required. */
export function webAddress({ missing }: { missing: string }) {
	return z
		.string({ error: missing })
		.trim()
		.min(1, missing)
		.max(limits.url, tooLong(limits.url))
		.refine((value) => hasNoNul(value) && isWebAddress(value), webAddressMessage)
}

export function optionalWebAddress() {
	return webAddress({ missing: webAddressMessage })
		.optional()
		.transform((value) => value || undefined)
}

// Decimal(20, 4) in the database: up to 16 digits before the point and 4 after.
const decimalPattern = /^-?\d{1,16}(\.\d{1,4})?$/

/**
 * A figure kept as its exact decimal text (never a binary float). Spaces between digit groups are allowed
 * ("150 000"); a comma is refused rather than guessed at, since "150,000" and "1,5" mean different things
 * in English and in Russian.
 */
export function decimal({ missing }: { missing: string }) {
	return z
		.string({ error: missing })
		.max(60, 'Enter a number such as 150000 or 12.5 (at most 16 digits and 4 decimal places).')
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
}

export function optionalDecimal() {
	return decimal({ missing: 'Enter a number, or leave it empty.' }).optional()
}

/** A whole number from `min` to `max`; a blank field is `blank` when that is given. */
export function wholeNumber({ min, max, blank }: { min: number; max: number; blank?: number }) {
	const message = `Enter a whole number from ${count(min)} to ${count(max)}.`
	const number = z
		.string({ error: message })
		.trim()
		.max(12, message)
		.regex(/^\d+$/, message)
		.transform(Number)
		.refine((value) => value >= min && value <= max, message)
	return blank === undefined ? number : number.optional().transform((value) => value ?? blank)
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** `YYYY-MM-DD` as UTC midnight, as the `@db.Date` columns store it; null when it is no calendar date. */
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

export const earliestDate = new Date(Date.UTC(1900, 0, 1))
/** The latest date any record may carry (a deadline or a target far ahead, never a typo like 20300). */
export const latestDate = new Date(Date.UTC(2199, 11, 31))

type DateBounds = {
	missing: string
	/** The latest date allowed (default: 2199-12-31), and what a later one gets. */
	latest?: { date: Date; message: string }
}

/** A calendar date typed as `YYYY-MM-DD` (a date input sends that), from 1900 to `latest`, as UTC midnight. */
export function isoDate({ missing, latest }: DateBounds) {
	const last = latest ?? {
		date: latestDate,
		message: `Enter a date before ${latestDate.getUTCFullYear() + 1}.`,
	}
	return z
		.string({ error: missing })
		.trim()
		.min(1, missing)
		.max(10, 'Enter a date as YYYY-MM-DD, for example 2024-03-31.')
		.transform((value, context) => {
			const date = parseIsoDate(value)
			if (!date) {
				context.addIssue({ code: 'custom', message: 'Enter a date as YYYY-MM-DD, for example 2024-03-31.' })
				return z.NEVER
			}
			if (date < earliestDate) {
				context.addIssue({ code: 'custom', message: 'Enter a date from 1900 on.' })
				return z.NEVER
			}
			if (date > last.date) {
				context.addIssue({ code: 'custom', message: last.message })
				return z.NEVER
			}
			return date
		})
}

/** A date that has already come (today anywhere on Earth at the latest). */
export function pastDate({ missing, future, now }: { missing: string; future: string; now: Date }) {
	return isoDate({ missing, latest: { date: latestToday(now), message: future } })
}

const recordIdPattern = /^[A-Za-z0-9_-]{1,100}$/

/** Ids of records are cuids: anything else cannot name one, and is refused before it reaches a query. */
export function isRecordId(value: unknown): value is string {
	return typeof value === 'string' && recordIdPattern.test(value)
}

/** The id of a record chosen from a list (a select, a hidden field). */
export function recordId({ missing }: { missing: string }) {
	return z.string({ error: missing }).trim().regex(recordIdPattern, missing)
}

/**
 * Several ids chosen from a list (a group of checkboxes), without blanks or repeats. An id that cannot name
 * a record refuses the whole list with one message at the list (where the group shows it), not at an item.
 */
export function recordIds({ max, invalid }: { max: number; invalid: string }) {
	return z
		.array(z.string({ error: invalid }).trim().optional(), { error: invalid })
		.max(max, `Choose at most ${count(max)}.`)
		.transform((values, context) => {
			const ids = values.filter((value): value is string => value !== undefined && value !== '')
			if (!ids.every((id) => recordIdPattern.test(id))) {
				context.addIssue({ code: 'custom', message: invalid })
				return z.NEVER
			}
			return [...new Set(ids)]
		})
}

/** The version of a record the form was loaded with (a hidden field), for refusing a stale save. */
export function version() {
	const reload = 'Reload the page and try again.'
	return z
		.string({ error: reload })
		.trim()
		.regex(/^\d{1,9}$/, reload)
		.transform(Number)
		.refine((value) => value >= 1, reload)
}

/** One of a fixed set of values (a select or radio buttons). */
export function choice<const Values extends readonly [string, ...string[]]>(
	values: Values,
	{ missing }: { missing: string },
) {
	return z.enum(values, { error: missing })
}

/** What a form sent without the page's buttons gets (an intent, or a choice only a button makes). */
export const useTheButtons = 'Please use one of the buttons on the page.'

/**
 * Which of a page's forms or buttons sent the form (`intent`): a page with several forms tells them apart
 * by it, and one sent by hand with another value gets `useTheButtons`.
 */
export function intent<const Values extends readonly [string, ...string[]]>(values: Values) {
	return choice(values, { missing: useTheButtons })
}

/**
 * The options of a form's `z.object`: what anything other than a form's fields gets (a route always parses
 * a form; a caller that passes something else gets a message, never an exception).
 */
export const notAForm = { error: 'Reload the page and send the form again.' }

/**
 * Cross-field checks (`superRefine(check, alwaysCheck)`) run even when a field failed, so that one
 * submission shows every message at once; they look at each value's type, since a failed field holds what
 * was sent.
 */
export const alwaysCheck = {
	when: (payload: { value: unknown }) =>
		typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
}

/** A message at one field, from a cross-field check. */
export function addFieldIssue(
	context: z.RefinementCtx,
	path: string | Array<string | number>,
	message: string,
) {
	context.addIssue({ code: 'custom', path: Array.isArray(path) ? path : [path], message })
}
