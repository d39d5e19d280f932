import { Prisma } from '~/.server/prisma/client'
import type { DatePrecision } from '~/.server/prisma/client'
import type { Locale as DatabaseLocale, EvidenceType } from '~/.server/prisma/enums'
import { translationLocale, type Locale } from '~/i18n/locales'

/**
 * Pieces of the public pages' read models: one SQL statement that returns a page's rows as JSON (json_agg
 * of correlated subqueries) instead of one statement per Prisma relation. Identifiers come from this code
 * only, never from a request; values are always parameters.
 */

/** The database's value of a page language (English rows match no translation: English is the record). */
export function databaseLocaleOf(locale: Locale): DatabaseLocale {
	return locale === 'en' ? 'EN' : translationLocale[locale]
}

/**
 * A JSON array (never null) of a record's translation into `locale`: at most one row, with `columns`
 * (plus `locale`), as Prisma's `translations: { where: { locale }, take: 1 }` reads it.
 */
export function translationsJson(
	table: string,
	key: string,
	recordId: Prisma.Sql,
	columns: readonly string[],
	locale: Locale,
): Prisma.Sql {
	const selected = Prisma.raw(
		['locale::text AS locale', ...columns.map((column) => `"${column}"`)].join(', '),
	)
	return Prisma.sql`(SELECT COALESCE(json_agg(t), '[]'::json) FROM (
		SELECT ${selected} FROM ${Prisma.raw(`"${table}"`)}
		WHERE ${Prisma.raw(`"${key}"`)} = ${recordId} AND locale = ${databaseLocaleOf(locale)}::"Locale"
		LIMIT 1) t)`
}

/** A timestamp column as `Date#toISOString` writes it (Prisma reads `timestamp(3)` as UTC). */
export function isoTimestampSql(column: string): Prisma.Sql {
	return Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)
}

/** A `date` as it arrives in JSON (YYYY-MM-DD) back as the UTC midnight Prisma reads it as. */
export function dateOf(isoDate: string): Date {
	return new Date(`${isoDate}T00:00:00.000Z`)
}

/** A record's translations as `translationsJson` returns them. */
export type TextRows<Columns> = Array<Columns & { locale: DatabaseLocale }>

/** A source as the read models return it: a platform's source or a pledge's evidence (SourceItem shows both). */
export type SourceItemRow = {
	id: string
	type: EvidenceType
	title: string
	publisher: string
	publishedOn: string | null
	publishedPrecision: DatePrecision
	publishedNote: string | null
	excerpt: string
	excerptLanguage: string | null
	excerptInEnglish: string | null
	sourceUrl: string
	archiveUrl: string | null
	translations: TextRows<{ title: string; excerpt: string | null }>
}

/** `json_build_object`'s arguments for a SourceItemRow of the table aliased `alias`, but its translations. */
export function sourceItemFieldsSql(alias: string): Prisma.Sql {
	const fields = ['id', 'type', 'title', 'publisher', 'publishedOn', 'publishedPrecision', 'publishedNote']
		.concat(['excerpt', 'excerptLanguage', 'excerptInEnglish', 'sourceUrl', 'archiveUrl'])
		.map((field) => `'${field}', ${alias}."${field}"`)
	return Prisma.raw(fields.join(', '))
}
