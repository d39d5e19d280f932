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
import { statusLabel } from '~/components/labels'
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
	const publicPath = paths.pledge('en', pledge.platform.slug, pledge.slug)
	return (
		<RecordPage
			title={`Edit pledge: ${pledge.title}`}
			intro={
				<dl className="staff-facts">
					<dt>Platform</dt>
					<dd>{pledge.platform.title}</dd>
					<dt>Slug</dt>
					<dd>
						<code>{pledge.slug}</code> (fixed: it is part of the public address)
					</dd>
					<dt>Kind</dt>
					<dd>{pledge.kind.toLowerCase()}</dd>
					<dt>Status</dt>
					<dd>
						{statusLabel(pledge.status)} (changed only by{' '}
						<Link to={`/admin/pledges/${pledge.id}/status`}>recording a status update</Link>)
					</dd>
					<dt>Public page</dt>
					<dd>
						<Link to={publicPath}>{publicPath}</Link>
					</dd>
				</dl>
			}
			saved="The pledge is saved, and the public pages show it now."
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
