/**
 * Builds the launch file (fair-kazakhstan.json, a document of the import format, docs/import-format.md)
 * from the research copy and the editorial layer. Pure: scripts/launch-build.ts writes what this returns,
 * and launch.test.ts checks that the checked-in file is exactly that.
 */
import { z } from 'zod'
import type { EvidenceType, PledgeStatus } from '~/.server/prisma/enums'
import { evidenceTypes } from '~/forms/evidence'
import * as editorialLayer from './editorial'
import type { EditorialItem, EditorialStatus } from './editorial'

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

export type LaunchFile = {
	format: 'uade'
	version: 1
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

	return { format: 'uade', version: 1, platformSources, evidence, statusUpdates }
}

/** The file's bytes: tab-indented JSON and a final newline, so that a rebuild of the same input is identical. */
export function serializeLaunchFile(file: LaunchFile): string {
	return `${JSON.stringify(file, null, '\t')}\n`
}
