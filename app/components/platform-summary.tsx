import { Link } from '@remix-run/react'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { useI18n } from '~/i18n/use-i18n'
import { paths } from '~/models/paths'
import { pledgeStatuses } from '~/models/status'
import { swatchBackground } from './charts/status-style'
import { fallbackLang, StatusSwatch, UntranslatedNote } from './public-ui'

type StatusCounts = Record<PledgeStatus, number>

/**
 * How a platform's pledges stand, without a chart library: a bar of proportional segments (decoration:
 * hidden from screen readers) above the counts as text, each with its status's colour and texture.
 */
export function StatusSummary({ counts, total }: { counts: StatusCounts; total: number }) {
	const { t, format } = useI18n()
	if (total === 0) return <p className="muted">{t('platforms.noPledges')}</p>
	const present = pledgeStatuses.filter((status) => counts[status] > 0)
	return (
		<div className="status-summary">
			<div className="status-bar" aria-hidden="true">
				{present.map((status) => (
					<span
						key={status}
						style={{ width: `${(counts[status] / total) * 100}%`, background: swatchBackground(status) }}
					/>
				))}
			</div>
			<ul className="status-counts" aria-label={t('platforms.statusSummary')}>
				{present.map((status) => (
					<li key={status}>
						<StatusSwatch status={status} />
						{t(`status.${status}`)}: {format.number(counts[status])}
					</li>
				))}
			</ul>
		</div>
	)
}

/** One platform in a list of them (the platform index, a politician's page). */
export function PlatformCard({
	platform,
	politician,
	headingLevel,
}: {
	platform: {
		slug: string
		title: string
		titleIsTranslated: boolean
		electionDate: string
		termStart: string
		termEnd: string
		featured: boolean
		pledgeCount: number
		statusCounts: StatusCounts
	}
	/** Shown where the list mixes politicians (the index); a politician's own page leaves it out. */
	politician?: { slug: string; name: string; office: string; isTranslated: boolean }
	headingLevel: 'h2' | 'h3'
}) {
	const { t, format, locale } = useI18n()
	const Heading = headingLevel
	return (
		<li className="panel platform-card">
			<Heading {...fallbackLang(platform.titleIsTranslated)}>
				<Link to={paths.platform(locale, platform.slug)}>{platform.title}</Link>
			</Heading>
			<UntranslatedNote show={!platform.titleIsTranslated} />
			{politician ? (
				<p className="eyebrow" {...fallbackLang(politician.isTranslated)}>
					<Link to={paths.politician(locale, politician.slug)}>{politician.name}</Link> · {politician.office}
				</p>
			) : null}
			{politician ? <UntranslatedNote show={!politician.isTranslated} /> : null}
			<p className="muted">
				{t('overview.election', { date: format.date(platform.electionDate) })} ·{' '}
				{t('overview.term', { start: format.date(platform.termStart), end: format.date(platform.termEnd) })}
				{platform.featured ? ` · ${t('platforms.featured')}` : ''}
			</p>
			<p>
				<Link to={paths.pledges(locale, platform.slug)}>
					{t('count.pledges', { count: platform.pledgeCount })}
				</Link>
			</p>
			<StatusSummary counts={platform.statusCounts} total={platform.pledgeCount} />
		</li>
	)
}
