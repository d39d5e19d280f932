import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { platformVisibilityFor } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PlatformOverview } from '~/components/platform-overview'
import { ShareLinks } from '~/components/share-links'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { withTexts } from '~/i18n/translator'
import { useI18n } from '~/i18n/use-i18n'
import { getOverviewPage } from '~/models/overview-page.server'
import { paths } from '~/models/paths'
import { useLanguageData } from '~/route-data'
import { publicPageHeaders } from '~/server/http-cache.server'
import { shareCardVersion } from './share-card/share-card.server'

/** `/:lang/platforms/:platform`: any platform's overview, the canonical address of every overview. */
export const headers = publicPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const visibility = await platformVisibilityFor(request)
	const [page, cardVersion] = await Promise.all([
		getOverviewPage(params.platform, locale, new Date(), visibility),
		shareCardVersion(),
	])
	if (!page) throw new Response(null, { status: 404 })
	return { page, cardVersion }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	publicPageMeta(matches, ({ t, locale }) => {
		const platform = data?.page.platform
		return {
			// A draft's preview links no feed: the public's would be a 404.
			feed:
				platform && !platform.isDraft
					? {
							title: withTexts(t('feed.platform.title'), { title: platform.title }),
							path: paths.platformFeed(locale, platform.slug),
						}
					: undefined,
			title: platform
				? t('overview.title', { platform: platform.title, politician: platform.politician })
				: '',
			description: platform
				? t('overview.description', { platform: platform.title, politician: platform.politician })
				: '',
			path: `/platforms/${platform?.slug ?? ''}`,
			// A draft's preview has no share card: the public's would be a 404.
			image:
				platform && data && !platform.isDraft
					? {
							path: paths.platformCard(locale, platform.slug, data.cardVersion),
							alt: withTexts(t('share.card.platformAlt'), { title: platform.title }),
						}
					: undefined,
		}
	})

export default function PlatformOverviewPage() {
	const { page } = useLoaderData<typeof loader>()
	const { t, locale } = useI18n()
	const origin = useLanguageData()?.origin ?? ''
	const { platform } = page
	// A draft (a staff member's preview) is not public, so there is nothing to share yet.
	const share = platform.isDraft ? null : (
		<ShareLinks
			url={`${origin}${paths.platform(locale, platform.slug)}`}
			text={t('overview.title', { platform: platform.title, politician: platform.politician })}
		/>
	)
	return <PlatformOverview page={page} share={share} />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
