import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useI18n } from '~/i18n/use-i18n'
import staffStylesHref from '~/styles/staff.css?url'

/**
 * The frame of a signed-in user's evidence pages. As in the admin area, each page under it starts with its
 * own guard: Remix runs their loaders in parallel with this one.
 */

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStylesHref }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request)
	return null
}

export default function EvidenceLayout() {
	const { t } = useI18n()
	return (
		<div className="staff">
			<nav className="admin-nav" aria-label={t('staff.evidenceNav.label')}>
				<ul>
					<li>
						<NavLink to="/evidence/mine">{t('staff.menu.mySubmissions')}</NavLink>
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
