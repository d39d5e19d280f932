import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { fallbackLang, ProseSections, UntranslatedNote } from '~/components/public-ui'
import { about } from '~/i18n/content/about.server'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { useI18n } from '~/i18n/use-i18n'
import { paths } from '~/models/paths'
import { listPlatforms, presentPlatform } from '~/models/platform.server'
import { publicPageHeaders } from '~/server/http-cache.server'

export const headers = publicPageHeaders

export async function loader({ params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const platforms = await listPlatforms()
	return {
		content: about[locale],
		platforms: platforms.map((platform) => ({
			...presentPlatform(platform, locale),
			pledgeCount: platform._count.pledges,
		})),
	}
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	publicPageMeta(matches, ({ t }) => ({
		title: t('about.title'),
		description: t('about.description'),
		path: '/about',
	}))

export default function About() {
	const { content, platforms } = useLoaderData<typeof loader>()
	const { t, format, locale } = useI18n()
	const [first, ...rest] = content.intro
	return (
		<article className="prose">
			<h1>{t('about.title')}</h1>
			<p className="lede">{first}</p>
			{rest.map((paragraph) => (
				<p key={paragraph}>{paragraph}</p>
			))}
			<section className="prose-section" aria-labelledby="platforms-title">
				<h2 id="platforms-title">{t('about.platforms')}</h2>
				<ul className="platform-list">
					{platforms.map((platform) => (
						<li key={platform.slug}>
							<p>
								<Link
									to={paths.platform(locale, platform.slug)}
									{...fallbackLang(platform.titleIsTranslated)}
								>
									{platform.title}
								</Link>
								{' — '}
								<span {...fallbackLang(platform.politicianIsTranslated)}>{platform.politician}</span>
								{', '}
								{t('about.platformElection', { date: format.date(platform.electionDate) })},{' '}
								{t('count.pledges', { count: platform.pledgeCount })}.{' '}
								<UntranslatedNote show={!platform.titleIsTranslated || !platform.politicianIsTranslated} />
							</p>
							<p className="muted">
								{t('overview.source')}:{' '}
								<a href={platform.sourceUrl} lang="en">
									{platform.sourceTitle}
								</a>{' '}
								<span lang="en">({platform.sourcePublisher})</span>
							</p>
						</li>
					))}
				</ul>
			</section>
			<ProseSections sections={content.sections} />
		</article>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
