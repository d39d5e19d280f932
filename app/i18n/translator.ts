import type { MessageKey } from './messages/en'
import { createFormatters, type Formatters } from './format'
import type { Locale } from './locales'
import { keepNumbersTogether } from './typography'

export type { MessageKey }

/** A message whose wording depends on a number: one form per Intl.PluralRules category the language uses. */
export type PluralMessage = {
	zero?: string
	one?: string
	two?: string
	few?: string
	many?: string
	other: string
}

export type Message = string | PluralMessage

/** A language's full set of UI strings (its messages): every key of the English ones, none missing. */
export type Messages = { readonly [Key in MessageKey]: Message }

export type MessageValues = Record<string, string | number>

export type Translate = (key: MessageKey, values?: MessageValues) => string

/**
 * `t(key, values)`: the message for `key` with `{name}` placeholders filled in; numbers are formatted for
 * the language, and a plural message picks its form from `values.count` (which the message need not show:
 * "pledges" under the number in the doughnut). No number in the result can break across lines.
 */
export function createTranslator(messages: Partial<Messages>, formatters: Formatters): Translate {
	const pluralRules = new Intl.PluralRules(formatters.tag)
	return (key, values = {}) => {
		const message = messages[key] ?? key
		const template =
			typeof message === 'string'
				? message
				: (message[pluralRules.select(Number(values.count ?? 0))] ?? message.other)
		// Most messages have no placeholder: they skip the expression that fills them in.
		const filled = !template.includes('{')
			? template
			: template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
					const value = values[name]
					if (value === undefined) return placeholder
					return typeof value === 'number' ? formatters.number(value) : value
				})
		return keepNumbersTogether(
			// A value ending in a full stop ("26 ноября 2029 г.") at the end of a sentence takes the sentence's.
			filled.includes('..') ? filled.replace(/(\S)\.\.(?=\s|$)/g, '$1.') : filled,
			formatters.locale,
		)
	}
}

/**
 * A message with a record's own texts put in after translation (`withTexts(t('key'), { title })`): `t`
 * keeps numbers with their words (a no-break space) in what it fills in, right for the site's wording, but
 * a title or a reason must reach a feed reader exactly as it was written. `t` leaves the placeholders it
 * is given no value for; one pass, so a text that itself holds `{name}` stays as it is.
 */
export function withTexts(message: string, texts: Record<string, string>): string {
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => texts[name] ?? placeholder)
}

export type I18n = { locale: Locale; t: Translate; format: Formatters }

// Per messages object: on the server every request of a language shares its messages, and every
// component calls useI18n, so building a translator (and its Intl.PluralRules) each time is costly.
const i18nByMessages = new WeakMap<Partial<Messages>, I18n>()

export function createI18n(locale: Locale, messages: Partial<Messages>): I18n {
	const cached = i18nByMessages.get(messages)
	if (cached?.locale === locale) return cached
	const format = createFormatters(locale)
	const i18n = { locale, t: createTranslator(messages, format), format }
	i18nByMessages.set(messages, i18n)
	return i18n
}

/** The placeholders a message uses, for checking that every language fills the same ones. */
export function placeholdersOf(message: Message): string[] {
	const templates = typeof message === 'string' ? [message] : Object.values(message)
	const names = new Set<string>()
	for (const template of templates)
		for (const match of template.matchAll(/\{(\w+)\}/g)) names.add(match[1] ?? '')
	return [...names].sort()
}
