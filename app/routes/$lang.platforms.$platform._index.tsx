import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { platformVisibilityFor } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PlatformOverview } from '~/components/platform-overview'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { withTexts } from '~/i18n/translator'
import { getOverviewPage } from '~/models/overview-page.server'
import { paths } from '~/models/paths'
import { publicPageHeaders } from '~/server/http-cache.server'

/** `/:lang/platforms/:platform`: any platform's overview, the canonical address of every overview. */
export const headers = publicPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const visibility = await platformVisibilityFor(request)
	const page = await getOverviewPage(params.platform, locale, new Date(), visibility)
	if (!page) throw new Response(null, { status: 404 })
	return { page }
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
		}
	})

export default function PlatformOverviewPage() {
	const { page } = useLoaderData<typeof loader>()
	return <PlatformOverview page={page} />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
