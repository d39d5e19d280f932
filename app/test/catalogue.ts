import { pledgeFormValues, type PledgeFormValues } from '~/forms/pledge'
import { getPledgeRecord } from '~/models/pledge.server'

/** A stored pledge as its edit page shows it: the form's values, with its status (which the form never sets). */
export async function storedPledge(pledgeId: string) {
	const pledge = await getPledgeRecord(pledgeId)
	if (!pledge) throw new Error(`no pledge ${pledgeId}`)
	return { ...pledgeFormValues(pledge), status: pledge.status }
}

/** The fields of the edit form exactly as the page sends them for a stored pledge. */
export function formFieldsOf(pledge: PledgeFormValues): Array<[string, string]> {
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
	pledge.steps.forEach((step, index) => {
		fields.push([`steps[${index}].title`, step.title], [`steps[${index}].doneOn`, step.doneOn])
	})
	return fields
}

/** The same fields with some values replaced. */
export function withChanges(fields: Array<[string, string]>, changes: Record<string, string>) {
	return fields.map(([name, value]): [string, string] => [
		name,
		name in changes ? (changes[name] ?? '') : value,
	])
}

/** The fields without the milestone steps. */
export function withoutSteps(fields: Array<[string, string]>) {
	return fields.filter(([name]) => !name.startsWith('steps'))
}

/** What conform's "Add a step" / "Remove" buttons send as `__intent__`. */
export const stepIntent = {
	insert: JSON.stringify({ type: 'insert', payload: { name: 'steps' } }),
	remove: (index: number) => JSON.stringify({ type: 'remove', payload: { name: 'steps', index } }),
}

/**
 * The Russian and Kazakh fields of a stored pledge's indicator and steps as the edit page sends them
 * (issue 10, part cat); `formFieldsOf` gives the rest of the form.
 */
export function translationFieldsOf(pledge: PledgeFormValues): Array<[string, string]> {
	const fields: Array<[string, string]> = [
		['ruIndicatorName', pledge.ruIndicatorName],
		['ruIndicatorUnit', pledge.ruIndicatorUnit],
		['kkIndicatorName', pledge.kkIndicatorName],
		['kkIndicatorUnit', pledge.kkIndicatorUnit],
	]
	pledge.steps.forEach((step, index) => {
		fields.push([`steps[${index}].ruTitle`, step.ruTitle], [`steps[${index}].kkTitle`, step.kkTitle])
	})
	return fields
}
