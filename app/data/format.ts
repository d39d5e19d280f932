import { z } from 'zod'
import { evidenceTypes } from '~/forms/evidence'
import { limits, optionalText, slug, text, webAddress } from '~/forms/fields'
import { pledgeKinds } from '~/forms/pledge'
import { statuses } from '~/forms/status-update'

/**
 * The import format, version 1 (docs/import-format.md): the shape of a document, field by field. The JSON
 * Schema in docs/import-format.schema.json is made from this one (`npm run data:schema`; a test keeps the
 * two equal), so the two never disagree. What a shape cannot say (a pledge named by a slug that exists, a
 * date before the pledge was made, the four-eyes rule) is checked by the import itself
 * (app/data/import.server.ts), with the rules of the forms.
 */
export const formatName = 'uade'
export const formatVersion = 1

/**
 * Markup is refused in every text: the site shows texts as text, so a tag would show as typed, and a
 * document carrying one was most likely exported from a web page by mistake. "<" before a space or a digit
 * ("< 5 %") is not a tag and is kept.
 */
export const htmlPattern = /<[a-zA-Z/!?]|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/
const noHtml = (value: string) => !htmlPattern.test(value)
const noHtmlMessage = 'Remove the HTML: texts are plain text (no tags, no entities such as &amp;).'

function plain(max: number, missing: string) {
	return text({ missing, max }).refine(noHtml, noHtmlMessage)
}

function plainOrNull(max: number) {
	return optionalText({ max })
		.refine((value) => value === undefined || noHtml(value), noHtmlMessage)
		.nullable()
		.optional()
}

const isoDayPattern = /^\d{4}-\d{2}-\d{2}$/
function isRealDay(value: string): boolean {
	const date = new Date(`${value}T00:00:00Z`)
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/** A calendar day, `YYYY-MM-DD`. */
export const day = z
	.string({ error: 'Give a date as YYYY-MM-DD, for example 2024-03-31.' })
	.regex(isoDayPattern, 'Give a date as YYYY-MM-DD, for example 2024-03-31.')
	.refine(isRealDay, 'This date does not exist in the calendar.')

/** A publication date as precise as the source printed it: a year, a month or a day. */
export const publicationDay = z
	.string({ error: 'Give the date as YYYY, YYYY-MM or YYYY-MM-DD.' })
	.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'Give the date as YYYY, YYYY-MM or YYYY-MM-DD.')
	.refine(
		(value) => isRealDay(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value),
		'This date does not exist in the calendar.',
	)

/** Decimal(20, 4) in the database: up to 16 digits before the point and 4 after. */
export const figure = z
	.number({ error: 'Give a number (without quotes), for example 150000 or 1.5.' })
	.refine((value) => Number.isFinite(value) && Math.abs(value) < 1e16, 'This number is too large.')
	.refine(
		(value) => Number.isInteger(Math.round(value * 10_000 * 1e6) / 1e6),
		'Give at most 4 digits after the point.',
	)

const email = z
	.string({ error: 'Give the email address of an existing account.' })
	.max(limits.email)
	.regex(/^[^\s@]+@[^\s@]+$/, 'Give the email address of an existing account.')

const position = z.number().int('Give a whole number.').min(0).max(100_000)

export const pledgeStatus = z.enum(statuses, { error: `Use one of: ${statuses.join(', ')}.` })
// The review states a file may give (a withdrawn item is its author's act, not an import's).
const reviewStates = ['PENDING', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED'] as const

/** `{ ru?: …, kk?: … }`: each language optional, no other key. */
function translations<Shape extends z.ZodRawShape>(shape: Shape) {
	const one = z.strictObject(shape)
	return z.strictObject({ ru: one.optional(), kk: one.optional() }).optional()
}

const slugRef = slug()

export const politicianRecord = z.strictObject({
	slug: slug(),
	name: plain(limits.name, 'Give the name.'),
	office: plain(limits.name, 'Give the office.'),
	translations: translations({
		name: plain(limits.name, 'Give the name.'),
		office: plain(limits.name, 'Give the office.'),
	}),
})

export const platformRecord = z.strictObject({
	slug: slug(),
	politician: slugRef,
	title: plain(limits.title, 'Give the title.'),
	summary: plainOrNull(limits.summary),
	translations: translations({
		title: plain(limits.title, 'Give the title.'),
		summary: plainOrNull(limits.summary),
	}),
	electionDate: day,
	termStart: day,
	termEnd: day,
	source: z.strictObject({
		url: webAddress({ missing: 'Give the address of the platform’s text.' }),
		title: plain(limits.title, 'Give the title of the platform’s text.'),
		publisher: plain(limits.publisher, 'Give who published it.'),
		publishedOn: day.nullable().optional(),
	}),
	/** Absent: a new platform is a draft, an existing one stays as it is. */
	published: z.boolean().optional(),
})

export const categoryRecord = z.strictObject({
	platform: slugRef,
	slug: slug(),
	parent: slugRef.nullable().optional(),
	title: plain(limits.title, 'Give the title.'),
	summary: plainOrNull(limits.summary),
	position: position.optional(),
	translations: translations({
		title: plain(limits.title, 'Give the title.'),
		summary: plainOrNull(limits.summary),
	}),
})

const indicatorRecord = z.strictObject({
	name: plain(limits.title, 'Give the indicator’s name.'),
	unit: plain(limits.unit, 'Give the unit.'),
	translations: translations({
		name: plain(limits.title, 'Give the indicator’s name.'),
		unit: plain(limits.unit, 'Give the unit.'),
	}),
	baselineValue: figure.nullable().optional(),
	baselineDate: day.nullable().optional(),
	targetValue: figure,
	targetDate: day,
	direction: z.enum(['INCREASE', 'DECREASE'], { error: 'Use INCREASE or DECREASE.' }),
})

const milestoneStepRecord = z.strictObject({
	title: plain(limits.title, 'Give the step’s title.'),
	doneOn: day.nullable().optional(),
	translations: translations({ title: plain(limits.title, 'Give the step’s title.') }),
})

export const pledgeRecord = z.strictObject({
	platform: slugRef,
	slug: slug(),
	category: slugRef,
	title: plain(limits.title, 'Give the title.'),
	summary: plain(limits.summary, 'Give the summary.'),
	quote: plain(limits.quote, 'Give the platform’s own words.'),
	sourceUrl: webAddress({ missing: 'Give the address of the source.' }),
	sourceDate: day,
	deadline: day,
	position: position.optional(),
	kind: z.enum(pledgeKinds, { error: `Use one of: ${pledgeKinds.join(', ')}.` }),
	translations: translations({
		title: plain(limits.title, 'Give the title.'),
		summary: plain(limits.summary, 'Give the summary.'),
	}),
	indicator: indicatorRecord.nullable().optional(),
	milestoneSteps: z.array(milestoneStepRecord).max(limits.steps).optional(),
})

/** What a platform source and an evidence item share. */
const sourceFields = {
	type: z.enum(evidenceTypes, { error: `Use one of: ${evidenceTypes.join(', ')}.` }),
	sourceUrl: webAddress({ missing: 'Give the address of the source.' }),
	archiveUrl: webAddress({ missing: 'Give the archive’s address, or null.' }).nullable().optional(),
	title: plain(limits.title, 'Give the title of the source.'),
	publisher: plain(limits.publisher, 'Give who published it.'),
	publishedOn: publicationDay.nullable().optional(),
	publishedNote: plainOrNull(limits.reason),
	excerpt: plain(limits.excerpt, 'Give the passage, word for word.'),
	excerptLanguage: z
		.string()
		.regex(/^[a-z]{2,3}$/, 'Give the language as a two- or three-letter code, such as kk, ru or en.')
		.nullable()
		.optional(),
	excerptInEnglish: plainOrNull(limits.excerpt),
	translations: translations({
		title: plain(limits.title, 'Give the title.'),
		excerpt: plainOrNull(limits.excerpt),
	}),
}

export const platformSourceRecord = z.strictObject({ platform: slugRef, ...sourceFields })

export const evidenceRecord = z.strictObject({
	platform: slugRef,
	pledge: slugRef,
	...sourceFields,
	measurement: z.strictObject({ value: figure, asOf: day }).nullable().optional(),
	suggestedStatus: pledgeStatus.nullable().optional(),
	suggestionReason: plainOrNull(limits.reason),
	submittedBy: email.nullable().optional(),
	review: z
		.strictObject({
			state: z.enum(reviewStates, { error: `Use one of: ${reviewStates.join(', ')}.` }),
			by: email.nullable().optional(),
			note: plainOrNull(limits.reason),
		})
		.optional(),
})

const evidenceKey = z.strictObject({
	sourceUrl: webAddress({ missing: 'Give the evidence’s source address.' }),
	excerpt: plain(limits.excerpt, 'Give the evidence’s excerpt.'),
})

export const statusUpdateRecord = z.strictObject({
	platform: slugRef,
	pledge: slugRef,
	status: pledgeStatus,
	effectiveDate: day,
	rationale: plain(limits.rationale, 'Give the rationale.'),
	translations: translations({
		rationale: plain(limits.rationale, 'Give the rationale.'),
		correctionReason: plainOrNull(limits.reason),
	}),
	evidence: z.array(evidenceKey).max(limits.evidencePerStatusUpdate).optional(),
	author: email.nullable().optional(),
	corrects: z.strictObject({ effectiveDate: day, status: pledgeStatus }).nullable().optional(),
	correctionReason: plainOrNull(limits.reason),
})

/** The whole document. `format` and `version` are checked first, on their own (see `readDocument`). */
export const importDocument = z.strictObject({
	format: z.literal(formatName),
	version: z.literal(formatVersion),
	politicians: z.array(politicianRecord).optional(),
	platforms: z.array(platformRecord).optional(),
	categories: z.array(categoryRecord).optional(),
	pledges: z.array(pledgeRecord).optional(),
	platformSources: z.array(platformSourceRecord).optional(),
	evidence: z.array(evidenceRecord).optional(),
	statusUpdates: z.array(statusUpdateRecord).optional(),
})

export type ImportDocument = z.output<typeof importDocument>
export type ImportDocumentInput = z.input<typeof importDocument>
export type PoliticianRecord = z.output<typeof politicianRecord>
export type PlatformRecord = z.output<typeof platformRecord>
export type CategoryRecord = z.output<typeof categoryRecord>
export type PledgeRecord = z.output<typeof pledgeRecord>
export type PlatformSourceRecord = z.output<typeof platformSourceRecord>
export type EvidenceRecord = z.output<typeof evidenceRecord>
export type StatusUpdateRecord = z.output<typeof statusUpdateRecord>

/** The JSON Schema of the format (docs/import-format.schema.json), made from the shapes above. */
export function importJsonSchema() {
	return {
		title: 'Uade import format, version 1',
		description: 'A document of Uade content to import (docs/import-format.md).',
		...z.toJSONSchema(importDocument, { io: 'input', unrepresentable: 'any' }),
	}
}

/** Where the schema is kept, from the project's root. */
export const importSchemaPath = 'docs/import-format.schema.json'

/** The schema file's bytes: two-space JSON and a final newline. */
export function importSchemaText(): string {
	return `${JSON.stringify(importJsonSchema(), null, 2)}\n`
}

/** A JSON pointer (RFC 6901) of a path: `/pledges/3/indicator/targetValue`. */
export function jsonPointer(path: ReadonlyArray<PropertyKey>): string {
	return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}
