import { evidenceTranslationLanguages } from '~/forms/evidence-translations'
import { ledgerTranslationLanguages } from '~/forms/ledger-translations'
import { useI18n } from '~/i18n/use-i18n'
import { FieldGroup, LanguageFieldset, TextAreaField, TextField, type FormField } from './forms'

type LedgerLanguage = (typeof ledgerTranslationLanguages)[number]
type EvidenceLanguage = (typeof evidenceTranslationLanguages)[number]

/**
 * A ledger entry's rationale (and, for a correction, its reason) in Russian and Kazakh, one language per
 * fieldset, side by side, beside the English fields above them: on the status form, the correction form
 * and an entry's translations page.
 */
export function LedgerTranslationFields({
	fields,
	correction,
}: {
	fields: Partial<Record<LedgerLanguage['rationale'] | LedgerLanguage['correctionReason'], FormField>>
	correction: boolean
}) {
	const { t } = useI18n()
	return (
		<FieldGroup legend={t('staff.ledgerTranslation.legend')} hint={t('staff.ledgerTranslation.hint')}>
			<div className="language-columns">
				{ledgerTranslationLanguages.map(({ lang, rationale, correctionReason }) => {
					const rationaleField = fields[rationale]
					const reasonField = fields[correctionReason]
					return (
						<LanguageFieldset key={lang} legend={t(`staff.language.${lang}`)} lang={lang}>
							{correction && reasonField ? (
								<TextAreaField
									label={t(
										lang === 'ru' ? 'staff.ledgerTranslation.ruReason' : 'staff.ledgerTranslation.kkReason',
									)}
									field={reasonField}
									rows={3}
								/>
							) : null}
							{rationaleField ? (
								<TextAreaField
									label={t(
										lang === 'ru'
											? 'staff.ledgerTranslation.ruRationale'
											: 'staff.ledgerTranslation.kkRationale',
									)}
									field={rationaleField}
									rows={4}
								/>
							) : null}
						</LanguageFieldset>
					)
				})}
			</div>
		</FieldGroup>
	)
}

/** An evidence item's title and a translation of its excerpt in Russian and Kazakh, side by side. */
export function EvidenceTranslationFields({
	fields,
}: {
	fields: Record<EvidenceLanguage['title'] | EvidenceLanguage['excerpt'], FormField>
}) {
	const { t } = useI18n()
	return (
		<FieldGroup legend={t('staff.evidenceTranslation.legend')} hint={t('staff.evidenceTranslation.hint')}>
			<div className="language-columns">
				{evidenceTranslationLanguages.map(({ lang, title, excerpt }) => (
					<LanguageFieldset key={lang} legend={t(`staff.language.${lang}`)} lang={lang}>
						<TextField
							label={t(
								lang === 'ru' ? 'staff.evidenceTranslation.ruTitle' : 'staff.evidenceTranslation.kkTitle',
							)}
							field={fields[title]}
						/>
						<TextAreaField
							label={t(
								lang === 'ru' ? 'staff.evidenceTranslation.ruExcerpt' : 'staff.evidenceTranslation.kkExcerpt',
							)}
							field={fields[excerpt]}
							rows={4}
						/>
					</LanguageFieldset>
				))}
			</div>
		</FieldGroup>
	)
}
