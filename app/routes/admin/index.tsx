import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { staffDateTime } from '~/components/forms'
import { useStaffLabels } from '~/components/labels'
import { RichText } from '~/components/rich-text'
import { SecurityEventsTable } from '~/components/security-events'
import { listLatestSecurityEvents } from '~/models/audit.server'
import {
	dashboardListSize,
	getAdminDashboard,
	reviewStaleAfterDays,
	upcomingDeadlineMonths,
} from '~/models/dashboard.server'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { auditActionLabelIn } from '~/models/audit-actions'
import { paths } from '~/models/paths'
import { getInstallationSettings } from '~/models/settings.server'
import { getAccountsSummary } from '~/models/user.server'

export const meta: MetaFunction = ({ matches }) => staffPageMeta(matches, ({ t }) => t('staff.admin.title'))

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
	const { t, format, locale } = useI18n()
	const labels = useStaffLabels()
	return (
		<div className="table-scroll">
			<table className="data-table">
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{t('staff.admin.pledge')}</th>
						<th scope="col">{t('staff.admin.status')}</th>
						<th scope="col">{t('staff.admin.statusRecorded')}</th>
						<th scope="col">{t('staff.admin.deadline')}</th>
						<th scope="col">{t('staff.admin.recordStatus')}</th>
					</tr>
				</thead>
				<tbody>
					{pledges.map((pledge) => (
						<tr key={pledge.id}>
							<td>
								<Link to={paths.pledge(locale, pledge.platform.slug, pledge.slug)} lang="en">
									{pledge.title}
								</Link>
							</td>
							<td>{labels.status(pledge.status)}</td>
							<td>{pledge.statusUpdatedAt ? format.date(pledge.statusUpdatedAt) : t('staff.admin.never')}</td>
							<td>{format.date(pledge.deadline)}</td>
							<td>
								{/* The pledge's title completes the link's name for a screen reader, marked as the English it is. */}
								<Link to={`/admin/pledges/${pledge.id}/status`}>
									{t('staff.admin.recordStatus')}
									<span className="visually-hidden">
										: <span lang="en">{pledge.title}</span>
									</span>
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
	const { t, format } = useI18n()
	const figures = [
		{ label: t('staff.admin.activeAdmins'), value: summary.activeAdmins },
		{ label: t('staff.admin.activeFactCheckers'), value: summary.activeFactCheckers },
		{ label: t('staff.admin.disabledAccounts'), value: summary.disabled },
		{ label: t('staff.admin.awaitingPassword'), value: summary.awaitingNewPassword },
	]
	const staleTitle = t('staff.admin.staleTitle', { count: reviewStaleAfterDays })
	const deadlinesTitle = t('staff.admin.deadlinesTitle', { count: upcomingDeadlineMonths })
	const until = format.date(upcomingDeadlines.until)
	return (
		<>
			<h1>{t('staff.admin.title')}</h1>
			<p className="lede">{t('staff.admin.welcome', { name: adminName })}</p>
			{fourEyes ? null : (
				<div className="staff-message staff-message-error" role="alert">
					<p>
						<strong>{t('staff.admin.fourEyesOff')}</strong>{' '}
						<RichText
							text={t('staff.admin.fourEyesOffDetail')}
							parts={{ settings: <Link to="/admin/settings">{t('staff.adminNav.settings')}</Link> }}
						/>
					</p>
				</div>
			)}

			<section aria-labelledby="work-title" className="panel">
				<h2 id="work-title">{t('staff.admin.workTitle')}</h2>
				<dl className="figures">
					<div className="figure">
						<dt>{t('staff.admin.pendingEvidence')}</dt>
						<dd>{format.number(pendingEvidence)}</dd>
					</div>
					<div className="figure">
						<dt>{staleTitle}</dt>
						<dd>{format.number(staleReview.count)}</dd>
					</div>
					<div className="figure">
						<dt>{deadlinesTitle}</dt>
						<dd>{format.number(upcomingDeadlines.count)}</dd>
					</div>
				</dl>
				<p>
					<Link to="/admin/review">{t('staff.admin.reviewPending', { count: pendingEvidence })}</Link>
				</p>
			</section>

			<section aria-labelledby="stale-title" className="panel">
				<h2 id="stale-title">{staleTitle}</h2>
				<p>{t('staff.admin.staleSince', { date: format.date(staleReview.since) })}</p>
				{staleReview.pledges.length === 0 ? (
					<p>{t('staff.admin.staleNone', { count: reviewStaleAfterDays })}</p>
				) : (
					<PledgeTable
						pledges={staleReview.pledges}
						caption={
							staleReview.count > dashboardListSize
								? t('staff.admin.staleSome', { shown: dashboardListSize, count: staleReview.count })
								: t('staff.admin.staleAll', { count: staleReview.count })
						}
					/>
				)}
			</section>

			<section aria-labelledby="deadlines-title" className="panel">
				<h2 id="deadlines-title">{deadlinesTitle}</h2>
				{upcomingDeadlines.pledges.length === 0 ? (
					<p>{t('staff.admin.deadlinesNone', { date: until })}</p>
				) : (
					<PledgeTable
						pledges={upcomingDeadlines.pledges}
						caption={
							upcomingDeadlines.count > dashboardListSize
								? t('staff.admin.deadlinesSome', {
										shown: dashboardListSize,
										count: upcomingDeadlines.count,
										date: until,
									})
								: t('staff.admin.deadlinesAll', { count: upcomingDeadlines.count, date: until })
						}
					/>
				)}
			</section>

			<section aria-labelledby="activity-title" className="panel">
				<h2 id="activity-title">{t('staff.admin.activityTitle')}</h2>
				{recentActivity.length === 0 ? (
					<p>{t('staff.admin.activityNone')}</p>
				) : (
					<div className="table-scroll">
						<table className="data-table">
							<caption>{t('staff.admin.activityCaption')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('staff.audit.when')}</th>
									<th scope="col">{t('staff.audit.action')}</th>
									<th scope="col">{t('staff.audit.entity')}</th>
									<th scope="col">{t('staff.audit.by')}</th>
								</tr>
							</thead>
							<tbody>
								{recentActivity.map((entry) => (
									<tr key={entry.id}>
										<td>{staffDateTime(format, entry.createdAt)}</td>
										<td>
											{auditActionLabelIn(entry.action, t)} <code>{entry.action}</code>
										</td>
										<td>
											<Link
												to={`/admin/audit?${new URLSearchParams({ entityType: entry.entityType, entityId: entry.entityId })}`}
											>
												<code>{entry.entityType}</code>
											</Link>
										</td>
										<td>{entry.actor?.displayName ?? t('staff.audit.nobody')}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				<p>
					<Link to="/admin/audit">{t('staff.admin.wholeAuditLog')}</Link>
				</p>
			</section>

			<section aria-labelledby="can-do-title" className="panel">
				<h2 id="can-do-title">{t('staff.admin.canDoTitle')}</h2>
				<ul className="plain-list">
					<li>
						<RichText
							text={t('staff.admin.canDoCreate')}
							parts={{ link: <Link to="/admin/accounts/new">{t('staff.admin.canDoCreateLink')}</Link> }}
						/>
					</li>
					<li>
						<RichText
							text={t('staff.admin.canDoAccounts')}
							parts={{ link: <Link to="/admin/accounts">{t('staff.adminNav.accounts')}</Link> }}
						/>
					</li>
					<li>
						<RichText
							text={t('staff.admin.canDoAudit')}
							parts={{ link: <Link to="/admin/audit">{t('staff.admin.canDoAuditLink')}</Link> }}
						/>
					</li>
					<li>{t('staff.admin.canDoEvents')}</li>
				</ul>
			</section>

			<section aria-labelledby="accounts-title" className="panel">
				<h2 id="accounts-title">{t('staff.adminNav.accounts')}</h2>
				<dl className="figures">
					{figures.map((figure) => (
						<div key={figure.label} className="figure">
							<dt>{figure.label}</dt>
							<dd>{format.number(figure.value)}</dd>
						</div>
					))}
				</dl>
				<p>
					<Link to="/admin/accounts">{t('staff.admin.manageAccounts')}</Link>
				</p>
			</section>

			<section aria-labelledby="events-title" className="panel">
				<h2 id="events-title">{t('staff.admin.eventsTitle')}</h2>
				<SecurityEventsTable events={events} caption={t('staff.admin.eventsCaption', { count: 15 })} />
			</section>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
