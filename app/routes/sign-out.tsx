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
import staffStylesHref from '~/styles/staff.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStylesHref }]

export const meta: MetaFunction = () => [{ title: 'Sign out · Uade' }, { name: 'robots', content: 'noindex' }]

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
	return (
		<section className="staff staff-narrow" lang="en" aria-labelledby="sign-out-title">
			<h1 id="sign-out-title">Sign out</h1>
			{displayName ? (
				<>
					<p>You are signed in as {displayName}.</p>
					<Form method="post">
						<button type="submit" className="button">
							Sign out
						</button>
					</Form>
				</>
			) : (
				<p>
					You are not signed in. <Link to="/sign-in">Sign in</Link> or go <Link to="/">to the overview</Link>.
				</p>
			)}
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
