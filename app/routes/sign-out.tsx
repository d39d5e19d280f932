import {
	redirect,
	type ActionFunctionArgs,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getOptionalUser } from '~/auth/guards.server'
import { signOut } from '~/auth/sign-in.server'
import { readSessionId, serializeClearedSessionCookie } from '~/auth/session.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import staffStylesHref from '~/styles/staff.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStylesHref }]

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => t('staff.signOut.title'), { noindex: true })

/** A GET never signs anyone out (a link or an image on another site could); it offers the button. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getOptionalUser(request)
	return { displayName: user?.displayName ?? null }
}

/** Ends this browser's session (the row is deleted) and clears the cookie. */
export async function action({ request, context }: ActionFunctionArgs) {
	const sessionId = await readSessionId(request)
	if (sessionId) await signOut({ sessionId, ipAddress: context.clientIp ?? null })
	throw redirect('/', { headers: { 'Set-Cookie': await serializeClearedSessionCookie(request) } })
}

export default function SignOut() {
	const { displayName } = useLoaderData<typeof loader>()
	const { t } = useI18n()
	return (
		<section className="staff staff-narrow" aria-labelledby="sign-out-title">
			<h1 id="sign-out-title">{t('staff.signOut.title')}</h1>
			{displayName ? (
				<>
					<p>{t('staff.signOut.signedInAs', { name: displayName })}</p>
					<Form method="post">
						<button type="submit" className="button">
							{t('staff.signOut.submit')}
						</button>
					</Form>
				</>
			) : (
				<p>
					{t('staff.signOut.notSignedIn')} <Link to="/sign-in">{t('staff.signOut.signIn')}</Link> ·{' '}
					<Link to="/">{t('staff.signOut.overview')}</Link>
				</p>
			)}
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
