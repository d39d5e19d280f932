import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PlatformCard } from '~/components/platform-summary'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { useI18n } from '~/i18n/use-i18n'
import { listPublishedPlatforms } from '~/models/platform.server'
import { publicPageHeaders } from '~/server/http-cache.server'

/** `/:lang/platforms`: every published platform, newest election first; drafts never, even for staff. */
export const headers = publicPageHeaders

export async function loader({ params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	return { platforms: await listPublishedPlatforms(locale) }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	publicPageMeta(matches, ({ t }) => ({
		title: t('platforms.title'),
		description: t('platforms.description'),
		path: '/platforms',
	}))

export default function PlatformIndex() {
	const { platforms } = useLoaderData<typeof loader>()
	const { t } = useI18n()
	return (
		<>
			<h1>{t('platforms.title')}</h1>
			<p className="lede">{t('platforms.intro')}</p>
			{platforms.length === 0 ? (
				<p className="empty">{t('platforms.none')}</p>
			) : (
				<ul className="platform-cards">
					{platforms.map((platform) => (
						<PlatformCard
							key={platform.slug}
							platform={platform}
							politician={platform.politician}
							headingLevel="h2"
						/>
					))}
				</ul>
			)}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
