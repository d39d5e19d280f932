import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage } from '~/components/forms'
import {
	CheckboxGroup,
	InputField,
	keptList,
	keptValues,
	SelectField,
	TextAreaField,
} from '~/components/workflow-fields'
import { paths } from '~/models/paths'
import { getStatusPage, recordCorrection, recordStatusUpdate } from '~/models/status-update.server'
import { statusLabel, statusOptions } from '~/models/workflow-labels'
import {
	correctionSchema,
	fieldErrorsOf,
	formValues,
	statusUpdateSchema,
	type FieldErrors,
} from '~/models/workflow-schemas'

export const meta: MetaFunction = () => [{ title: 'Status of a pledge · Admin · Uade' }]

async function requireStatusPage(pledgeId: string | undefined) {
	const page = await getStatusPage(pledgeId ?? '')
	if (!page) throw new Response('There is no such pledge.', { status: 404 })
	return page
}

type StatusPage = Awaited<ReturnType<typeof requireStatusPage>>

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const page = await requireStatusPage(params.pledgeId)
	return { page, recorded: new URL(request.url).searchParams.has('recorded') }
}

type ActionData = {
	/** Which form was sent: the new status, or the correction of this entry. */
	correctsId: string | null
	values: Record<string, string>
	evidenceIds: string[]
	fieldErrors: FieldErrors
	/** Set when the ledger changed under the admin: why, with the ledger as it now is. */
	conflict: { message: string; page: StatusPage } | null
}

const fieldNames = ['status', 'effectiveDate', 'rationale'] as const

export async function action({ request, params, context }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const pledgeId = params.pledgeId ?? ''
	const formData = await request.formData()
	const fields = formValues(formData)
	const correctsIdValue = formData.get('correctsId')
	const isCorrection = formData.get('intent') === 'correct'
	const answer = (status: number, rest: Pick<ActionData, 'fieldErrors' | 'conflict'>) =>
		data<ActionData>(
			{
				correctsId: isCorrection && typeof correctsIdValue === 'string' ? correctsIdValue : null,
				values: keptValues(formData, fieldNames),
				evidenceIds: keptList(formData, 'evidenceIds'),
				...rest,
			},
			{ status },
		)
	const actor = { id: admin.id, role: admin.role }
	const ipAddress = context.clientIp ?? null

	const submission = isCorrection
		? correctionSchema().safeParse(fields)
		: statusUpdateSchema().safeParse(fields)
	if (!submission.success) {
		await requireStatusPage(pledgeId)
		return answer(400, { fieldErrors: fieldErrorsOf(submission.error), conflict: null })
	}
	const input = submission.data
	const result =
		'correctsId' in input
			? await recordCorrection({ actor, pledgeId, input, ipAddress })
			: await recordStatusUpdate({ actor, pledgeId, input, ipAddress })
	if (result.ok) return redirect(`/admin/pledges/${pledgeId}/status?recorded`)
	switch (result.reason) {
		case 'not-found':
			throw new Response(isCorrection ? 'There is no such entry.' : 'There is no such pledge.', {
				status: 404,
			})
		case 'forbidden':
			throw new Response('Your account does not have the right to record a status.', { status: 403 })
		case 'stale':
			return answer(409, {
				fieldErrors: {},
				conflict: {
					message:
						'Another admin recorded a status for this pledge after you opened this page. Your status was not recorded: read the ledger as it is now, then decide again.',
					page: await requireStatusPage(pledgeId),
				},
			})
		case 'already-corrected':
			return answer(409, {
				fieldErrors: {},
				conflict: {
					message:
						'This entry has already been corrected. Your correction was not recorded: to change it again, correct the correction.',
					page: await requireStatusPage(pledgeId),
				},
			})
		case 'invalid':
			return answer(400, { fieldErrors: result.fieldErrors ?? {}, conflict: null })
	}
}

export default function PledgeStatus() {
	const loaded = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const page = actionData?.conflict?.page ?? loaded.page
	const { pledge, ledger, approvedEvidence } = page
	const forNewStatus = actionData && actionData.correctsId === null ? actionData : null
	return (
		<>
			<h1>Status of “{pledge.title}”</h1>
			<p className="lede">
				Current status: <strong>{statusLabel(pledge.status)}</strong>
				{pledge.statusUpdatedAt ? ` (recorded ${pledge.statusUpdatedAt.slice(0, 10)})` : ''}.{' '}
				<Link to={paths.pledge('en', pledge.platformSlug, pledge.slug)}>Public page</Link> ·{' '}
				<Link to={`/evidence/new?${new URLSearchParams({ pledge: pledge.id })}`}>Add evidence</Link>
			</p>
			{loaded.recorded && !actionData ? (
				<FormMessage tone="success">
					<p>The ledger entry was recorded; the public pages show it now.</p>
				</FormMessage>
			) : null}
			{actionData?.conflict ? (
				<FormMessage tone="error">
					<p>{actionData.conflict.message}</p>
				</FormMessage>
			) : null}

			<section className="panel" aria-labelledby="new-status-title">
				<h2 id="new-status-title">Record a new status</h2>
				<LedgerForm
					approvedEvidence={approvedEvidence}
					hidden={{ intent: 'record', ledgerHeadId: page.ledgerHeadId }}
					// After a conflict, the admin decides again from the ledger as it now is.
					kept={forNewStatus && !forNewStatus.conflict ? forNewStatus : null}
					submitLabel="Record status"
				/>
			</section>

			<section aria-labelledby="ledger-title">
				<h2 id="ledger-title">Ledger</h2>
				{ledger.length === 0 ? <p>No status has been recorded for this pledge yet.</p> : null}
				<ol className="plain-list ledger">
					{ledger.map((entry) => {
						const kept = actionData && actionData.correctsId === entry.id ? actionData : null
						return (
							<li key={entry.id} className="panel" id={`entry-${entry.id}`}>
								<h3>
									{entry.effectiveDate}: {statusLabel(entry.fromStatus)} → {statusLabel(entry.status)}
								</h3>
								<p className="muted">
									Recorded {entry.recordedAt.slice(0, 16).replace('T', ' ')} UTC by {entry.author}
									{entry.correctsId ? ' · a correction of an earlier entry' : ''}
									{entry.isCorrected ? ' · corrected by a later entry' : ''}
								</p>
								<p>{entry.rationale}</p>
								{entry.evidence.length > 0 ? (
									<p>Rests on: {entry.evidence.map((evidence) => evidence.title).join('; ')}</p>
								) : null}
								{entry.isCorrected ? null : (
									<details open={kept !== null}>
										<summary>Correct this entry</summary>
										<LedgerForm
											approvedEvidence={approvedEvidence}
											hidden={{ intent: 'correct', correctsId: entry.id }}
											kept={kept && !kept.conflict ? kept : null}
											defaults={{
												status: entry.status,
												effectiveDate: entry.effectiveDate,
												rationale: entry.rationale,
												evidenceIds: entry.evidence.map((evidence) => evidence.id),
											}}
											submitLabel="Record correction"
										/>
									</details>
								)}
							</li>
						)
					})}
				</ol>
			</section>
		</>
	)
}

function LedgerForm({
	approvedEvidence,
	hidden,
	kept,
	defaults,
	submitLabel,
}: {
	approvedEvidence: StatusPage['approvedEvidence']
	hidden: Record<string, string>
	kept: Pick<ActionData, 'values' | 'evidenceIds' | 'fieldErrors'> | null
	defaults?: { status: string; effectiveDate: string; rationale: string; evidenceIds: string[] }
	submitLabel: string
}) {
	const errors = kept?.fieldErrors ?? {}
	const values = kept?.values ?? defaults
	const formErrors = Object.entries(errors)
		.filter(([field]) => !['status', 'effectiveDate', 'rationale', 'evidenceIds'].includes(field))
		.flatMap(([, messages]) => messages)
	return (
		<Form method="post" className="staff-form" noValidate>
			{Object.entries(hidden).map(([name, value]) => (
				<input key={name} type="hidden" name={name} value={value} />
			))}
			{formErrors.length > 0 ? (
				<FormMessage tone="error">
					<p>{formErrors.join(' ')}</p>
				</FormMessage>
			) : null}
			<SelectField
				label="Status"
				name="status"
				options={statusOptions}
				emptyLabel="Choose a status"
				defaultValue={values?.status}
				errors={errors.status}
				required
			/>
			<InputField
				label="Effective date"
				name="effectiveDate"
				type="date"
				hint="YYYY-MM-DD; not in the future."
				defaultValue={values?.effectiveDate}
				errors={errors.effectiveDate}
				required
			/>
			<TextAreaField
				label="Rationale"
				name="rationale"
				hint="Why the pledge has this status: the public reads this."
				defaultValue={values?.rationale}
				errors={errors.rationale}
				required
			/>
			<CheckboxGroup
				legend="Approved evidence it rests on"
				name="evidenceIds"
				hint="At least one, except for “Not yet rated”."
				checked={kept?.evidenceIds ?? defaults?.evidenceIds ?? []}
				errors={errors.evidenceIds}
				choices={approvedEvidence.map((evidence) => ({
					value: evidence.id,
					label: `${evidence.title} (${evidence.publisher}, ${evidence.publishedOn})`,
				}))}
			/>
			<button type="submit" className="button">
				{submitLabel}
			</button>
		</Form>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
