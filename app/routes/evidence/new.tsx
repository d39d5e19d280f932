import {
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EvidenceFields, unshownEvidenceMessages } from '~/components/evidence-fields'
import { FormMessage, StaffForm, useStaffForm } from '~/components/forms'
import { evidenceProblems, evidenceSchema, tooManySubmissionsMessage } from '~/forms/evidence'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse, refuseForNow, refusedForNowHeaders } from '~/forms/reply.server'
import { getPledgeForEvidence, submissionLimits, submitEvidence } from '~/models/evidence.server'
import { paths } from '~/models/paths'

export const headers = refusedForNowHeaders

export const meta: MetaFunction = () => [{ title: 'Add evidence · Uade' }]

/** The pledge named by `?pledge=`; 404 when there is none or it is unknown. */
async function requirePledge(request: Request) {
	const pledgeId = new URL(request.url).searchParams.get('pledge') ?? ''
	const pledge = await getPledgeForEvidence(pledgeId)
	if (!pledge) throw new Response('There is no such pledge.', { status: 404 })
	return pledge
}

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request)
	return { pledge: await requirePledge(request) }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireUser(request), context)
	const pledge = await requirePledge(request)
	const submission = parseForm(await readForm(request), evidenceSchema(new Date()))
	if (submission.status !== 'success') return refuse(submission)
	const result = await submitEvidence({ actor, pledgeId: pledge.id, input: submission.value })
	switch (result.status) {
		case 'not-found':
			throw new Response('There is no such pledge.', { status: 404 })
		case 'invalid':
			return refuse(submission, { fieldErrors: problemMessages(result.problems, evidenceProblems) })
		case 'too-many': {
			const message = tooManySubmissionsMessage({
				perAccount: submissionLimits.perAccount,
				windowMinutes: submissionLimits.windowMs / 60_000,
				retryAfterSeconds: result.retryAfterSeconds,
			})
			return refuseForNow(submission, { formErrors: [message] }, result.retryAfterSeconds)
		}
		case 'saved':
			return redirect(`/evidence/mine?${new URLSearchParams({ submitted: result.record.id })}`)
	}
}

export default function NewEvidence() {
	const { pledge } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useStaffForm(evidenceSchema(new Date()), {
		lastResult: actionData?.result,
		defaultValue: { publishedPrecision: 'DAY' },
	})
	const unshownMessages = unshownEvidenceMessages(fields, pledge.indicator)
	return (
		<>
			<h1>Add evidence</h1>
			<p className="lede">
				For the pledge{' '}
				<Link to={paths.pledge('en', pledge.platformSlug, pledge.slug)}>
					<cite>{pledge.title}</cite>
				</Link>
				. An admin reviews it before it appears on the public pages.
			</p>
			{form.status === 'error' ? (
				<FormMessage tone="error">
					<p>The evidence was not recorded: check the messages at the fields below.</p>
					{unshownMessages.length > 0 ? <p>{unshownMessages.join(' ')}</p> : null}
				</FormMessage>
			) : null}
			<StaffForm form={form}>
				<EvidenceFields fields={fields} indicator={pledge.indicator} />
				<button type="submit" className="button">
					Submit evidence
				</button>
			</StaffForm>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
