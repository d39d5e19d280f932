import { describe, expect, test } from 'vitest'
import type { Locale } from './locales'
import { messagesByLocale } from './messages.server'
import { createI18n, type MessageKey } from './translator'

// Every count a public page shows with a noun, for 1, 2, 5 and 21 in each language: English one/other,
// Russian one/few/many (21 takes the "one" form), Kazakh the singular after every numeral.
const counts = [1, 2, 5, 21]

function render(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}) {
	const { t } = createI18n(locale, messagesByLocale[locale])
	return counts.map((count) => t(key, { ...values, count }).replaceAll('\u00a0', ' '))
}

function durations(locale: Locale) {
	const { format } = createI18n(locale, messagesByLocale[locale])
	return counts.map((days) => format.duration(days).replaceAll('\u00a0', ' '))
}

describe('every count goes through the plural rules', () => {
	test('in English', () => {
		expect(render('en', 'count.pledges')).toEqual(['1 pledge', '2 pledges', '5 pledges', '21 pledges'])
		expect(render('en', 'list.found')).toEqual([
			'1 pledge found',
			'2 pledges found',
			'5 pledges found',
			'21 pledges found',
		])
		expect(render('en', 'chart.centreCaption')).toEqual(['pledge', 'pledges', 'pledges', 'pledges'])
		expect(render('en', 'overview.browseAll')).toEqual([
			'Browse the only pledge',
			'Browse all 2 pledges',
			'Browse all 5 pledges',
			'Browse all 21 pledges',
		])
		expect(render('en', 'overview.distribution.summary', { parts: '…' })).toEqual([
			'Of 1 pledge: ….',
			'Of 2 pledges: ….',
			'Of 5 pledges: ….',
			'Of 21 pledges: ….',
		])
		expect(render('en', 'pledge.indicator.summary', { name: 'Jobs', latest: 'x', target: 'y' })).toEqual([
			'Jobs: 1 measurement; latest x. Target y.',
			'Jobs: 2 measurements; latest x. Target y.',
			'Jobs: 5 measurements; latest x. Target y.',
			'Jobs: 21 measurements; latest x. Target y.',
		])
		expect(render('en', 'pledge.milestones.summary', { done: 0 })).toEqual([
			'0 of 1 step done',
			'0 of 2 steps done',
			'0 of 5 steps done',
			'0 of 21 steps done',
		])
		expect(render('en', 'overview.empty.noneRated')).toEqual([
			'The only pledge has not been rated yet.',
			'None of the 2 pledges has been rated yet.',
			'None of the 5 pledges has been rated yet.',
			'None of the 21 pledges has been rated yet.',
		])
		expect(durations('en')).toEqual(['1 day', '2 days', '5 days', '21 days'])
	})

	test('in Russian', () => {
		expect(render('ru', 'count.pledges')).toEqual(['1 обещание', '2 обещания', '5 обещаний', '21 обещание'])
		expect(render('ru', 'list.found')).toEqual([
			'Найдено 1 обещание',
			'Найдено 2 обещания',
			'Найдено 5 обещаний',
			'Найдено 21 обещание',
		])
		// Under the number in the doughnut's hole: «21 / обещание».
		expect(render('ru', 'chart.centreCaption')).toEqual(['обещание', 'обещания', 'обещаний', 'обещание'])
		expect(
			render('ru', 'pledge.indicator.summary', { name: 'Рабочие места', latest: 'x', target: 'y' }),
		).toEqual([
			'Рабочие места: 1 измерение; последнее — x. Цель — y.',
			'Рабочие места: 2 измерения; последнее — x. Цель — y.',
			'Рабочие места: 5 измерений; последнее — x. Цель — y.',
			'Рабочие места: 21 измерение; последнее — x. Цель — y.',
		])
		expect(durations('ru')).toEqual(['1 день', '2 дня', '5 дней', '21 день'])
	})

	test('in Kazakh, with no plural ending after a numeral', () => {
		expect(render('kk', 'count.pledges')).toEqual(['1 уәде', '2 уәде', '5 уәде', '21 уәде'])
		expect(render('kk', 'list.found')).toEqual([
			'1 уәде табылды',
			'2 уәде табылды',
			'5 уәде табылды',
			'21 уәде табылды',
		])
		expect(render('kk', 'chart.centreCaption')).toEqual(['уәде', 'уәде', 'уәде', 'уәде'])
		expect(
			render('kk', 'pledge.indicator.summary', { name: 'Жұмыс орындары', latest: 'x', target: 'y' }),
		).toEqual([
			'Жұмыс орындары: 1 өлшем; соңғысы — x. Мақсат — y.',
			'Жұмыс орындары: 2 өлшем; соңғысы — x. Мақсат — y.',
			'Жұмыс орындары: 5 өлшем; соңғысы — x. Мақсат — y.',
			'Жұмыс орындары: 21 өлшем; соңғысы — x. Мақсат — y.',
		])
		expect(render('kk', 'overview.empty.noneRated')).toEqual([
			'Жалғыз уәде әлі бағаланбаған.',
			'2 уәденің ешқайсысы әлі бағаланбаған.',
			'5 уәденің ешқайсысы әлі бағаланбаған.',
			'21 уәденің ешқайсысы әлі бағаланбаған.',
		])
		expect(durations('kk')).toEqual(['1 күн', '2 күн', '5 күн', '21 күн'])
	})
})
