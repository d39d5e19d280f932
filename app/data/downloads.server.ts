import { pipeline, type Readable } from 'node:stream'
import type { PrismaClient } from '~/.server/prisma/client'
import { copyOut, sqlLiteral } from '~/db/copy.server'
import { getPrisma } from '~/db/prisma.server'
import { isSlug } from '~/forms/fields'
import { publishedPlatformWhere } from '~/models/platform.server'
import { rfc4180Csv } from './csv-records.server'
import { csvDownloads, type CsvDownload, type CsvDownloadName } from './download-files'

/**
 * The CSV downloads' rows (app/data/download-files.ts says what each column holds), each file one
 * `COPY (SELECT …) TO STDOUT WITH (FORMAT csv, HEADER)` streamed as PostgreSQL writes it
 * (docs/decisions/019-downloads-streamed-by-copy.md). What is public is what the API shows
 * (app/api/records.server.ts): published platforms only (`publishedPlatformWhere`), approved evidence only,
 * every ledger entry of a published platform with only its approved evidence, and the measurements whose
 * evidence is approved. A column's SQL is named by the dictionary's column, so the header row is the
 * dictionary's, in its order.
 */

const date = (expression: string) => `to_char(${expression}, 'YYYY-MM-DD')`
// Prisma's DateTime columns are timestamp(3) holding UTC.
const instant = (expression: string) => `to_char(${expression}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
// 150000.0000 as 150000: the value as entered, without numeric(20,4)'s padding.
const decimal = (expression: string) => `trim_scale(${expression})`

/** A translation's join: `alias` holds the record's Russian or Kazakh row, if any. */
const translation = (table: string, alias: string, key: string, id: string, locale: 'RU' | 'KK') =>
	`LEFT JOIN "${table}" ${alias} ON ${alias}."${key}" = ${id} AND ${alias}.locale = '${locale}'`

const pagePath = (origin: string, lang: string, platform: string, pledge: string) =>
	`${sqlLiteral(`${origin}/${lang}/platforms/`)} || ${platform} || '/pledges/' || ${pledge}`

type Query = { columns: Record<string, string>; from: string; orderBy: string }

function pledgesQuery(origin: string): Query {
	const url = (lang: string) => pagePath(origin, lang, 'pl.slug', 'p.slug')
	return {
		columns: {
			pledge_id: 'p.id',
			pledge_slug: 'p.slug',
			platform_slug: 'pl.slug',
			politician_slug: 'po.slug',
			principle_slug: 'coalesce(principle.slug, c.slug)',
			category_slug: 'c.slug',
			category_title_en: 'c.title',
			category_title_ru: 'c_ru.title',
			category_title_kk: 'c_kk.title',
			title_en: 'p.title',
			title_ru: 'p_ru.title',
			title_kk: 'p_kk.title',
			summary_en: 'p.summary',
			summary_ru: 'p_ru.summary',
			summary_kk: 'p_kk.summary',
			quote: 'p.quote',
			source_url: 'p."sourceUrl"',
			source_date: date('p."sourceDate"'),
			kind: 'p.kind',
			deadline: date('p.deadline'),
			status: 'p.status',
			// The entry the pledge's page calls current: the newest that no correction replaced.
			status_since: date(`(SELECT su."effectiveDate" FROM "StatusUpdate" su
				WHERE su."pledgeId" = p.id
					AND NOT EXISTS (SELECT 1 FROM "StatusUpdate" later WHERE later."correctsId" = su.id)
				ORDER BY su."effectiveDate" DESC, su."createdAt" DESC, su.id ASC LIMIT 1)`),
			indicator_name_en: 'i.name',
			indicator_name_ru: 'i_ru.name',
			indicator_name_kk: 'i_kk.name',
			indicator_unit_en: 'i.unit',
			indicator_unit_ru: 'i_ru.unit',
			indicator_unit_kk: 'i_kk.unit',
			indicator_direction: 'i.direction',
			baseline_value: decimal('i."baselineValue"'),
			baseline_date: date('i."baselineDate"'),
			target_value: decimal('i."targetValue"'),
			target_date: date('i."targetDate"'),
			updated_at: instant('p."activityAt"'),
			url_en: url('en'),
			url_ru: url('ru'),
			url_kk: url('kk'),
		},
		from: `"Pledge" p
			JOIN "Platform" pl ON pl.id = p."platformId"
			JOIN "Politician" po ON po.id = pl."politicianId"
			JOIN "Category" c ON c.id = p."categoryId"
			LEFT JOIN "Category" principle ON principle.id = c."parentId"
			${translation('CategoryTranslation', 'c_ru', 'categoryId', 'c.id', 'RU')}
			${translation('CategoryTranslation', 'c_kk', 'categoryId', 'c.id', 'KK')}
			${translation('PledgeTranslation', 'p_ru', 'pledgeId', 'p.id', 'RU')}
			${translation('PledgeTranslation', 'p_kk', 'pledgeId', 'p.id', 'KK')}
			LEFT JOIN "Indicator" i ON i."pledgeId" = p.id
			${translation('IndicatorTranslation', 'i_ru', 'indicatorId', 'i.id', 'RU')}
			${translation('IndicatorTranslation', 'i_kk', 'indicatorId', 'i.id', 'KK')}`,
		orderBy: 'pl.slug, coalesce(principle.position, c.position), c.position, p.position, p.slug',
	}
}

function statusLedgerQuery(origin: string): Query {
	return {
		columns: {
			entry_id: 'su.id',
			pledge_id: 'p.id',
			pledge_slug: 'p.slug',
			platform_slug: 'pl.slug',
			from_status: 'su."fromStatus"',
			status: 'su.status',
			effective_date: date('su."effectiveDate"'),
			recorded_at: instant('su."createdAt"'),
			rationale_en: 'su.rationale',
			rationale_ru: 'su_ru.rationale',
			rationale_kk: 'su_kk.rationale',
			corrects_entry_id: 'su."correctsId"',
			correction_reason_en: 'su."correctionReason"',
			correction_reason_ru: 'su_ru."correctionReason"',
			correction_reason_kk: 'su_kk."correctionReason"',
			corrected_by_entry_id: `(SELECT later.id FROM "StatusUpdate" later WHERE later."correctsId" = su.id
				ORDER BY later."createdAt" DESC, later.id DESC LIMIT 1)`,
			evidence_ids: `(SELECT string_agg(link."evidenceId", ' ' ORDER BY link."evidenceId")
				FROM "StatusUpdateEvidence" link JOIN "Evidence" e ON e.id = link."evidenceId"
				WHERE link."statusUpdateId" = su.id AND e."reviewState" = 'APPROVED')`,
			pledge_url: pagePath(origin, 'en', 'pl.slug', 'p.slug'),
		},
		from: `"StatusUpdate" su
			JOIN "Pledge" p ON p.id = su."pledgeId"
			JOIN "Platform" pl ON pl.id = p."platformId"
			${translation('StatusUpdateTranslation', 'su_ru', 'statusUpdateId', 'su.id', 'RU')}
			${translation('StatusUpdateTranslation', 'su_kk', 'statusUpdateId', 'su.id', 'KK')}`,
		orderBy: 'pl.slug, p.slug, su."effectiveDate", su."createdAt", su.id',
	}
}

function evidenceQuery(origin: string): Query {
	return {
		columns: {
			evidence_id: 'e.id',
			pledge_id: 'p.id',
			pledge_slug: 'p.slug',
			platform_slug: 'pl.slug',
			type: 'e.type',
			title_en: 'e.title',
			title_ru: 'e_ru.title',
			title_kk: 'e_kk.title',
			publisher: 'e.publisher',
			source_url: 'e."sourceUrl"',
			archive_url: 'e."archiveUrl"',
			published_on: date('e."publishedOn"'),
			published_precision: 'e."publishedPrecision"',
			published_note: 'e."publishedNote"',
			excerpt: 'e.excerpt',
			excerpt_language: 'e."excerptLanguage"',
			excerpt_translation_en: 'e."excerptInEnglish"',
			excerpt_translation_ru: 'e_ru.excerpt',
			excerpt_translation_kk: 'e_kk.excerpt',
			measured_value: decimal('e."measuredValue"'),
			measured_as_of: date('e."measuredAsOf"'),
			reviewed_at: instant('e."reviewedAt"'),
			pledge_url: pagePath(origin, 'en', 'pl.slug', 'p.slug'),
		},
		from: `"Evidence" e
			JOIN "Pledge" p ON p.id = e."pledgeId"
			JOIN "Platform" pl ON pl.id = p."platformId"
			${translation('EvidenceTranslation', 'e_ru', 'evidenceId', 'e.id', 'RU')}
			${translation('EvidenceTranslation', 'e_kk', 'evidenceId', 'e.id', 'KK')}`,
		orderBy: 'pl.slug, p.slug, e."publishedOn" NULLS LAST, e.id',
	}
}

function measurementsQuery(origin: string): Query {
	return {
		columns: {
			measurement_id: 'm.id',
			pledge_id: 'p.id',
			pledge_slug: 'p.slug',
			platform_slug: 'pl.slug',
			indicator_id: 'i.id',
			indicator_name_en: 'i.name',
			indicator_name_ru: 'i_ru.name',
			indicator_name_kk: 'i_kk.name',
			value: decimal('m.value'),
			unit_en: 'i.unit',
			unit_ru: 'i_ru.unit',
			unit_kk: 'i_kk.unit',
			as_of: date('m."asOf"'),
			evidence_id: 'e.id',
			source_url: 'e."sourceUrl"',
			source_title_en: 'e.title',
			source_title_ru: 'e_ru.title',
			source_title_kk: 'e_kk.title',
			source_publisher: 'e.publisher',
			source_published_on: date('e."publishedOn"'),
			recorded_at: instant('m."createdAt"'),
			pledge_url: pagePath(origin, 'en', 'pl.slug', 'p.slug'),
		},
		from: `"Measurement" m
			JOIN "Indicator" i ON i.id = m."indicatorId"
			JOIN "Pledge" p ON p.id = i."pledgeId"
			JOIN "Platform" pl ON pl.id = p."platformId"
			JOIN "Evidence" e ON e.id = m."evidenceId"
			${translation('IndicatorTranslation', 'i_ru', 'indicatorId', 'i.id', 'RU')}
			${translation('IndicatorTranslation', 'i_kk', 'indicatorId', 'i.id', 'KK')}
			${translation('EvidenceTranslation', 'e_ru', 'evidenceId', 'e.id', 'RU')}
			${translation('EvidenceTranslation', 'e_kk', 'evidenceId', 'e.id', 'KK')}`,
		orderBy: 'pl.slug, p.slug, m."asOf", m."createdAt", m.id',
	}
}

const queries: Record<CsvDownloadName, { query: (origin: string) => Query; where: string }> = {
	pledges: { query: pledgesQuery, where: '' },
	'status-ledger': { query: statusLedgerQuery, where: '' },
	evidence: { query: evidenceQuery, where: `AND e."reviewState" = 'APPROVED'` },
	measurements: { query: measurementsQuery, where: `AND e."reviewState" = 'APPROVED'` },
}

/** The COPY statement of a download: the dictionary's columns, of published platforms (or of one of them). */
export function copyStatement(download: CsvDownload, origin: string, platformSlug?: string): string {
	const { query, where } = queries[download.name]
	const { columns, from, orderBy } = query(origin)
	const select = download.columns.map((column) => {
		const expression = columns[column.name]
		if (!expression) throw new Error(`${download.fileName}: no SQL for the column ${column.name}`)
		return `${expression} AS "${column.name}"`
	})
	const extra = Object.keys(columns).filter(
		(name) => !download.columns.some((column) => column.name === name),
	)
	if (extra.length > 0)
		throw new Error(`${download.fileName}: columns not in the dictionary: ${extra.join(', ')}`)
	const platform = platformSlug === undefined ? '' : `AND pl.slug = ${sqlLiteral(platformSlug)}`
	return `COPY (SELECT ${select.join(', ')} FROM ${from}
		WHERE pl."publishedAt" IS NOT NULL ${where} ${platform}
		ORDER BY ${orderBy}) TO STDOUT WITH (FORMAT csv, HEADER, ENCODING 'UTF8')`
}

export function csvDownloadOf(fileName: string | undefined): CsvDownload | undefined {
	return csvDownloads.find((download) => download.fileName === fileName)
}

/**
 * Whether `slug` names a published platform: a draft's downloads are as unknown as its pages. A string
 * that cannot be a slug is no platform either.
 */
export async function isPublishedPlatform(
	slug: string,
	prisma: PrismaClient = getPrisma(),
): Promise<boolean> {
	if (!isSlug(slug)) return false
	const platform = await prisma.platform.findFirst({
		where: { slug, ...publishedPlatformWhere },
		select: { id: true },
	})
	return platform !== null
}

/**
 * A download's bytes as RFC 4180 wants them (app/data/csv-records.server.ts), streamed from its COPY:
 * destroying the stream (the reader left) ends the COPY and closes its connection.
 */
export async function streamCsvDownload(
	download: CsvDownload,
	{ origin, platformSlug, signal }: { origin: string; platformSlug?: string; signal: AbortSignal },
): Promise<Readable> {
	const copy = await copyOut(copyStatement(download, origin, platformSlug), signal)
	const csv = rfc4180Csv()
	// Either end going away takes the other with it: a reader's leaving ends the COPY (copy.stream's destroy).
	pipeline(copy.stream, csv, () => {})
	signal.addEventListener('abort', () => csv.destroy(), { once: true })
	return csv
}
