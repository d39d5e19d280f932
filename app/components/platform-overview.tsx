import { Link } from '@remix-run/react'
import { useMemo, type ReactNode } from 'react'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { useI18n } from '~/i18n/use-i18n'
import type { OverviewPage } from '~/models/overview-page.server'
import { paths } from '~/models/paths'
import { pledgeStatuses } from '~/models/status'
import { ChartFigure } from './charts/lazy-chart'
import { SourceItem } from './source-item'
import {
	DateText,
	DraftBanner,
	fallbackLang,
	FeedLink,
	ScrollRegion,
	StatusBadge,
	StatusSwatch,
	timeToDeadline,
	UntranslatedNote,
	useTypeset,
} from './public-ui'

const loadDoughnut = () => import('./charts/status-doughnut.client')
const loadBars = () => import('./charts/stacked-status-bars.client')

function lowerFirst(text: string): string {
	return text.charAt(0).toLocaleLowerCase() + text.slice(1)
}

/**
 * The overview of one platform: where its pledges stand, by principle and over time, and what is due.
 * `share` (the platform's own page gives its share links) goes under the introduction.
 */
export function PlatformOverview({ page, share }: { page: OverviewPage; share?: ReactNode }) {
	const { t, locale } = useI18n()
	const { platform, overview } = page
	return (
		<>
			<DraftBanner show={platform.isDraft} />
			<PlatformIntro page={page} share={share} />
			<div className="overview-grid">
				<section className="panel" aria-labelledby="distribution-title">
					<h2 id="distribution-title">{t('overview.distribution.title')}</h2>
					<StatusDistribution counts={overview.statusCounts} total={overview.pledgeCount} />
				</section>
				<section className="panel" aria-labelledby="principles-title">
					<h2 id="principles-title">{t('overview.principles.title')}</h2>
					<PrincipleProgress page={page} />
				</section>
			</div>
			<section className="panel" aria-labelledby="over-time-title">
				<h2 id="over-time-title">{t('overview.overTime.title')}</h2>
				<StatusOverTime page={page} />
			</section>
			<div className="overview-grid">
				<section className="panel" aria-labelledby="deadlines-title">
					<h2 id="deadlines-title">{t('overview.deadlines.title')}</h2>
					<h3>{t('overview.deadlines.overdue')}</h3>
					<PledgeLines
						pledges={overview.overdue}
						platformSlug={platform.slug}
						empty={t('overview.deadlines.noneOverdue')}
						detail="deadline"
					/>
					<h3>{t('overview.deadlines.upcoming')}</h3>
					<PledgeLines
						pledges={overview.upcoming}
						platformSlug={platform.slug}
						empty={t('overview.deadlines.noneUpcoming')}
						detail="deadline"
					/>
				</section>
				<section className="panel" aria-labelledby="recent-title">
					<h2 id="recent-title">{t('overview.recent.title')}</h2>
					<PledgeLines
						pledges={overview.recent}
						platformSlug={platform.slug}
						empty={t('overview.recent.none')}
						detail="updated"
					/>
				</section>
			</div>
			{page.sources.length > 0 ? (
				<section className="panel" aria-labelledby="sources-title">
					<h2 id="sources-title">{t('overview.sources.title')}</h2>
					<p className="muted">{t('overview.sources.intro')}</p>
					<ul className="evidence-list">
						{page.sources.map((source) => (
							<SourceItem key={source.id} item={source} idPrefix="source" />
						))}
					</ul>
				</section>
			) : null}
			<p className="call-to-action">
				<Link className="button" to={paths.pledges(locale, platform.slug)}>
					{t('overview.browseAll', { count: overview.pledgeCount })} →
				</Link>
			</p>
		</>
	)
}

function PlatformIntro({ page, share }: { page: OverviewPage; share?: ReactNode }) {
	const { t, format, locale } = useI18n()
	const { platform, overview } = page
	return (
		<section className="platform-intro" aria-labelledby="platform-title">
			<p className="eyebrow" {...fallbackLang(platform.politicianIsTranslated)}>
				<Link to={paths.politician(locale, platform.politicianSlug)}>{platform.politician}</Link> ·{' '}
				{platform.office}
			</p>
			<h1 id="platform-title" {...fallbackLang(platform.titleIsTranslated)}>
				{platform.title}
			</h1>
			{platform.summary ? (
				<p className="lede" {...fallbackLang(platform.summaryIsTranslated)}>
					{platform.summary}
				</p>
			) : null}
			{!platform.titleIsTranslated || !platform.summaryIsTranslated || !platform.politicianIsTranslated ? (
				<small className="translation-note">{t('translation.platformInEnglish')}</small>
			) : null}
			<p className="platform-facts">
				<span>{t('overview.election', { date: format.date(platform.electionDate) })}</span>
				<span>
					{t('overview.term', { start: format.date(platform.termStart), end: format.date(platform.termEnd) })}
				</span>
				<span>{t('count.pledges', { count: overview.pledgeCount })}</span>
			</p>
			<p className="platform-source">
				{t('overview.source')}:{' '}
				<a href={platform.sourceUrl} lang="en">
					{platform.sourceTitle}
				</a>{' '}
				<span lang="en">({platform.sourcePublisher})</span>
			</p>
			<FeedLink href={paths.platformFeed(locale, platform.slug)} show={!platform.isDraft} />
			{platform.isDraft ? null : (
				<p className="data-link">
					<Link to={`${paths.data(locale)}#platform-${platform.slug}`}>{t('data.platformLink')}</Link>
				</p>
			)}
			{share}
		</section>
	)
}

/** "21 not yet rated, 3 kept": the non-zero statuses of a count, in chart order. */
function useStatusParts() {
	const { t, format } = useI18n()
	return (counts: Record<PledgeStatus, number>) =>
		format.list(
			pledgeStatuses
				.filter((status) => counts[status] > 0)
				.map((status) =>
					t('overview.statusPart', { count: counts[status], status: lowerFirst(t(`status.${status}`)) }),
				),
		)
}

/**
 * What to say instead of a chart when there is nothing to chart: a platform without pledges, or one whose
 * pledges are all still unrated (its charts would be identical grey bars). Null when there is something.
 */
function useNothingToChart(counts: Record<PledgeStatus, number>, total: number): string | null {
	const { t } = useI18n()
	if (total === 0) return t('overview.empty.noPledges')
	if (counts.NOT_RATED === total) return t('overview.empty.noneRated', { count: total })
	return null
}

function StatusDistribution({ counts, total }: { counts: Record<PledgeStatus, number>; total: number }) {
	const { t, format } = useI18n()
	const statusParts = useStatusParts()
	const nothingToChart = useNothingToChart(counts, total)
	const summary =
		nothingToChart ?? t('overview.distribution.summary', { count: total, parts: statusParts(counts) })
	const share = (count: number) => format.percent(total === 0 ? 0 : count / total)
	const slices = useMemo(
		() =>
			pledgeStatuses
				.filter((status) => counts[status] > 0)
				.map((status) => ({
					status,
					label: t(`status.${status}`),
					count: counts[status],
					tooltip: `${t(`status.${status}`)}: ${format.number(counts[status])} (${share(counts[status])})`,
				})),
		// eslint-disable-next-line react-hooks/exhaustive-deps -- share and t follow counts, total and the language
		[counts, total, format],
	)
	const props = useMemo(
		() => ({
			slices,
			centreText: format.number(total),
			centreCaption: t('chart.centreCaption', { count: total }),
			summary,
		}),
		[slices, total, format, t, summary],
	)
	const table = (
		<table className="figures">
			<thead>
				<tr>
					<th scope="col">{t('chart.status')}</th>
					<th scope="col" className="number">
						{t('chart.pledges')}
					</th>
					<th scope="col" className="number">
						{t('chart.share')}
					</th>
				</tr>
			</thead>
			<tbody>
				{pledgeStatuses.map((status) => (
					<tr key={status}>
						<th scope="row">
							<StatusSwatch status={status} />
							{t(`status.${status}`)}
						</th>
						<td className="number">{format.number(counts[status])}</td>
						<td className="number">{share(counts[status])}</td>
					</tr>
				))}
			</tbody>
			<tfoot>
				<tr>
					<th scope="row">{t('chart.total')}</th>
					<td className="number">{format.number(total)}</td>
					<td className="number">{format.percent(total === 0 ? 0 : 1)}</td>
				</tr>
			</tfoot>
		</table>
	)
	return (
		<div className="distribution">
			{nothingToChart ? (
				<FiguresWithoutChart text={nothingToChart} table={table} />
			) : (
				<ChartFigure summary={summary} load={loadDoughnut} props={props} table={table} />
			)}
		</div>
	)
}

/** A chart's place when there is nothing to draw: the sentence that says so, and the table if any. */
function FiguresWithoutChart({ text, table }: { text: string; table?: ReactNode }) {
	return (
		<figure className="chart-figure">
			<figcaption className="chart-summary empty">{text}</figcaption>
			{table ? <div className="chart-table">{table}</div> : null}
		</figure>
	)
}

function PrincipleProgress({ page }: { page: OverviewPage }) {
	const { t, format, locale } = useI18n()
	const { principles } = page.overview
	const nothingToChart = useNothingToChart(page.overview.statusCounts, page.overview.pledgeCount)
	const totalOf = (counts: Record<PledgeStatus, number>) =>
		pledgeStatuses.reduce((sum, status) => sum + counts[status], 0)
	const summary = t('overview.principles.summary', {
		parts: format.list(
			principles.map((principle) =>
				t('overview.principles.part', {
					principle: principle.title,
					kept: principle.counts.KEPT,
					total: totalOf(principle.counts),
				}),
			),
		),
	})
	const props = useMemo(
		() => ({
			groups: principles.map((principle) => principle.title),
			series: pledgeStatuses.map((status) => ({
				status,
				label: t(`status.${status}`),
				counts: principles.map((principle) => principle.counts[status]),
			})),
			horizontal: true,
			summary,
			formatNumber: format.number,
		}),
		[principles, t, summary, format],
	)
	const table = (
		<ScrollRegion label={t('chart.table', { title: t('overview.principles.title') })}>
			<table className="figures">
				<thead>
					<tr>
						<th scope="col">{t('chart.status')}</th>
						{principles.map((principle) => (
							<th scope="col" className="number" key={principle.id}>
								<Link
									to={paths.pledges(
										locale,
										page.platform.slug,
										new URLSearchParams({ principle: principle.slug }),
									)}
									aria-label={t('overview.principles.seePledges', { principle: principle.title })}
									{...fallbackLang(principle.titleIsTranslated)}
								>
									{principle.title}
								</Link>
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{pledgeStatuses.map((status) => (
						<tr key={status}>
							<th scope="row">
								<StatusSwatch status={status} />
								{t(`status.${status}`)}
							</th>
							{principles.map((principle) => (
								<td className="number" key={principle.id}>
									{format.number(principle.counts[status])}
								</td>
							))}
						</tr>
					))}
				</tbody>
				<tfoot>
					<tr>
						<th scope="row">{t('chart.total')}</th>
						{principles.map((principle) => (
							<td className="number" key={principle.id}>
								{format.number(totalOf(principle.counts))}
							</td>
						))}
					</tr>
				</tfoot>
			</table>
		</ScrollRegion>
	)
	// The table still links to each principle's pledges.
	if (nothingToChart) return <FiguresWithoutChart text={nothingToChart} table={table} />
	return <ChartFigure summary={summary} load={loadBars} props={props} table={table} />
}

function StatusOverTime({ page }: { page: OverviewPage }) {
	const { t, format } = useI18n()
	const statusParts = useStatusParts()
	const months = page.overview.overTime
	const latest = months.at(-1)
	const summary = latest
		? t('overview.overTime.summary', {
				start: format.date(page.platform.termStart),
				// "In December 2026", «На декабрь 2026 г.», «2026 жылғы желтоқсандағы жағдай».
				month: format.longMonthYear(latest.month, 'locativeAttributive'),
				parts: statusParts(latest.counts),
			})
		: ''
	const props = useMemo(
		() => ({
			groups: months.map((month) => format.monthYear(month.month)),
			series: pledgeStatuses.map((status) => ({
				status,
				label: t(`status.${status}`),
				counts: months.map((month) => month.counts[status]),
			})),
			horizontal: false,
			summary,
			formatNumber: format.number,
		}),
		[months, t, summary, format],
	)
	const nothingToChart = useNothingToChart(page.overview.statusCounts, page.overview.pledgeCount)
	if (!latest) return null
	// Month after month of the same grey bar (and a table of zeros) would say less than one sentence.
	if (nothingToChart) return <FiguresWithoutChart text={nothingToChart} />
	return (
		<>
			<p className="explainer">{t('overview.overTime.explainer')}</p>
			<ChartFigure
				summary={summary}
				load={loadBars}
				props={props}
				foldTable
				table={
					<ScrollRegion label={t('chart.table', { title: t('overview.overTime.title') })}>
						<table className="figures">
							<thead>
								<tr>
									<th scope="col">{t('chart.month')}</th>
									{pledgeStatuses.map((status) => (
										<th scope="col" className="number" key={status}>
											<StatusSwatch status={status} />
											{t(`status.${status}`)}
										</th>
									))}
								</tr>
							</thead>
							<tbody>
								{[...months].reverse().map((month) => (
									<tr key={month.month}>
										<th scope="row">
											<time dateTime={month.month.slice(0, 7)}>{format.monthYear(month.month)}</time>
										</th>
										{pledgeStatuses.map((status) => (
											<td className="number" key={status}>
												{format.number(month.counts[status])}
											</td>
										))}
									</tr>
								))}
							</tbody>
						</table>
					</ScrollRegion>
				}
			/>
		</>
	)
}

type PledgeLine = OverviewPage['overview']['recent'][number]

function PledgeLines({
	pledges,
	platformSlug,
	empty,
	detail,
}: {
	pledges: PledgeLine[]
	platformSlug: string
	empty: string
	detail: 'deadline' | 'updated'
}) {
	const i18n = useI18n()
	const { t, locale, format } = i18n
	const typeset = useTypeset()
	if (pledges.length === 0) return <p className="empty">{empty}</p>
	return (
		<ul className="pledge-lines">
			{pledges.map((pledge) => (
				<li key={pledge.id}>
					<Link
						to={paths.pledge(locale, platformSlug, pledge.slug)}
						{...fallbackLang(pledge.titleIsTranslated)}
					>
						{typeset(pledge.title, pledge.titleIsTranslated)}
					</Link>
					<UntranslatedNote show={!pledge.titleIsTranslated} />
					<span className="pledge-line-meta">
						<StatusBadge status={pledge.status} />
						{detail === 'deadline' ? (
							<span>
								<DateText date={pledge.deadline} /> · {timeToDeadline(i18n, pledge.daysToDeadline)}
							</span>
						) : pledge.statusUpdatedAt ? (
							<span>{t('overview.recent.updatedOn', { date: format.date(pledge.statusUpdatedAt) })}</span>
						) : null}
					</span>
				</li>
			))}
		</ul>
	)
}
