import { describe, expect, test } from 'vitest'
import { messagesByLocale } from './messages.server'
import { createFormatters } from './format'
import { negotiateLocale, pathInLocale, preferredLocale } from './locales'
import { createI18n, placeholdersOf, type MessageKey } from './translator'

const keys = Object.keys(messagesByLocale.en).filter((key): key is MessageKey => key in messagesByLocale.en)

describe('the UI messages', () => {
	test('Russian and Kazakh fill every message with the same placeholders as English', () => {
		for (const locale of ['ru', 'kk'] as const) {
			const mismatched = keys.filter(
				(key) =>
					placeholdersOf(messagesByLocale[locale][key]).join() !==
					placeholdersOf(messagesByLocale.en[key]).join(),
			)
			expect({ locale, mismatched }).toEqual({ locale, mismatched: [] })
		}
	})

	test('no translated message is left in English', () => {
		// Words that are the same in every language: the brand, the arrow of a status change, and a feed
		// entry's "status: pledge" (both already in the reader's language).
		const sameEverywhere = new Set<MessageKey>([
			'site.name',
			'pledge.timeline.change',
			'feed.entry.status',
			// The pledge's own title and its status, both translated where they are used.
			'embed.badgeTitle',
			'overview.title',
			'staff.pageTitle',
		])
		for (const locale of ['ru', 'kk'] as const) {
			const untranslated = keys.filter(
				(key) =>
					!sameEverywhere.has(key) &&
					JSON.stringify(messagesByLocale[locale][key]) === JSON.stringify(messagesByLocale.en[key]),
			)
			expect({ locale, untranslated }).toEqual({ locale, untranslated: [] })
		}
	})

	test('plurals follow each language’s rules', () => {
		const forms = (locale: 'en' | 'ru' | 'kk', count: number) =>
			createI18n(locale, messagesByLocale[locale]).t('count.pledges', { count })
		// The number and its noun are joined by a no-break space: they never part at a line's end.
		expect([1, 2, 21].map((count) => forms('en', count))).toEqual([
			'1\u00a0pledge',
			'2\u00a0pledges',
			'21\u00a0pledges',
		])
		expect([1, 3, 5, 21, 150_000].map((count) => forms('ru', count))).toEqual([
			'1\u00a0обещание',
			'3\u00a0обещания',
			'5\u00a0обещаний',
			'21\u00a0обещание',
			'150\u00a0000\u00a0обещаний',
		])
		expect(forms('kk', 21)).toBe('21\u00a0уәде')
	})
})

describe('numbers and dates in the reader’s language', () => {
	test('150 000 in Russian and Kazakh, 150,000 in English', () => {
		expect(createFormatters('en').number(150_000)).toBe('150,000')
		expect(createFormatters('ru').number(150_000)).toBe('150\u00a0000')
		expect(createFormatters('kk').number(150_000)).toBe('150\u00a0000')
		expect(createFormatters('ru').number(0.43)).toBe('0,43')
	})

	test('dates are written the local way, Kazakh ones without relying on the runtime’s ICU data', () => {
		expect(createFormatters('en').date('2029-11-26')).toBe('26\u00a0November 2029')
		expect(createFormatters('ru').date('2029-11-26')).toBe('26\u00a0ноября 2029\u00a0г.')
		expect(createFormatters('kk').date('2029-11-26')).toBe('2029\u00a0жылғы 26\u00a0қараша')
		expect(createFormatters('kk').monthYear('2024-03-01')).toBe('2024\u00a0ж. наурыз')
		expect(createFormatters('kk').duration(1_100)).toBe('3\u00a0жыл')
		expect(createFormatters('kk').list(['а', 'ә', 'б'])).toBe('а, ә және б')
	})

	test('a sentence ending in a date that ends in a full stop keeps one full stop', () => {
		const { t, format } = createI18n('ru', messagesByLocale.ru)
		expect(
			t('pledge.indicator.summaryEmpty', { name: 'Рабочие места', target: format.date('2029-11-26') }),
		).toBe('Рабочие места: измерений пока нет. Цель — 26\u00a0ноября 2029\u00a0г.')
	})
})

describe('choosing a language', () => {
	test('Accept-Language is read by its weights; unknown languages are skipped', () => {
		expect(preferredLocale('kk-KZ,kk;q=0.9,ru;q=0.8')).toBe('kk')
		expect(preferredLocale('fr;q=0.9, ru;q=0.5, en;q=0.7')).toBe('en')
		expect(preferredLocale('de, ru;q=0')).toBeUndefined()
		expect(preferredLocale(null)).toBeUndefined()
	})

	test('a valid remembered choice wins over the header', () => {
		const request = (cookie: string) =>
			new Request('http://uade.test/', { headers: { Cookie: cookie, 'Accept-Language': 'ru' } })
		expect(negotiateLocale(request('uade_lang=kk'))).toBe('kk')
		expect(negotiateLocale(request('uade_lang=de'))).toBe('ru')
	})

	test('the same page in another language swaps the first segment only', () => {
		expect(pathInLocale('/ru/platforms/p/pledges/x', 'kk')).toBe('/kk/platforms/p/pledges/x')
		expect(pathInLocale('/privacy', 'kk')).toBe('/kk')
	})

	test('a staff page keeps its address in every language', () => {
		expect(pathInLocale('/admin/accounts', 'kk')).toBe('/admin/accounts')
		expect(pathInLocale('/evidence/new', 'ru')).toBe('/evidence/new')
		expect(pathInLocale('/account', 'en')).toBe('/account')
		expect(pathInLocale('/sign-in', 'ru')).toBe('/sign-in')
		expect(pathInLocale('/administrator', 'ru')).toBe('/ru')
	})
})
