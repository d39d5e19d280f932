import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { nothingSaved } from '~/components/record-page'
import {
	FormMessage,
	HiddenField,
	RadioGroup,
	StaffForm,
	useStaffForm,
	type Refused,
} from '~/components/forms'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import { settingsFormValues, settingsMessages, settingsSchema } from '~/forms/settings'
import { getInstallationSettings, updateInstallationSettings } from '~/models/settings.server'

export const meta: MetaFunction = () => [{ title: 'Settings · Admin · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const settings = await getInstallationSettings()
	return { values: settingsFormValues(settings), saved: new URL(request.url).searchParams.has('saved') }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const submission = parseForm(await readForm(request), settingsSchema)
	if (submission.status !== 'success') return refuse(submission)
	const result = await updateInstallationSettings({ actor, input: submission.value })
	switch (result.status) {
		case 'saved':
			return redirect('/admin/settings?saved')
		case 'conflict':
			return data(
				{
					conflict: {
						message:
							'Another admin changed the settings while you were looking at them, so your choice was not saved. The form now shows theirs: choose again.',
						values: settingsFormValues(result.record),
					},
				},
				{ status: 409 },
			)
		case 'invalid':
			return refuse(submission, { fieldErrors: { fourEyes: [settingsMessages.otherAdmin] } })
		case 'not-found':
			// The row is written on first save.
			throw new Error(`Saving the settings answered ${result.status}`)
	}
}

export default function Settings() {
	const loaded = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const conflict = answer && 'conflict' in answer ? answer.conflict : null
	const values = conflict?.values ?? loaded.values
	return (
		<>
			<h1>Settings</h1>
			<p className="lede">The rules this installation of Uade works by. Every change is in the audit log.</p>
			{conflict ? <FormMessage tone="error">{conflict.message}</FormMessage> : null}
			{loaded.saved && !answer ? (
				<FormMessage tone="success">
					<p>The settings are saved.</p>
				</FormMessage>
			) : null}
			<SettingsForm
				// A newer version (another admin's) remounts the form so that it shows it.
				key={values.version}
				defaultValue={values}
				lastResult={answer && 'result' in answer ? answer.result : null}
			/>
		</>
	)
}

function SettingsForm({
	defaultValue,
	lastResult,
}: {
	defaultValue: ReturnType<typeof settingsFormValues>
	lastResult: Refused['result'] | null
}) {
	const [form, fields] = useStaffForm(settingsSchema, { defaultValue, lastResult })
	return (
		<StaffForm form={form} refused={nothingSaved}>
			<HiddenField field={fields.version} />
			<RadioGroup
				label="Four-eyes rule"
				field={fields.fourEyes}
				choices={[
					{
						value: 'on',
						label: 'On (recommended)',
						hint: 'Nobody approves evidence they submitted, nor records a status that rests only on their own evidence.',
					},
					{
						value: 'off',
						label: 'Off',
						hint: 'Only for an installation with a single active admin: they may approve their own evidence and rate a pledge on it. The admin home warns while it is off, and the rule turns back on by itself when a second admin is added or enabled.',
					},
				]}
			/>
			<button type="submit" className="button">
				Save settings
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
