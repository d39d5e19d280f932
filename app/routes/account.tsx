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
	RadioGroup,
	staffDateTime,
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
	setLocaleSchema,
	signOutEverywhereSchema,
	tooManyPasswordChecksMessage,
} from '~/forms/account'
import { passwordMinLength } from '~/forms/password'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse, refuseForNow, refusedForNowHeaders } from '~/forms/reply.server'
import { useStaffLabels } from '~/components/labels'
import { databaseLocale, localeNames, locales, serializeLanguageCookie } from '~/i18n/locales'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { changeOwnPassword, listActiveSessions, setOwnLocale } from '~/models/user.server'
import staffStylesHref from '~/styles/staff.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStylesHref }]

export const headers = refusedForNowHeaders

export const meta: MetaFunction = ({ matches }) => staffPageMeta(matches, ({ t }) => t('staff.account.title'))

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
		// The language chosen for the staff pages; null while the cookie or the browser's language decides.
		chosenLocale: user.locale,
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
	if (intent.value.intent === 'set-locale') {
		const submission = parseForm(formData, setLocaleSchema)
		if (submission.status !== 'success') return refuse(submission)
		const locale = submission.value.locale
		await setOwnLocale(databaseLocale[locale], actorOf(user, context))
		// The page comes back in the chosen language (a GET after the POST); the cookie keeps it after sign-out.
		throw redirect('/account', {
			headers: { 'Set-Cookie': serializeLanguageCookie(locale, new URL(request.url)) },
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

/** "Firefox on Linux" is enough to recognise a device; the whole user-agent string is not. */
function useDeviceName() {
	const { t } = useI18n()
	return (userAgent: string | null) => {
		if (!userAgent) return t('staff.account.unknownBrowser')
		const browser = ['Edg', 'Firefox', 'Chrome', 'Safari'].find((name) => userAgent.includes(`${name}/`))
		const system = ['Android', 'iPhone', 'iPad', 'Windows', 'Mac OS', 'Linux'].find((name) =>
			userAgent.includes(name),
		)
		const browserName = browser === 'Edg' ? 'Edge' : browser
		const systemName = system === 'Mac OS' ? 'macOS' : system
		if (!browserName)
			return systemName ? t('staff.account.aBrowserOn', { system: systemName }) : t('staff.account.aBrowser')
		return systemName
			? t('staff.account.browserOn', { browser: browserName, system: systemName })
			: browserName
	}
}

export default function Account() {
	const { user, sessions, chosenLocale } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t, format } = useI18n()
	const labels = useStaffLabels()
	const deviceName = useDeviceName()
	const result = actionData?.result ?? null
	const success = actionData && 'success' in actionData ? actionData.success : null
	// A form of this page is told by its intent; a reply to no form of the page is shown at the top.
	const intent = result?.initialValue?.intent
	return (
		<div className="staff">
			<h1>{t('staff.account.title')}</h1>
			{user.mustChangePassword ? (
				<FormMessage tone="error">{t('staff.account.mustChange')}</FormMessage>
			) : null}
			{result?.error?.intent ? <FormMessage tone="error">{result.error.intent.join(' ')}</FormMessage> : null}
			<dl className="staff-facts">
				<dt>{t('staff.account.name')}</dt>
				<dd>{user.displayName}</dd>
				<dt>{t('staff.account.email')}</dt>
				<dd>{user.email}</dd>
				<dt>{t('staff.account.role')}</dt>
				<dd>{labels.role(user.role)}</dd>
			</dl>

			<section aria-labelledby="language-title" className="panel">
				<h2 id="language-title">{t('staff.account.languageTitle')}</h2>
				<LanguageForm chosen={chosenLocale} lastResult={intent === 'set-locale' ? result : null} />
			</section>

			<section aria-labelledby="password-title" className="panel">
				<h2 id="password-title">{t('staff.account.passwordTitle')}</h2>
				{success ? <FormMessage tone="success">{success}</FormMessage> : null}
				<ChangePasswordForm
					email={user.email}
					// Refused, it shows its messages; saved, it empties (the reply resets it).
					lastResult={intent === 'change-password' || success ? result : null}
				/>
			</section>

			<section aria-labelledby="sessions-title" className="panel">
				<h2 id="sessions-title">{t('staff.account.sessionsTitle')}</h2>
				<div className="table-scroll">
					<table className="data-table">
						<thead>
							<tr>
								<th scope="col">{t('staff.account.device')}</th>
								<th scope="col">{t('staff.account.signedInAt')}</th>
								<th scope="col">{t('staff.account.fromAddress')}</th>
								<th scope="col">{t('staff.account.endsAt')}</th>
							</tr>
						</thead>
						<tbody>
							{sessions.map((session, index) => (
								<tr key={index}>
									<td>
										{deviceName(session.userAgent)}
										{session.current ? (
											<strong className="tag">{t('staff.account.thisDevice')}</strong>
										) : null}
									</td>
									<td>{staffDateTime(format, session.createdAt)}</td>
									<td>{session.ipAddress ?? t('staff.account.unknownAddress')}</td>
									<td>{staffDateTime(format, session.expiresAt)}</td>
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

/** The language of one's staff pages, for every device one signs in on. */
function LanguageForm({
	chosen,
	lastResult,
}: {
	chosen: 'EN' | 'RU' | 'KK' | null
	lastResult: Refused['result'] | null
}) {
	const { t, locale } = useI18n()
	const [form, fields] = useStaffForm(setLocaleSchema, {
		lastResult,
		defaultValue: {
			intent: 'set-locale',
			locale: chosen ? locales.find((l) => databaseLocale[l] === chosen) : locale,
		},
	})
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.intent} />
			<RadioGroup
				label={t('staff.account.language')}
				hint={chosen ? t('staff.account.languageChosen') : t('staff.account.languageNotChosen')}
				field={fields.locale}
				choices={locales.map((value) => ({ value, label: <span lang={value}>{localeNames[value]}</span> }))}
			/>
			<button type="submit" className="button">
				{t('staff.account.languageSubmit')}
			</button>
		</StaffForm>
	)
}

function ChangePasswordForm({ email, lastResult }: { email: string; lastResult: Refused['result'] | null }) {
	const { t } = useI18n()
	const [form, fields] = useStaffForm(changePasswordSchema, {
		lastResult,
		defaultValue: { intent: 'change-password' },
	})
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.intent} />
			<UsernameForPasswordManagers username={email} />
			<TextField
				label={t('staff.account.currentPassword')}
				field={fields.currentPassword}
				type="password"
				autoComplete="current-password"
			/>
			<TextField
				label={t('staff.account.newPassword')}
				field={fields.newPassword}
				type="password"
				autoComplete="new-password"
				hint={t('staff.account.newPasswordHint', { min: passwordMinLength })}
			/>
			<TextField
				label={t('staff.account.newPasswordAgain')}
				field={fields.confirmPassword}
				type="password"
				autoComplete="new-password"
			/>
			<button type="submit" className="button">
				{t('staff.account.changePassword')}
			</button>
		</StaffForm>
	)
}

function SignOutEverywhereForm() {
	const { t } = useI18n()
	const [form, fields] = useStaffForm(signOutEverywhereSchema, {
		defaultValue: { intent: 'sign-out-everywhere' },
	})
	return (
		<StaffForm form={form} className="">
			<HiddenField field={fields.intent} />
			<p>{t('staff.account.signOutEverywhereText')}</p>
			<button type="submit" className="button button-secondary">
				{t('staff.account.signOutEverywhere')}
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
