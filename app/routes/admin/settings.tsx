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
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import { settingsFormValues, settingsMessages, settingsSchema } from '~/forms/settings'
import { getInstallationSettings, updateInstallationSettings } from '~/models/settings.server'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => `${t('staff.adminNav.settings')} · ${t('staff.admin.title')}`)

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
	const { t } = useI18n()
	return (
		<>
			<h1>{t('staff.adminNav.settings')}</h1>
			<p className="lede">{t('staff.settings.lede')}</p>
			{conflict ? <FormMessage tone="error">{conflict.message}</FormMessage> : null}
			{loaded.saved && !answer ? (
				<FormMessage tone="success">
					<p>{t('staff.settings.saved')}</p>
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
	const { t } = useI18n()
	return (
		<StaffForm form={form} refused={nothingSaved}>
			<HiddenField field={fields.version} />
			<RadioGroup
				label={t('staff.settings.fourEyes')}
				field={fields.fourEyes}
				choices={[
					{ value: 'on', label: t('staff.settings.on'), hint: t('staff.settings.onHint') },
					{ value: 'off', label: t('staff.settings.off'), hint: t('staff.settings.offHint') },
				]}
			/>
			<button type="submit" className="button">
				{t('staff.settings.submit')}
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
