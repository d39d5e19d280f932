import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CorrectionChange } from '~/components/correction-change'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { DateText, fallbackLang, Pagination, UntranslatedNote } from '~/components/public-ui'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { useI18n } from '~/i18n/use-i18n'
import { listCorrections } from '~/models/correction.server'
import { paths } from '~/models/paths'
import { publicPageHeaders } from '~/server/http-cache.server'
import { pageParam } from './page-param'

export const headers = publicPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const page = pageParam(new URL(request.url))
	if (page === null) throw new Response(null, { status: 400 })
	const corrections = await listCorrections({ locale, page })
	if (corrections.page > corrections.pageCount) throw new Response(null, { status: 404 })
	return { corrections }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	publicPageMeta(matches, ({ t }) => ({
		title: t('corrections.title'),
		description: t('corrections.description'),
		path: '/corrections',
	}))

export default function Corrections() {
	const { corrections } = useLoaderData<typeof loader>()
	const { t, locale } = useI18n()
	return (
		<article className="prose">
			<h1>{t('corrections.title')}</h1>
			<p className="lede">{t('corrections.intro')}</p>
			{corrections.items.length === 0 ? (
				<p className="empty">{t('corrections.none')}</p>
			) : (
				<ol className="corrections">
					{corrections.items.map((correction) => (
						<li key={correction.id} className="correction">
							<h2>
								<DateText date={correction.recordedAt} />
								{' · '}
								<Link
									to={paths.pledge(locale, correction.pledge.platformSlug, correction.pledge.slug)}
									{...fallbackLang(correction.pledge.titleIsTranslated)}
								>
									{correction.pledge.title}
								</Link>
							</h2>
							<UntranslatedNote show={!correction.pledge.titleIsTranslated} />
							{correction.corrected ? (
								<CorrectionChange
									was={correction.corrected}
									now={correction}
									reason={correction.reason}
									reasonIsTranslated={correction.textIsTranslated}
								/>
							) : null}
							<dl className="facts">
								<div>
									<dt>{t('corrections.rationale')}</dt>
									<dd {...fallbackLang(correction.textIsTranslated)}>{correction.rationale}</dd>
								</div>
							</dl>
							<UntranslatedNote show={!correction.textIsTranslated} />
						</li>
					))}
				</ol>
			)}
			<Pagination
				page={corrections.page}
				pageCount={corrections.pageCount}
				hrefFor={(page) =>
					page === 1 ? paths.corrections(locale) : `${paths.corrections(locale)}?page=${page}`
				}
			/>
		</article>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
