import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage, type FieldErrors } from '~/components/forms'
import { PledgeForm, type PledgeFormValues } from '~/components/pledge-form'
import { pledgeEditSchema, pledgeKinds } from '~/models/catalogue-schemas'
import { getPledgeForm, listPledgePlacements, updatePledge } from '~/models/catalogue.server'
import { paths } from '~/models/paths'
import { statusPresentation } from '~/models/status'
import { fieldErrorsOf, formValues, isRecordId } from '~/models/workflow-schemas'
import { submittedPledgeValues } from './catalogue-form-values'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.pledge.title ?? 'Pledge'} · Catalogue · Admin · Uade` },
]

async function findPledge(pledgeId: string | undefined) {
	const pledge = isRecordId(pledgeId) ? await getPledgeForm(pledgeId) : null
	if (!pledge) throw new Response(null, { status: 404 })
	return pledge
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const pledge = await findPledge(params.pledgeId)
	return { pledge, placements: await listPledgePlacements({ platformId: pledge.platformId }) }
}

type ActionData = { values: PledgeFormValues; fieldErrors: FieldErrors; formError: string | null }

export async function action({ request, params, context }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const pledge = await findPledge(params.pledgeId)
	const sent = formValues(await request.formData())
	const kind = pledgeKinds.find((candidate) => candidate === pledge.kind) ?? 'QUALITATIVE'
	const submission = pledgeEditSchema(kind).safeParse(sent)
	if (!submission.success) {
		return data<ActionData>(
			{
				values: submittedPledgeValues(sent),
				fieldErrors: fieldErrorsOf(submission.error),
				formError: 'Nothing was saved: please correct the fields marked below.',
			},
			{ status: 400 },
		)
	}
	const result = await updatePledge(pledge.id, submission.data, {
		id: admin.id,
		ipAddress: context.clientIp ?? null,
	})
	switch (result.status) {
		case 'not-found':
			throw new Response(null, { status: 404 })
		case 'invalid':
			return data<ActionData>(
				{
					values: submittedPledgeValues(sent),
					fieldErrors: result.fieldErrors,
					formError: 'Nothing was saved: please correct the fields marked below.',
				},
				{ status: 400 },
			)
		case 'conflict':
			return data<ActionData>(
				{
					values: result.pledge,
					fieldErrors: {},
					formError:
						'Someone else saved this pledge while you were editing it, so your changes were not saved. ' +
						'The form now shows their version: make your changes again on top of it.',
				},
				{ status: 409 },
			)
		case 'saved':
			return redirect(`/admin/catalogue/pledges/${pledge.id}?saved=1`)
	}
}

export default function EditPledge() {
	const { pledge, placements } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [search] = useSearchParams()
	const values = actionData?.values ?? pledge
	return (
		<>
			<p>
				<Link to="/admin/catalogue">Catalogue</Link>
			</p>
			<h1>Edit pledge: {pledge.title}</h1>
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
					{statusPresentation[pledge.status].label} (changed only by{' '}
					<Link to={`/admin/pledges/${pledge.id}/status`}>recording a status update</Link>)
				</dd>
				<dt>Public page</dt>
				<dd>
					<Link to={paths.pledge('en', pledge.platform.slug, pledge.slug)}>
						{paths.pledge('en', pledge.platform.slug, pledge.slug)}
					</Link>
				</dd>
			</dl>
			{actionData?.formError ? <FormMessage tone="error">{actionData.formError}</FormMessage> : null}
			{!actionData && search.get('saved') ? (
				<FormMessage tone="success">The pledge is saved, and the public pages show it now.</FormMessage>
			) : null}
			<PledgeForm
				// A new version (saved, or someone else's) remounts the form so its fields show it.
				key={`${values.version ?? ''}-${actionData ? 'sent' : 'stored'}`}
				values={values}
				errors={actionData?.fieldErrors ?? {}}
				placements={placements}
				kind={pledge.kind}
				submitLabel="Save pledge"
			/>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
