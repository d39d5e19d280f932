import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import staffStylesHref from '~/styles/staff.css?url'

/**
 * The admin area's frame. Its guard is not what protects the pages under it (Remix runs their loaders in
 * parallel with this one): each of them starts with its own `requireRole`.
 */

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStylesHref }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return null
}

export default function AdminLayout() {
	return (
		<div className="staff admin-area" lang="en">
			<nav className="admin-nav" aria-label="Admin area">
				<ul>
					<li>
						<NavLink to="/admin" end>
							Admin home
						</NavLink>
					</li>
					<li>
						<NavLink to="/admin/review">Review queue</NavLink>
					</li>
					<li>
						<NavLink to="/admin/accounts">Accounts</NavLink>
					</li>
					<li>
						<NavLink to="/admin/catalogue">Catalogue</NavLink>
					</li>
					<li>
						<NavLink to="/admin/audit">Audit log</NavLink>
					</li>
					<li>
						<NavLink to="/admin/settings">Settings</NavLink>
					</li>
				</ul>
			</nav>
			<Outlet />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
