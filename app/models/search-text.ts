import { searchSynonyms } from './search-synonyms'

/**
 * The text side of pledge search, shared by the query (app/models/pledge-search.server.ts) and the
 * highlighting of the list: letter folding, number normalization, a Kazakh suffix stripper, synonyms and
 * the marking of matched words. The database folds documents with `uade_fold` (migration
 * 20261202100300_multilingual_search), which must do exactly what `foldText` does here.
 * docs/decisions/016-multilingual-search.md explains the design.
 */

export type SearchLanguage = 'en' | 'ru' | 'kk'

/** Kazakh letters to their nearest Russian ones, and ё to е: what a reader types without those keys. */
const foldedLetters: Record<string, string> = {
	ә: 'а',
	ғ: 'г',
	қ: 'к',
	ң: 'н',
	ө: 'о',
	ұ: 'у',
	ү: 'у',
	һ: 'х',
	і: 'и',
	ё: 'е',
}
const foldable = /[әғқңөұүһіё]/g

/** Spaces and commas between digit groups: 150 000, 150,000, 150 000 (no-break) and 150 000 (narrow). */
const digitGroupSeparator = /(\d)[ ,\u00a0\u202f\u2009](?=\d{3}(?!\d))/g

/** Lower case, digit groups joined, and the letters of `foldedLetters` replaced (one letter for one). */
export function foldText(text: string): string {
	return joinDigitGroups(text.normalize('NFC').toLowerCase()).replace(
		foldable,
		(letter) => foldedLetters[letter] ?? letter,
	)
}

export function joinDigitGroups(text: string): string {
	return text.replace(digitGroupSeparator, '$1')
}

/** Letters only per word (one letter for one), so that a folded word and its original align. */
function foldWord(word: string): string {
	return word.replace(foldable, (letter) => foldedLetters[letter] ?? letter)
}

// --- Kazakh stems -------------------------------------------------------------------------------------

/**
 * Case endings, then third-person possessive endings, written folded (so that a word typed without Kazakh letters strips
 * the same) and tried longest first. The plural (-лар/-лер/-дар/-тар …) is kept: "балаларға" is "балалар",
 * not "бала", which would also find "балабақша" (kindergarten). Bare -а/-е (dative) are left alone: too
 * many roots end in them ("бала", "жаңа").
 */
// prettier-ignore
const caseEndings = [
	'дагы', 'деги', 'тагы', 'теги', 'ндагы', 'ндеги', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'дын', 'дин', 'тын', 'тин', 'нын', 'нин', 'мен', 'бен', 'пен', 'нда', 'нде', 'га', 'ге', 'ка', 'ке', 'на', 'не', 'да', 'де', 'та', 'те', 'ды', 'ди', 'ты', 'ти', 'ны', 'ни', 'н',
].sort((a, b) => b.length - a.length)
/** Third-person possessives only: a root may end in -ым/-ім/-м (білім) or -ың/-ң, and "my X" is rarely searched. */
const possessiveEndings = ['сы', 'си', 'ы', 'и']

/** A stem is never shorter than this. */
const minStemLength = 3

function stripOne(word: string, endings: readonly string[], shortest: number): string {
	for (const ending of endings) {
		const rest = word.length - ending.length
		if (word.endsWith(ending) && rest >= (ending.length === 1 ? shortest : minStemLength)) {
			return word.slice(0, rest)
		}
	}
	return word
}

/** Voiced and voiceless pairs that alternate at the end of a stem: қауіпсіздік / қауіпсіздігі. */
const alternation: Record<string, string> = { к: 'г', г: 'к', қ: 'ғ', ғ: 'қ', п: 'б', б: 'п' }

/**
 * The stems of a Kazakh word form, in the word's own letters, each to be matched as the start of a word
 * (Kazakh adds endings and never changes the front of a word, so the start is the stem): the word with its
 * case and possessive endings stripped, and, where that stem ends in к/қ/п or г/ғ/б, the same stem with the
 * other consonant of the pair ("қауіпсіздігін" → қауіпсіздіг, қауіпсіздік). Empty for a word shorter than
 * three letters and for a number, which only match as themselves.
 */
export function kazakhStems(word: string): string[] {
	const lower = word.normalize('NFC').toLowerCase()
	const folded = foldWord(lower)
	if (/\d/.test(folded)) return []
	// A one-letter ending is taken from a longer word only, unless a case ending followed it ("қорына").
	const withoutCase = stripOne(folded, caseEndings, minStemLength + 1)
	const shortest = withoutCase.length < folded.length ? minStemLength : minStemLength + 1
	const stemLength = stripOne(withoutCase, possessiveEndings, shortest).length
	if (stemLength < minStemLength) return []
	const stem = lower.slice(0, stemLength)
	const other = alternation[stem.at(-1) ?? '']
	return other && stem.length > minStemLength ? [stem, stem.slice(0, -1) + other] : [stem]
}

// --- Query analysis ------------------------------------------------------------------------------------

/** One word of the query, or several that together name a term of the synonym dictionary. */
export type QueryUnit = {
	/** As typed, lower-cased (for a multi-word term, its words joined by a space). */
	words: string[]
	/** The same, folded. */
	folded: string[]
	/** The last word, still being typed: matched as the start of a word too. */
	typing: boolean
	/** Kazakh stems (kk readers only), matched as word starts, in original and folded letters. */
	stems: string[]
	/** Other names of the same thing, each a list of words. */
	synonyms: string[][]
	/** How many letters may differ for a typo to still match (0: none). */
	typoDistance: number
}

export type QueryAnalysis = { units: QueryUnit[]; language: SearchLanguage }

const maxQueryWords = 12
const wordPattern = /[\p{L}\p{M}\p{N}]+/gu

/** Words of a text: letters, marks and digits; a number's digit groups are one word. */
export function searchWords(text: string): string[] {
	return (joinDigitGroups(text.normalize('NFC')).match(wordPattern) ?? []).map((word) => word.toLowerCase())
}

/** A typo is one letter in a word of 4 to 7, two in a longer one; short words and numbers must be exact. */
export function typoDistanceFor(word: string): number {
	if (/^\d+$/.test(word)) return 0
	const length = [...word].length
	return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

type SynonymTerm = { folded: string[]; group: readonly string[] }
const synonymTerms: SynonymTerm[] = searchSynonyms.flatMap((group) =>
	group.map((term) => ({ folded: searchWords(term).map(foldWord), group })),
)
const longestSynonym = Math.max(...synonymTerms.map((term) => term.folded.length))

function synonymAt(folded: string[], start: number): SynonymTerm | undefined {
	let best: SynonymTerm | undefined
	for (const term of synonymTerms) {
		const length = term.folded.length
		if (length > longestSynonym || start + length > folded.length) continue
		if (best && best.folded.length >= length) continue
		if (term.folded.every((word, index) => folded[start + index] === word)) best = term
	}
	return best
}

/**
 * The query as units to match: every word (at most 12, each at most 64 characters), with a run of words
 * that is a term of the synonym dictionary taken as one unit. The last word is still being typed unless
 * the query ends with a space (search as you type). Undefined for a query with no words.
 */
export function analyzeQuery(query: string | undefined, language: SearchLanguage): QueryAnalysis | undefined {
	if (query === undefined) return undefined
	const words = searchWords(query)
		.slice(0, maxQueryWords)
		.map((word) => word.slice(0, 64))
	if (words.length === 0) return undefined
	const folded = words.map(foldWord)
	const stillTyping = !/\s$/.test(query)
	const units: QueryUnit[] = []
	for (let index = 0; index < words.length;) {
		const term = synonymAt(folded, index)
		const length = term?.folded.length ?? 1
		const unitWords = words.slice(index, index + length)
		const unitFolded = folded.slice(index, index + length)
		const synonyms = term
			? term.group
					.map((other) => searchWords(other))
					.filter((other) => other.map(foldWord).join(' ') !== unitFolded.join(' '))
			: []
		const single = length === 1 ? unitWords[0] : undefined
		units.push({
			words: unitWords,
			folded: unitFolded,
			typing: stillTyping && index + length === words.length,
			stems: single !== undefined && language === 'kk' ? kazakhStems(single) : [],
			synonyms,
			typoDistance: single !== undefined && !term ? typoDistanceFor(foldWord(single)) : 0,
		})
		index += length
	}
	return { units, language }
}

// --- Highlighting ------------------------------------------------------------------------------------

export type TextSegment = { text: string; mark: boolean }

/** Levenshtein distance, giving up (returning `max + 1`) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
	const left = [...a]
	const right = [...b]
	if (Math.abs(left.length - right.length) > max) return max + 1
	let previous = Array.from({ length: right.length + 1 }, (_, index) => index)
	for (let i = 1; i <= left.length; i++) {
		const current = [i]
		let rowMin = i
		for (let j = 1; j <= right.length; j++) {
			const cost = left[i - 1] === right[j - 1] ? 0 : 1
			const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
			current.push(value)
			rowMin = Math.min(rowMin, value)
		}
		if (rowMin > max) return max + 1
		previous = current
	}
	return previous[right.length] ?? max + 1
}

function commonPrefixLength(a: string, b: string): number {
	let length = 0
	while (length < a.length && length < b.length && a[length] === b[length]) length++
	return length
}

/**
 * Whether a word of the text is one of the query's, in the same spirit as the database's match: the same
 * word folded; the start of it (a Kazakh stem, the word being typed, a long synonym); the same stem as far
 * as a shared beginning shows (jobs/job, воды/вода, companies/company, but not вода/водитель); or a typo.
 * The database decides what is found; this only marks words in what it found.
 */
function matchesWord(textWord: string, queryWord: string, asPrefix: boolean, typoDistance: number): boolean {
	if (textWord === queryWord) return true
	if (asPrefix && queryWord.length >= 2 && textWord.startsWith(queryWord)) return true
	const shared = commonPrefixLength(textWord, queryWord)
	const longer = Math.max(textWord.length, queryWord.length)
	const shorter = Math.min(textWord.length, queryWord.length)
	if (shared >= 3 && shared >= longer - 3 && shared >= shorter - 2 && !/\d/.test(queryWord)) return true
	return typoDistance > 0 && editDistance(textWord, queryWord, typoDistance) <= typoDistance
}

type Needle = { word: string; asPrefix: boolean; typoDistance: number }

function needlesOf(analysis: QueryAnalysis): Needle[] {
	return analysis.units.flatMap((unit) => [
		...unit.folded.map((word, index) => ({
			word,
			asPrefix: unit.typing && index === unit.folded.length - 1,
			typoDistance: unit.typoDistance,
		})),
		...unit.stems.map((stem) => ({ word: foldWord(stem), asPrefix: true, typoDistance: 0 })),
		...unit.synonyms.flat().map((word) => {
			const folded = foldWord(word)
			return { word: folded, asPrefix: folded.length >= 4, typoDistance: 0 }
		}),
	])
}

const tokenPattern = /\d{1,3}(?:[ ,\u00a0\u202f\u2009]\d{3})+(?!\d)|[\p{L}\p{M}\p{N}]+/gu

/**
 * The text cut into plain and marked parts, the marked ones being the words the query matched. The parts
 * are text, for React to render as text nodes inside `<mark>`: nothing of the text or the query is ever
 * read as HTML. Without a query the whole text is one plain part.
 */
export function highlightMatches(text: string, analysis: QueryAnalysis | undefined): TextSegment[] {
	if (!analysis) return [{ text, mark: false }]
	const needles = needlesOf(analysis)
	const segments: TextSegment[] = []
	const push = (part: string, mark: boolean) => {
		if (part === '') return
		const last = segments.at(-1)
		if (last && last.mark === mark && !mark) last.text += part
		else segments.push({ text: part, mark })
	}
	let position = 0
	for (const match of text.matchAll(tokenPattern)) {
		const token = match[0]
		const folded = foldText(token).replace(/[ ,\u00a0\u202f\u2009]/g, '')
		const mark = needles.some((needle) =>
			matchesWord(folded, needle.word, needle.asPrefix, needle.typoDistance),
		)
		push(text.slice(position, match.index), false)
		push(token, mark)
		position = match.index + token.length
	}
	push(text.slice(position), false)
	return segments
}
