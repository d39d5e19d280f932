import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUserSession } from '~/auth/guards.server'
import { passwordMaxLength, passwordMinLength } from '~/auth/password-policy'
import { signOutEverywhere } from '~/auth/sign-in.server'
import { serializeClearedSessionCookie } from '~/auth/session.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormMessage, type FieldErrors } from '~/components/forms'
import { homePathFor, roleLabels } from '~/models/account'
import { changeOwnPassword, listActiveSessions } from '~/models/user.server'
import staffStylesHref from '~/styles/staff.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStylesHref }]

export const meta: MetaFunction = () => [{ title: 'Your account · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const { user, session } = await requireUserSession(request)
	const sessions = await listActiveSessions(user.id)
	return {
		user: {
			displayName: user.displayName,
			email: user.email,
			role: user.role,
			mustChangePassword: user.mustChangePassword,
		},
		// Never the ids: a session id is what a cookie carries.
		sessions: sessions.map(({ id, ...rest }) => ({ ...rest, current: id === session.id })),
	}
}

const changePasswordSchema = z
	.object({
		currentPassword: z
			.string({ error: 'Enter your current password.' })
			.min(1, 'Enter your current password.'),
		newPassword: z
			.string({ error: 'Enter a new password.' })
			.min(1, 'Enter a new password.')
			.max(passwordMaxLength, `Use at most ${passwordMaxLength} characters.`),
		confirmPassword: z.string({ error: 'Enter the new password again.' }),
	})
	.refine((form) => form.newPassword === form.confirmPassword, {
		path: ['confirmPassword'],
		message: 'The two new passwords are not the same.',
	})

type ActionData = { fieldErrors: FieldErrors; formError: string | null; success: string | null }

export async function action({ request, context }: ActionFunctionArgs) {
	const { user, session } = await requireUserSession(request)
	const formData = await request.formData()
	const intent = formData.get('intent')

	if (intent === 'sign-out-everywhere') {
		await signOutEverywhere({ userId: user.id, ipAddress: context.clientIp ?? null })
		throw redirect('/sign-in?signedOut=everywhere', {
			headers: { 'Set-Cookie': await serializeClearedSessionCookie(request) },
		})
	}
	if (intent !== 'change-password') {
		return data<ActionData>(
			{ fieldErrors: {}, formError: 'Please use one of the buttons on the page.', success: null },
			{ status: 400 },
		)
	}
	const submission = changePasswordSchema.safeParse(Object.fromEntries(formData))
	if (!submission.success) {
		return data<ActionData>(
			{ fieldErrors: z.flattenError(submission.error).fieldErrors, formError: null, success: null },
			{ status: 400 },
		)
	}
	const result = await changeOwnPassword(
		{
			userId: user.id,
			currentPassword: submission.data.currentPassword,
			newPassword: submission.data.newPassword,
			keepSessionId: session.id,
		},
		{ id: user.id, ipAddress: context.clientIp ?? null },
	)
	switch (result.status) {
		case 'wrong-current-password':
			return data<ActionData>(
				{
					fieldErrors: { currentPassword: ['This is not your current password.'] },
					formError: null,
					success: null,
				},
				{ status: 400 },
			)
		case 'refused':
			return data<ActionData>(
				{ fieldErrors: { newPassword: [result.problem] }, formError: null, success: null },
				{ status: 400 },
			)
		case 'changed': {
			if (user.mustChangePassword) throw redirect(homePathFor(user.role))
			const others = result.otherSessionsEnded
			return data<ActionData>({
				fieldErrors: {},
				formError: null,
				success:
					others === 0
						? 'Your password is changed.'
						: `Your password is changed, and you are signed out on ${others} other ${others === 1 ? 'device' : 'devices'}.`,
			})
		}
	}
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

/** "Firefox on Linux" is enough to recognise a device; the whole user-agent string is not. */
function deviceName(userAgent: string | null): string {
	if (!userAgent) return 'Unknown browser'
	const browser =
		['Edg', 'Firefox', 'Chrome', 'Safari'].find((name) => userAgent.includes(`${name}/`)) ?? 'A browser'
	const system = ['Android', 'iPhone', 'iPad', 'Windows', 'Mac OS', 'Linux'].find((name) =>
		userAgent.includes(name),
	)
	const browserName = browser === 'Edg' ? 'Edge' : browser
	return system ? `${browserName} on ${system === 'Mac OS' ? 'macOS' : system}` : browserName
}

export default function Account() {
	const { user, sessions } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="staff" lang="en">
			<h1>Your account</h1>
			{user.mustChangePassword ? (
				<FormMessage tone="error">
					Please choose a new password before you continue: the one you signed in with was set by an admin.
				</FormMessage>
			) : null}
			<dl className="staff-facts">
				<dt>Name</dt>
				<dd>{user.displayName}</dd>
				<dt>Email</dt>
				<dd>{user.email}</dd>
				<dt>Role</dt>
				<dd>{roleLabels[user.role]}</dd>
			</dl>

			<section aria-labelledby="password-title" className="panel">
				<h2 id="password-title">Change your password</h2>
				{actionData?.success ? <FormMessage tone="success">{actionData.success}</FormMessage> : null}
				{actionData?.formError ? <FormMessage tone="error">{actionData.formError}</FormMessage> : null}
				<Form method="post" className="staff-form" noValidate>
					<input type="hidden" name="intent" value="change-password" />
					{/* For password managers: which account the new password belongs to. */}
					<input type="email" name="username" value={user.email} autoComplete="username" readOnly hidden />
					<Field
						label="Current password"
						name="currentPassword"
						type="password"
						autoComplete="current-password"
						errors={actionData?.fieldErrors.currentPassword}
						required
					/>
					<Field
						label="New password"
						name="newPassword"
						type="password"
						autoComplete="new-password"
						hint={`At least ${passwordMinLength} characters, and not your email address. A few unrelated words make a good one.`}
						errors={actionData?.fieldErrors.newPassword}
						minLength={passwordMinLength}
						required
					/>
					<Field
						label="New password, again"
						name="confirmPassword"
						type="password"
						autoComplete="new-password"
						errors={actionData?.fieldErrors.confirmPassword}
						required
					/>
					<button type="submit" className="button">
						Change password
					</button>
				</Form>
			</section>

			<section aria-labelledby="sessions-title" className="panel">
				<h2 id="sessions-title">Where you are signed in</h2>
				<div className="table-scroll">
					<table className="data-table">
						<thead>
							<tr>
								<th scope="col">Device</th>
								<th scope="col">Signed in (UTC)</th>
								<th scope="col">From address</th>
								<th scope="col">Ends unless used (UTC)</th>
							</tr>
						</thead>
						<tbody>
							{sessions.map((session, index) => (
								<tr key={index}>
									<td>
										{deviceName(session.userAgent)}
										{session.current ? <strong className="tag">This device</strong> : null}
									</td>
									<td>{dateTime.format(new Date(session.createdAt))}</td>
									<td>{session.ipAddress ?? 'unknown'}</td>
									<td>{dateTime.format(new Date(session.expiresAt))}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
				<Form method="post">
					<input type="hidden" name="intent" value="sign-out-everywhere" />
					<p>Lost a device, or signed in on a shared computer? This ends every session, this one too.</p>
					<button type="submit" className="button button-secondary">
						Sign out everywhere
					</button>
				</Form>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
