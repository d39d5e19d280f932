import {
	redirect,
	type ActionFunctionArgs,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getOptionalUser, homePathFor, type SessionUser } from '~/auth/guards.server'
import { safeRedirectTo } from '~/auth/safe-redirect.server'
import { signIn } from '~/auth/sign-in.server'
import { readSessionId, serializeSessionCookie } from '~/auth/session.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { FormMessage, HiddenField, StaffForm, TextField, useStaffForm } from '~/components/forms'
import { parseForm, readForm, refuse, refuseForNow, refusedForNowHeaders } from '~/forms/reply.server'
import { signInMessages, signInSchema, signInSecretFields } from '~/forms/sign-in'

import staffStylesHref from '~/styles/staff.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStylesHref }]

export const headers = refusedForNowHeaders

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => t('staff.signIn.title'), { noindex: true })

const notices: Record<string, string> = { everywhere: signInMessages.signedOutEverywhere }

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

export async function action({ request, context }: ActionFunctionArgs) {
	const submission = parseForm(await readForm(request), signInSchema)
	// The email is kept, the password never sent back.
	const hideFields = signInSecretFields
	if (submission.status !== 'success') return refuse(submission, { hideFields })
	const result = await signIn({
		email: submission.value.email,
		password: submission.value.password,
		ipAddress: context.clientIp ?? null,
		userAgent: request.headers.get('User-Agent'),
		previousSessionId: await readSessionId(request),
	})
	switch (result.status) {
		case 'signed-in':
			throw redirect(destinationFor(result.user, submission.value.redirectTo), {
				headers: { 'Set-Cookie': await serializeSessionCookie(request, result.sessionToken) },
			})
		case 'rate-limited': {
			const seconds = result.retryAfterSeconds
			const formErrors = [signInMessages.rateLimited(seconds)]
			return refuseForNow(submission, { formErrors, hideFields }, seconds)
		}
		case 'disabled':
			return refuse(submission, { formErrors: [signInMessages.disabled], hideFields }, 403)
		case 'invalid':
			return refuse(submission, { formErrors: [signInMessages.invalid], hideFields })
	}
}

export default function SignIn() {
	const { redirectTo, notice } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const submitting = useNavigation().state === 'submitting'
	const { t } = useI18n()
	const [form, fields] = useStaffForm(signInSchema, {
		lastResult: actionData?.result,
		defaultValue: { redirectTo: redirectTo ?? undefined },
	})
	return (
		<section className="staff staff-narrow" aria-labelledby="sign-in-title">
			<h1 id="sign-in-title">{t('staff.signIn.title')}</h1>
			<p className="lede">{t('staff.signIn.lede')}</p>
			{notice && !actionData ? <FormMessage tone="success">{notice}</FormMessage> : null}
			<StaffForm form={form}>
				{redirectTo ? <HiddenField field={fields.redirectTo} /> : null}
				<TextField
					label={t('staff.signIn.email')}
					field={fields.email}
					type="email"
					autoComplete="username"
				/>
				<TextField
					label={t('staff.signIn.password')}
					field={fields.password}
					type="password"
					autoComplete="current-password"
				/>
				<button type="submit" className="button" disabled={submitting}>
					{submitting ? t('staff.signIn.submitting') : t('staff.signIn.submit')}
				</button>
			</StaffForm>
			<p className="staff-aside">{t('staff.signIn.forgot')}</p>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
