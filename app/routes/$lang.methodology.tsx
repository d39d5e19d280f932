import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ProseSections, StatusBadge } from '~/components/public-ui'
import { methodology } from '~/i18n/content/methodology.server'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { useI18n } from '~/i18n/use-i18n'
import { pledgeStatuses } from '~/models/status'
import { publicPageHeaders } from '~/server/http-cache.server'

export const headers = publicPageHeaders

export async function loader({ params }: LoaderFunctionArgs) {
	return { content: methodology[requireLocale(params.lang)] }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	publicPageMeta(matches, ({ t }) => ({
		title: t('methodology.title'),
		description: t('methodology.description'),
		path: '/methodology',
	}))

export default function Methodology() {
	const { content } = useLoaderData<typeof loader>()
	const { t } = useI18n()
	return (
		<article className="prose">
			<h1>{t('methodology.title')}</h1>
			<p className="lede">{content.intro}</p>
			<section className="prose-section" aria-labelledby="statuses-title">
				<h2 id="statuses-title">{content.statusesHeading}</h2>
				<dl className="status-definitions">
					{pledgeStatuses.map((status) => (
						<div key={status}>
							<dt>
								<StatusBadge status={status} />
							</dt>
							<dd>{content.statuses[status]}</dd>
						</div>
					))}
				</dl>
			</section>
			<ProseSections sections={content.sections} />
		</article>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
