import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PlatformCard } from '~/components/platform-summary'
import { fallbackLang, UntranslatedNote } from '~/components/public-ui'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { useI18n } from '~/i18n/use-i18n'
import { getPoliticianPage } from '~/models/platform.server'
import { publicPageHeaders } from '~/server/http-cache.server'

/**
 * `/:lang/politicians/:politician`: the politician, their office and their published platforms with how
 * each one's pledges stand. A politician with no published platform is not public yet: 404.
 */
export const headers = publicPageHeaders

export async function loader({ params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const politician = await getPoliticianPage(params.politician ?? '', locale)
	if (!politician) throw new Response(null, { status: 404 })
	return { politician }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	publicPageMeta(matches, ({ t }) => {
		const politician = data?.politician
		if (!politician) return { title: t('error.404.title'), description: t('site.description'), path: '' }
		return {
			title: politician.name,
			description: t('politician.description', { politician: politician.name, office: politician.office }),
			path: `/politicians/${politician.slug}`,
		}
	})

export default function PoliticianPage() {
	const { politician } = useLoaderData<typeof loader>()
	const { t } = useI18n()
	return (
		<>
			<section className="platform-intro" aria-labelledby="politician-name">
				<h1 id="politician-name" {...fallbackLang(politician.isTranslated)}>
					{politician.name}
				</h1>
				<p className="lede" {...fallbackLang(politician.isTranslated)}>
					{politician.office}
				</p>
				<UntranslatedNote show={!politician.isTranslated} />
			</section>
			<section aria-labelledby="politician-platforms">
				<h2 id="politician-platforms">{t('politician.platforms')}</h2>
				<ul className="platform-cards">
					{politician.platforms.map((platform) => (
						<PlatformCard key={platform.slug} platform={platform} headingLevel="h3" />
					))}
				</ul>
			</section>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
