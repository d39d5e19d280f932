import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getCurrentPlatformOverview } from '~/models/platform.server'
import { statusPresentation } from '~/models/status'

export async function loader() {
	return { overview: await getCurrentPlatformOverview() }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
	const platform = data?.overview?.platform
	return [
		{ title: platform ? `${platform.title} — ${platform.politician.name} · Uade` : 'Uade' },
		{
			name: 'description',
			content: platform
				? `Every pledge of ${platform.politician.name}’s platform “${platform.title}”, with its status and the evidence behind it.`
				: 'Uade tracks campaign promises and what became of them.',
		},
	]
}

const kindLabels = { QUANTITATIVE: 'Measurable target', MILESTONE: 'Milestone', QUALITATIVE: 'Qualitative' }

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC',
})

export default function PlatformOverview() {
	const { overview } = useLoaderData<typeof loader>()
	if (!overview) {
		return (
			<section className="empty-state">
				<h1>No platform yet</h1>
				<p>
					The database holds no platform. Run <code>npm run db:seed</code> to load “A Fair Kazakhstan”.
				</p>
			</section>
		)
	}
	const { platform, principles, pledgeCount } = overview
	return (
		<>
			<section className="platform-intro" aria-labelledby="platform-title">
				<p className="eyebrow">
					{platform.politician.name} · {platform.politician.office}
				</p>
				<h1 id="platform-title">{platform.title}</h1>
				<p className="platform-facts">
					Election of {dateFormat.format(new Date(platform.electionDate))} · term{' '}
					{dateFormat.format(new Date(platform.termStart))} to {dateFormat.format(new Date(platform.termEnd))}{' '}
					· {pledgeCount} pledges
				</p>
				<p className="platform-source">
					Source: <a href={platform.sourceUrl}>{platform.sourceTitle}</a> ({platform.sourcePublisher})
				</p>
			</section>
			{principles.map((principle) => (
				<section key={principle.id} className="principle" aria-labelledby={`principle-${principle.slug}`}>
					<h2 id={`principle-${principle.slug}`}>
						{principle.title} <span className="count">{principle.pledges.length} pledges</span>
					</h2>
					<ul className="pledge-list">
						{principle.pledges.map((pledge) => {
							const status = statusPresentation[pledge.status]
							return (
								<li key={pledge.id} className="pledge-card">
									<h3>{pledge.title}</h3>
									<p>{pledge.summary}</p>
									<p className="pledge-meta">
										<span
											className="status-badge"
											style={{ backgroundColor: status.colour, color: status.textColour }}
										>
											{status.label}
										</span>
										<span>{kindLabels[pledge.kind]}</span>
										<span>Deadline {dateFormat.format(new Date(pledge.deadline))}</span>
									</p>
								</li>
							)
						})}
					</ul>
				</section>
			))}
		</>
	)
}
