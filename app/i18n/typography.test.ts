import { describe, expect, test } from 'vitest'
import { createFormatters } from './format'
import type { Locale } from './locales'
import { messagesByLocale } from './messages.server'
import { createI18n } from './translator'
import { keepNumbersTogether } from './typography'

const nbsp = '\u00a0'
const locales: Locale[] = ['en', 'ru', 'kk']
/** A breakable space inside a number or after one: where a line could split "150 000" or "21 обещание". */
const breakable = /\d[ \u2009](?=\d|\p{L}|%)|\d [\p{L}%]/u

describe('numbers are never broken across lines', () => {
	test('content text typed with plain spaces gets no-break ones', () => {
		expect(keepNumbersTogether('Не менее 150 000 рабочих мест', 'ru')).toBe(
			`Не менее 150${nbsp}000${nbsp}рабочих мест`,
		)
		expect(keepNumbersTogether('1 500 000 теңге', 'kk')).toBe(`1${nbsp}500${nbsp}000${nbsp}теңге`)
		expect(keepNumbersTogether('150\u2009000 jobs', 'en')).toBe(`150${nbsp}000${nbsp}jobs`)
		// Years side by side, or a range, are two numbers, not one.
		expect(keepNumbersTogether('2022 2029', 'en')).toBe('2022 2029')
	})

	test('a percent sign stands apart from its number in Russian and Kazakh, as in the tables', () => {
		expect(keepNumbersTogether('Цифровые технологии — 1% ВВП', 'ru')).toBe(
			`Цифровые технологии — 1${nbsp}% ВВП`,
		)
		expect(keepNumbersTogether('50 % дохода', 'ru')).toBe(`50${nbsp}% дохода`)
		// A hyphenated Kazakh ending stays on the sign it is written on.
		expect(keepNumbersTogether('ЖІӨ-нің 1%-ы', 'kk')).toBe('ЖІӨ-нің 1%-ы')
		expect(keepNumbersTogether('1% of GDP', 'en')).toBe('1% of GDP')
		expect(createFormatters('ru').percent(0.5)).toBe(`50${nbsp}%`)
		expect(createFormatters('kk').percent(0.5)).toBe(`50${nbsp}%`)
		expect(createFormatters('en').percent(0.5)).toBe('50%')
	})

	test('every formatted number, date, duration and quantity holds together in every language', () => {
		for (const locale of locales) {
			const format = createFormatters(locale)
			const texts = [
				format.number(150_000),
				format.number(1_234_567.25),
				format.percent(0.43),
				format.quantity(150_000, locale === 'en' ? 'jobs' : 'рабочих мест'),
				format.quantity(50, '% of annual investment income'),
				format.approximateQuantity(101_310.4, 'jobs'),
				format.date('2029-11-26'),
				format.date('2029-11-26', 'dative'),
				format.monthYear('2029-11-01'),
				format.longMonthYear('2029-11-01'),
				format.duration(2_600),
				format.duration(90),
				format.duration(5),
			]
			expect({ locale, broken: texts.filter((text) => breakable.test(text)) }).toEqual({ locale, broken: [] })
		}
	})

	test('every UI message with numbers in it holds them together', () => {
		for (const locale of locales) {
			const { t, format } = createI18n(locale, messagesByLocale[locale])
			const texts = [
				t('count.pledges', { count: 150_000 }),
				t('list.found', { count: 21 }),
				t('time.overdueBy', { duration: format.duration(2_600) }),
				t('pledge.indicator.byDate', {
					value: format.quantity(150_000, 'jobs'),
					date: format.date('2029-11-26', 'dative'),
				}),
				t('overview.distribution.summary', { count: 21, parts: '21 not rated' }),
				t('pagination.page', { page: 2, pages: 12 }),
			]
			expect({ locale, broken: texts.filter((text) => breakable.test(text)) }).toEqual({ locale, broken: [] })
		}
	})
})
