import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { fallbackLang, ProseSections, UntranslatedNote } from '~/components/public-ui'
import { about } from '~/i18n/content/about.server'
import type { AboutContent } from '~/i18n/content/types'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { useI18n } from '~/i18n/use-i18n'
import { paths } from '~/models/paths'
import { listPlatforms, presentPlatform } from '~/models/platform.server'
import { publicPageHeaders } from '~/server/http-cache.server'
import { feedbackChannel, installation, type Installation } from '~/server/installation.server'

export const headers = publicPageHeaders

export async function loader({ params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const platforms = await listPlatforms()
	const operator = installation()
	return {
		content: about[locale],
		operator: { ...operator, feedback: feedbackChannel(operator) },
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
	const { content, operator, platforms } = useLoaderData<typeof loader>()
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
			<WhoRunsThis text={content.operator} operator={operator} />
			<ProseSections sections={content.laterSections} />
		</article>
	)
}

type Operator = Installation & { feedback: string | null }

/** The organization, contact and source code from the installation's settings; a default says it is one. */
function WhoRunsThis({ text, operator }: { text: AboutContent['operator']; operator: Operator }) {
	const notConfigured = (variable: string) => (
		<span className="muted">
			{text.notConfigured.before}
			<code lang="en">{variable}</code>
			{text.notConfigured.after}
		</span>
	)
	return (
		<section className="prose-section" aria-labelledby="operator-title">
			<h2 id="operator-title">{text.heading}</h2>
			<p>{text.intro}</p>
			<dl className="facts">
				<div>
					<dt>{text.organization}</dt>
					<dd>{operator.organization ?? notConfigured('UADE_ORG_NAME')}</dd>
				</div>
				<div>
					<dt>{text.contact}</dt>
					<dd>
						{operator.contactEmail ? (
							<a href={`mailto:${operator.contactEmail}`}>{operator.contactEmail}</a>
						) : (
							notConfigured('UADE_CONTACT_EMAIL')
						)}
					</dd>
				</div>
				<div>
					<dt>{text.source}</dt>
					<dd>
						{operator.sourceUrl ? (
							<a href={operator.sourceUrl}>{operator.sourceUrl}</a>
						) : (
							notConfigured('UADE_SOURCE_URL')
						)}
					</dd>
				</div>
			</dl>
			<p>
				{text.tellUs.before}
				{operator.feedback ? <a href={operator.feedback}>{text.tellUs.link}</a> : text.tellUs.link}
				{text.tellUs.after}
			</p>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
