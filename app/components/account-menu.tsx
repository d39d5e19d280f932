import { Form, Link, useLocation } from '@remix-run/react'
import { useI18n } from '~/i18n/use-i18n'
import { useRootData } from '~/route-data'

/**
 * The header's way in for fact-checkers and admins: "Sign in" for visitors; for a signed-in user, their
 * account, the admin area if they are an admin, and signing out (a POST form: works without JavaScript,
 * and no link or image elsewhere can sign anyone out). In the page's language, like the pages it leads to.
 */
export function AccountMenu() {
	const { t } = useI18n()
	const user = useRootData()?.user
	const { pathname } = useLocation()
	if (!user) {
		if (pathname === '/sign-in') return null
		return (
			<Link className="account-menu-sign-in" to="/sign-in">
				{t('staff.menu.signIn')}
			</Link>
		)
	}
	return (
		<nav className="account-menu" aria-label={t('staff.menu.label')}>
			<ul>
				{user.role === 'ADMIN' ? (
					<li>
						<Link to="/admin">{t('staff.menu.admin')}</Link>
					</li>
				) : null}
				<li>
					<Link to="/evidence/mine">{t('staff.menu.mySubmissions')}</Link>
				</li>
				<li>
					<Link to="/account" aria-label={t('staff.menu.account', { name: user.displayName })}>
						{user.displayName}
					</Link>
				</li>
				<li>
					<Form method="post" action="/sign-out">
						<button type="submit" className="link-button">
							{t('staff.menu.signOut')}
						</button>
					</Form>
				</li>
			</ul>
		</nav>
	)
}
