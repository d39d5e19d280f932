import { useMemo } from 'react'
import { useRootData } from '~/route-data'
import { defaultLocale } from './locales'
import { createI18n, type I18n, type Messages } from './translator'

// Only reached if the root loader itself failed; the translator then shows each message's key.
const noMessages: Partial<Messages> = {}

/** The page's language, its translator and its number and date formatters (from the root loader). */
export function useI18n(): I18n {
	const data = useRootData()
	const locale = data?.locale ?? defaultLocale
	const messages = data?.messages
	return useMemo(() => createI18n(locale, messages ?? noMessages), [locale, messages])
}
