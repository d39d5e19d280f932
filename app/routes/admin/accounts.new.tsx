import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage, RadioGroup, StaffForm, TextField, useStaffForm, type Refused } from '~/components/forms'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import { newAccountSchema, userProblems, userSecretFields } from '~/forms/user'
import { roleLabels } from '~/components/labels'
import { generateOneTimePassword } from '~/models/password.server'
import { createAccount } from '~/models/user.server'
import { PasswordChoiceFields, roleChoices } from '~/components/account-fields'

export const meta: MetaFunction = () => [{ title: 'Create an account · Admin · Uade' }]

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
	if (created) {
		return (
			<>
				<h1>Account created</h1>
				<FormMessage tone="success">
					<p>
						{created.displayName} ({created.email}) can now sign in as{' '}
						{roleLabels[created.role].toLowerCase()}.
					</p>
				</FormMessage>
				{created.oneTimePassword ? (
					<section className="panel" aria-labelledby="one-time-title">
						<h2 id="one-time-title">One-time password</h2>
						<p>
							Give this password to {created.displayName} in person or through a channel you trust. It is
							shown only now, and they must replace it when they first sign in.
						</p>
						<p className="one-time-password">
							<code>{created.oneTimePassword}</code>
						</p>
					</section>
				) : (
					<p>They sign in with the password you chose, and must replace it when they first sign in.</p>
				)}
				<p className="actions">
					<Link to={`/admin/accounts/${created.id}`}>Open {created.displayName}’s account</Link>
					<Link to="/admin/accounts/new" reloadDocument>
						Create another account
					</Link>
				</p>
			</>
		)
	}
	return (
		<>
			<h1>Create an account</h1>
			<p className="lede">
				For a fact-checker or an admin. Whatever the first password, its owner chooses their own at the first
				sign-in.
			</p>
			<NewAccountForm lastResult={actionData && 'result' in actionData ? actionData.result : null} />
		</>
	)
}

function NewAccountForm({ lastResult }: { lastResult: Refused['result'] | null }) {
	const [form, fields] = useStaffForm(newAccountSchema, {
		lastResult,
		defaultValue: { role: 'FACT_CHECKER', passwordChoice: 'generate' },
	})
	return (
		<StaffForm form={form}>
			<TextField label="Email" field={fields.email} type="email" autoComplete="off" />
			<TextField
				label="Name"
				field={fields.displayName}
				hint="As it will appear on the evidence they submit."
				autoComplete="off"
			/>
			<RadioGroup label="Role" field={fields.role} choices={roleChoices} />
			<PasswordChoiceFields
				label="First password"
				choice={fields.passwordChoice}
				password={fields.password}
			/>
			<button type="submit" className="button">
				Create account
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
