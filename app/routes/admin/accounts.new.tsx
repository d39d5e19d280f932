import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { z } from 'zod'
import type { Role } from '~/.server/prisma/enums'
import { requireRole } from '~/auth/guards.server'
import { passwordMinLength, passwordProblem } from '~/auth/password-policy'
import { generateOneTimePassword } from '~/auth/password.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ChoiceGroup, Field, FormMessage, type FieldErrors } from '~/components/forms'
import { roleDescriptions, roleLabels } from '~/models/account'
import { createAccount, displayNameSchema, emailSchema, roleSchema } from '~/models/user.server'

export const meta: MetaFunction = () => [{ title: 'Create an account · Admin · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return null
}

const newAccountSchema = z.object({
	email: emailSchema,
	displayName: displayNameSchema,
	role: roleSchema,
	passwordChoice: z.enum(['generate', 'set'], { error: 'Choose how the first password is made.' }),
	password: z.string().optional(),
})

type Values = { email: string; displayName: string; role: string; passwordChoice: string }
type Created = { id: string; displayName: string; email: string; role: Role; oneTimePassword: string | null }
type ActionData = { values: Values; fieldErrors: FieldErrors; created: Created | null }

export async function action({ request, context }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const formData = await request.formData()
	const values: Values = {
		email: String(formData.get('email') ?? ''),
		displayName: String(formData.get('displayName') ?? ''),
		role: String(formData.get('role') ?? ''),
		passwordChoice: String(formData.get('passwordChoice') ?? 'generate'),
	}
	const submission = newAccountSchema.safeParse(Object.fromEntries(formData))
	if (!submission.success) {
		return data<ActionData>(
			{ values, fieldErrors: z.flattenError(submission.error).fieldErrors, created: null },
			{ status: 400 },
		)
	}
	const { email, displayName, role, passwordChoice } = submission.data
	const chosenPassword = submission.data.password ?? ''
	const problem = passwordChoice === 'set' ? passwordProblem(chosenPassword, email) : undefined
	if (problem) {
		return data<ActionData>({ values, fieldErrors: { password: [problem] }, created: null }, { status: 400 })
	}
	const oneTimePassword = passwordChoice === 'generate' ? generateOneTimePassword() : null
	const result = await createAccount(
		{ email, displayName, role, password: oneTimePassword ?? chosenPassword, mustChangePassword: true },
		{ id: admin.id, ipAddress: context.clientIp ?? null },
	)
	if (result.status === 'email-taken') {
		return data<ActionData>(
			{ values, fieldErrors: { email: ['An account with this email already exists.'] }, created: null },
			{ status: 400 },
		)
	}
	const { account } = result
	return data<ActionData>(
		{
			values,
			fieldErrors: {},
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

export default function NewAccount() {
	const actionData = useActionData<typeof action>()
	const created = actionData?.created
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
	const values = actionData?.values
	const errors = actionData?.fieldErrors
	return (
		<>
			<h1>Create an account</h1>
			<p className="lede">
				For a fact-checker or an admin. Whatever the first password, its owner chooses their own at the first
				sign-in.
			</p>
			<Form method="post" className="staff-form" noValidate>
				<Field
					label="Email"
					name="email"
					type="email"
					autoComplete="off"
					defaultValue={values?.email}
					errors={errors?.email}
					required
				/>
				<Field
					label="Name"
					name="displayName"
					hint="As it will appear on the evidence they submit."
					autoComplete="off"
					defaultValue={values?.displayName}
					errors={errors?.displayName}
					required
				/>
				<ChoiceGroup
					legend="Role"
					name="role"
					defaultValue={values?.role ?? 'FACT_CHECKER'}
					errors={errors?.role}
					choices={(['FACT_CHECKER', 'ADMIN'] as const).map((role) => ({
						value: role,
						label: roleLabels[role],
						hint: roleDescriptions[role],
					}))}
				/>
				<ChoiceGroup
					legend="First password"
					name="passwordChoice"
					defaultValue={values?.passwordChoice ?? 'generate'}
					errors={errors?.passwordChoice}
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
					errors={errors?.password}
				/>
				<button type="submit" className="button">
					Create account
				</button>
			</Form>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
