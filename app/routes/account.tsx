import {
	redirect,
	type ActionFunctionArgs,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, homePathFor, requireUserSession } from '~/auth/guards.server'
import { signOutEverywhere } from '~/auth/sign-in.server'
import { serializeClearedSessionCookie } from '~/auth/session.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	FormMessage,
	HiddenField,
	StaffForm,
	TextField,
	UsernameForPasswordManagers,
	useStaffForm,
	type Refused,
} from '~/components/forms'
import {
	accountIntentSchema,
	changePasswordProblems,
	changePasswordSchema,
	changePasswordSecretFields,
	passwordChangedMessage,
	signOutEverywhereSchema,
	tooManyPasswordChecksMessage,
} from '~/forms/account'
import { passwordMinLength } from '~/forms/password'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse, refuseForNow, refusedForNowHeaders } from '~/forms/reply.server'
import { roleLabels } from '~/components/labels'
import { changeOwnPassword, listActiveSessions } from '~/models/user.server'
import staffStylesHref from '~/styles/staff.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStylesHref }]

export const headers = refusedForNowHeaders

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

export async function action({ request, context }: ActionFunctionArgs) {
	const { user, session } = await requireUserSession(request)
	const formData = await readForm(request)
	// No password is ever sent back, whichever form it came with.
	const hideFields = changePasswordSecretFields
	const intent = parseForm(formData, accountIntentSchema)
	if (intent.status !== 'success') return refuse(intent, { hideFields })

	if (intent.value.intent === 'sign-out-everywhere') {
		const submission = parseForm(formData, signOutEverywhereSchema)
		if (submission.status !== 'success') return refuse(submission)
		await signOutEverywhere({ userId: user.id, ipAddress: context.clientIp ?? null })
		throw redirect('/sign-in?signedOut=everywhere', {
			headers: { 'Set-Cookie': await serializeClearedSessionCookie(request) },
		})
	}
	const submission = parseForm(formData, changePasswordSchema)
	if (submission.status !== 'success') return refuse(submission, { hideFields })
	const result = await changeOwnPassword(
		{
			currentPassword: submission.value.currentPassword,
			newPassword: submission.value.newPassword,
			keepSessionId: session.id,
		},
		actorOf(user, context),
	)
	switch (result.status) {
		case 'not-found':
			throw new Response(null, { status: 404 })
		case 'invalid':
			return refuse(submission, {
				fieldErrors: problemMessages(result.problems, changePasswordProblems),
				hideFields,
			})
		case 'too-many': {
			const fieldErrors = { currentPassword: [tooManyPasswordChecksMessage(result.retryAfterSeconds)] }
			return refuseForNow(submission, { fieldErrors, hideFields }, result.retryAfterSeconds)
		}
		case 'saved':
			if (user.mustChangePassword) throw redirect(homePathFor(user.role))
			return {
				result: submission.reply({ resetForm: true }),
				success: passwordChangedMessage(result.record.otherSessionsEnded),
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
	const result = actionData?.result ?? null
	const success = actionData && 'success' in actionData ? actionData.success : null
	// A form of this page is told by its intent; a reply to no form of the page is shown at the top.
	const intent = result?.initialValue?.intent
	return (
		<div className="staff" lang="en">
			<h1>Your account</h1>
			{user.mustChangePassword ? (
				<FormMessage tone="error">
					Please choose a new password before you continue: the one you signed in with was set by an admin.
				</FormMessage>
			) : null}
			{result?.error?.intent ? <FormMessage tone="error">{result.error.intent.join(' ')}</FormMessage> : null}
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
				{success ? <FormMessage tone="success">{success}</FormMessage> : null}
				<ChangePasswordForm
					email={user.email}
					// Refused, it shows its messages; saved, it empties (the reply resets it).
					lastResult={intent === 'change-password' || success ? result : null}
				/>
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
				<SignOutEverywhereForm />
			</section>
		</div>
	)
}

function ChangePasswordForm({ email, lastResult }: { email: string; lastResult: Refused['result'] | null }) {
	const [form, fields] = useStaffForm(changePasswordSchema, {
		lastResult,
		defaultValue: { intent: 'change-password' },
	})
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.intent} />
			<UsernameForPasswordManagers username={email} />
			<TextField
				label="Current password"
				field={fields.currentPassword}
				type="password"
				autoComplete="current-password"
			/>
			<TextField
				label="New password"
				field={fields.newPassword}
				type="password"
				autoComplete="new-password"
				hint={`At least ${passwordMinLength} characters, and not your email address. A few unrelated words make a good one.`}
			/>
			<TextField
				label="New password, again"
				field={fields.confirmPassword}
				type="password"
				autoComplete="new-password"
			/>
			<button type="submit" className="button">
				Change password
			</button>
		</StaffForm>
	)
}

function SignOutEverywhereForm() {
	const [form, fields] = useStaffForm(signOutEverywhereSchema, {
		defaultValue: { intent: 'sign-out-everywhere' },
	})
	return (
		<StaffForm form={form} className="">
			<HiddenField field={fields.intent} />
			<p>Lost a device, or signed in on a shared computer? This ends every session, this one too.</p>
			<button type="submit" className="button button-secondary">
				Sign out everywhere
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
