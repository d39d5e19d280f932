import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PublicationPanel } from '~/components/platform-publication'
import { answerOf, nothingSaved, RecordPage } from '~/components/record-page'
import {
	DateField,
	HiddenField,
	SelectField,
	StaffForm,
	TextField,
	UrlField,
	useStaffForm,
	type Option,
	type Refused,
} from '~/components/forms'
import { TranslatedTextFields } from '~/components/translation-fields'
import { isRecordId } from '~/forms/fields'
import {
	platformCreateSchema,
	platformEditSchema,
	platformFormValues,
	platformProblems,
	platformTranslationRules,
	type PlatformFormValues,
} from '~/forms/platform'
import { useI18n } from '~/i18n/use-i18n'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import {
	createPlatform,
	getPlatformPublicationPanel,
	getPlatformRecord,
	updatePlatform,
} from '~/models/platform.server'
import { listPoliticians } from '~/models/politician.server'
import { answerPublication, isPublicationForm } from './platform-publication.server'
import { answerSave } from './record-save.server'
import { withSavedValuesTaken } from '~/forms/conflict'
import { catalogueTitle, staffPageMeta } from '~/i18n/staff-meta'

// One module for /admin/catalogue/platforms/new (no id) and /admin/catalogue/platforms/:platformId.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	staffPageMeta(matches, ({ t }) => catalogueTitle(t, data?.platform?.title ?? t('staff.platformForm.new')))

async function findPlatform(platformId: string | undefined) {
	if (platformId === undefined) return null
	const platform = isRecordId(platformId) ? await getPlatformRecord(platformId) : null
	if (!platform) throw new Response(null, { status: 404 })
	return platform
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const [platform, politicians] = await Promise.all([findPlatform(params.platformId), listPoliticians()])
	return {
		platform: platform ? { slug: platform.slug, title: platform.title } : null,
		publication: platform ? await getPlatformPublicationPanel(platform.id) : null,
		values: platform ? platformFormValues(platform) : undefined,
		politicians: politicians.map((politician) => ({ value: politician.id, label: politician.name })),
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const existing = await findPlatform(params.platformId)
	const formData = await readForm(request)
	if (existing && isPublicationForm(formData)) return answerPublication(existing.id, formData, actor)
	const answer = {
		noun: 'platform',
		entityType: 'Platform',
		path: '/admin/catalogue/platforms',
		problems: platformProblems,
		formValues: platformFormValues,
	}
	if (existing) {
		// The fields where the editor took the saved value after a conflict: see `withSavedValuesTaken`.
		const submission = parseForm(
			withSavedValuesTaken(formData, platformFormValues(existing)),
			platformEditSchema,
		)
		if (submission.status !== 'success') return refuse(submission)
		return answerSave(submission, await updatePlatform(existing.id, submission.value, actor), answer)
	}
	const submission = parseForm(formData, platformCreateSchema)
	if (submission.status !== 'success') return refuse(submission)
	return answerSave(submission, await createPlatform(submission.value, actor), answer)
}

export default function PlatformPage() {
	const { platform, publication, values, politicians } = useLoaderData<typeof loader>()
	const { t } = useI18n()
	const actionData = useActionData<typeof action>()
	// The publication buttons' refusal is theirs alone; the edit form gets only its own answers.
	const publicationRefused = actionData && 'publication' in actionData ? actionData.publication : null
	const answer = answerOf(actionData && !('publication' in actionData) ? actionData : undefined, values)
	return (
		<RecordPage
			title={platform ? t('staff.platformForm.edit', { title: platform.title }) : t('staff.platformForm.new')}
			intro={
				publication ? <PublicationPanel publication={publication} lastResult={publicationRefused} /> : null
			}
			saved={t('staff.platformForm.saved')}
			{...answer}
		>
			<PlatformForm
				// A newer version (saved, or someone else's) remounts the form so that its fields show it.
				key={answer.values?.version ?? 'new'}
				slug={platform?.slug}
				politicians={politicians}
				defaultValue={answer.values}
				lastResult={answer.lastResult}
			/>
		</RecordPage>
	)
}

function PlatformForm({
	slug,
	politicians,
	defaultValue,
	lastResult,
}: {
	slug: string | undefined
	politicians: readonly Option[]
	defaultValue: PlatformFormValues | undefined
	lastResult: Refused['result'] | null
}) {
	const { t } = useI18n()
	const [form, fields] = useStaffForm(slug ? platformEditSchema : platformCreateSchema, {
		defaultValue,
		lastResult,
	})
	return (
		<StaffForm form={form} className="staff-form catalogue-form" refused={nothingSaved}>
			{slug ? (
				<>
					<HiddenField field={fields.version} />
					<p>
						{t('staff.record.slug')}: <code>{slug}</code> ({t('staff.platformForm.slugFixed')})
					</p>
				</>
			) : (
				<TextField
					label={t('staff.record.slug')}
					field={fields.slug}
					hint={t('staff.platformForm.slugHint')}
				/>
			)}
			<SelectField
				label={t('staff.platformForm.politician')}
				field={fields.politicianId}
				emptyLabel={t('staff.platformForm.choosePolitician')}
				options={politicians}
			/>
			<TranslatedTextFields fields={fields} rules={platformTranslationRules} />
			<DateField label={t('staff.platformForm.electionDate')} field={fields.electionDate} />
			<DateField label={t('staff.platformForm.termStart')} field={fields.termStart} />
			<DateField label={t('staff.platformForm.termEnd')} field={fields.termEnd} />
			<UrlField label={t('staff.platformForm.sourceUrl')} field={fields.sourceUrl} />
			<TextField label={t('staff.platformForm.sourceTitle')} field={fields.sourceTitle} />
			<TextField label={t('staff.platformForm.sourcePublisher')} field={fields.sourcePublisher} />
			<DateField
				label={t('staff.platformForm.sourcePublishedAt')}
				field={fields.sourcePublishedAt}
				hint={t('staff.record.optional')}
			/>
			<button type="submit" className="button">
				{slug ? t('staff.platformForm.save') : t('staff.platformForm.create')}
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
