import { describe, expect, test } from 'vitest'
import { expectedOnPath, indicatorSpan, readIndicator, type IndicatorPlan } from './indicator'

// 100 jobs on 1 January 2024 to 200 jobs on 1 January 2026 (731 days): the path passes 150 on 2 January 2025.
const jobs: IndicatorPlan = {
	direction: 'INCREASE',
	baseline: { date: '2024-01-01', value: 100 },
	target: { date: '2026-01-01', value: 200 },
}
const halfway = '2025-01-01'
const onPathAtHalfway = expectedOnPath({ ...jobs, baseline: { date: '2024-01-01', value: 100 } }, halfway)

describe('the straight path from baseline to target', () => {
	test('runs from the baseline to the target and stays flat outside them', () => {
		const plan = { ...jobs, baseline: { date: '2024-01-01', value: 100 } }
		expect(expectedOnPath(plan, '2024-01-01')).toBe(100)
		expect(expectedOnPath(plan, '2023-06-01')).toBe(100)
		expect(expectedOnPath(plan, '2026-01-01')).toBe(200)
		expect(expectedOnPath(plan, '2027-01-01')).toBe(200)
		expect(onPathAtHalfway).toBeCloseTo(100 + (100 * 366) / 731, 10)
	})
})

describe('the on-track reading', () => {
	test('with no measurement, there is no data yet', () => {
		expect(readIndicator(jobs, [])).toEqual({ reading: 'no-data', reason: 'no-measurements', latest: null })
	})

	test('a measurement exactly on the path is on track', () => {
		const reading = readIndicator(jobs, [{ date: halfway, value: onPathAtHalfway }])
		expect(reading.reading).toBe('on-track')
		expect(reading).toMatchObject({ reason: 'ahead', expected: onPathAtHalfway })
	})

	test('just above the path is on track, just below is behind', () => {
		expect(readIndicator(jobs, [{ date: halfway, value: onPathAtHalfway + 0.01 }]).reading).toBe('on-track')
		expect(readIndicator(jobs, [{ date: halfway, value: onPathAtHalfway - 0.01 }]).reading).toBe('behind')
	})

	test('a figure stored as Decimal(20, 4) that rounds the path value still counts as on it', () => {
		const plan: IndicatorPlan = {
			direction: 'INCREASE',
			baseline: { date: '2024-01-01', value: 0.1 },
			target: { date: '2024-01-04', value: 0.4 },
		}
		// 0.1 + 0.3 × 2/3 is 0.30000000000000004 in binary floating point.
		expect(readIndicator(plan, [{ date: '2024-01-03', value: 0.3 }]).reading).toBe('on-track')
	})

	test('only the latest measurement counts, whatever the order they come in', () => {
		const reading = readIndicator(jobs, [
			{ date: halfway, value: onPathAtHalfway - 20 },
			{ date: '2024-06-01', value: 190 },
		])
		expect(reading).toMatchObject({ reading: 'behind', latest: { date: halfway } })
	})

	test('without a baseline the pace cannot be judged, unless the target is already reached', () => {
		const noBaseline = { ...jobs, baseline: null }
		expect(readIndicator(noBaseline, [{ date: halfway, value: 150 }])).toMatchObject({
			reading: 'no-data',
			reason: 'no-baseline',
			latest: { value: 150 },
		})
		expect(readIndicator(noBaseline, [{ date: halfway, value: 200 }])).toMatchObject({
			reading: 'on-track',
			reason: 'target-reached',
		})
	})

	test('for a decreasing indicator, below the path is on track and above it is behind', () => {
		const morbidity: IndicatorPlan = {
			direction: 'DECREASE',
			baseline: { date: '2024-01-01', value: 200 },
			target: { date: '2026-01-01', value: 100 },
		}
		const onPath = expectedOnPath({ ...morbidity, baseline: { date: '2024-01-01', value: 200 } }, halfway)
		expect(readIndicator(morbidity, [{ date: halfway, value: onPath }]).reading).toBe('on-track')
		expect(readIndicator(morbidity, [{ date: halfway, value: onPath - 0.01 }]).reading).toBe('on-track')
		expect(readIndicator(morbidity, [{ date: halfway, value: onPath + 0.01 }]).reading).toBe('behind')
		expect(readIndicator(morbidity, [{ date: halfway, value: 90 }])).toMatchObject({
			reason: 'target-reached',
		})
	})

	test('a measurement after the deadline is held against the target itself', () => {
		expect(readIndicator(jobs, [{ date: '2026-06-01', value: 199.99 }])).toMatchObject({
			reading: 'behind',
			expected: 200,
		})
		expect(readIndicator(jobs, [{ date: '2026-06-01', value: 200 }])).toMatchObject({
			reading: 'on-track',
			reason: 'target-reached',
		})
	})
})

describe('indicatorSpan', () => {
	const target = { date: '2029-11-26', value: 150_000 }
	const termStart = '2022-11-26'

	test('runs from the baseline to the target date', () => {
		const plan: IndicatorPlan = { direction: 'INCREASE', baseline: { date: '2023-01-01', value: 1 }, target }
		expect(indicatorSpan(plan, [{ date: '2024-06-30', value: 2 }], termStart)).toEqual({
			start: '2023-01-01',
			end: '2029-11-26',
		})
	})

	test('without a baseline, from the term’s start, so a lone figure is not drawn on the y axis', () => {
		const plan: IndicatorPlan = { direction: 'INCREASE', baseline: null, target }
		expect(indicatorSpan(plan, [{ date: '2024-06-30', value: 2 }], termStart)).toEqual({
			start: termStart,
			end: '2029-11-26',
		})
	})

	test('widens to take in a figure dated outside it', () => {
		const plan: IndicatorPlan = { direction: 'INCREASE', baseline: null, target }
		const points = [
			{ date: '2022-01-31', value: 1 },
			{ date: '2030-03-31', value: 2 },
		]
		expect(indicatorSpan(plan, points, termStart)).toEqual({ start: '2022-01-31', end: '2030-03-31' })
	})
})
