import type { PledgeFormValues } from '~/components/pledge-form'

/** What was sent in a pledge form, as the form shows it again (every field text, steps paired up). */
export function submittedPledgeValues(values: Record<string, string | string[]>): PledgeFormValues {
	const text = (name: string) => {
		const value = values[name]
		return typeof value === 'string' ? value : ''
	}
	const list = (name: string) => {
		const value = values[name]
		return value === undefined ? [] : Array.isArray(value) ? value : [value]
	}
	const doneOn = list('stepDoneOn')
	return {
		version: text('version') || undefined,
		platformId: text('platformId'),
		slug: text('slug'),
		kind: text('kind'),
		categoryId: text('categoryId'),
		title: text('title'),
		summary: text('summary'),
		quote: text('quote'),
		sourceUrl: text('sourceUrl'),
		sourceDate: text('sourceDate'),
		deadline: text('deadline'),
		ruTitle: text('ruTitle'),
		ruSummary: text('ruSummary'),
		kkTitle: text('kkTitle'),
		kkSummary: text('kkSummary'),
		indicatorName: text('indicatorName'),
		indicatorUnit: text('indicatorUnit'),
		baselineValue: text('baselineValue'),
		baselineDate: text('baselineDate'),
		targetValue: text('targetValue'),
		targetDate: text('targetDate'),
		direction: text('direction'),
		steps: list('stepTitle')
			.map((title, index) => ({ title, doneOn: doneOn[index] ?? '' }))
			.filter((step) => step.title.trim() !== '' || step.doneOn.trim() !== ''),
	}
}
