import { describe, expect, test } from 'vitest'
import { createFormatters } from './format'
import { inflectKazakh } from './kazakh'
import { messagesByLocale } from './messages.server'
import { createI18n } from './translator'

const nbsp = '\u00a0'
/** A text with its no-break spaces shown as plain ones, to compare with a sentence as one reads it. */
const plain = (text: string) => text.replaceAll(nbsp, ' ')

describe('Kazakh case endings', () => {
	test('every month in the ablative, dative, locative and its attributive form', () => {
		const months = createFormatters('kk')
		const forms = Array.from({ length: 12 }, (_, month) => {
			const date = new Date(Date.UTC(2023, month, 1))
			return [
				months.longMonthYear(date, 'ablative'),
				months.longMonthYear(date, 'dative'),
				months.longMonthYear(date, 'locative'),
				months.longMonthYear(date, 'locativeAttributive'),
			].map((text) => plain(text).replace('2023 жылғы ', ''))
		})
		expect(forms).toEqual([
			['қаңтардан', 'қаңтарға', 'қаңтарда', 'қаңтардағы'],
			['ақпаннан', 'ақпанға', 'ақпанда', 'ақпандағы'],
			['наурыздан', 'наурызға', 'наурызда', 'наурыздағы'],
			['сәуірден', 'сәуірге', 'сәуірде', 'сәуірдегі'],
			['мамырдан', 'мамырға', 'мамырда', 'мамырдағы'],
			['маусымнан', 'маусымға', 'маусымда', 'маусымдағы'],
			['шілдеден', 'шілдеге', 'шілдеде', 'шілдедегі'],
			['тамыздан', 'тамызға', 'тамызда', 'тамыздағы'],
			['қыркүйектен', 'қыркүйекке', 'қыркүйекте', 'қыркүйектегі'],
			['қазаннан', 'қазанға', 'қазанда', 'қазандағы'],
			['қарашадан', 'қарашаға', 'қарашада', 'қарашадағы'],
			['желтоқсаннан', 'желтоқсанға', 'желтоқсанда', 'желтоқсандағы'],
		])
	})

	test('the endings follow vowel harmony and the last sound, not only for months', () => {
		expect(inflectKazakh('жыл', 'ablative')).toBe('жылдан')
		expect(inflectKazakh('мектеп', 'dative')).toBe('мектепке')
		expect(inflectKazakh('бақ', 'dative')).toBe('баққа')
		expect(inflectKazakh('үй', 'locative')).toBe('үйде')
		expect(inflectKazakh('Астана', 'ablative')).toBe('Астанадан')
		expect(inflectKazakh('клуб', 'ablative')).toBe('клубтан')
	})

	test('a date after бастап, дейін or before мәтін takes its case in the sentence', () => {
		const { t, format } = createI18n('kk', messagesByLocale.kk)
		expect(plain(t('pledge.since', { date: format.date('2023-04-01', 'ablative') }))).toBe(
			'2023 жылғы 1 сәуірден бастап',
		)
		expect(
			plain(
				t('pledge.indicator.byDate', {
					value: format.quantity(150_000, 'жұмыс орны'),
					date: format.date('2029-11-26', 'dative'),
				}),
			),
		).toBe('2029 жылғы 26 қарашаға дейін 150 000 жұмыс орны')
		expect(plain(t('pledge.quoteSource', { date: format.date('2022-11-26', 'locativeAttributive') }))).toBe(
			'Дереккөз (дәйексөз 2022 жылғы 26 қарашадағы мәтін бойынша)',
		)
		expect(plain(format.longMonthYear('2026-12-01', 'locativeAttributive'))).toBe('2026 жылғы желтоқсандағы')
		// Without a case, the nominative: a date that stands alone after a colon.
		expect(plain(t('overview.election', { date: format.date('2022-11-20') }))).toBe(
			'Сайлау күні: 2022 жылғы 20 қараша',
		)
	})

	test('Russian and English dates ignore the case: they read right after с, к, since and by', () => {
		const ru = createI18n('ru', messagesByLocale.ru)
		expect(plain(ru.t('pledge.since', { date: ru.format.date('2023-04-01', 'ablative') }))).toBe(
			'с 1 апреля 2023 г.',
		)
		const en = createI18n('en', messagesByLocale.en)
		expect(plain(en.t('pledge.since', { date: en.format.date('2023-04-01', 'ablative') }))).toBe(
			'since 1 April 2023',
		)
	})
})
