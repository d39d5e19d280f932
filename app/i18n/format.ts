import type { Locale } from './locales'

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

	return {
		locale,
		tag,
		number: (value: number) => (Number.isInteger(value) ? integer.format(value) : decimal.format(value)),
		percent: (share: number) =>
			kazakh ? `${integer.format(Math.round(share * 100))}%` : percent.format(share),
		date: (value: DateInput) => {
			const date = toDate(value)
			if (!kazakh) return longDate.format(date)
			return `${date.getUTCFullYear()} ж. ${date.getUTCDate()} ${kazakhMonths[date.getUTCMonth()]}`
		},
		monthYear: (value: DateInput) => {
			const date = toDate(value)
			if (!kazakh) return monthYear.format(date)
			return `${date.getUTCFullYear()} ж. ${kazakhMonths[date.getUTCMonth()]}`
		},
		/** A month in full ("March 2024"), for a date whose source gives only its month. */
		longMonthYear: (value: DateInput) => {
			const date = toDate(value)
			if (!kazakh) return longMonthYear.format(date)
			return `${date.getUTCFullYear()} ж. ${kazakhMonths[date.getUTCMonth()]}`
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
			if (kazakh) return `${integer.format(amount)} ${kazakhUnits[unit]}`
			return units[unit].format(amount)
		},
		/** A computed value (a point on a path), rounded to a precision that suits its size. */
		approximate: (value: number) => {
			const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : 2
			return decimal.format(Number(value.toFixed(digits)))
		},
	}
}
