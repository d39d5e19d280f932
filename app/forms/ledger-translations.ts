import { z } from 'zod'
import { translationLocale } from '~/i18n/locales'
import { addFieldIssue, alwaysCheck, intent, limits, notAForm, optionalText } from './fields'
import { integrityMessages, publicTextProblem } from './integrity-rules'

/**
 * The Russian and Kazakh versions of a ledger entry's public texts: its rationale and, for a correction, its
 * reason (what was wrong). The English is the entry itself, append-only; a translation is written with the
 * entry or added and fixed later (docs/decisions/015-translations-of-ledger-entries.md). Each may be left
 * empty: the public pages then show the English, marked as such.
 */
export const ledgerTranslationLanguages = [
	{
		language: 'Russian',
		lang: 'ru',
		locale: translationLocale.ru,
		rationale: 'ruRationale',
		correctionReason: 'ruCorrectionReason',
	},
	{
		language: 'Kazakh',
		lang: 'kk',
		locale: translationLocale.kk,
		rationale: 'kkRationale',
		correctionReason: 'kkCorrectionReason',
	},
] as const

type LedgerTranslationLanguage = (typeof ledgerTranslationLanguages)[number]
type RationaleField = LedgerTranslationLanguage['rationale']
type ReasonField = LedgerTranslationLanguage['correctionReason']

/** A translated public text: empty, or a real sentence by the rule of the English (`publicTextMinimum`). */
function optionalPublicText() {
	return optionalText({ max: limits.rationale }).refine(
		(value) => value === undefined || publicTextProblem(value) === null,
		integrityMessages.publicTextTooShort,
	)
}

/** The translated rationale of any entry. */
export const rationaleTranslationFields = {
	ruRationale: optionalPublicText(),
	kkRationale: optionalPublicText(),
} satisfies Record<RationaleField, z.ZodType>

/** The translated reason of a correction. */
export const reasonTranslationFields = {
	ruCorrectionReason: optionalPublicText(),
	kkCorrectionReason: optionalPublicText(),
} satisfies Record<ReasonField, z.ZodType>

/** The translation fields as a schema parsed them: a field left empty is undefined. */
export type LedgerTranslationInput = Partial<Record<RationaleField | ReasonField, string>>

/** The English of these messages is the key of their translations (app/i18n/form-errors.ts). */
export const ledgerTranslationMessages = {
	reasonWithoutRationale: {
		Russian: 'Translate the rationale into Russian too, or clear the Russian reason.',
		Kazakh: 'Translate the rationale into Kazakh too, or clear the Kazakh reason.',
	},
	rationaleWithoutReason: {
		Russian: 'Translate what was wrong into Russian too, or clear the Russian rationale.',
		Kazakh: 'Translate what was wrong into Kazakh too, or clear the Kazakh rationale.',
	},
	notACorrection: 'This entry is not a correction: it has no reason to translate.',
} as const

/**
 * A correction's translation holds both texts or neither (the database keeps the same rule): a reason
 * needs its rationale and the rationale its reason. For a schema's superRefine (`alwaysCheck`): a value is
 * only asked whether it was given.
 */
export function checkCorrectionTranslations(record: Record<string, unknown>, context: z.RefinementCtx) {
	const given = (field: RationaleField | ReasonField) =>
		typeof record[field] === 'string' && record[field] !== ''
	for (const { language, rationale, correctionReason } of ledgerTranslationLanguages) {
		if (given(correctionReason) && !given(rationale)) {
			addFieldIssue(context, rationale, ledgerTranslationMessages.reasonWithoutRationale[language])
		}
		if (given(rationale) && !given(correctionReason)) {
			addFieldIssue(context, correctionReason, ledgerTranslationMessages.rationaleWithoutReason[language])
		}
	}
}

/** What the translations form of one published entry sends (its own page). */
export const ledgerTranslationIntent = 'translate'

/**
 * The form that adds or fixes the translations of a published entry; the entry itself never changes. For
 * a correction, each language holds both texts or neither; for any other entry, the rationale alone. A
 * language left empty has no translation (removed if it had one).
 */
export function ledgerTranslationSchema({ correction }: { correction: boolean }) {
	const fields = { intent: intent([ledgerTranslationIntent]).optional(), ...rationaleTranslationFields }
	if (!correction) return z.object(fields, notAForm)
	return z
		.object({ ...fields, ...reasonTranslationFields }, notAForm)
		.superRefine((record, context) => checkCorrectionTranslations(record, context), alwaysCheck)
}

/** A ledger entry's stored translations as the form's fields hold them (empty where there is none). */
export function ledgerTranslationFormValues(
	translations: ReadonlyArray<{ locale: string; rationale: string; correctionReason: string | null }>,
) {
	const stored = (locale: string) => translations.find((row) => row.locale === locale)
	const ru = stored(translationLocale.ru)
	const kk = stored(translationLocale.kk)
	return {
		ruRationale: ru?.rationale ?? '',
		ruCorrectionReason: ru?.correctionReason ?? '',
		kkRationale: kk?.rationale ?? '',
		kkCorrectionReason: kk?.correctionReason ?? '',
	} satisfies Record<RationaleField | ReasonField, string>
}
