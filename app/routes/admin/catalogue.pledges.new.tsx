import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage, type FieldErrors } from '~/components/forms'
import { PledgeForm, type PledgeFormValues } from '~/components/pledge-form'
import { pledgeCreateSchema } from '~/models/catalogue-schemas'
import { createPledge, listPledgePlacements } from '~/models/catalogue.server'
import { fieldErrorsOf, formValues } from '~/models/workflow-schemas'
import { submittedPledgeValues } from './catalogue-form-values'

export const meta: MetaFunction = () => [{ title: 'New pledge · Catalogue · Admin · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return { placements: await listPledgePlacements() }
}

type ActionData = { values: PledgeFormValues; fieldErrors: FieldErrors }

export async function action({ request, context }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const sent = formValues(await request.formData())
	const submission = pledgeCreateSchema.safeParse(sent)
	if (!submission.success) {
		return data<ActionData>(
			{ values: submittedPledgeValues(sent), fieldErrors: fieldErrorsOf(submission.error) },
			{ status: 400 },
		)
	}
	const result = await createPledge(submission.data, { id: admin.id, ipAddress: context.clientIp ?? null })
	if (result.status === 'saved') return redirect(`/admin/catalogue/pledges/${result.pledge.id}?saved=1`)
	return data<ActionData>(
		{
			values: submittedPledgeValues(sent),
			fieldErrors: result.status === 'invalid' ? result.fieldErrors : {},
		},
		{ status: 400 },
	)
}

const emptyPledge: PledgeFormValues = {
	platformId: '',
	slug: '',
	kind: '',
	categoryId: '',
	title: '',
	summary: '',
	quote: '',
	sourceUrl: '',
	sourceDate: '',
	deadline: '',
	ruTitle: '',
	ruSummary: '',
	kkTitle: '',
	kkSummary: '',
	indicatorName: '',
	indicatorUnit: '',
	baselineValue: '',
	baselineDate: '',
	targetValue: '',
	targetDate: '',
	direction: '',
	steps: [],
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
			{actionData ? (
				<FormMessage tone="error">Nothing was saved: please correct the fields marked below.</FormMessage>
			) : null}
			<PledgeForm
				values={actionData?.values ?? emptyPledge}
				errors={actionData?.fieldErrors ?? {}}
				placements={placements}
				submitLabel="Create pledge"
			/>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
