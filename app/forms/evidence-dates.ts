import type { DatePrecision } from '~/.server/prisma/enums'
import { earliestDate, isoDateOf, parseIsoDate } from './fields'

// The dates of evidence as pure rules, shared by the evidence form and the model that writes evidence and
// its measurement: a publication date as precise as the source prints it, and a figure's as-of date.

/** How much of its publication date a source prints, as the database's `DatePrecision` names them. */
export const datePrecisions = ['DAY', 'MONTH', 'YEAR', 'NONE'] as const satisfies readonly DatePrecision[]

/** A publication date as pages show it: the start of its period as `YYYY-MM-DD`, or none with a note. */
export type PublicationDate = { precision: DatePrecision; on: string | null; note: string | null }

/** A stored publication date (columns `publishedOn`, `publishedPrecision`, `publishedNote`) for a page. */
export function publicationDateOf(row: {
	publishedOn: Date | null
	publishedPrecision: DatePrecision
	publishedNote: string | null
}): PublicationDate {
	return {
		precision: row.publishedPrecision,
		on: row.publishedOn ? isoDateOf(row.publishedOn) : null,
		note: row.publishedPrecision === 'NONE' ? row.publishedNote : null,
	}
}

/** A stored publication date as precise as the source printed it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or null. */
export function publicationDateText(date: Date | null, precision: DatePrecision): string | null {
	if (!date || precision === 'NONE') return null
	const day = isoDateOf(date)
	return precision === 'YEAR' ? day.slice(0, 4) : precision === 'MONTH' ? day.slice(0, 7) : day
}

const monthPattern = /^(\d{4})-(\d{2})$/
const yearPattern = /^\d{4}$/

/** `YYYY-MM` (what `<input type="month">` sends) as its first day, UTC midnight; null if no month. */
export function parseIsoMonth(value: string): Date | null {
	const match = monthPattern.exec(value.trim())
	if (!match) return null
	const year = Number(match[1])
	const month = Number(match[2])
	if (month < 1 || month > 12) return null
	return new Date(Date.UTC(year, month - 1, 1))
}

/** `YYYY` as its 1 January, UTC midnight; null if no year. */
export function parseYear(value: string): Date | null {
	const text = value.trim()
	return yearPattern.test(text) ? new Date(Date.UTC(Number(text), 0, 1)) : null
}

/** The last day of the period a publication date names (a day itself; a month's or a year's last day). */
export function endOfPeriod(start: Date, precision: 'DAY' | 'MONTH' | 'YEAR'): Date {
	if (precision === 'DAY') return start
	if (precision === 'MONTH') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0))
	return new Date(Date.UTC(start.getUTCFullYear(), 11, 31))
}

/** The fields of the form a publication date is typed in, by precision. */
export type PublicationDateFields = {
	publishedPrecision: DatePrecision
	publishedOn?: string
	publishedMonth?: string
	publishedYear?: string
	publishedNote?: string
}

/** Why a publication date cannot be taken, at the field that says so. */
export type PublicationDateProblem = {
	field: 'publishedOn' | 'publishedMonth' | 'publishedYear' | 'publishedNote'
	message: string
}

const dayFormat = 'Enter a date as YYYY-MM-DD, for example 2024-03-31.'
const monthFormat = 'Enter a month as YYYY-MM, for example 2024-03.'
const yearFormat = 'Enter a year as four digits, for example 2024.'

/**
 * The publication date the fields name, or why not. Only the field of the chosen precision is read (a form
 * without JavaScript shows every field, and a value left in another one is ignored). A period counts from
 * its start: a month or a year that has not begun by `today` (the latest calendar date anywhere on Earth)
 * is in the future and refused; the current month or year is taken.
 */
export function readPublicationDate(
	fields: PublicationDateFields,
	today: Date,
): { on: Date | null; note: string | null } | PublicationDateProblem {
	const { publishedPrecision: precision } = fields
	if (precision === 'NONE') {
		const note = fields.publishedNote?.trim()
		if (!note) {
			return {
				field: 'publishedNote',
				message: 'Say where you looked for the date, or why the source has none.',
			}
		}
		return { on: null, note }
	}
	const field =
		precision === 'DAY' ? 'publishedOn' : precision === 'MONTH' ? 'publishedMonth' : 'publishedYear'
	const text = fields[field]?.trim()
	const missing =
		precision === 'DAY'
			? 'Enter the date it was published.'
			: precision === 'MONTH'
				? 'Enter the month it was published.'
				: 'Enter the year it was published.'
	if (!text) return { field, message: missing }
	const on =
		precision === 'DAY' ? parseIsoDate(text) : precision === 'MONTH' ? parseIsoMonth(text) : parseYear(text)
	if (!on) {
		return {
			field,
			message: precision === 'DAY' ? dayFormat : precision === 'MONTH' ? monthFormat : yearFormat,
		}
	}
	if (on < earliestDate) return { field, message: 'Enter a date from 1900 on.' }
	if (on > today) {
		// Written out whole, so that the form messages' catalogue (app/i18n/form-errors.ts) can list each.
		const message =
			precision === 'DAY'
				? 'The publication date cannot be in the future.'
				: precision === 'MONTH'
					? 'The publication month cannot be in the future.'
					: 'The publication year cannot be in the future.'
		return { field, message }
	}
	return { on, note: null }
}

/** Why a figure's as-of date cannot be taken. */
export type MeasuredAsOfProblem = 'future' | 'before-baseline'

/**
 * A measurement's as-of date: not after `today` (the latest calendar date anywhere on Earth), nor before
 * its indicator's baseline date (a figure from before the baseline measures nothing the pledge changed).
 */
export function measuredAsOfProblem(
	asOf: Date,
	{ baselineDate, today }: { baselineDate: Date | null; today: Date },
): MeasuredAsOfProblem | null {
	if (asOf > today) return 'future'
	if (baselineDate && asOf < baselineDate) return 'before-baseline'
	return null
}
