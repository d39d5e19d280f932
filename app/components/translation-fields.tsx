import type { ReactNode } from 'react'
import {
	translationLanguages,
	type TranslatedPair,
	type TranslationLanguage,
	type TranslationRules,
} from '~/forms/translations'
import { useI18n } from '~/i18n/use-i18n'
import { LanguageFieldset, TextAreaField, TextField, type FormField } from './forms'

type TextFields = Record<'title' | 'summary' | TranslationLanguage['title' | 'summary'], FormField>

/**
 * The three languages of a record's text side by side (one above another where there is no room): its
 * English (the record itself), then each language it may be translated into, each in its own fieldset.
 */
export function LanguageColumns({ children }: { children: ReactNode }) {
	return <div className="language-columns">{children}</div>
}

/**
 * A record's title and summary in English (the record itself), then in each language it may be translated
 * into; the hints say what a language left empty shows, by the record's rules (a category's summary may be
 * left out, a pledge's may not).
 */
export function TranslatedTextFields({ fields, rules }: { fields: TextFields; rules: TranslationRules }) {
	const { t } = useI18n()
	return (
		<LanguageColumns>
			<LanguageFieldset legend={t('staff.translation.english')} lang="en">
				<TextField label={t('staff.translation.title')} field={fields.title} />
				<TextAreaField label={t('staff.translation.summary')} field={fields.summary} rows={4} />
			</LanguageFieldset>
			{translationLanguages.map(({ lang, title, summary }) => (
				<LanguageFieldset key={lang} legend={t(`staff.translation.${lang}.legend`)} lang={lang}>
					<TextField
						label={t(`staff.translation.${lang}.title`)}
						field={fields[title]}
						hint={t('staff.translation.leaveBothEmpty')}
					/>
					<TextAreaField
						label={t(`staff.translation.${lang}.summary`)}
						field={fields[summary]}
						rows={4}
						hint={
							rules.summary === 'optional'
								? t('staff.translation.summaryOptional')
								: t('staff.translation.summaryNeeded')
						}
					/>
				</LanguageFieldset>
			))}
		</LanguageColumns>
	)
}

/**
 * Two texts of a record that go together (a politician's name and office, an indicator's name and unit),
 * in English (the record's own fields) and in each translation language, side by side. `labels` names each
 * language's two fields (`first`, `second`) and the English ones.
 */
export function TranslatedPairFields<Pairs extends TranslatedPair>({
	pairs,
	fields,
	english,
	labels,
}: {
	pairs: Pairs
	fields: Record<Pairs[number]['first'] | Pairs[number]['second'], FormField>
	english: { first: { label: string; field: FormField }; second: { label: string; field: FormField } }
	labels: (lang: Pairs[number]['lang']) => { first: string; second: string }
}) {
	const { t } = useI18n()
	return (
		<LanguageColumns>
			<LanguageFieldset legend={t('staff.translation.english')} lang="en">
				<TextField label={english.first.label} field={english.first.field} />
				<TextField label={english.second.label} field={english.second.field} />
			</LanguageFieldset>
			{pairs.map((pair: Pairs[number]) => {
				const label = labels(pair.lang)
				const first: Pairs[number]['first'] = pair.first
				const second: Pairs[number]['second'] = pair.second
				return (
					<LanguageFieldset
						key={pair.lang}
						legend={t(`staff.translation.${pair.lang}.legend`)}
						lang={pair.lang}
					>
						<TextField
							label={label.first}
							field={fields[first]}
							hint={t('staff.translation.leaveBothEmpty')}
						/>
						<TextField label={label.second} field={fields[second]} hint={t('staff.translation.bothNeeded')} />
					</LanguageFieldset>
				)
			})}
		</LanguageColumns>
	)
}
