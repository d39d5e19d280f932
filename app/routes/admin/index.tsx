import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { statusLabel } from '~/components/labels'
import { SecurityEventsTable } from '~/components/security-events'
import { listLatestSecurityEvents } from '~/models/audit.server'
import {
	dashboardListSize,
	getAdminDashboard,
	reviewStaleAfterDays,
	upcomingDeadlineMonths,
} from '~/models/dashboard.server'
import { paths } from '~/models/paths'
import { getInstallationSettings } from '~/models/settings.server'
import { getAccountsSummary } from '~/models/user.server'

export const meta: MetaFunction = () => [{ title: 'Admin · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const [dashboard, summary, events, settings] = await Promise.all([
		getAdminDashboard(),
		getAccountsSummary(),
		listLatestSecurityEvents({ take: 15 }),
		getInstallationSettings(),
	])
	return {
		adminName: admin.displayName,
		dashboard,
		summary,
		events,
		fourEyes: settings.fourEyes,
		limits: { reviewStaleAfterDays, upcomingDeadlineMonths, dashboardListSize },
	}
}

const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

type DashboardPledge = {
	id: string
	slug: string
	title: string
	status: PledgeStatus
	deadline: string | Date
	statusUpdatedAt: string | Date | null
	platform: { slug: string; title: string }
}

function PledgeTable({ pledges, caption }: { pledges: DashboardPledge[]; caption: string }) {
	return (
		<div className="table-scroll">
			<table className="data-table">
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">Pledge</th>
						<th scope="col">Status</th>
						<th scope="col">Status recorded</th>
						<th scope="col">Deadline</th>
						<th scope="col">Record a status</th>
					</tr>
				</thead>
				<tbody>
					{pledges.map((pledge) => (
						<tr key={pledge.id}>
							<td>
								<Link to={paths.pledge('en', pledge.platform.slug, pledge.slug)}>{pledge.title}</Link>
							</td>
							<td>{statusLabel(pledge.status)}</td>
							<td>{pledge.statusUpdatedAt ? dateOnly.format(new Date(pledge.statusUpdatedAt)) : 'never'}</td>
							<td>{dateOnly.format(new Date(pledge.deadline))}</td>
							<td>
								<Link
									to={`/admin/pledges/${pledge.id}/status`}
									aria-label={`Record a status for ${pledge.title}`}
								>
									Record a status
								</Link>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

export default function AdminHome() {
	const { adminName, dashboard, summary, events, fourEyes, limits } = useLoaderData<typeof loader>()
	const { reviewStaleAfterDays, upcomingDeadlineMonths, dashboardListSize } = limits
	const { pendingEvidence, staleReview, upcomingDeadlines, recentActivity } = dashboard
	const figures = [
		{ label: 'Active admins', value: summary.activeAdmins },
		{ label: 'Active fact-checkers', value: summary.activeFactCheckers },
		{ label: 'Disabled accounts', value: summary.disabled },
		{ label: 'Waiting to choose a password', value: summary.awaitingNewPassword },
	]
	return (
		<>
			<h1>Admin</h1>
			<p className="lede">
				Welcome, {adminName}. This is where Uade’s pledges, evidence and accounts are run.
			</p>
			{fourEyes ? null : (
				<div className="staff-message staff-message-error" role="alert">
					<p>
						<strong>The four-eyes rule is off.</strong> Admins may approve evidence they submitted themselves
						and record a status resting only on it. Turn it back on in{' '}
						<Link to="/admin/settings">Settings</Link> as soon as a second admin can review.
					</p>
				</div>
			)}

			<section aria-labelledby="work-title" className="panel">
				<h2 id="work-title">Work waiting</h2>
				<dl className="figures">
					<div className="figure">
						<dt>Evidence waiting for review</dt>
						<dd>{pendingEvidence}</dd>
					</div>
					<div className="figure">
						<dt>Pledges not reviewed in {reviewStaleAfterDays} days</dt>
						<dd>{staleReview.count}</dd>
					</div>
					<div className="figure">
						<dt>Deadlines in the next {upcomingDeadlineMonths} months</dt>
						<dd>{upcomingDeadlines.count}</dd>
					</div>
				</dl>
				<p>
					<Link to="/admin/review">Review pending evidence ({pendingEvidence})</Link>
				</p>
			</section>

			<section aria-labelledby="stale-title" className="panel">
				<h2 id="stale-title">Pledges not reviewed in {reviewStaleAfterDays} days</h2>
				<p>
					No evidence about them was approved or rejected, and no status recorded, since{' '}
					{dateOnly.format(new Date(staleReview.since))}.
				</p>
				{staleReview.pledges.length === 0 ? (
					<p>Every pledge was reviewed in the last {reviewStaleAfterDays} days.</p>
				) : (
					<PledgeTable
						pledges={staleReview.pledges}
						caption={
							staleReview.count > dashboardListSize
								? `The ${dashboardListSize} of ${staleReview.count} whose status is oldest`
								: `All ${staleReview.count}, the oldest status first`
						}
					/>
				)}
			</section>

			<section aria-labelledby="deadlines-title" className="panel">
				<h2 id="deadlines-title">Deadlines in the next {upcomingDeadlineMonths} months</h2>
				{upcomingDeadlines.pledges.length === 0 ? (
					<p>No pledge falls due before {dateOnly.format(new Date(upcomingDeadlines.until))}.</p>
				) : (
					<PledgeTable
						pledges={upcomingDeadlines.pledges}
						caption={
							upcomingDeadlines.count > dashboardListSize
								? `The first ${dashboardListSize} of ${upcomingDeadlines.count}, soonest first, until ${dateOnly.format(new Date(upcomingDeadlines.until))}`
								: `All ${upcomingDeadlines.count}, soonest first, until ${dateOnly.format(new Date(upcomingDeadlines.until))}`
						}
					/>
				)}
			</section>

			<section aria-labelledby="activity-title" className="panel">
				<h2 id="activity-title">Recent activity</h2>
				{recentActivity.length === 0 ? (
					<p>Nothing recorded yet.</p>
				) : (
					<div className="table-scroll">
						<table className="data-table">
							<caption>The latest changes made through Uade</caption>
							<thead>
								<tr>
									<th scope="col">When (UTC)</th>
									<th scope="col">Action</th>
									<th scope="col">Entity</th>
									<th scope="col">By</th>
								</tr>
							</thead>
							<tbody>
								{recentActivity.map((entry) => (
									<tr key={entry.id}>
										<td>{dateTime.format(new Date(entry.createdAt))}</td>
										<td>
											<code>{entry.action}</code>
										</td>
										<td>
											<Link
												to={`/admin/audit?${new URLSearchParams({ entityType: entry.entityType, entityId: entry.entityId })}`}
											>
												{entry.entityType}
											</Link>
										</td>
										<td>{entry.actor?.displayName ?? 'nobody signed in or the command line'}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				<p>
					<Link to="/admin/audit">The whole audit log</Link>
				</p>
			</section>

			<section aria-labelledby="can-do-title" className="panel">
				<h2 id="can-do-title">What you can do here</h2>
				<ul className="plain-list">
					<li>
						<Link to="/admin/accounts/new">Create an account</Link> for a fact-checker or another admin, with
						a password you choose or a one-time one to hand over.
					</li>
					<li>
						In <Link to="/admin/accounts">Accounts</Link>: change someone’s role, disable or enable an account
						(disabling ends its sessions at once), or reset a forgotten password.
					</li>
					<li>
						Read the <Link to="/admin/audit">audit log</Link>: every change made through Uade, filtered by
						account, action or record.
					</li>
					<li>
						Read the security events below: every sign-in, failed sign-in and account change, with its
						address.
					</li>
				</ul>
			</section>

			<section aria-labelledby="accounts-title" className="panel">
				<h2 id="accounts-title">Accounts</h2>
				<dl className="figures">
					{figures.map((figure) => (
						<div key={figure.label} className="figure">
							<dt>{figure.label}</dt>
							<dd>{figure.value}</dd>
						</div>
					))}
				</dl>
				<p>
					<Link to="/admin/accounts">Manage accounts</Link>
				</p>
			</section>

			<section aria-labelledby="events-title" className="panel">
				<h2 id="events-title">Latest security events</h2>
				<SecurityEventsTable events={events} caption="The 15 most recent sign-ins and account changes" />
			</section>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
