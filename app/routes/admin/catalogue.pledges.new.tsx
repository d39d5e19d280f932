import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PledgeForm } from '~/components/pledge-form'
import { pledgeCreateSchema, pledgeFormValues, pledgeProblems } from '~/forms/pledge'
import { parseForm, refuse, replyToIntent } from '~/forms/reply.server'
import { createPledge, listPledgePlacements } from '~/models/pledge.server'
import { answerSave } from './record-save.server'

export const meta: MetaFunction = () => [{ title: 'New pledge · Catalogue · Admin · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return { placements: await listPledgePlacements() }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const formData = await request.formData()
	const submission = parseForm(formData, pledgeCreateSchema)
	// "Add a step" or "Remove" pressed without JavaScript: the form again with the list changed.
	if (submission.status === undefined) return replyToIntent(submission)
	if (submission.status !== 'success') return refuse(submission)
	return answerSave(submission, await createPledge(submission.value, actor), {
		noun: 'pledge',
		path: '/admin/catalogue/pledges',
		problems: pledgeProblems,
		formValues: pledgeFormValues,
	})
}

export default function NewPledge() {
	const { placements } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<>
			<p>
				<Link to="/admin/catalogue">Catalogue</Link>
			</p>
			<h1>New pledge</h1>
			<p className="lede">
				It starts as “Not yet rated”; its status comes only from recorded status updates.
			</p>
			<PledgeForm
				placements={placements}
				lastResult={actionData && 'result' in actionData ? actionData.result : null}
				submitLabel="Create pledge"
			/>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
