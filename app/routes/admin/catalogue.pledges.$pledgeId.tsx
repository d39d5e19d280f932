import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { answerOf, RecordPage } from '~/components/record-page'
import { PledgeForm } from '~/components/pledge-form'
import { isRecordId } from '~/forms/fields'
import { pledgeEditSchema, pledgeFormValues, pledgeProblems } from '~/forms/pledge'
import { parseForm, readForm, refuse, replyToIntent } from '~/forms/reply.server'
import { paths } from '~/models/paths'
import { getPledgeRecord, listPledgePlacements, updatePledge } from '~/models/pledge.server'
import { useI18n } from '~/i18n/use-i18n'
import { answerSave } from './record-save.server'
import { withSavedValuesTaken } from '~/forms/conflict'
import { catalogueTitle, staffPageMeta } from '~/i18n/staff-meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	staffPageMeta(matches, ({ t }) => catalogueTitle(t, data?.pledge.title ?? t('staff.catalogueMeta.pledge')))

async function findPledge(pledgeId: string | undefined) {
	const pledge = isRecordId(pledgeId) ? await getPledgeRecord(pledgeId) : null
	if (!pledge) throw new Response(null, { status: 404 })
	return pledge
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const pledge = await findPledge(params.pledgeId)
	return {
		pledge: {
			id: pledge.id,
			slug: pledge.slug,
			title: pledge.title,
			kind: pledge.kind,
			status: pledge.status,
			platform: pledge.platform,
		},
		values: pledgeFormValues(pledge),
		placements: await listPledgePlacements({ platformId: pledge.platformId }),
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const pledge = await findPledge(params.pledgeId)
	const formData = await readForm(request)
	// The fields where the editor took the saved value after a conflict: see `withSavedValuesTaken`.
	const submission = parseForm(
		withSavedValuesTaken(formData, pledgeFormValues(pledge)),
		pledgeEditSchema(pledge.kind, new Date()),
	)
	// "Add a step" or "Remove" pressed without JavaScript: the form again with the list changed.
	if (submission.status === undefined) return replyToIntent(submission)
	if (submission.status !== 'success') return refuse(submission)
	return answerSave(submission, await updatePledge(pledge.id, submission.value, actor), {
		noun: 'pledge',
		entityType: 'Pledge',
		path: '/admin/catalogue/pledges',
		problems: pledgeProblems,
		formValues: pledgeFormValues,
	})
}

export default function EditPledge() {
	const { pledge, values, placements } = useLoaderData<typeof loader>()
	const answer = answerOf(useActionData<typeof action>(), values)
	const { t, locale } = useI18n()
	const publicPath = paths.pledge(locale, pledge.platform.slug, pledge.slug)
	return (
		<RecordPage
			title={t('staff.pledgePage.editTitle', { title: pledge.title })}
			intro={
				<dl className="staff-facts">
					<dt>{t('staff.pledgePage.platform')}</dt>
					<dd>{pledge.platform.title}</dd>
					<dt>{t('staff.pledgePage.slug')}</dt>
					<dd>
						<code>{pledge.slug}</code> {t('staff.pledgePage.slugFixed')}
					</dd>
					<dt>{t('staff.pledgePage.kind')}</dt>
					<dd>{t(`kind.${pledge.kind}`)}</dd>
					<dt>{t('staff.pledgePage.status')}</dt>
					<dd>
						{t(`status.${pledge.status}`)} (
						<Link to={`/admin/pledges/${pledge.id}/status`}>{t('staff.pledgePage.statusLink')}</Link>)
					</dd>
					<dt>{t('staff.pledgePage.publicPage')}</dt>
					<dd>
						<Link to={publicPath}>{publicPath}</Link>
					</dd>
				</dl>
			}
			saved={t('staff.pledgePage.saved')}
			{...answer}
		>
			<PledgeForm
				// A newer version (saved, or someone else's) remounts the form so that its fields show it.
				key={answer.values.version}
				kind={pledge.kind}
				placements={placements}
				defaultValue={answer.values}
				lastResult={answer.lastResult}
				submitLabel="Save pledge"
			/>
		</RecordPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
