import { describe, expect, test } from 'vitest'
import {
	analyzeQuery,
	editDistance,
	foldText,
	highlightMatches,
	kazakhStems,
	searchWords,
	typoDistanceFor,
} from '~/models/search-text'

describe('foldText', () => {
	test('folds Kazakh letters and ё to the letters a Russian keyboard has, in any case', () => {
		expect(foldText('ӘҒҚҢӨҰҮҺІЁ әғқңөұүһіё')).toBe('агкноуухие агкноуухие')
		expect(foldText('Қауіпсіздігін')).toBe('кауипсиздигин')
		expect(foldText('молодёжь')).toBe('молодежь')
		expect(foldText('Youth')).toBe('youth')
	})

	test('joins the digit groups of a number, whatever separates them', () => {
		for (const written of ['150000', '150 000', '150,000', '150\u00a0000', '150\u202f000', '150\u2009000']) {
			expect(foldText(`${written} jobs`)).toBe('150000 jobs')
		}
		expect(foldText('1 500 000')).toBe('1500000')
		// A decimal or a short group is not a thousands separator.
		expect(foldText('1,5 and 2 50 and 2024 2025')).toBe('1,5 and 2 50 and 2024 2025')
	})
})

describe('kazakhStems', () => {
	test('strips case and possessive endings, keeping the plural', () => {
		expect(kazakhStems('жастарға')).toEqual(['жастар'])
		expect(kazakhStems('балаларға')).toEqual(['балалар'])
		expect(kazakhStems('балалардың')).toEqual(['балалар'])
		expect(kazakhStems('саясатының')).toEqual(['саясат'])
		expect(kazakhStems('жастарын')).toEqual(['жастар'])
		expect(kazakhStems('білімге')).toEqual(['білім'])
		expect(kazakhStems('біліміне')).toEqual(['білім'])
		expect(kazakhStems('ҚОРДЫҢ')).toEqual(['қор'])
		expect(kazakhStems('қорына')).toEqual(['қор'])
	})

	test('gives both consonants of an alternating pair at the end of the stem', () => {
		expect(kazakhStems('қауіпсіздігін')).toEqual(['қауіпсіздіг', 'қауіпсіздік'])
		expect(kazakhStems('қауіпсіздік')).toEqual(['қауіпсіздік', 'қауіпсіздіг'])
		expect(kazakhStems('тапшылығын')).toEqual(['тапшылығ', 'тапшылық'])
		expect(kazakhStems('кітабы')).toEqual(['кітаб', 'кітап'])
	})

	test('strips the same from a word typed without Kazakh letters', () => {
		expect(kazakhStems('жастарга')).toEqual(['жастар'])
		expect(kazakhStems('кауипсиздигин')).toEqual(['кауипсиздиг', 'кауипсиздик'])
	})

	test('leaves roots alone and never makes a stem shorter than three letters', () => {
		expect(kazakhStems('білім')).toEqual(['білім'])
		expect(kazakhStems('бала')).toEqual(['бала'])
		expect(kazakhStems('орны')).toEqual(['орны'])
		expect(kazakhStems('суға')).toEqual(['суға'])
		expect(kazakhStems('су')).toEqual([])
		expect(kazakhStems('15000')).toEqual([])
	})
})

describe('analyzeQuery', () => {
	test('takes a term of the synonym dictionary as one unit, with its other names', () => {
		const analysis = analyzeQuery('Национальный фонд детям', 'ru')
		expect(analysis?.units.map((unit) => unit.words)).toEqual([['национальный', 'фонд'], ['детям']])
		expect(analysis?.units[0]?.synonyms).toContainEqual(['нацфонд'])
		expect(analysis?.units[0]?.synonyms).toContainEqual(['ұлттық', 'қор'])
		expect(analyzeQuery('ит', 'ru')?.units[0]?.synonyms).toContainEqual(['it'])
		expect(analyzeQuery('ЖИО', 'ru')?.units[0]?.synonyms).toContainEqual(['gdp'])
	})

	test('allows one typo in a word of four to seven letters, two in a longer one, none in numbers', () => {
		expect(['су', 'жол', 'yuth', 'жастар', 'жастарға', '150000'].map(typoDistanceFor)).toEqual([
			0, 0, 1, 1, 2, 0,
		])
		expect(analyzeQuery('yuth', 'en')?.units[0]?.typoDistance).toBe(1)
	})

	test('reads digit groups as one number and the last word as still being typed', () => {
		expect(searchWords('150 000 рабочих мест')).toEqual(['150000', 'рабочих', 'мест'])
		const typing = analyzeQuery('вода пить', 'ru')
		expect(typing?.units.map((unit) => unit.typing)).toEqual([false, true])
		expect(analyzeQuery('вода пить ', 'ru')?.units.map((unit) => unit.typing)).toEqual([false, false])
		expect(analyzeQuery(' %_ ', 'ru')).toBeUndefined()
	})
})

describe('editDistance', () => {
	test('counts letters inserted, removed or replaced, up to a bound', () => {
		expect(editDistance('yuth', 'youth', 2)).toBe(1)
		expect(editDistance('кауипсиздк', 'кауипсиздик', 2)).toBe(1)
		expect(editDistance('ваза', 'вода', 1)).toBe(2)
		expect(editDistance('a', 'abcdef', 2)).toBe(3)
	})
})

describe('highlightMatches', () => {
	const marked = (text: string, query: string, language: 'en' | 'ru' | 'kk') =>
		highlightMatches(text, analyzeQuery(query, language))
			.filter((segment) => segment.mark)
			.map((segment) => segment.text)

	test('marks the words found, by every kind of match', () => {
		expect(marked('Жастар саясатының жаңа заңы', 'жастарға ', 'kk')).toEqual(['Жастар'])
		expect(marked('Азық-түлік қауіпсіздігін нығайту', 'қауіпсіздік ', 'kk')).toEqual(['қауіпсіздігін'])
		expect(marked('IT компанияларында 150 000 жұмыс орны', 'жумыс 150000 ', 'kk')).toEqual([
			'150 000',
			'жұмыс',
		])
		expect(marked('A new youth policy', 'yuth ', 'en')).toEqual(['youth'])
		expect(marked('Не менее 150 000 рабочих мест в IT-компаниях', 'ИТ ', 'ru')).toEqual(['IT'])
		expect(marked('Jobs in IT companies', 'job compan', 'en')).toEqual(['Jobs', 'companies'])
		expect(marked('Питьевая вода и водитель', 'воды ', 'ru')).toEqual(['вода'])
	})

	test('keeps every character of the text, in order, as text', () => {
		const text = 'Жастар <b>саясаты</b> & "заң"'
		const segments = highlightMatches(text, analyzeQuery('жастар саясаты', 'kk'))
		expect(segments.map((segment) => segment.text).join('')).toBe(text)
		expect(segments.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual([
			'Жастар',
			'саясаты',
		])
		expect(highlightMatches(text, undefined)).toEqual([{ text, mark: false }])
	})

	test('marks nothing for a word the text does not have', () => {
		expect(marked('Жастар саясатының жаңа заңы', 'футбол ', 'kk')).toEqual([])
		expect(marked('Питьевая вода', 'ваза ', 'ru')).toEqual([])
	})
})
