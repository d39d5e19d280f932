/**
 * What no record may say because it cannot be true: a status in effect before its pledge was made or after
 * today, a deadline before the pledge, a target before its baseline, a term that ends before it starts, a
 * one-word reason on the permanent public record. Pure functions answering problem codes (`today` is a
 * parameter, never the clock), used by the form schemas (in the browser too) and again by the model
 * functions that write (app/models/*), so that a script or an import writing through the models meets the
 * same rules as a form. They live in forms/ because a form may import nothing but forms (see the layers in
 * eslint.config.js); the static ones are also CHECK constraints (migration 20261201120000_integrity_rules).
 */

export type DateRuleProblem =
	| 'in-future'
	| 'before-pledge'
	| 'before-source-date'
	| 'before-baseline'
	| 'before-start'
	| 'before-election'

export type TextRuleProblem = 'too-short'

/**
 * A rationale or a correction reason is public and permanent: at least a short sentence, never "r" or
 * "see above". 20 characters after trimming and at least 3 words is the shortest true explanation we could
 * write ("The decree was signed."), while it refuses a word, a code or a typo.
 */
export const publicTextMinimum = { characters: 20, words: 3 } as const

/** Words as a reader counts them: runs of letters or digits, in any script. */
function wordCount(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** Whether a public text (a rationale, a correction reason) is a real sentence. */
export function publicTextProblem(text: string): TextRuleProblem | null {
	const trimmed = text.trim()
	if (trimmed.length < publicTextMinimum.characters || wordCount(trimmed) < publicTextMinimum.words) {
		return 'too-short'
	}
	return null
}

/**
 * A ledger entry's effective date: not after `today` (the latest date anywhere on Earth, `latestToday`),
 * and not before the pledge was made (its source's date) when that is known.
 */
export function statusDateProblem(
	effectiveDate: Date,
	{ pledgeMadeOn, today }: { pledgeMadeOn: Date | null; today: Date },
): Extract<DateRuleProblem, 'in-future' | 'before-pledge'> | null {
	if (effectiveDate > today) return 'in-future'
	if (pledgeMadeOn && effectiveDate < pledgeMadeOn) return 'before-pledge'
	return null
}

/** A pledge's deadline may fall on the day it was made, never before. */
export function deadlineProblem({
	deadline,
	sourceDate,
}: {
	deadline: Date
	sourceDate: Date
}): Extract<DateRuleProblem, 'before-source-date'> | null {
	return deadline < sourceDate ? 'before-source-date' : null
}

/** An indicator's baseline was measured already (not after `today`); its target comes after the baseline. */
export function indicatorDateProblems({
	baselineDate,
	targetDate,
	today,
}: {
	baselineDate: Date | null
	targetDate: Date
	today: Date
}): { baselineDate?: 'in-future'; targetDate?: 'before-baseline' } {
	const problems: { baselineDate?: 'in-future'; targetDate?: 'before-baseline' } = {}
	if (baselineDate && baselineDate > today) problems.baselineDate = 'in-future'
	if (baselineDate && targetDate <= baselineDate) problems.targetDate = 'before-baseline'
	return problems
}

/**
 * A term ends after it starts and after the election. It may start before the election (a sitting
 * president re-elected early), so the start is not compared with the election.
 */
export function termProblems({
	electionDate,
	termStart,
	termEnd,
}: {
	electionDate: Date | null
	termStart: Date
	termEnd: Date
}): { termEnd?: Extract<DateRuleProblem, 'before-start' | 'before-election'> } {
	if (termEnd <= termStart) return { termEnd: 'before-start' }
	if (electionDate && termEnd <= electionDate) return { termEnd: 'before-election' }
	return {}
}

/** The staff's English sentences for these problems, at the field they concern. */
export const integrityMessages = {
	publicTextTooShort: `Write at least a short sentence (${publicTextMinimum.characters} characters, ${publicTextMinimum.words} words or more): the public reads this, and it stays on record.`,
	statusInFuture: 'A status cannot take effect in the future.',
	/** `madeOn` as YYYY-MM-DD. */
	statusBeforePledge: (madeOn: string) =>
		`The pledge was made on ${madeOn}: a status cannot take effect before it.`,
	deadlineBeforeSource: 'The deadline cannot come before the pledge was made (the date of the source).',
	baselineInFuture: 'A baseline is a figure already measured: its date cannot be in the future.',
	targetBeforeBaseline: 'The target date must come after the baseline date.',
	termBeforeStart: 'The term must end after it starts.',
	termBeforeElection: 'The term must end after the election.',
} as const
