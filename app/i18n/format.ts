import { inflectKazakh, type KazakhCase } from './kazakh'
import type { Locale } from './locales'
import { keepNumbersTogether } from './typography'

// Intl locale tags per language. English uses the British conventions (day before month) that readers
// in Kazakhstan expect; the numbers still group as 150,000.
const intlLocale: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' }

// Kazakh month names (the same in dates' nominative and genitive use). Chromium's ICU data has no Kazakh
// (it formats `kk` dates as "2029 M11 26" while claiming support), and server and browser must render the
// same text, so Kazakh is formatted here on both: dates and units by hand, numbers like Russian (150 000).
const kazakhMonths = [
	'қаңтар',
	'ақпан',
	'наурыз',
	'сәуір',
	'мамыр',
	'маусым',
	'шілде',
	'тамыз',
	'қыркүйек',
	'қазан',
	'қараша',
	'желтоқсан',
]
const kazakhUnits = { year: 'жыл', month: 'ай', day: 'күн' }

export type DateInput = Date | string

/**
 * The case a date takes from the word that governs it, for languages that inflect dates (Kazakh: «2023 жылғы
 * 1 сәуірден бастап», «26 қарашаға дейін»). English and Russian dates read right in every such place
 * ("since 1 April 2023", «с 1 апреля 2023 г.»), so they ignore it. Without one, the nominative.
 */
export type DateCase = KazakhCase

const noBreakSpace = '\u00a0'

function toDate(value: DateInput): Date {
	return typeof value === 'string' ? new Date(value) : value
}

export type Formatters = ReturnType<typeof buildFormatters>

const formattersByLocale = new Map<Locale, Formatters>()

/**
 * Number and date formatting for one language, through Intl. Dates are calendar dates stored at UTC
 * midnight, so they are always formatted in UTC. One set per language, built once: an Intl formatter
 * costs far more to build than to use, and every component of a page asks for them.
 */
export function createFormatters(locale: Locale): Formatters {
	let formatters = formattersByLocale.get(locale)
	if (!formatters) {
		formatters = buildFormatters(locale)
		formattersByLocale.set(locale, formatters)
	}
	return formatters
}

function buildFormatters(locale: Locale) {
	const tag = intlLocale[locale]
	const kazakh = locale === 'kk'
	const numberTag = kazakh ? 'ru-RU' : tag
	const integer = new Intl.NumberFormat(numberTag, { maximumFractionDigits: 0 })
	const decimal = new Intl.NumberFormat(numberTag, { maximumFractionDigits: 2 })
	const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 })
	const longDate = new Intl.DateTimeFormat(tag, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC',
	})
	const monthYear = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' })
	const longMonthYear = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' })
	const list = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' })
	const units = {
		year: new Intl.NumberFormat(tag, { style: 'unit', unit: 'year', unitDisplay: 'long' }),
		month: new Intl.NumberFormat(tag, { style: 'unit', unit: 'month', unitDisplay: 'long' }),
		day: new Intl.NumberFormat(tag, { style: 'unit', unit: 'day', unitDisplay: 'long' }),
	}

	const nbsp = (text: string) => keepNumbersTogether(text, locale)
	/** "2023 жылғы 1 сәуір": the official written form, whose last word takes the case ending. */
	const kazakhDate = (date: Date, day: boolean, grammaticalCase?: DateCase) => {
		const month = kazakhMonths[date.getUTCMonth()] ?? ''
		const last = grammaticalCase ? inflectKazakh(month, grammaticalCase) : month
		return nbsp(`${date.getUTCFullYear()} жылғы ${day ? `${date.getUTCDate()} ` : ''}${last}`)
	}
	const number = (value: number) => (Number.isInteger(value) ? integer.format(value) : decimal.format(value))
	const approximate = (value: number) => {
		const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : 2
		return decimal.format(Number(value.toFixed(digits)))
	}
	/** A number and its unit, never split across lines ("150 000 jobs", "50 % of…"; English "50% of…"). */
	const withUnit = (formatted: string, unit: string) =>
		locale === 'en' && unit.startsWith('%')
			? `${formatted}${nbsp(unit)}`
			: `${formatted}${noBreakSpace}${nbsp(unit)}`

	return {
		locale,
		tag,
		number,
		/** A share (0.5) as a percentage: "50%" in English, «50 %» (a no-break space) in Russian and Kazakh. */
		percent: (share: number) =>
			kazakh ? `${integer.format(Math.round(share * 100))}${noBreakSpace}%` : nbsp(percent.format(share)),
		/** A measured value with its unit (an indicator's), in one unbreakable piece. */
		quantity: (value: number, unit: string) => withUnit(number(value), unit),
		/** A computed value with its unit, rounded as `approximate` rounds. */
		approximateQuantity: (value: number, unit: string) => withUnit(approximate(value), unit),
		/** A calendar date; in Kazakh in the case its governing word asks for. */
		date: (value: DateInput, grammaticalCase?: DateCase) => {
			const date = toDate(value)
			return kazakh ? kazakhDate(date, true, grammaticalCase) : nbsp(longDate.format(date))
		},
		/** A month, short ("Nov 2029"), for chart axes and table rows. */
		monthYear: (value: DateInput) => {
			const date = toDate(value)
			if (!kazakh) return nbsp(monthYear.format(date))
			return nbsp(`${date.getUTCFullYear()} ж. ${kazakhMonths[date.getUTCMonth()]}`)
		},
		/** A month in full ("March 2024"), for a date whose source gives only its month, or in a sentence. */
		longMonthYear: (value: DateInput, grammaticalCase?: DateCase) => {
			const date = toDate(value)
			return kazakh ? kazakhDate(date, false, grammaticalCase) : nbsp(longMonthYear.format(date))
		},
		/** A calendar date as YYYY-MM-DD, for `<time dateTime>`. */
		isoDate: (value: DateInput) => toDate(value).toISOString().slice(0, 10),
		list: (items: string[]) => {
			if (!kazakh || items.length < 2) return list.format(items)
			return `${items.slice(0, -1).join(', ')} және ${items.at(-1)}`
		},
		/** A duration, rounded to years from two years up, to months from two months up, else in days. */
		duration: (days: number) => {
			const unit = days >= 730 ? 'year' : days >= 61 ? 'month' : 'day'
			const amount =
				unit === 'year' ? Math.round(days / 365.25) : unit === 'month' ? Math.round(days / 30.44) : days
			if (kazakh) return `${integer.format(amount)}${noBreakSpace}${kazakhUnits[unit]}`
			return nbsp(units[unit].format(amount))
		},
		/** A computed value (a point on a path), rounded to a precision that suits its size. */
		approximate,
	}
}
