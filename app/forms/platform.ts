import { z } from 'zod'
import {
	addFieldIssue,
	alwaysCheck,
	intent,
	isoDate,
	isoDateOf,
	limits,
	optionalText,
	recordId,
	slug,
	text,
	version,
	webAddress,
} from './fields'
import { integrityMessages, termProblems, type DateRuleProblem } from './integrity-rules'
import type { ProblemMessages } from './problems'
import {
	checkTranslations,
	translationFields,
	translationFormValues,
	type TranslationRules,
} from './translations'

// A politician's platform: the programme its pledges come from. The slug is fixed once created.

const platformFields = {
	politicianId: recordId({ missing: 'Choose a politician.' }),
	title: text({ missing: 'Enter the platform’s title.', max: limits.title }),
	summary: optionalText({ max: limits.summary }),
	electionDate: isoDate({ missing: 'Enter the election date.' }),
	termStart: isoDate({ missing: 'Enter the date the term starts.' }),
	termEnd: isoDate({ missing: 'Enter the date the term ends.' }),
	sourceUrl: webAddress({ missing: 'Enter the address of the source.' }),
	sourceTitle: text({ missing: 'Enter the title of the source.', max: limits.title }),
	sourcePublisher: text({ missing: 'Enter who published the source.', max: limits.publisher }),
	sourcePublishedAt: isoDate({ missing: 'Enter a date as YYYY-MM-DD, or leave it empty.' }).optional(),
	...translationFields,
}

/** A translation's summary may be left out (the platform's own, or none, shows), its title not. */
export const platformTranslationRules = { summary: 'optional' } as const satisfies TranslationRules

const termMessages = {
	'before-start': integrityMessages.termBeforeStart,
	'before-election': integrityMessages.termBeforeElection,
} as const

/**
 * The term's rules (app/forms/integrity-rules; the model checks them again), and the translations' (a
 * summary needs its title).
 */
function checkTerm(platform: Record<string, unknown>, context: z.RefinementCtx) {
	checkTranslations(platform, context, platformTranslationRules)
	const { electionDate, termStart, termEnd } = platform
	if (!(termStart instanceof Date) || !(termEnd instanceof Date)) return
	const election = electionDate instanceof Date ? electionDate : null
	const problem = termProblems({ electionDate: election, termStart, termEnd }).termEnd
	if (problem) addFieldIssue(context, 'termEnd', termMessages[problem])
}

export const platformCreateSchema = z
	.object({ slug: slug(), ...platformFields })
	.superRefine(checkTerm, alwaysCheck)
export const platformEditSchema = z
	.object({ version: version(), ...platformFields })
	.superRefine(checkTerm, alwaysCheck)

export type PlatformCreateInput = z.output<typeof platformCreateSchema>
export type PlatformEditInput = z.output<typeof platformEditSchema>

/** Why the model refused a platform, per field (the date rules' codes too: app/forms/integrity-rules). */
export type PlatformProblem = 'taken' | 'unknown' | DateRuleProblem

export const platformProblems: ProblemMessages<PlatformProblem> = {
	slug: { taken: 'Another platform has this slug.' },
	politicianId: { unknown: 'Choose a politician from the list.' },
	termEnd: termMessages,
}

/** A stored platform as its edit form shows it: dates as YYYY-MM-DD, nothing as an empty field. */
export function platformFormValues(platform: {
	politicianId: string
	title: string
	summary: string | null
	electionDate: Date
	termStart: Date
	termEnd: Date
	sourceUrl: string
	sourceTitle: string
	sourcePublisher: string
	sourcePublishedAt: Date | null
	version: number
	translations: Array<{ locale: string; title: string; summary: string | null }>
}) {
	return {
		version: String(platform.version),
		politicianId: platform.politicianId,
		title: platform.title,
		summary: platform.summary ?? '',
		electionDate: isoDateOf(platform.electionDate),
		termStart: isoDateOf(platform.termStart),
		termEnd: isoDateOf(platform.termEnd),
		sourceUrl: platform.sourceUrl,
		sourceTitle: platform.sourceTitle,
		sourcePublisher: platform.sourcePublisher,
		sourcePublishedAt: platform.sourcePublishedAt ? isoDateOf(platform.sourcePublishedAt) : '',
		...translationFormValues(platform.translations),
	}
}

export type PlatformFormValues = ReturnType<typeof platformFormValues>

// Part D (platforms): a platform's publication, from the buttons of its catalogue page.

/** What an admin can do to a platform's publication. */
export const publicationChanges = ['publish', 'unpublish', 'feature', 'unfeature'] as const
export type PublicationChange = (typeof publicationChanges)[number]

export const platformPublicationSchema = z.object({ intent: intent(publicationChanges) })

export const publicationMessages = {
	publish: 'The platform is published: everyone can see it, and it is in the platform list and the sitemap.',
	unpublish: 'The platform is a draft again: only signed-in staff can see it.',
	feature: 'The home page now shows this platform.',
	unfeature:
		'The platform is no longer featured: the home page shows the newest published platform by election date.',
	unchanged: 'Nothing changed: the platform was already so.',
	draft: 'Publish the platform before featuring it: the home page shows only a published platform.',
} as const
