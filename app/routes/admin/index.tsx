import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SecurityEventsTable } from '~/components/security-events'
import { listLatestSecurityEvents } from '~/models/audit.server'
import { getAccountsSummary } from '~/models/user.server'

export const meta: MetaFunction = () => [{ title: 'Admin · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const [summary, events] = await Promise.all([getAccountsSummary(), listLatestSecurityEvents({ take: 15 })])
	return { adminName: admin.displayName, summary, events }
}

export default function AdminHome() {
	const { adminName, summary, events } = useLoaderData<typeof loader>()
	const figures = [
		{ label: 'Active admins', value: summary.activeAdmins },
		{ label: 'Active fact-checkers', value: summary.activeFactCheckers },
		{ label: 'Disabled accounts', value: summary.disabled },
		{ label: 'Waiting to choose a password', value: summary.awaitingNewPassword },
	]
	return (
		<>
			<h1>Admin</h1>
			<p className="lede">Welcome, {adminName}. This is where Uade’s accounts are run and watched.</p>

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
