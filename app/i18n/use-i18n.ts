import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import type { loader as rootLoader } from '~/root'
import { defaultLocale } from './locales'
import { createI18n, type Catalogue, type I18n } from './messages'

// Only reached if the root loader itself failed; the translator then shows each message's key.
const emptyCatalogue: Partial<Catalogue> = {}

/** The page's language, its translator and its number and date formatters (from the root loader). */
export function useI18n(): I18n {
	const data = useRouteLoaderData<typeof rootLoader>('root')
	const locale = data?.locale ?? defaultLocale
	const messages = data?.messages
	return useMemo(() => createI18n(locale, messages ?? emptyCatalogue), [locale, messages])
}
