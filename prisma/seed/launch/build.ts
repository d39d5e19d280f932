/**
 * Builds the launch file (fair-kazakhstan.json, a document of the import format, docs/import-format.md)
 * from the research copy and the editorial layer. Pure: scripts/launch-build.ts writes what this returns,
 * and launch.test.ts checks that the checked-in file is exactly that.
 */
import { z } from 'zod'
import type { EvidenceType, PledgeStatus } from '~/.server/prisma/enums'
import { evidenceTypes } from '~/forms/evidence'
import * as editorialLayer from './editorial'
import type { PlatformSeed, PledgeSeed } from '~/db/tooling/seed.server'
import { fairKazakhstan } from '../fair-kazakhstan'
import type { EditorialItem, EditorialMilestone, EditorialStatus } from './editorial'

export const researchPath = 'prisma/seed/launch/research/fair-kazakhstan-evidence.json'
export const launchFilePath = 'prisma/seed/launch/fair-kazakhstan.json'

/** How the research file joins the fragments of one excerpt (the page text between them is left out). */
export const fragmentSeparator = ' … '

const researchItemSchema = z.object({
	id: z.string(),
	pledge: z.string().nullable(),
	type: z.enum(evidenceTypes),
	url: z.string(),
	title: z.string(),
	publisher: z.string(),
	published_on: z.string().nullable(),
	published_on_note: z.string().nullable(),
	language: z.string(),
	excerpt: z.string(),
	excerpt_en: z.string().nullable(),
	recommended: z.boolean(),
})
const researchSchema = z.object({ items: z.array(researchItemSchema) })

export type ResearchItem = z.infer<typeof researchItemSchema>
export type Research = z.infer<typeof researchSchema>

export function parseResearch(text: string): Research {
	return researchSchema.parse(JSON.parse(text))
}

type TitleTranslations = { ru: { title: string }; kk: { title: string } }

export type LaunchSource = {
	platform: string
	type: EvidenceType
	sourceUrl: string
	archiveUrl: string | null
	title: string
	publisher: string
	publishedOn: string | null
	publishedNote: string | null
	excerpt: string
	excerptLanguage: string
	excerptInEnglish: string | null
	translations: TitleTranslations
}

export type LaunchEvidence = LaunchSource & {
	pledge: string
	measurement: { value: number; asOf: string } | null
	suggestedStatus: null
	suggestionReason: null
	submittedBy: string
	review: { state: 'APPROVED'; by: string; note: null }
}

export type LaunchStatusUpdate = {
	platform: string
	pledge: string
	status: PledgeStatus
	effectiveDate: string
	rationale: string
	translations: { ru: { rationale: string }; kk: { rationale: string } }
	evidence: Array<{ sourceUrl: string; excerpt: string }>
	author: string
	corrects: null
	correctionReason: null
}

/** A seeded pledge as the import format writes it (only milestone pledges whose steps the launch dates). */
export type LaunchPledge = {
	platform: string
	slug: string
	category: string
	title: string
	summary: string
	quote: string
	sourceUrl: string
	sourceDate: string
	deadline: string
	kind: 'MILESTONE'
	translations: { ru?: { title: string; summary: string }; kk?: { title: string; summary: string } }
	milestoneSteps: Array<{
		title: string
		doneOn: string | null
		translations: { ru?: { title: string }; kk?: { title: string } }
	}>
}

export type LaunchFile = {
	format: 'uade'
	version: 1
	pledges: LaunchPledge[]
	platformSources: LaunchSource[]
	evidence: LaunchEvidence[]
	statusUpdates: LaunchStatusUpdate[]
}

export type EditorialLayer = {
	platformSlug: string
	researchAccount: string
	editorialAccount: string
	platformSources: EditorialItem[]
	evidence: EditorialItem[]
	statusUpdates: EditorialStatus[]
	milestonesReached: EditorialMilestone[]
}

/** `[{ locale: 'RU', … }]` as the format's `{ ru: …, kk: … }`. */
function byLanguage<Row extends { locale: string }, Out>(rows: readonly Row[], shape: (row: Row) => Out) {
	const out: { ru?: Out; kk?: Out } = {}
	for (const row of rows) {
		if (row.locale === 'RU') out.ru = shape(row)
		if (row.locale === 'KK') out.kk = shape(row)
	}
	return out
}

/** The seeded milestone pledges whose steps the launch evidence dates, with those steps done. */
function pledgesWithStepsReached(
	seedPlatform: PlatformSeed,
	layer: EditorialLayer,
	filed: Array<{ id: string; entry: LaunchEvidence }>,
): LaunchPledge[] {
	const slugs = [...new Set(layer.milestonesReached.map((reached) => reached.pledge))]
	return slugs.map((slug) => {
		const category = seedPlatform.categories.find((each) =>
			each.pledges.some((pledge) => pledge.slug === slug),
		)
		const pledge: PledgeSeed | undefined = category?.pledges.find((each) => each.slug === slug)
		if (!category || !pledge || pledge.kind !== 'MILESTONE')
			throw new Error(`${slug}: no seeded milestone pledge`)
		const reached = layer.milestonesReached.filter((each) => each.pledge === slug)
		for (const step of reached) {
			if (!pledge.milestoneSteps.some((seeded) => seeded.title === step.step))
				throw new Error(`${slug}: no step “${step.step}”`)
			const source = filed.find((each) => each.id === step.restsOn && each.entry.pledge === slug)
			if (!source) throw new Error(`${slug}: the step rests on ${step.restsOn}, not filed under the pledge`)
		}
		return {
			platform: seedPlatform.slug,
			slug,
			category: category.slug,
			title: pledge.title,
			summary: pledge.summary,
			quote: pledge.quote,
			sourceUrl: pledge.sourceUrl,
			sourceDate: pledge.sourceDate,
			deadline: pledge.deadline,
			kind: 'MILESTONE',
			translations: byLanguage(pledge.translations, ({ title, summary }) => ({ title, summary })),
			milestoneSteps: pledge.milestoneSteps.map((step) => ({
				title: step.title,
				doneOn: reached.find((each) => each.step === step.title)?.doneOn ?? null,
				translations: byLanguage(step.translations, ({ title }) => ({ title })),
			})),
		}
	})
}

/** The part of a research excerpt (or of its English translation) an editorial entry keeps. */
function fragmentOf(text: string, fragment: number | undefined, where: string): string {
	if (fragment === undefined) return text
	const fragments = text.split(fragmentSeparator)
	const kept = fragments[fragment]
	if (kept === undefined || fragments.length < 2) {
		throw new Error(`${where}: the excerpt has no fragment ${fragment}`)
	}
	return kept
}

function sourceOf(item: EditorialItem, research: ResearchItem, platform: string): LaunchSource {
	const where = `${item.id}${item.fragment === undefined ? '' : `#${item.fragment}`}`
	if (research.published_on === null && !item.publishedNote) {
		throw new Error(`${where}: the source prints no date, so the entry needs a publishedNote`)
	}
	if (research.published_on !== null && item.publishedNote) {
		throw new Error(`${where}: the source is dated, so the entry takes no publishedNote`)
	}
	return {
		platform,
		type: research.type,
		sourceUrl: research.url,
		archiveUrl: null,
		title: item.title ?? research.title,
		publisher: research.publisher,
		publishedOn: research.published_on,
		publishedNote: research.published_on === null ? (item.publishedNote ?? null) : null,
		excerpt: fragmentOf(research.excerpt, item.fragment, where),
		excerptLanguage: research.language,
		// A non-English excerpt's translation, cut the same way as the excerpt.
		excerptInEnglish:
			research.excerpt_en === null
				? null
				: fragmentOf(research.excerpt_en, item.fragment, `${where} (English)`),
		translations: { ru: { title: item.translations.ru.title }, kk: { title: item.translations.kk.title } },
	}
}

export function buildLaunchFile(research: Research, layer: EditorialLayer = editorialLayer): LaunchFile {
	const byId = new Map(research.items.map((item) => [item.id, item]))
	const researchItem = (id: string) => {
		const item = byId.get(id)
		if (!item) throw new Error(`${id}: no such item in the research file`)
		return item
	}

	const platformSources = layer.platformSources.map((item) => {
		const source = researchItem(item.id)
		if (source.pledge !== null) throw new Error(`${item.id}: about a pledge, not the platform`)
		if (item.measurement) throw new Error(`${item.id}: a platform source takes no measurement`)
		return sourceOf(item, source, layer.platformSlug)
	})

	const filed = layer.evidence.map((item) => {
		const source = researchItem(item.id)
		const pledge = item.pledge ?? source.pledge
		if (pledge === null) throw new Error(`${item.id}: about the platform, not a pledge`)
		const entry: LaunchEvidence = {
			...sourceOf(item, source, layer.platformSlug),
			pledge,
			measurement: item.measurement ? { value: item.measurement.value, asOf: item.measurement.asOf } : null,
			suggestedStatus: null,
			suggestionReason: null,
			submittedBy: layer.researchAccount,
			review: { state: 'APPROVED', by: layer.editorialAccount, note: null },
		}
		return { id: item.id, entry }
	})
	// The import format lists platform and pledge first: the file reads in that order too.
	const evidence = filed.map(({ entry }) => {
		const { platform, pledge, ...rest } = entry
		return { platform, pledge, ...rest }
	})

	const statusUpdates = layer.statusUpdates.map((update): LaunchStatusUpdate => {
		const restsOn = update.restsOn.flatMap((id) => {
			const matches = filed.filter(
				(candidate) => candidate.id === id && candidate.entry.pledge === update.pledge,
			)
			if (matches.length === 0)
				throw new Error(`${update.pledge}: rests on ${id}, not filed under the pledge`)
			return matches.map(({ entry }) => ({ sourceUrl: entry.sourceUrl, excerpt: entry.excerpt }))
		})
		return {
			platform: layer.platformSlug,
			pledge: update.pledge,
			status: update.status,
			effectiveDate: update.effectiveDate,
			rationale: update.rationale.en,
			translations: { ru: { rationale: update.rationale.ru }, kk: { rationale: update.rationale.kk } },
			evidence: restsOn,
			author: layer.editorialAccount,
			corrects: null,
			correctionReason: null,
		}
	})

	const pledges = pledgesWithStepsReached(fairKazakhstan, layer, filed)
	return { format: 'uade', version: 1, pledges, platformSources, evidence, statusUpdates }
}

/** The file's bytes: tab-indented JSON and a final newline, so that a rebuild of the same input is identical. */
export function serializeLaunchFile(file: LaunchFile): string {
	return `${JSON.stringify(file, null, '\t')}\n`
}
