import type { IndicatorDirection } from '~/.server/prisma/enums'

export type IndicatorPoint = { date: string; value: number }

export type IndicatorPlan = {
	direction: IndicatorDirection
	/** Where the straight path starts; without it the pace cannot be judged. */
	baseline: IndicatorPoint | null
	/** Where the path ends: the target value by the target date (the pledge's deadline). */
	target: IndicatorPoint
}

export type IndicatorReading =
	| { reading: 'no-data'; reason: 'no-measurements' | 'no-baseline'; latest: IndicatorPoint | null }
	| { reading: 'on-track'; reason: 'target-reached'; latest: IndicatorPoint }
	| { reading: 'on-track'; reason: 'ahead'; latest: IndicatorPoint; expected: number }
	| { reading: 'behind'; reason: 'behind'; latest: IndicatorPoint; expected: number }

// Decimal(20, 4) values read back as binary floats; anything closer than this counts as equal.
const tolerance = 1e-9

function time(date: string): number {
	return Date.parse(date)
}

/**
 * The value the straight path from the baseline to the target gives at `date`: the baseline before the
 * baseline date, the target from the target date on.
 */
export function expectedOnPath(plan: IndicatorPlan & { baseline: IndicatorPoint }, date: string): number {
	const { baseline, target } = plan
	const start = time(baseline.date)
	const end = time(target.date)
	const at = time(date)
	if (at <= start) return baseline.value
	if (at >= end || end <= start) return target.value
	return baseline.value + ((target.value - baseline.value) * (at - start)) / (end - start)
}

/** True when `value` is at least as good as `reference` for the indicator's direction. */
function atLeastAsGood(direction: IndicatorDirection, value: number, reference: number): boolean {
	const margin = tolerance * Math.max(1, Math.abs(reference))
	return direction === 'INCREASE' ? value >= reference - margin : value <= reference + margin
}

/**
 * The plain-language reading of a quantitative pledge: "on track" when the latest measurement is at or
 * beyond the straight path from the baseline to the target on its date (or has reached the target),
 * "behind" when it falls short of the path, "no data yet" without a measurement, or without a baseline
 * while the target is not reached. A measurement after the deadline is held against the target itself.
 */
export function readIndicator(plan: IndicatorPlan, measurements: IndicatorPoint[]): IndicatorReading {
	const latest = measurements.reduce<IndicatorPoint | null>(
		(newest, point) => (newest === null || time(point.date) >= time(newest.date) ? point : newest),
		null,
	)
	if (latest === null) return { reading: 'no-data', reason: 'no-measurements', latest: null }
	if (atLeastAsGood(plan.direction, latest.value, plan.target.value)) {
		return { reading: 'on-track', reason: 'target-reached', latest }
	}
	if (plan.baseline === null) return { reading: 'no-data', reason: 'no-baseline', latest }
	const expected = expectedOnPath({ ...plan, baseline: plan.baseline }, latest.date)
	return atLeastAsGood(plan.direction, latest.value, expected)
		? { reading: 'on-track', reason: 'ahead', latest, expected }
		: { reading: 'behind', reason: 'behind', latest, expected }
}

/**
 * The dates an indicator's chart spans: from the baseline (or, without one, the start of the term) to the
 * target date, widened only to take in a measurement outside them. A lone measurement thus sits where it
 * falls in the term, not on the chart's y axis.
 */
export function indicatorSpan(
	plan: IndicatorPlan,
	measurements: IndicatorPoint[],
	termStart: string,
): { start: string; end: string } {
	let start = plan.baseline?.date ?? termStart
	let end = plan.target.date
	for (const { date } of measurements) {
		if (time(date) < time(start)) start = date
		if (time(date) > time(end)) end = date
	}
	return { start, end }
}
