/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and checked in the tests both as a
 * document (a real OpenAPI validator) and as the schema of every answer the tests get (ajv, JSON Schema
 * 2020-12, OpenAPI 3.1's dialect). Each record comes in two shapes, by `lang` (app/api/texts.server.ts):
 * `…InLanguage` (texts as strings, with `englishFallback`) and `…AllLanguages` (texts as `{ en, ru, kk }`).
 * Keep it in step with app/api/records.server.ts: the tests fail when an answer and its schema disagree.
 */

type Schema = Record<string, unknown>
type Mode = 'one' | 'all'

const modes: readonly Mode[] = ['one', 'all']
const suffix = (mode: Mode) => (mode === 'one' ? 'InLanguage' : 'AllLanguages')
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
const refIn = (name: string, mode: Mode) => ref(`${name}${suffix(mode)}`)

const string: Schema = { type: 'string' }
const nullableString: Schema = { type: ['string', 'null'] }
const date: Schema = { type: 'string', format: 'date', description: 'A calendar date, YYYY-MM-DD.' }
const nullableDate: Schema = { type: ['string', 'null'], format: 'date' }
const instant: Schema = { type: 'string', format: 'date-time', description: 'An instant, ISO 8601 in UTC.' }
const nullableInstant: Schema = { type: ['string', 'null'], format: 'date-time' }
const id: Schema = {
	type: 'string',
	minLength: 1,
	description: 'A stable id: it never changes nor is reused.',
}
const slug: Schema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', description: 'A stable slug.' }
const count: Schema = { type: 'integer', minimum: 0 }
const url: Schema = { type: 'string', format: 'uri' }
const nullableUrl: Schema = { type: ['string', 'null'], format: 'uri' }

export const statuses = ['NOT_RATED', 'IN_PROGRESS', 'STALLED', 'PARTIAL', 'KEPT', 'BROKEN'] as const
const kinds = ['QUANTITATIVE', 'MILESTONE', 'QUALITATIVE'] as const
const langs = ['en', 'ru', 'kk'] as const

function object(properties: Record<string, Schema>, extra: Schema = {}): Schema {
	return {
		type: 'object',
		additionalProperties: false,
		required: Object.keys(properties),
		properties,
		...extra,
	}
}

function links(...names: string[]): Schema {
	return object(Object.fromEntries(names.map((name) => [name, url])))
}

/** A text field: a string in the requested language, or every language's. */
function text(mode: Mode, nullable: boolean): Schema {
	if (mode === 'all') return nullable ? { oneOf: [ref('OptionalTexts'), { type: 'null' }] } : ref('Texts')
	return nullable ? nullableString : string
}

/** A record of `properties` with the text fields `texts` (name: may be null), in a mode's shape. */
function record(mode: Mode, properties: Record<string, Schema>, texts: Record<string, boolean>): Schema {
	const textProperties = Object.fromEntries(
		Object.entries(texts).map(([name, nullable]) => [name, text(mode, nullable)]),
	)
	const fallback: Record<string, Schema> =
		mode === 'one'
			? {
					englishFallback: {
						type: 'array',
						uniqueItems: true,
						items: { enum: Object.keys(texts) },
						description: 'The text fields given in English because they have no translation into `lang`.',
					},
				}
			: {}
	const [first, ...rest] = Object.entries(properties)
	// id and slug first, as the answers have them.
	return object({
		...(first ? { [first[0]]: first[1] } : {}),
		...textProperties,
		...Object.fromEntries(rest),
		...fallback,
	})
}

const statusSchema: Schema = ref('Status')

function recordSchemas(mode: Mode): Record<string, Schema> {
	const name = (base: string) => `${base}${suffix(mode)}`
	const politician = record(mode, { id, slug, links: links('self', 'html') }, { name: false, office: false })
	const platformProperties = {
		id,
		slug,
		electionDate: date,
		termStart: date,
		termEnd: date,
		publishedAt: instant,
		featured: { type: 'boolean', description: 'The platform the home page shows.' },
		hasDemoData: {
			type: 'boolean',
			description: 'Its ledger, evidence and figures are fictional demo data.',
		},
		politician: refIn('Politician', mode),
		pledgeCount: count,
		statusCounts: ref('StatusCounts'),
		links: links('self', 'pledges', 'html'),
	}
	const platform = record(mode, platformProperties, { title: false, summary: true })
	const platformDetail = record(
		mode,
		{
			...platformProperties,
			source: object({ url, title: string, publisher: string, publishedOn: nullableDate }),
			categories: { type: 'array', items: refIn('CategoryNode', mode) },
		},
		{ title: false, summary: true },
	)
	const categoryNode = record(
		mode,
		{
			id,
			slug,
			pledgeCount: { ...count, description: 'Its pledges and those of every category under it.' },
			children: { type: 'array', items: refIn('CategoryNode', mode) },
		},
		{ title: false, summary: true },
	)
	const categoryRef = record(mode, { id, slug }, { title: false })
	const pledgeProperties = {
		id,
		slug,
		status: statusSchema,
		kind: ref('Kind'),
		deadline: date,
		statusUpdatedAt: {
			...nullableInstant,
			description: 'When its ledger last changed; null while it has none.',
		},
		activityAt: {
			...nullableInstant,
			description: 'When a status, evidence or figure of it last changed (what the list calls “updated”).',
		},
		platformSlug: slug,
		category: refIn('CategoryRef', mode),
		principle: { ...refIn('CategoryRef', mode), description: 'The top-level category it is under.' },
		links: links('self', 'html', 'feed'),
	}
	const pledge = record(mode, pledgeProperties, { title: false, summary: false })
	const ledgerProperties = {
		id,
		status: statusSchema,
		effectiveDate: date,
		recordedAt: instant,
	}
	const ledgerEntry = record(
		mode,
		{
			...ledgerProperties,
			fromStatus: statusSchema,
			corrects: {
				oneOf: [object({ id, status: statusSchema, effectiveDate: date }), { type: 'null' }],
				description: 'The entry this one corrects (a correction), or null.',
			},
			correctedBy: {
				...nullableString,
				description: 'The id of the newest entry correcting this one, or null.',
			},
			evidenceIds: { type: 'array', items: id, description: 'The approved evidence it rests on.' },
		},
		{ rationale: false, correctionReason: true },
	)
	const evidence = record(
		mode,
		{
			id,
			type: {
				enum: [
					'LAW_OR_DECREE',
					'BUDGET',
					'OFFICIAL_STATISTIC',
					'OFFICIAL_STATEMENT',
					'MEDIA_REPORT',
					'OTHER',
				],
			},
			publisher: string,
			sourceUrl: url,
			archiveUrl: nullableUrl,
			publishedOn: {
				...nullableDate,
				description: 'The first day of what the source prints (a day, a month, a year); null when none.',
			},
			publishedPrecision: { enum: ['DAY', 'MONTH', 'YEAR', 'NONE'] },
			publishedNote: {
				...nullableString,
				description: 'Why there is no date (precision NONE only), in English.',
			},
			excerpt: { ...string, description: 'The source’s own words, verbatim, in its language.' },
			excerptLanguage: { ...nullableString, description: 'The excerpt’s language (BCP 47), if recorded.' },
			measuredValue: { type: ['number', 'null'] },
			measuredAsOf: nullableDate,
			approvedAt: {
				...nullableInstant,
				description: 'When it was approved (null only for old records without the time).',
			},
		},
		{ title: false, excerptTranslation: true },
	)
	const indicator = record(
		mode,
		{
			id,
			direction: { enum: ['INCREASE', 'DECREASE'] },
			baseline: { oneOf: [ref('DatedValue'), { type: 'null' }] },
			target: ref('DatedValue'),
			measurements: { type: 'array', items: ref('Measurement'), description: 'Oldest first.' },
		},
		{ name: false, unit: false },
	)
	const step = record(
		mode,
		{ id, position: { type: 'integer', minimum: 0 }, doneOn: nullableDate },
		{ title: false },
	)
	const platformRef = record(mode, { id, slug, links: links('self') }, { title: false })
	const pledgeDetail = record(
		mode,
		{
			...pledgeProperties,
			quote: { ...string, description: 'The platform’s own words, verbatim.' },
			sourceUrl: url,
			sourceDate: date,
			statusSince: { ...nullableDate, description: 'The effective date of its current status’s entry.' },
			platform: refIn('PlatformRef', mode),
			politician: refIn('Politician', mode),
			ledger: {
				type: 'array',
				items: refIn('LedgerEntry', mode),
				description: 'Every entry, corrected ones included, newest effective date first.',
			},
			evidenceCount: count,
			evidence: {
				type: 'array',
				items: refIn('Evidence', mode),
				description: 'All its approved evidence, newest publication first (at most 1,000).',
			},
			indicator: { oneOf: [refIn('Indicator', mode), { type: 'null' }] },
			milestoneSteps: { type: 'array', items: refIn('MilestoneStep', mode) },
		},
		{ title: false, summary: false },
	)
	const correction = record(
		mode,
		{
			...ledgerProperties,
			fromStatus: statusSchema,
			corrects: { oneOf: [refIn('CorrectedEntry', mode), { type: 'null' }] },
			pledge: refIn('CorrectionPledge', mode),
		},
		{ rationale: false, correctionReason: true },
	)
	const correctedEntry = record(mode, { id, status: statusSchema, effectiveDate: date }, { rationale: false })
	const correctionPledge = record(
		mode,
		{ id, slug, platformSlug: slug, links: links('self', 'html') },
		{ title: false },
	)
	const politicianWithPlatforms = record(
		mode,
		{ id, slug, links: links('self', 'html'), platforms: { type: 'array', items: refIn('Platform', mode) } },
		{ name: false, office: false },
	)
	return {
		[name('Politician')]: politician,
		[name('PoliticianWithPlatforms')]: politicianWithPlatforms,
		[name('Platform')]: platform,
		[name('PlatformDetail')]: platformDetail,
		[name('PlatformRef')]: platformRef,
		[name('CategoryNode')]: categoryNode,
		[name('CategoryRef')]: categoryRef,
		[name('Pledge')]: pledge,
		[name('PledgeDetail')]: pledgeDetail,
		[name('LedgerEntry')]: ledgerEntry,
		[name('Evidence')]: evidence,
		[name('Indicator')]: indicator,
		[name('MilestoneStep')]: step,
		[name('Correction')]: correction,
		[name('CorrectedEntry')]: correctedEntry,
		[name('CorrectionPledge')]: correctionPledge,
	}
}

const pageProperties = {
	total: { ...count, description: 'How many items match, on every page.' },
	nextCursor: { ...nullableString, description: 'The `cursor` of the next page; null on the last.' },
	next: {
		...nullableUrl,
		description: 'The next page’s address (this one with `cursor`); null on the last.',
	},
}

/** An answer's schema: `{ lang, data }` (and a page's fields), one shape per mode. */
function envelope(record: string, kind: 'record' | 'list' | 'page'): Schema {
	const variant = (mode: Mode) =>
		object({
			lang: mode === 'one' ? { enum: langs } : { type: 'null' },
			...(kind === 'page' ? pageProperties : {}),
			data: kind === 'record' ? refIn(record, mode) : { type: 'array', items: refIn(record, mode) },
		})
	return { oneOf: modes.map(variant) }
}

const problemResponse = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: ref('Problem') } },
})

function responses(record: string, kind: 'record' | 'list' | 'page', notFound: boolean) {
	return {
		'200': {
			description: 'The answer. Public and cacheable; its ETag gives a 304 to `If-None-Match`.',
			headers: {
				ETag: { schema: string, description: 'Changes whenever any public data changes.' },
				'Cache-Control': { schema: string },
			},
			content: { 'application/json': { schema: envelope(record, kind) } },
		},
		'304': { description: 'The copy whose ETag was sent in `If-None-Match` is current (no body).' },
		'400': problemResponse('A bad parameter: `invalidParams` names each.'),
		...(notFound ? { '404': problemResponse('No such record (a draft platform’s are none).') } : {}),
	}
}

const param = (name: string): Schema => ({ $ref: `#/components/parameters/${name}` })
const pathParam = (name: string, description: string) => ({
	name,
	in: 'path',
	required: true,
	description,
	schema: slug,
})

function operation(
	operationId: string,
	summary: string,
	parameters: Schema[],
	record: string,
	kind: 'record' | 'list' | 'page',
	notFound: boolean,
) {
	return {
		get: { operationId, summary, tags: ['Uade'], parameters, responses: responses(record, kind, notFound) },
	}
}

/** The OpenAPI document, with `origin` as its server. */
export function openApiDocument(origin: string): Schema {
	const platformSlug = pathParam('platform', 'The platform’s slug.')
	const pledgeList = ['lang', 'q', 'principle', 'category', 'status', 'kind', 'sort', 'limit', 'cursor'].map(
		param,
	)
	const schemas: Record<string, Schema> = {
		Status: { enum: statuses, description: 'A pledge’s status, as rated by the fact-checkers.' },
		Kind: { enum: kinds },
		StatusCounts: object(Object.fromEntries(statuses.map((status) => [status, count]))),
		Texts: object(
			{ en: string, ru: nullableString, kk: nullableString },
			{ description: 'A text in every language: null where it has no translation.' },
		),
		OptionalTexts: object(
			{ en: nullableString, ru: nullableString, kk: nullableString },
			{ description: 'An optional text in every language (the field is null when none has it).' },
		),
		DatedValue: object({ value: { type: 'number' }, date }),
		Measurement: object({
			id,
			value: { type: 'number' },
			asOf: date,
			evidenceId: { ...id, description: 'The approved evidence the figure comes from.' },
		}),
		Problem: {
			type: 'object',
			description: 'An RFC 9457 problem.',
			additionalProperties: false,
			required: ['type', 'title', 'status', 'detail', 'instance'],
			properties: {
				type: { type: 'string', format: 'uri-reference', const: 'about:blank' },
				title: { enum: ['Bad Request', 'Not Found', 'Method Not Allowed'] },
				status: { enum: [400, 404, 405] },
				detail: string,
				instance: { type: 'string', format: 'uri-reference' },
				invalidParams: {
					type: 'array',
					minItems: 1,
					items: object({ name: string, reason: string }),
				},
			},
		},
		...recordSchemas('one'),
		...recordSchemas('all'),
	}
	return {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
		info: {
			title: 'Uade API',
			version: '1.0.0',
			summary:
				'Read-only JSON: politicians, platforms, pledges, their status ledger, evidence and corrections.',
			description:
				'Public data of this Uade installation, read-only. Texts come in `?lang=en|ru|kk` (with `englishFallback` ' +
				'naming the fields left in English) or, without `lang`, in all three as `{ en, ru, kk }`. Lists are paged ' +
				'by an opaque `cursor`. Errors are RFC 9457 problems. See docs/api.md in the source.',
			license: { name: 'CC BY 4.0 (the data)', identifier: 'CC-BY-4.0' },
		},
		servers: [{ url: origin }],
		tags: [{ name: 'Uade' }],
		paths: {
			'/api/v1/politicians': operation(
				'listPoliticians',
				'Every politician with a published platform, by slug.',
				[param('lang')],
				'Politician',
				'list',
				false,
			),
			'/api/v1/politicians/{politician}': operation(
				'getPolitician',
				'A politician with their published platforms.',
				[pathParam('politician', 'The politician’s slug.'), param('lang')],
				'PoliticianWithPlatforms',
				'record',
				true,
			),
			'/api/v1/platforms': operation(
				'listPlatforms',
				'Every published platform, newest election first, with its status counts.',
				[param('lang')],
				'Platform',
				'list',
				false,
			),
			'/api/v1/platforms/{platform}': operation(
				'getPlatform',
				'A platform with its categories (a tree) and status counts.',
				[platformSlug, param('lang')],
				'PlatformDetail',
				'record',
				true,
			),
			'/api/v1/platforms/{platform}/pledges': operation(
				'listPledges',
				'A platform’s pledges, filtered and sorted as on its list page, a page at a time.',
				[platformSlug, ...pledgeList],
				'Pledge',
				'page',
				true,
			),
			'/api/v1/platforms/{platform}/pledges/{pledge}': operation(
				'getPledge',
				'A pledge with its status ledger (corrections included), approved evidence, indicator and steps.',
				[platformSlug, pathParam('pledge', 'The pledge’s slug (unique within its platform).'), param('lang')],
				'PledgeDetail',
				'record',
				true,
			),
			'/api/v1/corrections': operation(
				'listCorrections',
				'Every correction of a ledger entry, newest first, a page at a time.',
				[param('lang'), param('limit'), param('cursor')],
				'Correction',
				'page',
				false,
			),
			'/api/v1/openapi.json': {
				get: {
					operationId: 'getOpenApi',
					summary: 'This document.',
					tags: ['Uade'],
					responses: {
						'200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json': {} } },
						'400': problemResponse('It takes no parameters.'),
					},
				},
			},
		},
		components: {
			parameters: {
				lang: {
					name: 'lang',
					in: 'query',
					description:
						'One language’s texts (English where untranslated); without it, all three side by side.',
					schema: { enum: langs },
				},
				limit: {
					name: 'limit',
					in: 'query',
					description: 'Items a page, 1 to 100 (default 20).',
					schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
				},
				cursor: {
					name: 'cursor',
					in: 'query',
					description: 'The `nextCursor` of the previous page, with every other parameter as it was.',
					schema: { type: 'string', maxLength: 500 },
				},
				q: {
					name: 'q',
					in: 'query',
					description: 'Words to search for (as the list page’s search; with `lang`, also in that language).',
					schema: { type: 'string', maxLength: 200 },
				},
				principle: {
					name: 'principle',
					in: 'query',
					description: 'A top-level category’s slug: pledges anywhere under it.',
					schema: slug,
				},
				category: {
					name: 'category',
					in: 'query',
					description: 'A category’s slug: pledges in it or under it.',
					schema: slug,
				},
				status: {
					name: 'status',
					in: 'query',
					description: 'A status (`KEPT`; `in-progress` and `in_progress` name `IN_PROGRESS`).',
					schema: string,
				},
				kind: {
					name: 'kind',
					in: 'query',
					description: 'A kind of pledge (`QUANTITATIVE`…).',
					schema: string,
				},
				sort: {
					name: 'sort',
					in: 'query',
					description:
						'`updated` (latest activity first, the default), `deadline` (soonest first) or `title`; with `q`, the ' +
						'most relevant come first and `sort` orders equally relevant ones.',
					schema: { enum: ['updated', 'deadline', 'title'], default: 'updated' },
				},
			},
			schemas,
		},
	}
}
