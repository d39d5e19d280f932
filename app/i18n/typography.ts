import type { Locale } from './locales'

const noBreakSpace = '\u00a0'

/**
 * Keeps a number in one piece on the screen: a no-break space inside "150 000" (however the space was
 * typed), between a number and its percent sign, and between a number and the word after it ("21 обещание",
 * "7 лет", "26 ноября", "2029 г."). In Russian and Kazakh a percent sign stands apart from its number
 * ("50 %"), except where a Kazakh ending is hyphenated onto it ("1%-ы"). For every displayed text: the UI
 * messages go through it in the translator, content text where a component shows it.
 */
export function keepNumbersTogether(text: string, locale?: Locale): string {
	// Every rule below joins after a digit: most texts have none (a render calls this hundreds of times).
	if (!/\d/.test(text)) return text
	let result = text
		// A thousands separator typed as a space (or a thin space): "150 000", "1 500 000".
		.replace(/(\d)[ \u2009\u202f](?=\d{3}(?!\d))/g, `$1${noBreakSpace}`)
		// A number and the unit, sign or word after it.
		.replace(/(\d) (?=[%\p{L}])/gu, `$1${noBreakSpace}`)
	if (locale === 'ru' || locale === 'kk') result = result.replace(/(\d)%(?!-)/g, `$1${noBreakSpace}%`)
	return result
}
