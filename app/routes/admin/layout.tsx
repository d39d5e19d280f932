import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useI18n } from '~/i18n/use-i18n'
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
	const { t } = useI18n()
	return (
		<div className="staff admin-area">
			<nav className="admin-nav" aria-label={t('staff.adminNav.label')}>
				<ul>
					<li>
						<NavLink to="/admin" end>
							{t('staff.adminNav.home')}
						</NavLink>
					</li>
					<li>
						<NavLink to="/admin/review">{t('staff.adminNav.review')}</NavLink>
					</li>
					<li>
						<NavLink to="/admin/accounts">{t('staff.adminNav.accounts')}</NavLink>
					</li>
					<li>
						<NavLink to="/admin/catalogue">{t('staff.adminNav.catalogue')}</NavLink>
					</li>
					<li>
						<NavLink to="/admin/audit">{t('staff.adminNav.audit')}</NavLink>
					</li>
					<li>
						<NavLink to="/admin/import">{t('staff.adminNav.import')}</NavLink>
					</li>
					<li>
						<NavLink to="/admin/settings">{t('staff.adminNav.settings')}</NavLink>
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
