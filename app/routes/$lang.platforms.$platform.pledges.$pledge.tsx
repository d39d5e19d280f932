import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { platformVisibilityFor } from '~/auth/guards.server'
import { CorrectionChange } from '~/components/correction-change'
import { EmbedSnippet } from '~/components/embed-snippet'
import { ShareLinks } from '~/components/share-links'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { IndicatorFigure } from '~/components/indicator-figure'
import { JsonLd } from '~/components/json-ld'
import { SourceItem } from '~/components/source-item'
import {
	DateText,
	DraftBanner,
	fallbackLang,
	FeedLink,
	Pagination,
	StatusBadge,
	timeToDeadline,
	UntranslatedNote,
	useTypeset,
} from '~/components/public-ui'
import { requireLocale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { withTexts } from '~/i18n/translator'
import { useI18n } from '~/i18n/use-i18n'
import { paths } from '~/models/paths'
import { getPledgePage, type PledgePage } from '~/models/pledge.server'
import { claimReviewOf, isRated } from '~/models/structured-data'
import { organizationName } from '~/i18n/content/about.server'
import { useLanguageData, useRootData } from '~/route-data'
import { publicPageHeaders } from '~/server/http-cache.server'
import { shareCardVersion } from './share-card/share-card.server'
import { installation } from '~/server/installation.server'

/** `?evidence=N` pages through the approved evidence; anything but a page number is a bad request. */
function evidencePageOf(url: URL): number {
	const value = url.searchParams.get('evidence')
	if (value === null) return 1
	if (!/^[1-9]\d{0,5}$/.test(value)) throw new Response(null, { status: 400 })
	return Number(value)
}

export const headers = publicPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const evidencePage = evidencePageOf(new URL(request.url))
	const visibility = await platformVisibilityFor(request)
	const [page, cardVersion] = await Promise.all([
		getPledgePage({
			platformSlug: params.platform ?? '',
			pledgeSlug: params.pledge ?? '',
			locale,
			evidencePage,
			today: new Date(),
			visibility,
		}),
		shareCardVersion(),
	])
	if (!page || evidencePage > page.evidence.pageCount) throw new Response(null, { status: 404 })
	return { page, cardVersion, organization: organizationName(locale, installation().organization) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	publicPageMeta(matches, ({ t, locale }) => {
		if (!data) return { title: t('error.404.title'), description: t('site.description'), path: '' }
		const { pledge, platform } = data.page
		const status = t(`status.${pledge.status}`)
		return {
			title: `${pledge.title} — ${platform.title}`,
			description: `${status}. ${pledge.summary}`,
			path: `/platforms/${platform.slug}/pledges/${pledge.slug}`,
			type: 'article',
			// A draft's preview links no feed: the public's would be a 404.
			feed: platform.isDraft
				? undefined
				: {
						title: withTexts(t('feed.pledge.title'), { title: pledge.title }),
						path: paths.pledgeFeed(locale, platform.slug, pledge.slug),
					},
			// Nor a share card, which is public only.
			image: platform.isDraft
				? undefined
				: {
						path: paths.pledgeCard(locale, platform.slug, pledge.slug, data.cardVersion),
						alt: withTexts(t('share.card.pledgeAlt'), { title: pledge.title, status }),
					},
		}
	})

export default function PledgePageRoute() {
	const { page, organization } = useLoaderData<typeof loader>()
	const i18n = useI18n()
	const { t, format, locale } = i18n
	const typeset = useTypeset()
	const origin = useLanguageData()?.origin ?? ''
	const { pledge, platform, category, principle } = page
	// A draft (a staff member's preview) is not published, so it is described to nobody.
	const status = pledge.status
	const claimReview =
		isRated(status) && !platform.isDraft
			? claimReviewOf({
					url: `${origin}${paths.pledge(locale, platform.slug, pledge.slug)}`,
					organization,
					status,
					statusName: t(`status.${status}`),
					statusSince: pledge.statusSince,
					claim: {
						text: pledge.quote || pledge.title,
						politician: platform.politician,
						sourceUrl: pledge.sourceUrl,
						sourceDate: pledge.sourceDate,
					},
				})
			: null
	return (
		<article className="pledge-page">
			{claimReview ? <JsonLd data={claimReview} /> : null}
			<DraftBanner show={platform.isDraft} />
			<nav className="breadcrumbs" aria-label={t('pledge.breadcrumb')}>
				<ol>
					<li>
						<Link to={paths.platform(locale, platform.slug)} {...fallbackLang(platform.titleIsTranslated)}>
							{platform.title}
						</Link>
					</li>
					<li>
						<Link to={paths.pledges(locale, platform.slug)}>{t('nav.pledges')}</Link>
					</li>
					{principle ? (
						<li>
							<Link
								to={paths.pledges(locale, platform.slug, new URLSearchParams({ principle: principle.slug }))}
								{...fallbackLang(principle.titleIsTranslated)}
							>
								{principle.title}
							</Link>
						</li>
					) : null}
					<li>
						<Link
							to={paths.pledges(
								locale,
								platform.slug,
								new URLSearchParams({ [principle ? 'category' : 'principle']: category.slug }),
							)}
							{...fallbackLang(category.titleIsTranslated)}
						>
							{category.title}
						</Link>
					</li>
				</ol>
			</nav>

			<header className="pledge-header">
				<h1 {...fallbackLang(pledge.titleIsTranslated)}>{typeset(pledge.title, pledge.titleIsTranslated)}</h1>
				<p className="lede" {...fallbackLang(pledge.summaryIsTranslated)}>
					{typeset(pledge.summary, pledge.summaryIsTranslated)}
				</p>
				<UntranslatedNote show={!pledge.titleIsTranslated || !pledge.summaryIsTranslated} />
				<FeedLink href={paths.pledgeFeed(locale, platform.slug, pledge.slug)} show={!platform.isDraft} />
				<StaffLinks pledgeId={pledge.id} />
			</header>

			<div className="pledge-layout">
				<div className="pledge-main">
					<section className="status-panel" aria-labelledby="status-title">
						<h2 id="status-title" className="label">
							{t('pledge.currentStatus')}
						</h2>
						<p className="status-line">
							<StatusBadge status={pledge.status} large />
							{pledge.statusSince ? (
								<span className="muted">
									{t('pledge.since', { date: format.date(pledge.statusSince, 'ablative') })}
								</span>
							) : null}
						</p>
						<p className="rationale" {...fallbackLang(pledge.rationaleIsTranslated)}>
							{pledge.rationale ?? t('pledge.notRatedYet')}
						</p>
						<UntranslatedNote show={!pledge.rationaleIsTranslated} />
						{pledge.activityAt ? (
							<p className="muted">{t('list.updated', { date: format.date(pledge.activityAt) })}</p>
						) : null}
					</section>

					<section aria-labelledby="promise-title">
						<h2 id="promise-title">{t('pledge.promise')}</h2>
						<figure className="quote">
							<blockquote cite={pledge.sourceUrl} lang="en">
								<p>“{pledge.quote}”</p>
							</blockquote>
							<figcaption>
								<a href={pledge.sourceUrl}>
									{t('pledge.quoteSource', { date: format.date(pledge.sourceDate, 'locativeAttributive') })}
								</a>
							</figcaption>
						</figure>
					</section>

					{page.indicator ? (
						<section aria-labelledby="indicator-title">
							<h2 id="indicator-title">{t('pledge.indicator.title')}</h2>
							<IndicatorFigure indicator={page.indicator} hasEvidence={page.evidence.total > 0} />
						</section>
					) : null}

					{page.milestoneSteps.length > 0 ? <MilestoneSteps steps={page.milestoneSteps} /> : null}

					<Timeline page={page} />
					<EvidenceList page={page} />
					{platform.isDraft ? null : (
						<>
							<ShareLinks
								url={`${origin}${paths.pledge(locale, platform.slug, pledge.slug)}`}
								text={withTexts('{title} — {status}', { title: pledge.title, status: t(`status.${status}`) })}
							/>
							<EmbedSnippet
								origin={origin}
								platform={platform.slug}
								pledge={pledge.slug}
								title={pledge.title}
							/>
						</>
					)}
				</div>

				<aside className="pledge-facts" aria-label={t('pledge.category')}>
					<dl className="facts">
						{principle ? (
							<div>
								<dt>{t('pledge.principle')}</dt>
								<dd {...fallbackLang(principle.titleIsTranslated)}>{principle.title}</dd>
							</div>
						) : null}
						<div>
							<dt>{principle ? t('pledge.category') : t('pledge.principle')}</dt>
							<dd {...fallbackLang(category.titleIsTranslated)}>{category.title}</dd>
						</div>
						<div>
							<dt>{t('pledge.kind')}</dt>
							<dd>{t(`kind.${pledge.kind}`)}</dd>
						</div>
						<div>
							<dt>{t('pledge.deadline')}</dt>
							<dd>
								<DateText date={pledge.deadline} />
								<br />
								<span className={pledge.daysToDeadline < 0 ? 'overdue' : 'muted'}>
									{timeToDeadline(i18n, pledge.daysToDeadline)}
								</span>
							</dd>
						</div>
					</dl>
				</aside>
			</div>
		</article>
	)
}

/**
 * For a signed-in fact-checker or admin only (in the page's language, like the pages they lead to). A signed-in request is
 * never cached publicly: the page cache leaves requests with a session cookie alone, and
 * entry.server.tsx makes their answers `private, no-store`.
 */
function StaffLinks({ pledgeId }: { pledgeId: string }) {
	const user = useRootData()?.user
	const { t } = useI18n()
	if (!user) return null
	return (
		<p className="staff-links">
			<Link to={`/evidence/new?${new URLSearchParams({ pledge: pledgeId })}`}>
				{t('staff.evidence.addTitle')}
			</Link>
			{user.role === 'ADMIN' ? (
				<>
					{' · '}
					<Link to={`/admin/pledges/${pledgeId}/status`}>{t('staff.admin.recordStatus')}</Link>
				</>
			) : null}
		</p>
	)
}

function MilestoneSteps({ steps }: { steps: PledgePage['milestoneSteps'] }) {
	const { t, format } = useI18n()
	const done = steps.filter((step) => step.doneOn !== null).length
	return (
		<section aria-labelledby="steps-title">
			<h2 id="steps-title">{t('pledge.milestones.title')}</h2>
			<p className="muted">{t('pledge.milestones.summary', { done, count: steps.length })}</p>
			<ol className="steps">
				{steps.map((step) => (
					<li key={step.id} className={step.doneOn ? 'step step-done' : 'step'}>
						<span className="step-mark" aria-hidden="true">
							{step.doneOn ? '✓' : ''}
						</span>
						<span>
							<span {...fallbackLang(step.titleIsTranslated)}>{step.title}</span>
							<UntranslatedNote show={!step.titleIsTranslated} />
							<br />
							<span className="muted">
								{step.doneOn
									? t('pledge.milestones.done', { date: format.date(step.doneOn) })
									: t('pledge.milestones.notDone')}
							</span>
						</span>
					</li>
				))}
			</ol>
		</section>
	)
}

function Timeline({ page }: { page: PledgePage }) {
	const { t, format } = useI18n()
	return (
		<section aria-labelledby="timeline-title">
			<h2 id="timeline-title">{t('pledge.timeline.title')}</h2>
			{page.timeline.length === 0 ? (
				<p className="empty">{t('pledge.timeline.none')}</p>
			) : (
				<ol className="timeline">
					{page.timeline.map((entry) => (
						<li
							key={entry.id}
							id={`entry-${entry.id}`}
							className={entry.isCorrected ? 'timeline-entry timeline-corrected' : 'timeline-entry'}
						>
							<p className="timeline-date">
								<DateText date={entry.effectiveDate} />
								{entry.corrects ? <span className="tag">{t('pledge.timeline.correction')}</span> : null}
							</p>
							{entry.corrects ? (
								// A correction shows what it changed in the entry it corrects (the status and/or its
								// date), not the move from the pledge's previous status, which may be the same.
								<CorrectionChange
									was={entry.corrects}
									now={entry}
									reason={entry.correctionReason}
									reasonIsTranslated={entry.textIsTranslated}
								/>
							) : (
								<>
									<p className="timeline-change">
										<StatusBadge status={entry.fromStatus} /> <span aria-hidden="true">→</span>{' '}
										<StatusBadge status={entry.status} />
									</p>
									<p className="visually-hidden">
										{t('pledge.timeline.change', {
											from: t(`status.${entry.fromStatus}`),
											to: t(`status.${entry.status}`),
										})}
									</p>
								</>
							)}
							{entry.isCorrected ? <p className="corrected-note">{t('pledge.timeline.corrected')}</p> : null}
							<p {...fallbackLang(entry.textIsTranslated)}>{entry.rationale}</p>
							<UntranslatedNote show={!entry.textIsTranslated} />
							{entry.evidence.length > 0 ? (
								<div className="rests-on">
									<span className="label">{t('pledge.timeline.restsOn')}</span>
									<ul>
										{entry.evidence.map((item) => (
											<li key={item.id}>
												<a href={item.sourceUrl} {...fallbackLang(item.titleIsTranslated)}>
													{item.title}
												</a>{' '}
												<span className="muted">({item.publisher})</span>
											</li>
										))}
									</ul>
								</div>
							) : null}
							<p className="muted small">
								{t('pledge.timeline.recorded', { date: format.date(entry.recordedAt) })}
							</p>
						</li>
					))}
				</ol>
			)}
		</section>
	)
}

function EvidenceList({ page }: { page: PledgePage }) {
	const { t, format } = useI18n()
	const location = useLocation()
	const { items, total, page: current, pageCount } = page.evidence
	const hrefFor = (evidencePage: number) => {
		const search = new URLSearchParams(location.search)
		if (evidencePage === 1) search.delete('evidence')
		else search.set('evidence', String(evidencePage))
		const query = search.toString()
		return `${location.pathname}${query ? `?${query}` : ''}#evidence-title`
	}
	const first = (current - 1) * page.evidence.pageSize + 1
	return (
		<section aria-labelledby="evidence-title">
			<h2 id="evidence-title">{t('pledge.evidence.title')}</h2>
			{items.length === 0 ? (
				<p className="empty">{t('pledge.evidence.none')}</p>
			) : (
				<>
					{pageCount > 1 ? (
						<p className="muted">
							{t('pledge.evidence.showing', { from: first, to: first + items.length - 1, total })}
						</p>
					) : null}
					<ul className="evidence-list">
						{items.map((item) => (
							<SourceItem key={item.id} item={item} idPrefix="evidence">
								{item.measuredValue !== null && item.measuredAsOf ? (
									<p className="muted">
										{t('pledge.evidence.measured', {
											value: format.number(item.measuredValue),
											date: format.date(item.measuredAsOf),
										})}
									</p>
								) : null}
							</SourceItem>
						))}
					</ul>
					<Pagination
						page={current}
						pageCount={pageCount}
						hrefFor={hrefFor}
						labels={{ previous: t('pledge.evidence.newer'), next: t('pledge.evidence.older') }}
					/>
				</>
			)}
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
