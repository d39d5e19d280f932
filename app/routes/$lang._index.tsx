import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { JsonLd } from '~/components/json-ld'
import { PlatformOverview } from '~/components/platform-overview'
import { organizationName } from '~/i18n/content/about.server'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { useI18n } from '~/i18n/use-i18n'
import { getOverviewPage } from '~/models/overview-page.server'
import { paths } from '~/models/paths'
import { siteGraphOf } from '~/models/structured-data'
import { useLanguageData } from '~/route-data'
import { publicPageHeaders } from '~/server/http-cache.server'
import { installation } from '~/server/installation.server'

/** `/:lang`: the current platform's overview (the most recent election's); canonical at its own URL. */
export const headers = publicPageHeaders

export async function loader({ params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const { organization, contactEmail } = installation()
	return {
		page: await getOverviewPage(undefined, locale),
		organization: { name: organizationName(locale, organization), contactEmail },
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	publicPageMeta(matches, ({ t, locale }) => {
		const platform = data?.page?.platform
		const feed = { title: t('feed.site.title'), path: paths.feed(locale) }
		if (!platform) return { title: t('site.tagline'), description: t('site.description'), path: '', feed }
		return {
			title: t('overview.title', { platform: platform.title, politician: platform.politician }),
			description: t('overview.description', { platform: platform.title, politician: platform.politician }),
			path: `/platforms/${platform.slug}`,
			feed,
		}
	})

export default function CurrentPlatformOverview() {
	const { page, organization } = useLoaderData<typeof loader>()
	const { t, locale } = useI18n()
	const siteGraph = siteGraphOf({
		origin: useLanguageData()?.origin ?? '',
		locale,
		organization: organization.name,
		contactEmail: organization.contactEmail,
		description: t('site.description'),
	})
	if (!page) {
		return (
			<section className="empty-state" aria-labelledby="empty-title">
				<JsonLd data={siteGraph} />
				<h1 id="empty-title">{t('overview.noPlatform.title')}</h1>
				<p>{t('overview.noPlatform.text')}</p>
			</section>
		)
	}
	return (
		<>
			<JsonLd data={siteGraph} />
			<PlatformOverview page={page} />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
