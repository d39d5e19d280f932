import type { PledgeForm } from '~/models/catalogue.server'

/** The fields of the edit form exactly as the page fills them in for a stored pledge. */
export function formFieldsOf(pledge: PledgeForm): Array<[string, string]> {
	const fields: Array<[string, string]> = [
		['version', pledge.version],
		['categoryId', pledge.categoryId],
		['title', pledge.title],
		['summary', pledge.summary],
		['quote', pledge.quote],
		['sourceUrl', pledge.sourceUrl],
		['sourceDate', pledge.sourceDate],
		['deadline', pledge.deadline],
		['ruTitle', pledge.ruTitle],
		['ruSummary', pledge.ruSummary],
		['kkTitle', pledge.kkTitle],
		['kkSummary', pledge.kkSummary],
		['indicatorName', pledge.indicatorName],
		['indicatorUnit', pledge.indicatorUnit],
		['baselineValue', pledge.baselineValue],
		['baselineDate', pledge.baselineDate],
		['targetValue', pledge.targetValue],
		['targetDate', pledge.targetDate],
		['direction', pledge.direction],
	]
	for (const step of [...pledge.steps, { title: '', doneOn: '' }]) {
		fields.push(['stepTitle', step.title], ['stepDoneOn', step.doneOn])
	}
	return fields
}

/** The same fields with some values replaced. */
export function withChanges(fields: Array<[string, string]>, changes: Record<string, string>) {
	return fields.map(([name, value]): [string, string] => [
		name,
		name in changes ? (changes[name] ?? '') : value,
	])
}
