import { z } from 'zod'
import { limits, slug, text, version } from './fields'
import type { ProblemMessages } from './problems'

const politicianFields = {
	name: text({ missing: 'Enter the politician’s name.', max: limits.name }),
	office: text({ missing: 'Enter the office, for example President of Kazakhstan.', max: limits.name }),
}

export const politicianCreateSchema = z.object({ slug: slug(), ...politicianFields })
export const politicianEditSchema = z.object({ version: version(), ...politicianFields })

export type PoliticianCreateInput = z.output<typeof politicianCreateSchema>
export type PoliticianEditInput = z.output<typeof politicianEditSchema>

export const politicianProblems: ProblemMessages<'taken'> = {
	slug: { taken: 'Another politician has this slug.' },
}

/** A stored politician as its edit form shows it. */
export function politicianFormValues(politician: { name: string; office: string; version: number }) {
	return { name: politician.name, office: politician.office, version: String(politician.version) }
}
