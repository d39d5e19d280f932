import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage } from '~/components/forms'
import { InputField, keptValues, SelectField, TextAreaField } from '~/components/workflow-fields'
import { getPledgeForEvidence, submitEvidence } from '~/models/evidence.server'
import { paths } from '~/models/paths'
import { evidenceTypeOptions, statusOptions } from '~/models/workflow-labels'
import {
	evidenceSchema,
	fieldErrorsOf,
	formValues,
	limits,
	type FieldErrors,
} from '~/models/workflow-schemas'

export const meta: MetaFunction = () => [{ title: 'Add evidence · Uade' }]

const fieldNames = [
	'type',
	'sourceUrl',
	'title',
	'publisher',
	'publishedOn',
	'excerpt',
	'archiveUrl',
	'measuredValue',
	'measuredAsOf',
	'suggestedStatus',
	'suggestionReason',
] as const

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

type ActionData = { values: Record<string, string>; fieldErrors: FieldErrors }

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const pledge = await requirePledge(request)
	const formData = await request.formData()
	const values = keptValues(formData, fieldNames)
	const submission = evidenceSchema().safeParse(formValues(formData))
	if (!submission.success) {
		return data<ActionData>({ values, fieldErrors: fieldErrorsOf(submission.error) }, { status: 400 })
	}
	const result = await submitEvidence({
		actor: { id: user.id, role: user.role },
		pledgeId: pledge.id,
		input: submission.data,
		ipAddress: context.clientIp ?? null,
	})
	if (!result.ok) {
		if (result.reason === 'not-found') throw new Response('There is no such pledge.', { status: 404 })
		return data<ActionData>({ values, fieldErrors: result.fieldErrors ?? {} }, { status: 400 })
	}
	return redirect(`/evidence/mine?${new URLSearchParams({ submitted: result.evidenceId })}`)
}

export default function NewEvidence() {
	const { pledge } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const values = actionData?.values
	const errors = actionData?.fieldErrors ?? {}
	// Messages for fields this form does not show (a figure for a pledge without an indicator, say).
	const shownFields = new Set<string>(
		fieldNames.filter((name) => pledge.indicator || !name.startsWith('measured')),
	)
	const otherMessages = Object.entries(errors)
		.filter(([field]) => !shownFields.has(field))
		.flatMap(([, messages]) => messages)
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
			{Object.keys(errors).length > 0 ? (
				<FormMessage tone="error">
					<p>The evidence was not recorded: check the messages at the fields below.</p>
					{otherMessages.length > 0 ? <p>{otherMessages.join(' ')}</p> : null}
				</FormMessage>
			) : null}
			<Form method="post" className="staff-form" noValidate>
				<SelectField
					label="Type of evidence"
					name="type"
					options={evidenceTypeOptions}
					emptyLabel="Choose a type"
					defaultValue={values?.type}
					errors={errors.type}
					required
				/>
				<InputField
					label="Source address"
					name="sourceUrl"
					type="url"
					hint="The web address of the source, starting with https:// or http://."
					defaultValue={values?.sourceUrl}
					errors={errors.sourceUrl}
					maxLength={limits.url}
					required
				/>
				<InputField
					label="Title"
					name="title"
					hint="The title of the document or article."
					defaultValue={values?.title}
					errors={errors.title}
					maxLength={limits.title}
					required
				/>
				<InputField
					label="Publisher"
					name="publisher"
					defaultValue={values?.publisher}
					errors={errors.publisher}
					maxLength={limits.publisher}
					required
				/>
				<InputField
					label="Publication date"
					name="publishedOn"
					type="date"
					hint="YYYY-MM-DD; not in the future."
					defaultValue={values?.publishedOn}
					errors={errors.publishedOn}
					required
				/>
				<TextAreaField
					label="Excerpt"
					name="excerpt"
					hint="The passage that supports the evidence, copied word for word."
					defaultValue={values?.excerpt}
					errors={errors.excerpt}
					required
				/>
				<InputField
					label="Archived copy (optional)"
					name="archiveUrl"
					type="url"
					hint="An archive address (web.archive.org, archive.today) in case the source changes."
					defaultValue={values?.archiveUrl}
					errors={errors.archiveUrl}
					maxLength={limits.url}
				/>
				{pledge.indicator ? (
					<fieldset className="staff-field">
						<legend>Measurement (optional)</legend>
						<p className="staff-field-hint">
							A figure the source reports for the indicator “{pledge.indicator.name}”.
						</p>
						<InputField
							label={`Measured value (${pledge.indicator.unit})`}
							name="measuredValue"
							inputMode="decimal"
							hint={`In ${pledge.indicator.unit}, without commas: 150000, or 12.5 with a point.`}
							defaultValue={values?.measuredValue}
							errors={errors.measuredValue}
						/>
						<InputField
							label="As of"
							name="measuredAsOf"
							type="date"
							hint="The date the figure refers to (YYYY-MM-DD)."
							defaultValue={values?.measuredAsOf}
							errors={errors.measuredAsOf}
						/>
					</fieldset>
				) : null}
				<SelectField
					label="Suggested status (optional)"
					name="suggestedStatus"
					options={statusOptions}
					emptyLabel="No suggestion"
					defaultValue={values?.suggestedStatus}
					errors={errors.suggestedStatus}
				/>
				<TextAreaField
					label="Reason for the suggestion"
					name="suggestionReason"
					hint="Needed when you suggest a status."
					defaultValue={values?.suggestionReason}
					errors={errors.suggestionReason}
					rows={3}
				/>
				<button type="submit" className="button">
					Submit evidence
				</button>
			</Form>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
