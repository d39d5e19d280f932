import type { Prisma, PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { isRecordId } from '~/forms/fields'
import { publicTextProblem } from '~/forms/integrity-rules'
import { ledgerTranslationLanguages, type LedgerTranslationInput } from '~/forms/ledger-translations'
import type { LedgerProblem } from '~/forms/status-update'
import type { TranslationLocale } from '~/forms/translations'
import { translationLocale, type Locale } from '~/i18n/locales'
import { recordAudit } from './audit.server'
import { assertAdmin, type Actor, type SaveResult } from './save.server'

/**
 * The Russian and Kazakh versions of a ledger entry's rationale and correction reason
 * (docs/decisions/015-translations-of-ledger-entries.md). The entry is append-only; its translations are
 * written with it, or added and fixed later by an admin, each change audited.
 */

export type LedgerTranslationRow = {
	locale: TranslationLocale
	rationale: string
	correctionReason: string | null
}

type StoredTranslation = { locale: string; rationale: string; correctionReason: string | null }

/** Why a translation was refused: a text too short to explain, or a correction's language half done. */
export type LedgerTranslationProblem = Extract<
	LedgerProblem,
	'too-short' | 'translation-incomplete' | 'not-a-correction'
>

/**
 * The rows a parsed form asks for, one per language with a rationale, and the problems the database would
 * refuse them for (the rules of the entry's own texts; a reason exactly for a correction). The forms check
 * the same; this is for any caller.
 */
export function ledgerTranslationRows(
	input: LedgerTranslationInput,
	{ correction }: { correction: boolean },
): { rows: LedgerTranslationRow[]; problems: Partial<Record<string, LedgerTranslationProblem>> } {
	const rows: LedgerTranslationRow[] = []
	const problems: Partial<Record<string, LedgerTranslationProblem>> = {}
	for (const language of ledgerTranslationLanguages) {
		const rationale = input[language.rationale]
		const reason = input[language.correctionReason]
		if (rationale !== undefined && publicTextProblem(rationale)) problems[language.rationale] = 'too-short'
		if (reason !== undefined && publicTextProblem(reason)) problems[language.correctionReason] = 'too-short'
		if (!correction && reason !== undefined) problems[language.correctionReason] = 'not-a-correction'
		if (correction && (rationale === undefined) !== (reason === undefined)) {
			problems[rationale === undefined ? language.rationale : language.correctionReason] =
				'translation-incomplete'
		}
		if (rationale !== undefined) {
			rows.push({
				locale: language.locale,
				rationale,
				correctionReason: correction ? (reason ?? null) : null,
			})
		}
	}
	return { rows, problems }
}

/** Translations as the audit log keeps them: by locale. */
export function auditOfTranslations(rows: ReadonlyArray<StoredTranslation>): Prisma.InputJsonObject {
	return Object.fromEntries(
		rows.map((row) => [
			row.locale,
			{
				rationale: row.rationale,
				...(row.correctionReason === null ? {} : { correctionReason: row.correctionReason }),
			},
		]),
	)
}

const translationColumns = {
	locale: true,
	rationale: true,
	correctionReason: true,
} satisfies Prisma.StatusUpdateTranslationSelect

/** A ledger entry's translation rows, in a fixed order. */
export const ledgerTranslationsSelect = {
	select: translationColumns,
	orderBy: { locale: 'asc' },
} satisfies Prisma.StatusUpdate$translationsArgs

/**
 * The public pages' filter for one language: the translation of the reader's language only (none for
 * English, which is the entry itself).
 */
export function ledgerTranslationIn(locale: Locale) {
	return {
		where: { locale: locale === 'en' ? 'EN' : translationLocale[locale] },
		select: { rationale: true, correctionReason: true },
		take: 1,
	} satisfies Prisma.StatusUpdate$translationsArgs
}

/**
 * An entry's rationale and reason in the reader's language, falling back to the English of the entry
 * where there is no translation, and saying so (the page marks the English `lang="en"` and notes it).
 */
export function localizeLedgerTexts(
	entry: {
		rationale: string
		correctionReason: string | null
		translations: ReadonlyArray<{ rationale: string; correctionReason: string | null }>
	},
	locale: Locale,
) {
	const translation = entry.translations[0]
	const isTranslated = locale === 'en' || translation !== undefined
	return {
		rationale: translation?.rationale ?? entry.rationale,
		correctionReason:
			entry.correctionReason === null ? null : (translation?.correctionReason ?? entry.correctionReason),
		textIsTranslated: isTranslated,
	}
}

/** One published entry with its translations, for its translations page; null if the pledge has no such entry. */
export async function getLedgerEntryTranslations(
	{ pledgeId, entryId }: { pledgeId: string; entryId: string },
	prisma: PrismaClient = getPrisma(),
) {
	if (!isRecordId(pledgeId) || !isRecordId(entryId)) return null
	const entry = await prisma.statusUpdate.findFirst({
		where: { id: entryId, pledgeId },
		select: {
			id: true,
			status: true,
			effectiveDate: true,
			rationale: true,
			correctionReason: true,
			correctsId: true,
			createdAt: true,
			author: { select: { displayName: true } },
			pledge: { select: { id: true, title: true } },
			translations: ledgerTranslationsSelect,
		},
	})
	if (!entry) return null
	return {
		id: entry.id,
		status: entry.status,
		effectiveDate: entry.effectiveDate.toISOString().slice(0, 10),
		recordedAt: entry.createdAt.toISOString(),
		author: entry.author.displayName,
		rationale: entry.rationale,
		correctionReason: entry.correctionReason,
		isCorrection: entry.correctsId !== null,
		pledge: entry.pledge,
		translations: entry.translations,
	}
}

function sameRow(a: StoredTranslation | undefined, b: StoredTranslation | undefined): boolean {
	return a?.rationale === b?.rationale && a?.correctionReason === b?.correctionReason
}

/**
 * Adds, fixes or removes the translations of a published entry, in one transaction with its audit entry
 * (`status_update.translate`, the translations before and after); the entry itself is never written. A
 * language left empty has no translation afterwards. A save that changes nothing writes nothing. Of two
 * admins saving at once, the second waits for the first (a lock of the entry's translations) and then
 * writes over it, which its audit entry shows. Only an admin may (throws otherwise).
 */
export async function saveLedgerTranslations(
	{
		actor,
		pledgeId,
		entryId,
		input,
	}: { actor: Actor; pledgeId: string; entryId: string; input: LedgerTranslationInput },
	prisma: PrismaClient = getPrisma(),
): Promise<SaveResult<{ id: string; changed: boolean }, LedgerTranslationProblem>> {
	assertAdmin(actor)
	if (!isRecordId(pledgeId) || !isRecordId(entryId)) return { status: 'not-found' }
	return prisma.$transaction(async (tx) => {
		const entry = await tx.statusUpdate.findFirst({
			where: { id: entryId, pledgeId },
			select: { id: true, correctsId: true },
		})
		if (!entry) return { status: 'not-found' }
		const { rows, problems } = ledgerTranslationRows(input, { correction: entry.correctsId !== null })
		if (Object.keys(problems).length > 0) return { status: 'invalid', problems }
		// The entry's row is append-only, so not locked: two saves of its translations take turns on a lock
		// of their own, and the second reads what the first wrote.
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`ledger-translation:${entry.id}`}, 0))`
		const before = await tx.statusUpdateTranslation.findMany({
			where: { statusUpdateId: entry.id },
			...ledgerTranslationsSelect,
		})
		const changed = ledgerTranslationLanguages.filter(
			({ locale }) =>
				!sameRow(
					before.find((row) => row.locale === locale),
					rows.find((row) => row.locale === locale),
				),
		)
		if (changed.length === 0) return { status: 'saved', record: { id: entry.id, changed: false } }
		for (const { locale } of changed) {
			const row = rows.find((wanted) => wanted.locale === locale)
			if (row) {
				await tx.statusUpdateTranslation.upsert({
					where: { statusUpdateId_locale: { statusUpdateId: entry.id, locale } },
					create: { statusUpdateId: entry.id, ...row },
					update: { rationale: row.rationale, correctionReason: row.correctionReason },
				})
			} else {
				await tx.statusUpdateTranslation.delete({
					where: { statusUpdateId_locale: { statusUpdateId: entry.id, locale } },
				})
			}
		}
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'status_update.translate',
			entityType: 'StatusUpdate',
			entityId: entry.id,
			before: { pledgeId, translations: auditOfTranslations(before) },
			after: { pledgeId, translations: auditOfTranslations(rows) },
			ipAddress: actor.ipAddress,
		})
		return { status: 'saved', record: { id: entry.id, changed: true } }
	})
}
