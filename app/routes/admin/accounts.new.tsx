import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage, RadioGroup, StaffForm, TextField, useStaffForm, type Refused } from '~/components/forms'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import { newAccountSchema, userProblems, userSecretFields } from '~/forms/user'
import { useStaffLabels } from '~/components/labels'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { generateOneTimePassword } from '~/models/password.server'
import { createAccount } from '~/models/user.server'
import { PasswordChoiceFields, useRoleChoices } from '~/components/account-fields'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => `${t('staff.accounts.createTitle')} · ${t('staff.admin.title')}`)

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const submission = parseForm(await readForm(request), newAccountSchema)
	const hideFields = userSecretFields
	if (submission.status !== 'success') return refuse(submission, { hideFields })
	const { email, displayName, role, passwordChoice } = submission.value
	const oneTimePassword = passwordChoice === 'generate' ? generateOneTimePassword() : null
	const result = await createAccount(
		{
			email,
			displayName,
			role,
			password: oneTimePassword ?? submission.value.password ?? '',
			mustChangePassword: true,
		},
		actor,
	)
	switch (result.status) {
		case 'invalid':
			return refuse(submission, { fieldErrors: problemMessages(result.problems, userProblems), hideFields })
		case 'saved': {
			const account = result.record
			return data(
				{
					created: {
						id: account.id,
						displayName: account.displayName,
						email: account.email,
						role: account.role,
						oneTimePassword,
					},
				},
				{ status: 201 },
			)
		}
	}
}

export default function NewAccount() {
	const actionData = useActionData<typeof action>()
	const created = actionData && 'created' in actionData ? actionData.created : null
	const { t } = useI18n()
	const labels = useStaffLabels()
	if (created) {
		return (
			<>
				<h1>{t('staff.accounts.created')}</h1>
				<FormMessage tone="success">
					<p>
						{t('staff.accounts.canSignIn', {
							name: created.displayName,
							email: created.email,
							role: labels.role(created.role),
						})}
					</p>
				</FormMessage>
				{created.oneTimePassword ? (
					<section className="panel" aria-labelledby="one-time-title">
						<h2 id="one-time-title">{t('staff.accounts.oneTimeTitle')}</h2>
						<p>{t('staff.accounts.oneTimeText', { name: created.displayName })}</p>
						<p className="one-time-password">
							<code>{created.oneTimePassword}</code>
						</p>
					</section>
				) : (
					<p>{t('staff.accounts.chosenPassword')}</p>
				)}
				<p className="actions">
					<Link to={`/admin/accounts/${created.id}`}>
						{t('staff.accounts.openAccount', { name: created.displayName })}
					</Link>
					<Link to="/admin/accounts/new" reloadDocument>
						{t('staff.accounts.createAnother')}
					</Link>
				</p>
			</>
		)
	}
	return (
		<>
			<h1>{t('staff.accounts.createTitle')}</h1>
			<p className="lede">{t('staff.accounts.createLede')}</p>
			<NewAccountForm lastResult={actionData && 'result' in actionData ? actionData.result : null} />
		</>
	)
}

function NewAccountForm({ lastResult }: { lastResult: Refused['result'] | null }) {
	const [form, fields] = useStaffForm(newAccountSchema, {
		lastResult,
		defaultValue: { role: 'FACT_CHECKER', passwordChoice: 'generate' },
	})
	const { t } = useI18n()
	const roleChoices = useRoleChoices()
	return (
		<StaffForm form={form}>
			<TextField label={t('staff.account.email')} field={fields.email} type="email" autoComplete="off" />
			<TextField
				label={t('staff.account.name')}
				field={fields.displayName}
				hint={t('staff.accounts.nameHint')}
				autoComplete="off"
			/>
			<RadioGroup label={t('staff.account.role')} field={fields.role} choices={roleChoices} />
			<PasswordChoiceFields
				label={t('staff.accounts.firstPassword')}
				choice={fields.passwordChoice}
				password={fields.password}
			/>
			<button type="submit" className="button">
				{t('staff.accounts.createSubmit')}
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
