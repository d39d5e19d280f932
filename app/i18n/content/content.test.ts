import { describe, expect, test } from 'vitest'
import { messagesByLocale } from '../messages.server'
import { createI18n } from '../translator'
import { about } from './about.server'
import { methodology } from './methodology.server'
import type { ProseSection } from './types'

const readerLocales = ['ru', 'kk'] as const

function textsOf(content: {
	intro: string | string[]
	sections: ProseSection[]
	laterSections?: ProseSection[]
	operator?: Record<string, string | Record<string, string>>
	statuses?: object
}): string[] {
	return [
		...Object.values(content.operator ?? {}).flatMap((value) =>
			typeof value === 'string' ? [value] : Object.values(value),
		),
		...(Array.isArray(content.intro) ? content.intro : [content.intro]),
		...Object.values(content.statuses ?? {}).filter((value): value is string => typeof value === 'string'),
		...[...content.sections, ...(content.laterSections ?? [])].flatMap((section) => [
			section.heading,
			...section.paragraphs,
			...(section.list ?? []),
		]),
	]
}

const pages = readerLocales.flatMap((locale) => [
	{ locale, page: 'about', texts: textsOf(about[locale]) },
	{
		locale,
		page: 'methodology',
		texts: [methodology[locale].statusesHeading, ...textsOf(methodology[locale])],
	},
])

// The product's name is the one Latin word a Kazakh or Russian reader meets in these pages.
const latinAllowList = ['Uade']

describe('the About and Methodology pages in Russian and Kazakh', () => {
	test('hold no English: no Latin word but the product’s name', () => {
		const latin = pages.flatMap(({ locale, page, texts }) =>
			texts.flatMap((text) =>
				(text.match(/[A-Za-z]+/g) ?? [])
					.filter((word) => !latinAllowList.includes(word))
					.map((word) => `${locale}/${page}: ${word}`),
			),
		)
		expect(latin).toEqual([])
	})

	test('name statuses, the chart and the corrections page by the labels the site shows', () => {
		for (const locale of readerLocales) {
			const text = textsOf(methodology[locale]).join('\n')
			const label = (key: 'status.PARTIAL' | 'status.KEPT' | 'status.BROKEN' | 'status.STALLED') =>
				messagesByLocale[locale][key]
			for (const key of ['status.PARTIAL', 'status.KEPT', 'status.BROKEN', 'status.STALLED'] as const) {
				expect(text).toContain(`«${label(key)}»`)
			}
			expect(text).toContain(`«${messagesByLocale[locale]['overview.overTime.title']}»`)
			expect(text).toContain(`«${messagesByLocale[locale]['corrections.title']}»`)
			expect(textsOf(about[locale]).join('\n')).toContain(`«${messagesByLocale[locale]['status.NOT_RATED']}»`)
		}
	})

	test('call the software software, not a programme, and say how pledges were kept', () => {
		expect(about.ru.intro.join(' ')).toContain('Uade — открытое программное обеспечение.')
		expect(about.kk.intro.join(' ')).toContain('бағдарламалық жасақтама')
		expect(about.kk.intro.join(' ')).toContain('олардың қалай орындалғанын')
		// "Программа" / "бағдарлама" stays the word for a politician's platform.
		expect(about.ru.intro.join(' ')).toContain('предвыборная программа')
		expect(about.kk.intro.join(' ')).toContain('сайлауалды бағдарлама')
	})

	test('keep a number and its unit on one line, and a Kazakh date without a case ending', () => {
		for (const { locale, page, texts } of pages) {
			for (const text of texts) {
				// «50 %» with a no-break space; an ordinary space would let the sign wrap away from its number.
				expect({ locale, page, text: /\d(?:%| %)/.test(text) }).toEqual({ locale, page, text: false })
			}
		}
		const kazakh = pages.filter(({ locale }) => locale === 'kk').flatMap(({ texts }) => texts)
		expect(kazakh.filter((text) => /\d+ ж\. \d+ \S+ (бастап|дейін)/.test(text))).toEqual([])
	})

	test('the About page’s platform list says “выборы” in lower case, mid-sentence', () => {
		const date = '2022-11-20'
		const line = (locale: 'en' | 'ru' | 'kk') => {
			const { t, format } = createI18n(locale, messagesByLocale[locale])
			return { line: t('about.platformElection', { date: format.date(date) }), date: format.date(date) }
		}
		// No-break spaces hold the date together (app/i18n/typography.ts).
		expect(line('ru').line.replace(/\u00a0/g, ' ')).toBe('выборы 20 ноября 2022 г.')
		expect(line('en').line.replace(/\u00a0/g, ' ')).toBe('election of 20 November 2022')
		// The Kazakh date stands alone after a colon, in the nominative the formatter gives.
		expect(line('kk').line).toBe(`сайлау күні: ${line('kk').date}`)
	})
})
