import type { z } from 'zod'
import type { Prisma, PrismaClient, Role } from '~/.server/prisma/client'
import { withinTransaction } from '~/db/transaction.server'
import {
	categoryCreateSchema,
	categoryEditSchema,
	categoryFormValues,
	categoryProblems,
} from '~/forms/category'
import { evidenceSchema } from '~/forms/evidence'
import { readPublicationDate } from '~/forms/evidence-dates'
import { isoDateOf, latestToday, parseIsoDate } from '~/forms/fields'
import {
	platformCreateSchema,
	platformEditSchema,
	platformFormValues,
	platformProblems,
} from '~/forms/platform'
import {
	pledgeCreateSchema,
	pledgeEditSchema,
	pledgeFormValues,
	pledgeProblems,
	type StoredPledge,
} from '~/forms/pledge'
import {
	politicianCreateSchema,
	politicianEditSchema,
	politicianFormValues,
	politicianProblems,
} from '~/forms/politician'
import { problemMessages, type ProblemMessages } from '~/forms/problems'
import { reviewProblems } from '~/forms/review'
import { correctionSchema, ledgerProblemMessages, statusUpdateSchema } from '~/forms/status-update'
import { recordAudit } from '~/models/audit.server'
import { createCategory, getCategoryRecord, updateCategory } from '~/models/category.server'
import { recordImportedEvidence, reviewEvidence } from '~/models/evidence.server'
import {
	changePlatformPublication,
	createPlatform,
	getPlatformRecord,
	updatePlatform,
} from '~/models/platform.server'
import { createPledge, getPledgeRecord, updatePledge } from '~/models/pledge.server'
import { createPolitician, getPolitician, updatePolitician } from '~/models/politician.server'
import type { Actor } from '~/models/save.server'
import { recordCorrection, recordStatusUpdate } from '~/models/status-update.server'
import {
	formatName,
	formatVersion,
	importDocument,
	jsonPointer,
	type CategoryRecord,
	type EvidenceRecord,
	type ImportDocument,
	type PlatformRecord,
	type PlatformSourceRecord,
	type PledgeRecord,
	type PoliticianRecord,
	type StatusUpdateRecord,
} from './format'
import {
	countChanges,
	recordKinds,
	type ImportAction,
	type ImportChange,
	type ImportProblem,
	type RecordKind,
} from './import-report'

/**
 * The import (`npm run data:import`, /admin/import): a document of the import format (app/data/format.ts)
 * checked whole, then written in one transaction, or not at all.
 *
 * Every record goes through the model function its form uses (createPledge, recordStatusUpdate,
 * reviewEvidence, …), run inside the import's one transaction (`withinTransaction`): the same checks, the
 * same problem codes, the same audit entries, so an import can do nothing a form would refuse. Each record
 * is first turned into the values its form would send and parsed by the form's own schema, so the form's
 * messages come back, at the record's JSON pointer. Problems do not stop the run: every record is tried and
 * every problem reported; then any problem rolls the whole transaction back. A dry run does everything and
 * rolls back too, so what it reports is exactly what the import would do.
 *
 * A record whose natural key exists is compared with the stored one through the same form values: equal is
 * "unchanged" (and writes nothing), different is "change" for the catalogue (an edit, audited); evidence
 * and ledger entries are never edited by an import (the ledger is append-only; evidence is its author's),
 * so a difference there is a problem that says where to change it.
 */

export const importLimits = { bytes: 20 * 1024 * 1024 } as const

export {
	countChanges,
	recordKinds,
	type ImportAction,
	type ImportChange,
	type ImportProblem,
	type RecordKind,
}

export type ImportResult =
	| { status: 'applied' | 'checked'; changes: ImportChange[] }
	| { status: 'refused'; problems: ImportProblem[] }

export type { ImportDocument }

export type ReadResult =
	{ status: 'read'; document: ImportDocument } | { status: 'refused'; problems: ImportProblem[] }

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The position of a JSON.parse error as "line L, column C", when the engine names one. */
function jsonErrorPlace(text: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error)
	const position = /position (\d+)/.exec(message)
	if (!position) return message
	const before = text.slice(0, Number(position[1]))
	const line = before.split('\n').length
	const column = before.length - before.lastIndexOf('\n')
	return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`
}

/**
 * A file as bytes: at most `importLimits.bytes`, UTF-8 (a byte-order mark is allowed), JSON, then a
 * document of this format and version (`readImportDocument`). `name` says where in the problems.
 */
export function readImportFile(bytes: Uint8Array, name: string): ReadResult {
	if (bytes.byteLength > importLimits.bytes) {
		return refused(
			name,
			`The file is ${megabytes(bytes.byteLength)}; an import takes at most ${megabytes(importLimits.bytes)}. Split it, for example one platform a file.`,
		)
	}
	let text: string
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		return refused(name, 'The file is not UTF-8 text. Save it as UTF-8 and try again.')
	}
	if (text.startsWith('\uFEFF')) text = text.slice(1)
	let value: unknown
	try {
		value = JSON.parse(text)
	} catch (error) {
		return refused(
			name,
			`The file is not JSON (${jsonErrorPlace(text, error)}). An import takes a JSON document of the Uade format, or the CSV files described in docs/import-format.md.`,
		)
	}
	return readImportDocument(value)
}

function refused(where: string, message: string): ReadResult {
	return { status: 'refused', problems: [{ where, message }] }
}

/**
 * A parsed value as a document: the format's name and version first (another version is refused as such,
 * not as a hundred unknown fields), then every field of the shape, each problem at its JSON pointer.
 * `placeOf` turns a pointer into a place of the user's own file (a CSV line and column) where there is one.
 */
export function readImportDocument(
	value: unknown,
	placeOf: (pointer: string) => string = (pointer) => pointer,
): ReadResult {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return refused('/', 'This is not a Uade import document: it must be a JSON object with "format": "uade".')
	}
	const { format, version } = { format: undefined, version: undefined, ...value }
	if (format !== formatName) {
		return refused('/format', `This is not a Uade import document: "format" must be "${formatName}".`)
	}
	if (version !== formatVersion) {
		return refused(
			'/version',
			`Version ${JSON.stringify(version ?? null)} of the format is not supported: this Uade reads version ${formatVersion}.`,
		)
	}
	const parsed = importDocument.safeParse(value)
	if (parsed.success) return { status: 'read', document: parsed.data }
	return {
		status: 'refused',
		problems: parsed.error.issues.map((issue) => ({
			where: placeOf(jsonPointer(issue.path)),
			message: issue.message,
		})),
	}
}

/** A problem that ends the run at once: the database refused a write, so the transaction cannot go on. */
class Aborted extends Error {
	constructor(readonly problems: ImportProblem[]) {
		super('import refused')
	}
}
class DryRunDone extends Error {
	constructor(readonly changes: ImportChange[]) {
		super('dry run')
	}
}

type Account = { id: string; email: string; role: Role }

type Translations<T> = { ru?: T; kk?: T } | undefined

/** `{ ru, kk }` as the stored rows the forms' value builders read. */
function rowsOf<T, Row>(translations: Translations<T>, shape: (translation: T) => Row) {
	const rows: Array<Row & { locale: 'RU' | 'KK' }> = []
	if (translations?.ru) rows.push({ locale: 'RU', ...shape(translations.ru) })
	if (translations?.kk) rows.push({ locale: 'KK', ...shape(translations.kk) })
	return rows
}

const day = (value: string) => {
	const date = parseIsoDate(value)
	if (!date) throw new Error(`${value} passed the format's date check but is not a date`)
	return date
}
const dayOrNull = (value: string | null | undefined) => (value ? day(value) : null)

/** Where a form field's problem lands in a record (`ruTitle` → `/translations/ru/title`). */
function fieldPointer(
	base: string,
	path: ReadonlyArray<PropertyKey>,
	renames: Record<string, string>,
): string {
	const [first, ...rest] = path.map(String)
	if (first === undefined) return base
	if (first === 'steps') {
		const [index, field] = rest
		if (index === undefined) return `${base}/milestoneSteps`
		const translated = field ? /^(ru|kk)Title$/.exec(field) : null
		return `${base}/milestoneSteps/${index}${translated ? `/translations/${translated[1]}/title` : field ? `/${field}` : ''}`
	}
	if (renames[first]) return `${base}${renames[first]}`
	const translated = /^(ru|kk)([A-Z]\w*)$/.exec(first)
	if (translated) {
		const [, lang, field = ''] = translated
		const name = field.charAt(0).toLowerCase() + field.slice(1)
		const indicator = /^Indicator(Name|Unit)$/.exec(field)
		if (indicator?.[1]) return `${base}/indicator/translations/${lang}/${indicator[1].toLowerCase()}`
		return `${base}/translations/${lang}/${name}`
	}
	return `${base}/${first}`
}

const platformRenames = {
	politicianId: '/politician',
	sourceUrl: '/source/url',
	sourceTitle: '/source/title',
	sourcePublisher: '/source/publisher',
	sourcePublishedAt: '/source/publishedOn',
}
const categoryRenames = { parentId: '/parent', platformId: '/platform' }
const pledgeRenames = {
	platformId: '/platform',
	categoryId: '/category',
	indicatorName: '/indicator/name',
	indicatorUnit: '/indicator/unit',
	baselineValue: '/indicator/baselineValue',
	baselineDate: '/indicator/baselineDate',
	targetValue: '/indicator/targetValue',
	targetDate: '/indicator/targetDate',
	direction: '/indicator/direction',
}
const evidenceRenames = {
	measuredValue: '/measurement/value',
	measuredAsOf: '/measurement/asOf',
	publishedMonth: '/publishedOn',
	publishedYear: '/publishedOn',
	publishedPrecision: '/publishedOn',
}
const ledgerRenames = { evidenceIds: '/evidence', correctsId: '/corrects' }

/**
 * Form values as conform hands them to a schema: an empty field is absent (the forms' builders read
 * absence as "left empty"), in lists of rows too.
 */
function asSent(values: unknown): unknown {
	if (Array.isArray(values)) return values.map(asSent)
	if (typeof values !== 'object' || values === null || values instanceof Date) return values
	return Object.fromEntries(
		Object.entries(values)
			.filter(([, value]) => value !== '' && value !== undefined)
			.map(([key, value]) => [key, asSent(value)]),
	)
}

/** Form values without the version, for comparing a record with the stored one. */
function content<Values extends { version?: string }>(values: Values) {
	const { version: _version, ...rest } = values
	return JSON.stringify(rest)
}

/** The precision of a publication date as the format writes it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or none. */
function precisionOf(publishedOn: string | null | undefined) {
	if (!publishedOn) return 'NONE' as const
	return publishedOn.length === 4
		? ('YEAR' as const)
		: publishedOn.length === 7
			? ('MONTH' as const)
			: ('DAY' as const)
}

/** A source (an evidence item, a platform source) as the evidence form's fields would hold it. */
function sourceFormValues(record: PlatformSourceRecord | EvidenceRecord) {
	const precision = precisionOf(record.publishedOn)
	return {
		type: record.type,
		sourceUrl: record.sourceUrl,
		title: record.title,
		publisher: record.publisher,
		publishedPrecision: precision,
		publishedOn: precision === 'DAY' ? (record.publishedOn ?? undefined) : undefined,
		publishedMonth: precision === 'MONTH' ? (record.publishedOn ?? undefined) : undefined,
		publishedYear: precision === 'YEAR' ? (record.publishedOn ?? undefined) : undefined,
		publishedNote: record.publishedNote ?? undefined,
		excerpt: record.excerpt,
		archiveUrl: record.archiveUrl ?? undefined,
		ruTitle: record.translations?.ru?.title,
		ruExcerpt: record.translations?.ru?.excerpt ?? undefined,
		kkTitle: record.translations?.kk?.title,
		kkExcerpt: record.translations?.kk?.excerpt ?? undefined,
	}
}

export type ImportOptions = {
	/** The importing account: an admin. It is the author of every audit entry the import writes itself. */
	actor: Actor
	dryRun: boolean
	now?: Date
}

/**
 * Checks and applies a document (see the module's comment): `applied` with what changed, `checked` for a
 * dry run (nothing written), or `refused` with every problem (nothing written).
 */
export async function runImport(
	prisma: PrismaClient,
	document: ImportDocument,
	{ actor, dryRun, now = new Date() }: ImportOptions,
): Promise<ImportResult> {
	if (actor.role !== 'ADMIN') {
		return { status: 'refused', problems: [{ where: '/', message: 'Only an admin may import.' }] }
	}
	const duplicates = duplicateProblems(document)
	if (duplicates.length > 0) return { status: 'refused', problems: duplicates }
	let applied: ImportChange[] = []
	try {
		await prisma.$transaction(
			async (tx) => {
				// One import at a time: two at once would each find the other's records missing.
				await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('uade.import'))`
				const run = new ImportRun(tx, prisma, actor, now)
				await withinTransaction(tx, () => run.all(document))
				if (run.problems.length > 0) throw new Aborted(run.problems)
				// The run itself, once, when it changed anything: a second import of the same file writes nothing.
				if (run.changes.some((change) => change.action !== 'unchanged'))
					await recordAudit(tx, {
						actorId: actor.id,
						action: 'data.import',
						entityType: 'Import',
						entityId: now.toISOString(),
						after: { counts: countChanges(run.changes) },
						ipAddress: actor.ipAddress,
					})
				if (dryRun) throw new DryRunDone(run.changes)
				applied = run.changes
			},
			{ maxWait: 30_000, timeout: 10 * 60_000 },
		)
	} catch (error) {
		if (error instanceof Aborted) return { status: 'refused', problems: error.problems }
		if (error instanceof DryRunDone) return { status: 'checked', changes: error.changes }
		throw error
	}
	return { status: 'applied', changes: applied }
}

/** The natural key of each record, to find a record listed twice before anything is looked up. */
function duplicateProblems(document: ImportDocument): ImportProblem[] {
	const problems: ImportProblem[] = []
	const check = <Record>(
		list: Record[] | undefined,
		name: string,
		keyOf: (record: Record) => string,
		label: string,
	) => {
		const seen = new Map<string, number>()
		list?.forEach((record, index) => {
			const key = keyOf(record)
			const first = seen.get(key)
			if (first === undefined) seen.set(key, index)
			else
				problems.push({
					where: `/${name}/${index}`,
					message: `${label} ${key.length > 120 ? `${key.slice(0, 120)}…` : key} is listed twice (first at /${name}/${first}): list each record once.`,
				})
		})
	}
	check(document.politicians, 'politicians', (record) => record.slug, 'The politician')
	check(document.platforms, 'platforms', (record) => record.slug, 'The platform')
	check(document.categories, 'categories', (record) => `${record.platform}/${record.slug}`, 'The category')
	check(document.pledges, 'pledges', (record) => `${record.platform}/${record.slug}`, 'The pledge')
	check(
		document.platformSources,
		'platformSources',
		(record) => `${record.platform} ${record.sourceUrl} “${record.excerpt}”`,
		'The source',
	)
	check(
		document.evidence,
		'evidence',
		(record) => `${record.platform}/${record.pledge} ${record.sourceUrl} “${record.excerpt}”`,
		'The evidence',
	)
	check(
		document.statusUpdates,
		'statusUpdates',
		(record) => `${record.platform}/${record.pledge} ${record.status} from ${record.effectiveDate}`,
		'The status entry',
	)
	return problems
}

/** An evidence item's content as text per field, for telling a stored item from a record of the file. */
function evidenceFacts(item: {
	type: string
	title: string
	publisher: string
	archiveUrl: string | null
	publishedOn: Date | null
	publishedPrecision: string
	publishedNote: string | null
	excerptLanguage: string | null
	excerptInEnglish: string | null
	measuredValue: { toString(): string } | null
	measuredAsOf: Date | null
	suggestedStatus: string | null
	suggestionReason: string | null
	translations: ReadonlyArray<{ locale: string; title: string; excerpt: string | null }>
}): Record<string, string> {
	const translation = (locale: string) => item.translations.find((row) => row.locale === locale)
	return {
		type: item.type,
		title: item.title,
		publisher: item.publisher,
		archiveUrl: item.archiveUrl ?? '',
		publishedOn: item.publishedOn ? `${item.publishedPrecision} ${isoDateOf(item.publishedOn)}` : 'none',
		publishedNote: item.publishedPrecision === 'NONE' ? (item.publishedNote ?? '') : '',
		excerptLanguage: item.excerptLanguage ?? '',
		excerptInEnglish: item.excerptInEnglish ?? '',
		measurement: item.measuredValue
			? `${Number(item.measuredValue.toString())} ${item.measuredAsOf ? isoDateOf(item.measuredAsOf) : ''}`
			: '',
		suggestedStatus: item.suggestedStatus ?? '',
		suggestionReason: item.suggestionReason ?? '',
		translations: JSON.stringify(
			['RU', 'KK'].map((locale) => [translation(locale)?.title ?? '', translation(locale)?.excerpt ?? '']),
		),
	}
}

const politicianKey = (record: { slug: string }) => `politician:${record.slug}`
const platformKey = (record: { slug: string }) => `platform:${record.slug}`
const categoryKey = (platform: string, slug: string) => `category:${platform}/${slug}`
const pledgeKey = (platform: string, slug: string) => `pledge:${platform}/${slug}`
const evidenceKey = (platform: string, pledge: string, item: { sourceUrl: string; excerpt: string }) =>
	`evidence:${platform}/${pledge} ${item.sourceUrl} ${item.excerpt}`

class ImportRun {
	readonly problems: ImportProblem[] = []
	readonly changes: ImportChange[] = []
	private readonly accounts = new Map<string, Account | null>()
	private readonly failed = new Set<string>()

	constructor(
		private readonly tx: Prisma.TransactionClient,
		private readonly prisma: PrismaClient,
		private readonly actor: Actor,
		private readonly now: Date,
	) {}

	async all(document: ImportDocument) {
		const each = async <Record>(
			list: Record[] | undefined,
			name: string,
			keyOf: (record: Record) => string,
			write: (record: Record, where: string) => Promise<void>,
		) => {
			for (const [index, record] of (list ?? []).entries())
				await this.attempt(keyOf(record), () => write(record, `/${name}/${index}`))
		}
		await each(document.politicians, 'politicians', politicianKey, (record, where) =>
			this.politician(record, where),
		)
		await each(document.platforms, 'platforms', platformKey, (record, where) => this.platform(record, where))
		// Principles before their topics, whatever order the file lists them in.
		const categories = (document.categories ?? []).map((record, index) => ({ record, index }))
		for (const { record, index } of [
			...categories.filter(({ record }) => !record.parent),
			...categories.filter(({ record }) => record.parent),
		])
			await this.attempt(categoryKey(record.platform, record.slug), () =>
				this.category(record, `/categories/${index}`),
			)
		await each(
			document.pledges,
			'pledges',
			(record) => pledgeKey(record.platform, record.slug),
			(record, where) => this.pledge(record, where),
		)
		await each(
			document.platformSources,
			'platformSources',
			(record) => `source:${record.platform} ${record.sourceUrl} ${record.excerpt}`,
			(record, where) => this.platformSource(record, where),
		)
		await each(
			document.evidence,
			'evidence',
			(record) => evidenceKey(record.platform, record.pledge, record),
			(record, where) => this.evidence(record, where),
		)
		await each(
			document.statusUpdates,
			'statusUpdates',
			(record) => `status:${record.platform}/${record.pledge}`,
			(record, where) => this.statusUpdate(record, where),
		)
	}

	/**
	 * Runs one record's write and remembers it when it had problems: a record referring to it then says
	 * nothing more (its own problems say why it is missing), so one mistake is reported once.
	 */
	private async attempt(key: string, write: () => Promise<void>) {
		const before = this.problems.length
		await write()
		if (this.problems.length > before) this.failed.add(key)
	}

	/** A reference to a record that is not there: a problem, unless that record failed already. */
	private missing(key: string, where: string, message: string) {
		if (!this.failed.has(key)) this.problem(where, message)
	}

	private problem(where: string, message: string) {
		this.problems.push({ where, message })
	}

	private change(kind: RecordKind, key: string, action: ImportAction, where: string) {
		this.changes.push({ kind, key, action, where })
	}

	/** A form schema's answer: its output, or its problems at the record's fields (then undefined). */
	private parse<Schema extends z.ZodType>(
		schema: Schema,
		values: unknown,
		where: string,
		renames: Record<string, string>,
	): z.output<Schema> | undefined {
		const parsed = schema.safeParse(asSent(values))
		if (parsed.success) return parsed.data
		for (const issue of parsed.error.issues)
			this.problem(fieldPointer(where, issue.path, renames), issue.message)
		return undefined
	}

	/** A model's refusal, in its form's words, at the record's fields. */
	private refusal<Code extends string>(
		where: string,
		problems: Partial<Record<string, Code>>,
		messages: ProblemMessages<Code>,
		renames: Record<string, string>,
	) {
		for (const [field, texts] of Object.entries(problemMessages(problems, messages)))
			for (const text of texts) this.problem(fieldPointer(where, [field], renames), text)
	}

	private unexpected(where: string, status: string) {
		this.problem(where, `This record could not be saved (${status}). Nothing was imported.`)
	}

	/** An account named by email, once looked up. */
	private async account(
		email: string | null | undefined,
		where: string,
		needsAdmin: boolean,
	): Promise<Account | null> {
		if (!email) return { id: this.actor.id, email: '', role: this.actor.role }
		const key = email.toLowerCase()
		if (!this.accounts.has(key)) {
			const found = await this.tx.user.findFirst({
				where: { email: { equals: email, mode: 'insensitive' } },
				select: { id: true, email: true, role: true },
			})
			this.accounts.set(key, found)
		}
		const account = this.accounts.get(key) ?? null
		if (!account) {
			this.problem(
				where,
				`No account has the email ${email}: the import never creates accounts. Create it first (npm run user:create), or leave the field out to name the importing account.`,
			)
			return null
		}
		if (needsAdmin && account.role !== 'ADMIN') {
			this.problem(where, `${email} is not an admin: only an admin reviews evidence and records statuses.`)
			return null
		}
		return account
	}

	private actorOf(account: Account): Actor {
		return { id: account.id, role: account.role, ipAddress: this.actor.ipAddress }
	}

	/** `found`, or a problem at `where` saying the record it refers to (`key`) is nowhere to be found. */
	private referred<T>(found: T | null, key: string, where: string, message: string): T | null {
		if (!found) this.missing(key, where, message)
		return found
	}

	private async politicianId(slug: string, where: string) {
		const found = await this.tx.politician.findUnique({ where: { slug }, select: { id: true } })
		const message = `No politician has the slug ${slug}, in this file or in the database.`
		return this.referred(found, politicianKey({ slug }), where, message)?.id ?? null
	}

	private async platformOf(slug: string, where: string) {
		const found = await this.tx.platform.findUnique({ where: { slug }, select: { id: true } })
		const message = `No platform has the slug ${slug}, in this file or in the database.`
		return this.referred(found, platformKey({ slug }), where, message)?.id ?? null
	}

	private async pledgeOf(platformId: string, platform: string, slug: string, where: string) {
		const found = await this.tx.pledge.findUnique({
			where: { platformId_slug: { platformId, slug } },
			select: { id: true, kind: true, sourceDate: true },
		})
		const message = `The platform has no pledge with the slug ${slug}, in this file or in the database.`
		return this.referred(found, pledgeKey(platform, slug), where, message)
	}

	private async politician(record: PoliticianRecord, where: string) {
		const stored = await this.tx.politician.findUnique({ where: { slug: record.slug }, select: { id: true } })
		const existing = stored ? await getPolitician(stored.id, this.tx) : null
		const values = politicianFormValues({
			name: record.name,
			office: record.office,
			version: existing?.version ?? 1,
			translations: rowsOf(record.translations, (translation) => translation),
		})
		if (existing) {
			if (content(values) === content(politicianFormValues(existing)))
				return this.change('politician', record.slug, 'unchanged', where)
			const input = this.parse(politicianEditSchema, values, where, {})
			if (!input) return
			const saved = await updatePolitician(existing.id, input, this.actor)
			if (saved.status === 'invalid') return this.refusal(where, saved.problems, politicianProblems, {})
			if (saved.status !== 'saved') return this.unexpected(where, saved.status)
			return this.change('politician', record.slug, 'change', where)
		}
		const input = this.parse(politicianCreateSchema, { slug: record.slug, ...values }, where, {})
		if (!input) return
		const saved = await createPolitician(input, this.actor)
		if (saved.status === 'invalid') return this.refusal(where, saved.problems, politicianProblems, {})
		this.change('politician', record.slug, 'create', where)
	}

	private async platform(record: PlatformRecord, where: string) {
		const politicianId = await this.politicianId(record.politician, `${where}/politician`)
		if (!politicianId) return
		const stored = await this.tx.platform.findUnique({ where: { slug: record.slug }, select: { id: true } })
		const existing = stored ? await getPlatformRecord(stored.id, this.tx) : null
		const values = platformFormValues({
			politicianId,
			title: record.title,
			summary: record.summary ?? null,
			electionDate: day(record.electionDate),
			termStart: day(record.termStart),
			termEnd: day(record.termEnd),
			sourceUrl: record.source.url,
			sourceTitle: record.source.title,
			sourcePublisher: record.source.publisher,
			sourcePublishedAt: dayOrNull(record.source.publishedOn),
			version: existing?.version ?? 1,
			translations: rowsOf(record.translations, (translation) => ({
				title: translation.title,
				summary: translation.summary ?? null,
			})),
		})
		let id: string
		let action: ImportAction
		if (existing) {
			id = existing.id
			action = content(values) === content(platformFormValues(existing)) ? 'unchanged' : 'change'
			if (action === 'change') {
				const input = this.parse(platformEditSchema, values, where, platformRenames)
				if (!input) return
				const saved = await updatePlatform(existing.id, input, this.actor)
				if (saved.status === 'invalid')
					return this.refusal(where, saved.problems, platformProblems, platformRenames)
				if (saved.status !== 'saved') return this.unexpected(where, saved.status)
			}
		} else {
			const input = this.parse(platformCreateSchema, { slug: record.slug, ...values }, where, platformRenames)
			if (!input) return
			const saved = await createPlatform(input, this.actor)
			if (saved.status === 'invalid')
				return this.refusal(where, saved.problems, platformProblems, platformRenames)
			id = saved.record.id
			action = 'create'
		}
		if (record.published !== undefined) {
			const published = await this.tx.platform.findUniqueOrThrow({
				where: { id },
				select: { publishedAt: true },
			})
			if (record.published !== (published.publishedAt !== null)) {
				const changed = await changePlatformPublication(
					id,
					record.published ? 'publish' : 'unpublish',
					this.actor,
					this.now,
				)
				if (changed.status !== 'saved') return this.unexpected(`${where}/published`, changed.status)
				if (action === 'unchanged') action = 'change'
			}
		}
		this.change('platform', record.slug, action, where)
	}

	private async category(record: CategoryRecord, where: string) {
		const platformId = await this.platformOf(record.platform, `${where}/platform`)
		if (!platformId) return
		let parentId: string | null = null
		if (record.parent) {
			const parent = await this.tx.category.findUnique({
				where: { platformId_slug: { platformId, slug: record.parent } },
				select: { id: true },
			})
			if (!parent)
				return this.missing(
					categoryKey(record.platform, record.parent),
					`${where}/parent`,
					`The platform has no category with the slug ${record.parent}.`,
				)
			parentId = parent.id
		}
		const stored = await this.tx.category.findUnique({
			where: { platformId_slug: { platformId, slug: record.slug } },
			select: { id: true },
		})
		const existing = stored ? await getCategoryRecord(stored.id, this.tx) : null
		const values = categoryFormValues({
			parentId,
			title: record.title,
			summary: record.summary ?? null,
			position: record.position ?? existing?.position ?? 0,
			version: existing?.version ?? 1,
			translations: rowsOf(record.translations, (translation) => ({
				title: translation.title,
				summary: translation.summary ?? null,
			})),
		})
		const key = `${record.platform}/${record.slug}`
		if (existing) {
			if (content(values) === content(categoryFormValues(existing)))
				return this.change('category', key, 'unchanged', where)
			const input = this.parse(categoryEditSchema, values, where, categoryRenames)
			if (!input) return
			const saved = await updateCategory(existing.id, input, this.actor)
			if (saved.status === 'invalid')
				return this.refusal(where, saved.problems, categoryProblems, categoryRenames)
			if (saved.status !== 'saved') return this.unexpected(where, saved.status)
			return this.change('category', key, 'change', where)
		}
		const input = this.parse(
			categoryCreateSchema,
			{ platformId, slug: record.slug, ...values },
			where,
			categoryRenames,
		)
		if (!input) return
		const saved = await createCategory(input, this.actor)
		if (saved.status === 'invalid')
			return this.refusal(where, saved.problems, categoryProblems, categoryRenames)
		this.change('category', key, 'create', where)
	}

	private async pledge(record: PledgeRecord, where: string) {
		const platformId = await this.platformOf(record.platform, `${where}/platform`)
		if (!platformId) return
		const category = await this.tx.category.findUnique({
			where: { platformId_slug: { platformId, slug: record.category } },
			select: { id: true },
		})
		if (!category)
			return this.missing(
				categoryKey(record.platform, record.category),
				`${where}/category`,
				`The platform has no category with the slug ${record.category}.`,
			)
		if (record.kind !== 'QUANTITATIVE' && record.indicator)
			return this.problem(
				`${where}/indicator`,
				'Only a QUANTITATIVE pledge has an indicator: remove it, or change the kind.',
			)
		if (record.kind !== 'MILESTONE' && (record.milestoneSteps?.length ?? 0) > 0)
			return this.problem(
				`${where}/milestoneSteps`,
				'Only a MILESTONE pledge has steps: remove them, or change the kind.',
			)
		const stored = await this.tx.pledge.findUnique({
			where: { platformId_slug: { platformId, slug: record.slug } },
			select: { id: true },
		})
		const existing = stored ? await getPledgeRecord(stored.id, this.tx) : null
		if (existing && existing.kind !== record.kind)
			return this.problem(
				`${where}/kind`,
				`The pledge is ${existing.kind}: a pledge's kind does not change after it is created.`,
			)
		const indicator = record.indicator
		const pledge: StoredPledge = {
			categoryId: category.id,
			title: record.title,
			summary: record.summary,
			quote: record.quote,
			sourceUrl: record.sourceUrl,
			sourceDate: day(record.sourceDate),
			deadline: day(record.deadline),
			version: existing?.version ?? 1,
			translations: rowsOf(record.translations, (translation) => translation),
			indicator: indicator
				? {
						name: indicator.name,
						unit: indicator.unit,
						baselineValue: indicator.baselineValue ?? null,
						baselineDate: dayOrNull(indicator.baselineDate),
						targetValue: indicator.targetValue,
						targetDate: day(indicator.targetDate),
						direction: indicator.direction,
						translations: rowsOf(indicator.translations, (translation) => translation),
					}
				: null,
			milestoneSteps: (record.milestoneSteps ?? []).map((step) => ({
				title: step.title,
				doneOn: dayOrNull(step.doneOn),
				translations: rowsOf(step.translations, (translation) => translation),
			})),
		}
		const values = pledgeFormValues(pledge)
		const key = `${record.platform}/${record.slug}`
		if (existing) {
			if (content(values) === content(pledgeFormValues(existing))) {
				const moved = await this.position(existing.id, record.position)
				return this.change('pledge', key, moved ? 'change' : 'unchanged', where)
			}
			const input = this.parse(pledgeEditSchema(existing.kind, this.now), values, where, pledgeRenames)
			if (!input) return
			const saved = await updatePledge(existing.id, input, this.actor, this.now)
			if (saved.status === 'invalid')
				return this.refusal(where, saved.problems, pledgeProblems, pledgeRenames)
			if (saved.status !== 'saved') return this.unexpected(where, saved.status)
			await this.position(existing.id, record.position)
			return this.change('pledge', key, 'change', where)
		}
		const input = this.parse(
			pledgeCreateSchema(this.now),
			{ platformId, slug: record.slug, kind: record.kind, ...values },
			where,
			pledgeRenames,
		)
		if (!input) return
		const saved = await createPledge(input, this.actor, this.now)
		if (saved.status === 'invalid') return this.refusal(where, saved.problems, pledgeProblems, pledgeRenames)
		await this.position(saved.record.id, record.position)
		this.change('pledge', key, 'create', where)
	}

	/** The order of a pledge in its category, which the form leaves to creation order. */
	/**
	 * The order of a pledge in its category, which the pledge form leaves to creation order: moved when the
	 * file says another, audited as an edit of the pledge. Whether it moved.
	 */
	private async position(id: string, wanted: number | undefined): Promise<boolean> {
		if (wanted === undefined) return false
		const { position } = await this.tx.pledge.findUniqueOrThrow({ where: { id }, select: { position: true } })
		if (position === wanted) return false
		await this.tx.pledge.update({ where: { id }, data: { position: wanted, version: { increment: 1 } } })
		await recordAudit(this.tx, {
			actorId: this.actor.id,
			action: 'pledge.update',
			entityType: 'Pledge',
			entityId: id,
			before: { position },
			after: { position: wanted, via: 'import' },
			ipAddress: this.actor.ipAddress,
		})
		return true
	}

	private async platformSource(record: PlatformSourceRecord, where: string) {
		const platformId = await this.platformOf(record.platform, `${where}/platform`)
		if (!platformId) return
		// The evidence form's rules: a platform source is evidence about the platform as a whole.
		const input = this.parse(evidenceSchema(this.now), sourceFormValues(record), where, evidenceRenames)
		if (!input) return
		const published = readPublicationDate(input, latestToday(this.now))
		if ('field' in published) return this.problem(`${where}/publishedOn`, published.message)
		const fields = {
			type: record.type,
			sourceUrl: record.sourceUrl,
			archiveUrl: record.archiveUrl ?? null,
			title: record.title,
			publisher: record.publisher,
			publishedOn: published.on,
			publishedPrecision: input.publishedPrecision,
			publishedNote: published.note,
			excerpt: record.excerpt,
			excerptLanguage: record.excerptLanguage ?? null,
			excerptInEnglish: record.excerptInEnglish ?? null,
		}
		const translations = rowsOf(record.translations, (translation) => ({
			title: translation.title,
			excerpt: translation.excerpt ?? null,
		}))
		const key = `${record.platform} ${record.sourceUrl}`
		const existing = await this.tx.platformSource.findFirst({
			where: { platformId, sourceUrl: record.sourceUrl, excerpt: record.excerpt },
			include: { translations: { orderBy: { locale: 'asc' } } },
		})
		const snapshot = {
			platformId,
			...fields,
			publishedOn: published.on ? isoDateOf(published.on) : null,
			translations,
		}
		if (existing) {
			const before = {
				platformId,
				type: existing.type,
				sourceUrl: existing.sourceUrl,
				archiveUrl: existing.archiveUrl,
				title: existing.title,
				publisher: existing.publisher,
				publishedOn: existing.publishedOn ? isoDateOf(existing.publishedOn) : null,
				publishedPrecision: existing.publishedPrecision,
				publishedNote: existing.publishedNote,
				excerpt: existing.excerpt,
				excerptLanguage: existing.excerptLanguage,
				excerptInEnglish: existing.excerptInEnglish,
				translations: existing.translations
					.map(({ locale, title, excerpt }) => ({ locale, title, excerpt }))
					.sort((a, b) => (a.locale === 'RU' ? -1 : b.locale === 'RU' ? 1 : 0)),
			}
			if (JSON.stringify(before) === JSON.stringify(snapshot))
				return this.change('platformSource', key, 'unchanged', where)
			await this.tx.platformSource.update({
				where: { id: existing.id },
				data: {
					...fields,
					version: { increment: 1 },
					translations: { deleteMany: {}, create: translations },
				},
			})
			await recordAudit(this.tx, {
				actorId: this.actor.id,
				action: 'platform_source.update',
				entityType: 'PlatformSource',
				entityId: existing.id,
				before,
				after: { ...snapshot, via: 'import' },
				ipAddress: this.actor.ipAddress,
			})
			return this.change('platformSource', key, 'change', where)
		}
		const position = await this.tx.platformSource.count({ where: { platformId } })
		const created = await this.tx.platformSource.create({
			data: { platformId, position, ...fields, translations: { create: translations } },
			select: { id: true },
		})
		await recordAudit(this.tx, {
			actorId: this.actor.id,
			action: 'platform_source.create',
			entityType: 'PlatformSource',
			entityId: created.id,
			after: { ...snapshot, position, via: 'import' },
			ipAddress: this.actor.ipAddress,
		})
		this.change('platformSource', key, 'create', where)
	}

	private async evidence(record: EvidenceRecord, where: string) {
		const platformId = await this.platformOf(record.platform, `${where}/platform`)
		if (!platformId) return
		const pledge = await this.pledgeOf(platformId, record.platform, record.pledge, `${where}/pledge`)
		const submitter = await this.account(record.submittedBy, `${where}/submittedBy`, false)
		const reviewState = record.review?.state ?? 'PENDING'
		const reviewer =
			reviewState === 'PENDING' ? null : await this.account(record.review?.by, `${where}/review/by`, true)
		if (!pledge || !submitter || (reviewState !== 'PENDING' && !reviewer)) return
		const key = `${record.platform}/${record.pledge} ${record.sourceUrl}`
		const existing = await this.tx.evidence.findFirst({
			where: { pledgeId: pledge.id, sourceUrl: record.sourceUrl, excerpt: record.excerpt },
			orderBy: { createdAt: 'asc' },
			select: {
				id: true,
				reviewState: true,
				version: true,
				type: true,
				title: true,
				publisher: true,
				archiveUrl: true,
				publishedOn: true,
				publishedPrecision: true,
				publishedNote: true,
				excerptLanguage: true,
				excerptInEnglish: true,
				measuredValue: true,
				measuredAsOf: true,
				suggestedStatus: true,
				suggestionReason: true,
				translations: { select: { locale: true, title: true, excerpt: true } },
			},
		})
		const values = {
			...sourceFormValues(record),
			measuredValue: record.measurement ? String(record.measurement.value) : undefined,
			measuredAsOf: record.measurement?.asOf,
			suggestedStatus: record.suggestedStatus ?? undefined,
			suggestionReason: record.suggestionReason ?? undefined,
		}
		const input = this.parse(evidenceSchema(this.now), values, where, evidenceRenames)
		if (!input) return

		if (existing) {
			const published = readPublicationDate(input, latestToday(this.now))
			const given = evidenceFacts({
				...input,
				archiveUrl: input.archiveUrl ?? null,
				publishedOn: 'on' in published ? published.on : null,
				publishedNote: 'on' in published ? published.note : null,
				excerptLanguage: record.excerptLanguage ?? null,
				excerptInEnglish: record.excerptInEnglish ?? null,
				measuredValue: input.measuredValue ?? null,
				measuredAsOf: input.measuredAsOf ?? null,
				suggestedStatus: input.suggestedStatus ?? null,
				suggestionReason: input.suggestionReason ?? null,
				translations: rowsOf(record.translations, (translation) => ({
					title: translation.title,
					excerpt: translation.excerpt ?? null,
				})),
			})
			const stored = evidenceFacts(existing)
			const differing = Object.keys(given).filter((field) => given[field] !== stored[field])
			if (differing.length > 0)
				return this.problem(
					where,
					`This evidence exists already (the same pledge, source and excerpt) with other content (${differing.join(', ')}): the import does not edit evidence. Its author edits it at /evidence/${existing.id}.`,
				)
			// A file that says nothing of a review (a newsroom's sheet) submits the item; once it is there,
			// its review is the site's business, and the same sheet imported again changes nothing.
			if (existing.reviewState === reviewState || !record.review)
				return this.change('evidence', key, 'unchanged', where)
			if (existing.reviewState !== 'PENDING' || !reviewer)
				return this.problem(
					`${where}/review/state`,
					`This evidence is ${existing.reviewState} already: a review is not made again by an import.`,
				)
			await this.review(existing.id, existing.version, record, reviewer, where)
			return this.change('evidence', key, 'change', where)
		}

		const created = await recordImportedEvidence(
			{
				actor: this.actor,
				submittedById: submitter.id,
				pledgeId: pledge.id,
				input,
				excerptLanguage: record.excerptLanguage ?? null,
				excerptInEnglish: record.excerptInEnglish ?? null,
				now: this.now,
			},
			this.tx,
		)
		if (created.status === 'invalid') {
			for (const [field, code] of Object.entries(created.problems))
				this.problem(fieldPointer(where, [field], evidenceRenames), evidenceProblemText(code))
			return
		}
		if (created.status !== 'saved') return this.unexpected(where, created.status)
		if (reviewer) await this.review(created.record.id, 1, record, reviewer, where)
		this.change('evidence', key, 'create', where)
	}

	/** The review the record says was made, by its reviewer, with the four-eyes rule of the review queue. */
	private async review(
		id: string,
		version: number,
		record: EvidenceRecord,
		reviewer: Account,
		where: string,
	) {
		const state = record.review?.state
		const decision =
			state === 'APPROVED'
				? 'approve'
				: state === 'REJECTED'
					? 'reject'
					: state === 'CHANGES_REQUESTED'
						? 'request-changes'
						: null
		if (!decision) return
		const note = record.review?.note ?? null
		if (decision !== 'approve' && !note)
			return this.problem(
				`${where}/review/note`,
				decision === 'reject' ? 'Give the reason for rejecting.' : 'Say what to change.',
			)
		const reviewed = await reviewEvidence(
			{ actor: this.actorOf(reviewer), evidenceId: id, decision: { decision, note, version }, now: this.now },
			this.prisma,
		)
		if (reviewed.status === 'invalid')
			return this.refusal(`${where}/review`, reviewed.problems, reviewProblems, { decision: '/by' })
		if (reviewed.status !== 'saved') return this.unexpected(`${where}/review`, reviewed.status)
	}

	private async statusUpdate(record: StatusUpdateRecord, where: string) {
		const platformId = await this.platformOf(record.platform, `${where}/platform`)
		if (!platformId) return
		const pledge = await this.pledgeOf(platformId, record.platform, record.pledge, `${where}/pledge`)
		const author = await this.account(record.author, `${where}/author`, true)
		if (!pledge || !author) return
		const evidenceIds: string[] = []
		for (const [index, item] of (record.evidence ?? []).entries()) {
			const found = await this.tx.evidence.findFirst({
				where: { pledgeId: pledge.id, sourceUrl: item.sourceUrl, excerpt: item.excerpt },
				orderBy: { createdAt: 'asc' },
				select: { id: true },
			})
			if (found) evidenceIds.push(found.id)
			else
				this.missing(
					evidenceKey(record.platform, record.pledge, item),
					`${where}/evidence/${index}`,
					`This pledge has no evidence with the source ${item.sourceUrl} and this excerpt, in this file or in the database.`,
				)
		}
		if (evidenceIds.length !== (record.evidence ?? []).length) return

		const key = `${record.platform}/${record.pledge} ${record.status} from ${record.effectiveDate}`
		const effectiveDate = day(record.effectiveDate)
		const existing = await this.tx.statusUpdate.findFirst({
			where: { pledgeId: pledge.id, status: record.status, effectiveDate },
			select: {
				id: true,
				rationale: true,
				correctionReason: true,
				evidence: { select: { evidenceId: true } },
				translations: { select: { locale: true, rationale: true, correctionReason: true } },
			},
		})
		if (existing) {
			const translated = (locale: 'RU' | 'KK', lang: 'ru' | 'kk') => {
				const stored = existing.translations.find((row) => row.locale === locale)
				const given = record.translations?.[lang]
				return (
					(stored?.rationale ?? null) === (given?.rationale ?? null) &&
					(stored?.correctionReason ?? null) === (given?.correctionReason ?? null)
				)
			}
			const differing = [
				existing.rationale === record.rationale ? null : 'rationale',
				(existing.correctionReason ?? null) === (record.correctionReason ?? null) ? null : 'correctionReason',
				[...existing.evidence.map((link) => link.evidenceId)].sort().join() === [...evidenceIds].sort().join()
					? null
					: 'evidence',
				translated('RU', 'ru') && translated('KK', 'kk') ? null : 'translations',
			].filter((field) => field !== null)
			if (differing.length === 0) return this.change('statusUpdate', key, 'unchanged', where)
			return this.problem(
				where,
				`The ledger has this status from this date already, with another ${differing.join(', ')}: the ledger is append-only, so an import does not change an entry. Correct it on the pledge’s status page (translations have their own form there), or import a correction.`,
			)
		}
		const values = {
			intent: record.corrects ? 'correct' : 'record',
			step: 'publish',
			status: record.status,
			effectiveDate: record.effectiveDate,
			rationale: record.rationale,
			evidenceIds,
			ruRationale: record.translations?.ru?.rationale,
			kkRationale: record.translations?.kk?.rationale,
			...(record.corrects
				? {
						correctionReason: record.correctionReason ?? undefined,
						ruCorrectionReason: record.translations?.ru?.correctionReason ?? undefined,
						kkCorrectionReason: record.translations?.kk?.correctionReason ?? undefined,
					}
				: {}),
		}
		let written
		if (record.corrects) {
			const corrected = await this.tx.statusUpdate.findFirst({
				where: {
					pledgeId: pledge.id,
					status: record.corrects.status,
					effectiveDate: day(record.corrects.effectiveDate),
					correctedBy: { none: {} },
				},
				select: { id: true },
			})
			if (!corrected)
				return this.problem(
					`${where}/corrects`,
					`The ledger has no uncorrected entry ${record.corrects.status} from ${record.corrects.effectiveDate} to correct.`,
				)
			const input = this.parse(
				correctionSchema(this.now, pledge.sourceDate),
				{ ...values, correctsId: corrected.id },
				where,
				ledgerRenames,
			)
			if (!input) return
			written = await recordCorrection(
				{ actor: this.actorOf(author), pledgeId: pledge.id, input, now: this.now },
				this.prisma,
			)
		} else {
			if (record.correctionReason)
				return this.problem(
					`${where}/correctionReason`,
					'Only a correction has a correction reason: give "corrects" too, or remove it.',
				)
			const input = this.parse(statusUpdateSchema(this.now, pledge.sourceDate), values, where, ledgerRenames)
			if (!input) return
			written = await recordStatusUpdate(
				{
					actor: this.actorOf(author),
					pledgeId: pledge.id,
					input: { ...input, ledgerHeadId: undefined },
					now: this.now,
				},
				this.prisma,
			)
		}
		if (written.status === 'invalid') {
			for (const [field, texts] of Object.entries(ledgerProblemMessages(written.problems, written.detail)))
				for (const text of texts) this.problem(fieldPointer(where, [field], ledgerRenames), text)
			return
		}
		if (written.status !== 'saved') return this.unexpected(where, written.status)
		this.change('statusUpdate', key, 'create', where)
	}
}

function evidenceProblemText(code: string | undefined): string {
	switch (code) {
		case 'not-quantitative':
			return 'Only a QUANTITATIVE pledge takes a figure: remove the measurement.'
		case 'no-indicator':
			return 'The pledge has no indicator to record this figure on.'
		case 'future':
			return 'The date of the figure cannot be in the future.'
		case 'before-baseline':
			return 'The figure is dated before the indicator’s baseline.'
		default:
			return 'Check this value.'
	}
}
