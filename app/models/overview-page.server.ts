import type { Locale } from '~/i18n/locales'
import { getPlatformOverview } from './overview.server'
import { getPlatform, presentPlatform } from './platform.server'

/**
 * The data of a platform's overview page: the platform named by `slug`, or the current one. Null when
 * there is no such platform.
 */
export async function getOverviewPage(slug: string | undefined, locale: Locale, today = new Date()) {
	const platform = await getPlatform(slug)
	if (!platform) return null
	return {
		platform: presentPlatform(platform),
		overview: await getPlatformOverview(platform, locale, today),
	}
}

export type OverviewPage = NonNullable<Awaited<ReturnType<typeof getOverviewPage>>>
