import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useI18n } from '~/i18n/use-i18n'
import { useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { answerOf, RecordPage } from '~/components/record-page'
import { PledgeForm } from '~/components/pledge-form'
import { pledgeCreateSchema, pledgeFormValues, pledgeProblems } from '~/forms/pledge'
import { parseForm, readForm, refuse, replyToIntent } from '~/forms/reply.server'
import { createPledge, listPledgePlacements } from '~/models/pledge.server'
import { answerSave } from './record-save.server'
import { catalogueTitle, staffPageMeta } from '~/i18n/staff-meta'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => catalogueTitle(t, t('staff.catalogueMeta.newPledge')))

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return { placements: await listPledgePlacements() }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const formData = await readForm(request)
	const submission = parseForm(formData, pledgeCreateSchema(new Date()))
	// "Add a step" or "Remove" pressed without JavaScript: the form again with the list changed.
	if (submission.status === undefined) return replyToIntent(submission)
	if (submission.status !== 'success') return refuse(submission)
	return answerSave(submission, await createPledge(submission.value, actor), {
		noun: 'pledge',
		entityType: 'Pledge',
		path: '/admin/catalogue/pledges',
		problems: pledgeProblems,
		formValues: pledgeFormValues,
	})
}

export default function NewPledge() {
	const { placements } = useLoaderData<typeof loader>()
	const answer = answerOf(useActionData<typeof action>(), undefined)
	const { t } = useI18n()
	return (
		<RecordPage
			title={t('staff.newPledge.title')}
			intro={<p className="lede">{t('staff.newPledge.lede')}</p>}
			saved={t('staff.newPledge.saved')}
			{...answer}
		>
			<PledgeForm
				placements={placements}
				lastResult={answer.lastResult}
				submitLabel={t('staff.newPledge.create')}
			/>
		</RecordPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
