import { describe, expect, test } from 'vitest'
import { latestToday } from './fields'
import {
	deadlineProblem,
	indicatorDateProblems,
	publicTextProblem,
	statusDateProblem,
	termProblems,
} from './integrity-rules'

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
// 2026-12-01 at noon UTC: already 2 December somewhere on Earth (UTC+14), not yet 3 December anywhere.
const today = latestToday(new Date('2026-12-01T12:00:00Z'))

describe('the rules of dates that cannot be true', () => {
	test('a status takes effect from the day its pledge was made until today, anywhere on Earth', () => {
		const pledgeMadeOn = day('2022-10-26')
		expect(statusDateProblem(day('2022-10-25'), { pledgeMadeOn, today })).toBe('before-pledge')
		expect(statusDateProblem(day('2022-10-26'), { pledgeMadeOn, today })).toBeNull()
		expect(statusDateProblem(day('2026-12-02'), { pledgeMadeOn, today })).toBeNull()
		expect(statusDateProblem(day('2026-12-03'), { pledgeMadeOn, today })).toBe('in-future')
		expect(statusDateProblem(day('1990-01-01'), { pledgeMadeOn: null, today })).toBeNull()
	})

	test('a deadline falls on the day the pledge was made at the earliest', () => {
		const sourceDate = day('2022-10-26')
		expect(deadlineProblem({ deadline: day('2020-01-01'), sourceDate })).toBe('before-source-date')
		expect(deadlineProblem({ deadline: day('2022-10-26'), sourceDate })).toBeNull()
	})

	test('an indicator’s baseline is not in the future, and its target comes after it', () => {
		const targetDate = day('2029-11-26')
		expect(indicatorDateProblems({ baselineDate: null, targetDate, today })).toEqual({})
		expect(indicatorDateProblems({ baselineDate: day('2026-12-02'), targetDate, today })).toEqual({})
		expect(indicatorDateProblems({ baselineDate: day('2026-12-03'), targetDate, today })).toEqual({
			baselineDate: 'in-future',
		})
		const pastTarget = day('2024-01-01')
		expect(indicatorDateProblems({ baselineDate: pastTarget, targetDate: pastTarget, today })).toEqual({
			targetDate: 'before-baseline',
		})
	})

	test('a term ends after it starts and after the election; it may start before the election', () => {
		const electionDate = day('2022-11-20')
		const term = (termStart: string, termEnd: string) =>
			termProblems({ electionDate, termStart: day(termStart), termEnd: day(termEnd) })
		expect(term('2022-11-26', '2029-11-26')).toEqual({})
		expect(term('2022-01-01', '2029-11-26')).toEqual({})
		expect(term('2022-11-26', '2022-11-26')).toEqual({ termEnd: 'before-start' })
		expect(term('2020-01-01', '2022-11-20')).toEqual({ termEnd: 'before-election' })
	})
})

describe('a public text is a sentence', () => {
	test.each([
		['r', 'too-short'],
		['Hiring is up.', 'too-short'],
		['Supercalifragilistic-expialidocious', 'too-short'],
		['a b c d e f g h i j', 'too-short'],
		['The decree was signed.', null],
		['  Указ подписан в марте.  ', null],
		['Заң 2024 жылы қабылданды.', null],
	])('%j: %s', (text, problem) => {
		expect(publicTextProblem(text)).toBe(problem)
	})
})
