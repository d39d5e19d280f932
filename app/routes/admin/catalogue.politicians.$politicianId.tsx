import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { answerOf, nothingSaved, RecordPage } from '~/components/record-page'
import { HiddenField, StaffForm, TextField, useStaffForm, type Refused } from '~/components/forms'
import { TranslatedPairFields } from '~/components/translation-fields'
import { isRecordId } from '~/forms/fields'
import {
	politicianCreateSchema,
	politicianEditSchema,
	politicianFormValues,
	politicianProblems,
} from '~/forms/politician'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import { politicianTranslationFieldNames } from '~/forms/translations'
import { useI18n } from '~/i18n/use-i18n'
import { createPolitician, getPolitician, updatePolitician } from '~/models/politician.server'
import { answerSave } from './record-save.server'
import { withSavedValuesTaken } from '~/forms/conflict'
import { catalogueTitle, staffPageMeta } from '~/i18n/staff-meta'

// One module for /admin/catalogue/politicians/new (no id) and /admin/catalogue/politicians/:politicianId.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	staffPageMeta(matches, ({ t }) =>
		catalogueTitle(t, data?.politician?.name ?? t('staff.politicianForm.new')),
	)

async function findPolitician(politicianId: string | undefined) {
	if (politicianId === undefined) return null
	const politician = isRecordId(politicianId) ? await getPolitician(politicianId) : null
	if (!politician) throw new Response(null, { status: 404 })
	return politician
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return { politician: await findPolitician(params.politicianId) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const existing = await findPolitician(params.politicianId)
	const formData = await readForm(request)
	const answer = {
		noun: 'politician',
		entityType: 'Politician',
		path: '/admin/catalogue/politicians',
		problems: politicianProblems,
		formValues: politicianFormValues,
	}
	if (existing) {
		// The fields where the editor took the saved value after a conflict: see `withSavedValuesTaken`.
		const submission = parseForm(
			withSavedValuesTaken(formData, politicianFormValues(existing)),
			politicianEditSchema,
		)
		if (submission.status !== 'success') return refuse(submission)
		return answerSave(submission, await updatePolitician(existing.id, submission.value, actor), answer)
	}
	const submission = parseForm(formData, politicianCreateSchema)
	if (submission.status !== 'success') return refuse(submission)
	return answerSave(submission, await createPolitician(submission.value, actor), answer)
}

export default function PoliticianPage() {
	const { politician } = useLoaderData<typeof loader>()
	const { t } = useI18n()
	const answer = answerOf(
		useActionData<typeof action>(),
		politician ? politicianFormValues(politician) : undefined,
	)
	return (
		<RecordPage
			title={
				politician ? t('staff.politicianForm.edit', { name: politician.name }) : t('staff.politicianForm.new')
			}
			saved={t('staff.politicianForm.saved')}
			{...answer}
		>
			<PoliticianForm
				// A newer version (someone else's) remounts the form so that its fields show it.
				key={String(answer.values?.version ?? 'new')}
				slug={politician?.slug}
				defaultValue={answer.values}
				lastResult={answer.lastResult}
			/>
		</RecordPage>
	)
}

function PoliticianForm({
	slug,
	defaultValue,
	lastResult,
}: {
	slug: string | undefined
	defaultValue: ReturnType<typeof politicianFormValues> | undefined
	lastResult: Refused['result'] | null
}) {
	const { t } = useI18n()
	const [form, fields] = useStaffForm(slug ? politicianEditSchema : politicianCreateSchema, {
		defaultValue,
		lastResult,
	})
	return (
		<StaffForm form={form} refused={nothingSaved}>
			{slug ? (
				<>
					<HiddenField field={fields.version} />
					<p>
						{t('staff.record.slug')}: <code>{slug}</code> ({t('staff.record.slugFixed')})
					</p>
				</>
			) : (
				<TextField
					label={t('staff.record.slug')}
					field={fields.slug}
					hint={t('staff.politicianForm.slugHint')}
				/>
			)}
			<TranslatedPairFields
				pairs={politicianTranslationFieldNames}
				fields={fields}
				english={{
					first: { label: t('staff.politicianForm.name'), field: fields.name },
					second: { label: t('staff.politicianForm.office'), field: fields.office },
				}}
				labels={(lang) => ({
					first: t(`staff.translation.${lang}.name`),
					second: t(`staff.translation.${lang}.office`),
				})}
			/>
			<button type="submit" className="button">
				{slug ? t('staff.politicianForm.save') : t('staff.politicianForm.create')}
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
