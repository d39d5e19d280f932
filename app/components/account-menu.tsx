import { Form, Link, useLocation } from '@remix-run/react'
import { useRootData } from '~/route-data'

/**
 * The header's way in for fact-checkers and admins: "Sign in" for visitors; for a signed-in user, their
 * account, the admin area if they are an admin, and signing out (a POST form: works without JavaScript,
 * and no link or image elsewhere can sign anyone out). English only, like the pages it leads to.
 */
export function AccountMenu() {
	const user = useRootData()?.user
	const { pathname } = useLocation()
	if (!user) {
		if (pathname === '/sign-in') return null
		return (
			<Link className="account-menu-sign-in" to="/sign-in" lang="en">
				Sign in
			</Link>
		)
	}
	return (
		<nav className="account-menu" aria-label="Your account" lang="en">
			<ul>
				{user.role === 'ADMIN' ? (
					<li>
						<Link to="/admin">Admin</Link>
					</li>
				) : null}
				<li>
					<Link to="/evidence/mine">My submissions</Link>
				</li>
				<li>
					<Link to="/account" aria-label={`Account: ${user.displayName}`}>
						{user.displayName}
					</Link>
				</li>
				<li>
					<Form method="post" action="/sign-out">
						<button type="submit" className="link-button">
							Sign out
						</button>
					</Form>
				</li>
			</ul>
		</nav>
	)
}
