/**
 * Kazakh case endings for the words a formatted date or count ends in (month names, "жыл"), by the two
 * rules of Kazakh suffixes: vowel harmony (a back-vowel word takes -а-/-ы- endings, a front-vowel word -е-/-і-)
 * and the last sound (an ending's first consonant assimilates to it). `Intl` has no Kazakh grammar, and
 * Chromium none of Kazakh at all (app/i18n/format.ts), so the rules live here, with their tests.
 */
export type KazakhCase =
	/** Шығыс септік (from, since: "…бастап"): қаңтардан, маусымнан, қыркүйектен, сәуірден. */
	| 'ablative'
	/** Барыс септік (to, until: "…дейін"): қарашаға, сәуірге, қыркүйекке. */
	| 'dative'
	/** Жатыс септік (on, in): қарашада, сәуірде, қыркүйекте. */
	| 'locative'
	/** Жатыс септік + -ғы/-гі (of, as of: "…мәтін"): қарашадағы, сәуірдегі, қыркүйектегі. */
	| 'locativeAttributive'

const backVowels = new Set('аоұыя')
const frontVowels = new Set('әеөүіэ')
const nasals = new Set('мнң')
// Voiceless consonants, and the voiced stops that sound voiceless at a word's end (клуб → клубтан).
const voiceless = new Set('кқпстфхцчшщбвгд')

function isFront(word: string): boolean {
	const letters = [...word.toLowerCase()].reverse()
	for (const letter of letters) {
		if (frontVowels.has(letter)) return true
		if (backVowels.has(letter)) return false
	}
	// Only и or у (they follow the word's other vowels): и is front, у back.
	return letters.includes('и')
}

/** `word` with the ending of `grammaticalCase`. */
export function inflectKazakh(word: string, grammaticalCase: KazakhCase): string {
	const last = word.toLowerCase().at(-1) ?? ''
	const front = isFront(word)
	const [a, y] = front ? ['е', 'і'] : ['а', 'ы']
	const hard = voiceless.has(last)
	switch (grammaticalCase) {
		case 'ablative':
			return `${word}${nasals.has(last) ? 'н' : hard ? 'т' : 'д'}${a}н`
		case 'dative':
			return `${word}${hard ? (front ? 'к' : 'қ') : front ? 'г' : 'ғ'}${a}`
		case 'locative':
			return `${word}${hard ? 'т' : 'д'}${a}`
		case 'locativeAttributive':
			return `${word}${hard ? 'т' : 'д'}${a}${front ? 'г' : 'ғ'}${y}`
	}
}
