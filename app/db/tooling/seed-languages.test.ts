import { describe, expect, test } from 'vitest'
import { seedPlatforms } from '~/db/tooling/seed.server'

// Latin-script words a Kazakh or Russian text may keep as they are: names and abbreviations readers
// write that way themselves. Anything else in Latin letters is English left untranslated.
const latinAllowList = ['IT']

const latinWord = /[A-Za-z]+/g
const cyrillicLetter = /\p{Script=Cyrillic}/u
// Letters of the Kazakh alphabet that Russian does not have: a "Russian" text holding one is Kazakh.
const kazakhOnlyLetter = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/

/** What is wrong with a Russian or Kazakh text, or nothing. */
function problemsOf(text: string | null | undefined, locale: 'RU' | 'KK'): string[] {
	if (text == null || text.trim() === '') return ['missing']
	const problems: string[] = []
	const latin = (text.match(latinWord) ?? []).filter((word) => !latinAllowList.includes(word))
	if (latin.length > 0) problems.push(`Latin letters: ${latin.join(', ')}`)
	if (!cyrillicLetter.test(text)) problems.push('no Cyrillic letter')
	if (locale === 'RU' && kazakhOnlyLetter.test(text)) problems.push('Kazakh letters in Russian')
	return problems
}

type Finding = { record: string; locale: 'RU' | 'KK'; field: 'title' | 'summary'; problems: string[] }

function findingsFor(
	record: string,
	translations: { locale: 'RU' | 'KK'; title: string; summary: string | null }[],
): Finding[] {
	const findings: Finding[] = []
	for (const locale of ['RU', 'KK'] as const) {
		const matching = translations.filter((translation) => translation.locale === locale)
		if (matching.length !== 1) {
			findings.push({ record, locale, field: 'title', problems: [`${matching.length} translations`] })
			continue
		}
		const [translation] = matching
		for (const field of ['title', 'summary'] as const) {
			const problems = problemsOf(translation?.[field], locale)
			if (problems.length > 0) findings.push({ record, locale, field, problems })
		}
	}
	const russian = translations.find((translation) => translation.locale === 'RU')
	const kazakh = translations.find((translation) => translation.locale === 'KK')
	if (russian && kazakh && russian.title === kazakh.title) {
		findings.push({ record, locale: 'KK', field: 'title', problems: ['same as the Russian'] })
	}
	return findings
}

const categories = seedPlatforms.flatMap((platform) =>
	platform.categories.map((category) => ({ platform: platform.slug, category })),
)
const pledges = categories.flatMap(({ platform, category }) =>
	category.pledges.map((pledge) => ({ platform, pledge })),
)

describe('the seed in Russian and Kazakh', () => {
	test('the checks catch English, a missing summary and Kazakh in a Russian text', () => {
		expect(problemsOf('Reliable energy', 'KK')).toEqual([
			'Latin letters: Reliable, energy',
			'no Cyrillic letter',
		])
		expect(problemsOf('Надёжное energy', 'RU')).toEqual(['Latin letters: energy'])
		expect(problemsOf(null, 'KK')).toEqual(['missing'])
		expect(problemsOf('  ', 'RU')).toEqual(['missing'])
		expect(problemsOf('Сенімді энергиямен жабдықтау', 'RU')).toEqual(['Kazakh letters in Russian'])
		expect(problemsOf('Не менее 150 000 рабочих мест в IT-компаниях', 'RU')).toEqual([])
		expect(problemsOf('150 000', 'KK')).toEqual(['no Cyrillic letter'])
	})

	test('every principle and topic has a Russian and a Kazakh title and summary, in Cyrillic', () => {
		expect(categories.length).toBeGreaterThan(0)
		expect(
			categories.flatMap(({ platform, category }) =>
				findingsFor(`${platform}/${category.slug}`, category.translations),
			),
		).toEqual([])
	})

	test('every pledge has a Russian and a Kazakh title and summary, in Cyrillic', () => {
		expect(pledges).toHaveLength(21)
		expect(
			pledges.flatMap(({ platform, pledge }) =>
				findingsFor(`${platform}/${pledge.slug}`, pledge.translations),
			),
		).toEqual([])
	})
})
