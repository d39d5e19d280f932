import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '~/auth/guards.server'
import { passwordMinLength, passwordProblem } from '~/auth/password-policy'
import { generateOneTimePassword } from '~/auth/password.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ChoiceGroup, Field, FormMessage, type FieldErrors } from '~/components/forms'
import { SecurityEventsTable } from '~/components/security-events'
import { roleDescriptions, roleLabels } from '~/models/account'
import { listAuditEntriesFor } from '~/models/audit.server'
import {
	changeRole,
	getAccount,
	resetPassword,
	roleSchema,
	setDisabled,
	type AccountChangeResult,
} from '~/models/user.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.account.displayName ?? 'Account'} · Accounts · Admin · Uade` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const account = await getAccount(params.userId ?? '')
	if (!account) throw new Response(null, { status: 404 })
	const history = await listAuditEntriesFor({ entityType: 'User', entityId: account.id })
	return { account, history, isSelf: account.id === admin.id }
}

const version = z.coerce.number({ error: 'The form is missing its version.' }).int().min(1)

const intentSchema = z.discriminatedUnion(
	'intent',
	[
		z.object({ intent: z.literal('change-role'), version, role: roleSchema }),
		z.object({
			intent: z.literal('set-disabled'),
			version,
			disabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
		}),
		z.object({
			intent: z.literal('reset-password'),
			version,
			passwordChoice: z.enum(['generate', 'set'], { error: 'Choose how the new password is made.' }),
			password: z.string().optional(),
		}),
	],
	{ error: 'Please use one of the buttons on the page.' },
)

type Intent = z.infer<typeof intentSchema>['intent']

type ActionData = {
	intent: Intent | null
	fieldErrors: FieldErrors
	formError: string | null
	success: string | null
	oneTimePassword: string | null
}

function reply(
	intent: Intent | null,
	fields: Partial<Omit<ActionData, 'intent'>>,
	status = 200,
): ReturnType<typeof data<ActionData>> {
	return data<ActionData>(
		{ intent, fieldErrors: {}, formError: null, success: null, oneTimePassword: null, ...fields },
		{ status },
	)
}

/** The answer for a refused change; null when the change went through. */
function refusal(intent: Intent, result: AccountChangeResult) {
	switch (result.status) {
		case 'not-found':
			throw new Response(null, { status: 404 })
		case 'conflict':
			return reply(
				intent,
				{
					formError:
						'Someone else changed this account while you had this page open, so nothing was saved. ' +
						'The page now shows the account as it is; please check it and try again.',
				},
				409,
			)
		case 'last-admin':
			return reply(
				intent,
				{
					formError:
						'This is the last active admin account: make another account an admin first, so that someone ' +
						'can still manage Uade.',
				},
				409,
			)
		default:
			return null
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const actor = { id: admin.id, ipAddress: context.clientIp ?? null }
	const formData = await request.formData()
	const submission = intentSchema.safeParse(Object.fromEntries(formData))
	if (!submission.success) {
		const intent = intentSchema.options
			.map((option) => option.shape.intent.value)
			.find((value) => value === formData.get('intent'))
		const { fieldErrors, formErrors } = z.flattenError(submission.error)
		return reply(intent ?? null, { fieldErrors, formError: formErrors[0] ?? null }, 400)
	}
	const userId = params.userId ?? ''
	const form = submission.data
	switch (form.intent) {
		case 'change-role': {
			const result = await changeRole({ userId, version: form.version, role: form.role }, actor)
			return (
				refusal(form.intent, result) ??
				reply(form.intent, {
					success:
						result.status === 'unchanged'
							? `The role stays ${roleLabels[form.role]}.`
							: `The role is now ${roleLabels[form.role]}.`,
				})
			)
		}
		case 'set-disabled': {
			const result = await setDisabled({ userId, version: form.version, disabled: form.disabled }, actor)
			return (
				refusal(form.intent, result) ??
				reply(form.intent, {
					success: form.disabled
						? 'The account is disabled and every session of it has ended.'
						: 'The account is enabled: it can sign in again.',
				})
			)
		}
		case 'reset-password': {
			const account = await getAccount(userId)
			if (!account) throw new Response(null, { status: 404 })
			const oneTimePassword = form.passwordChoice === 'generate' ? generateOneTimePassword() : null
			const password = oneTimePassword ?? form.password ?? ''
			const problem = passwordProblem(password, account.email)
			if (problem) return reply(form.intent, { fieldErrors: { password: [problem] } }, 400)
			const result = await resetPassword({ userId, version: form.version, password }, actor)
			return (
				refusal(form.intent, result) ??
				reply(form.intent, {
					success: `The password is reset and ${account.displayName} is signed out everywhere. They must choose a new one when they next sign in.`,
					oneTimePassword,
				})
			)
		}
	}
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

function Outcome({ actionData, intent }: { actionData: ActionData | undefined; intent: Intent }) {
	if (actionData?.intent !== intent) return null
	if (actionData.formError) return <FormMessage tone="error">{actionData.formError}</FormMessage>
	if (actionData.success) return <FormMessage tone="success">{actionData.success}</FormMessage>
	return null
}

export default function AccountDetail() {
	const { account, history, isSelf } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const errorsFor = (intent: Intent) => (actionData?.intent === intent ? actionData.fieldErrors : undefined)
	const state = account.disabled
		? 'Disabled'
		: account.mustChangePassword
			? 'Active, must choose a new password at the next sign-in'
			: 'Active'
	return (
		<>
			<h1>{account.displayName}</h1>
			{isSelf ? <p className="lede">This is your own account.</p> : null}
			{actionData?.intent === null && actionData.formError ? (
				<FormMessage tone="error">{actionData.formError}</FormMessage>
			) : null}
			<dl className="staff-facts">
				<dt>Email</dt>
				<dd>{account.email}</dd>
				<dt>Role</dt>
				<dd>{roleLabels[account.role]}</dd>
				<dt>State</dt>
				<dd>{state}</dd>
				<dt>Signed in on</dt>
				<dd>
					{account.activeSessions} {account.activeSessions === 1 ? 'device' : 'devices'}
				</dd>
				<dt>Created (UTC)</dt>
				<dd>{dateTime.format(new Date(account.createdAt))}</dd>
			</dl>

			<section className="panel" aria-labelledby="role-title">
				<h2 id="role-title">Role</h2>
				<Outcome actionData={actionData} intent="change-role" />
				<Form method="post" className="staff-form">
					<input type="hidden" name="intent" value="change-role" />
					<input type="hidden" name="version" value={account.version} />
					<ChoiceGroup
						key={`role-${account.version}`}
						legend="Role of this account"
						name="role"
						defaultValue={account.role}
						errors={errorsFor('change-role')?.role}
						choices={(['FACT_CHECKER', 'ADMIN'] as const).map((role) => ({
							value: role,
							label: roleLabels[role],
							hint: roleDescriptions[role],
						}))}
					/>
					<button type="submit" className="button">
						Change role
					</button>
				</Form>
			</section>

			<section className="panel" aria-labelledby="access-title">
				<h2 id="access-title">Access</h2>
				<Outcome actionData={actionData} intent="set-disabled" />
				<Form method="post">
					<input type="hidden" name="intent" value="set-disabled" />
					<input type="hidden" name="version" value={account.version} />
					<input type="hidden" name="disabled" value={account.disabled ? 'false' : 'true'} />
					{account.disabled ? (
						<p>This account cannot sign in. Enabling it lets it sign in again with its current password.</p>
					) : (
						<p>
							Disabling ends every session of this account at once, and it cannot sign in until it is enabled
							again. Nothing it did is lost.
						</p>
					)}
					<button type="submit" className={account.disabled ? 'button' : 'button button-danger'}>
						{account.disabled ? 'Enable account' : 'Disable account'}
					</button>
				</Form>
			</section>

			<section className="panel" aria-labelledby="reset-title">
				<h2 id="reset-title">Reset password</h2>
				<Outcome actionData={actionData} intent="reset-password" />
				{actionData?.intent === 'reset-password' && actionData.oneTimePassword ? (
					<div className="one-time-password-panel">
						<p>
							The new one-time password, shown only now. Give it to {account.displayName} through a channel
							you trust:
						</p>
						<p className="one-time-password">
							<code>{actionData.oneTimePassword}</code>
						</p>
					</div>
				) : null}
				<Form method="post" className="staff-form">
					<input type="hidden" name="intent" value="reset-password" />
					<input type="hidden" name="version" value={account.version} />
					<p>
						For a forgotten password. Every session of the account ends, and the new password must be replaced
						at the next sign-in.
					</p>
					<ChoiceGroup
						legend="New password"
						name="passwordChoice"
						defaultValue="generate"
						errors={errorsFor('reset-password')?.passwordChoice}
						choices={[
							{ value: 'generate', label: 'Generate a one-time password for me to hand over' },
							{ value: 'set', label: 'I will type one in below' },
						]}
					/>
					<Field
						label="Password (only if you type one in)"
						name="password"
						type="password"
						autoComplete="new-password"
						hint={`At least ${passwordMinLength} characters, and not the email address.`}
						errors={errorsFor('reset-password')?.password}
					/>
					<button type="submit" className="button">
						Reset password
					</button>
				</Form>
			</section>

			<section className="panel" aria-labelledby="history-title">
				<h2 id="history-title">History</h2>
				<SecurityEventsTable
					events={history}
					caption={`The latest sign-ins and changes of ${account.displayName}’s account`}
					showAccount={false}
				/>
			</section>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
