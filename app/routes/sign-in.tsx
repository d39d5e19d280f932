import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { getOptionalUser, type SessionUser } from '~/auth/guards.server'
import { passwordMaxLength } from '~/auth/password-policy'
import { safeRedirectTo } from '~/auth/safe-redirect.server'
import { signIn } from '~/auth/sign-in.server'
import { readSessionId, serializeSessionCookie } from '~/auth/session.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormMessage, type FieldErrors } from '~/components/forms'
import { homePathFor } from '~/models/account'
import { emailSchema } from '~/models/user.server'
import staffStylesHref from '~/styles/staff.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStylesHref }]

export const meta: MetaFunction = () => [{ title: 'Sign in · Uade' }, { name: 'robots', content: 'noindex' }]

const signInSchema = z.object({
	email: emailSchema,
	password: z
		.string({ error: 'Enter your password.' })
		.min(1, 'Enter your password.')
		.max(passwordMaxLength, `A password has at most ${passwordMaxLength} characters.`),
	redirectTo: z.string().optional(),
})

const notices: Record<string, string> = { everywhere: 'You are signed out on every device.' }

/** Where a signed-in user goes: to replace their password if they must, else back where they were going. */
function destinationFor(user: SessionUser, redirectTo: string | null | undefined): string {
	if (user.mustChangePassword) return '/account'
	return safeRedirectTo(redirectTo, homePathFor(user.role))
}

export async function loader({ request }: LoaderFunctionArgs) {
	const params = new URL(request.url).searchParams
	const user = await getOptionalUser(request)
	if (user) throw redirect(destinationFor(user, params.get('redirectTo')))
	const redirectTo = safeRedirectTo(params.get('redirectTo'), '')
	return { redirectTo: redirectTo || null, notice: notices[params.get('signedOut') ?? ''] ?? null }
}

type ActionData = { email: string; fieldErrors: FieldErrors; formError: string | null }

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await request.formData()
	const email = String(formData.get('email') ?? '')
	const submission = signInSchema.safeParse(Object.fromEntries(formData))
	if (!submission.success) {
		return data<ActionData>(
			{ email, fieldErrors: z.flattenError(submission.error).fieldErrors, formError: null },
			{ status: 400 },
		)
	}
	const result = await signIn({
		email: submission.data.email,
		password: submission.data.password,
		ipAddress: context.clientIp ?? null,
		userAgent: request.headers.get('User-Agent'),
		previousSessionId: await readSessionId(request),
	})
	switch (result.status) {
		case 'signed-in':
			throw redirect(destinationFor(result.user, submission.data.redirectTo), {
				headers: { 'Set-Cookie': await serializeSessionCookie(request, result.sessionId) },
			})
		case 'rate-limited': {
			const minutes = result.retryAfterMinutes
			return data<ActionData>(
				{
					email,
					fieldErrors: {},
					formError: `Too many unsuccessful sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
				},
				{ status: 429, headers: { 'Retry-After': String(minutes * 60) } },
			)
		}
		case 'disabled':
			return data<ActionData>(
				{
					email,
					fieldErrors: {},
					formError: 'This account is disabled. If you think this is a mistake, please ask an admin.',
				},
				{ status: 403 },
			)
		case 'invalid':
			return data<ActionData>(
				{
					email,
					fieldErrors: {},
					formError: 'The email or the password is not right. Please check both and try again.',
				},
				{ status: 400 },
			)
	}
}

export default function SignIn() {
	const { redirectTo, notice } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const submitting = useNavigation().state === 'submitting'
	return (
		<section className="staff staff-narrow" lang="en" aria-labelledby="sign-in-title">
			<h1 id="sign-in-title">Sign in</h1>
			<p className="lede">For Uade’s fact-checkers and admins. Reading the site needs no account.</p>
			{notice && !actionData ? <FormMessage tone="success">{notice}</FormMessage> : null}
			{actionData?.formError ? <FormMessage tone="error">{actionData.formError}</FormMessage> : null}
			<Form method="post" className="staff-form" noValidate>
				{redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
				<Field
					label="Email"
					name="email"
					type="email"
					autoComplete="username"
					defaultValue={actionData?.email}
					errors={actionData?.fieldErrors.email}
					required
				/>
				<Field
					label="Password"
					name="password"
					type="password"
					autoComplete="current-password"
					errors={actionData?.fieldErrors.password}
					required
				/>
				<button type="submit" className="button" disabled={submitting}>
					{submitting ? 'Signing in…' : 'Sign in'}
				</button>
			</Form>
			<p className="staff-aside">
				Forgot your password? Please ask an admin to reset it; they will give you a one-time password.
			</p>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
