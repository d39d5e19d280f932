import { translationLanguages, type TranslationLanguage, type TranslationRules } from '~/forms/translations'
import { LanguageFieldset, TextAreaField, TextField, type FormField } from './forms'

type TextFields = Record<'title' | 'summary' | TranslationLanguage['title' | 'summary'], FormField>

/**
 * A record's title and summary in English (the record itself), then in each language it may be translated
 * into, each language in its own fieldset; the hints say what a language left empty shows, by the record's
 * rules (a category's summary may be left out, a pledge's may not).
 */
export function TranslatedTextFields({ fields, rules }: { fields: TextFields; rules: TranslationRules }) {
	return (
		<>
			<LanguageFieldset legend="English (the record itself)" lang="en">
				<TextField label="Title" field={fields.title} />
				<TextAreaField label="Summary" field={fields.summary} rows={4} />
			</LanguageFieldset>
			{translationLanguages.map(({ language, lang, title, summary }) => (
				<LanguageFieldset key={lang} legend={language} lang={lang}>
					<TextField
						label={`${language} title`}
						field={fields[title]}
						hint="Leave both empty to show the English text, marked as such."
					/>
					<TextAreaField
						label={`${language} summary`}
						field={fields[summary]}
						rows={4}
						hint={
							rules.summary === 'optional'
								? 'Optional: without it, the English summary shows.'
								: 'Needed with a title.'
						}
					/>
				</LanguageFieldset>
			))}
		</>
	)
}
