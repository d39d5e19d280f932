import type { Locale } from '~/i18n/locales'
import { getPlatformOverview } from './overview.server'
import { listPlatformSources } from './platform-source.server'
import { getPlatform, presentPlatform, publicOnly, type PlatformVisibility } from './platform.server'

/**
 * The data of a platform's overview page: the platform named by `slug`, or the home page's. Null when
 * there is no such platform (or it is a draft and `visibility` is the public's).
 */
export async function getOverviewPage(
	slug: string | undefined,
	locale: Locale,
	today = new Date(),
	visibility: PlatformVisibility = publicOnly,
) {
	const platform = await getPlatform(slug, undefined, visibility)
	if (!platform) return null
	return {
		platform: presentPlatform(platform, locale),
		overview: await getPlatformOverview(platform, locale, today),
		sources: await listPlatformSources(platform.id, locale),
	}
}

export type OverviewPage = NonNullable<Awaited<ReturnType<typeof getOverviewPage>>>
