import type { Submission } from '@conform-to/react'
import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	CheckboxGroup,
	DateField,
	FormMessage,
	HiddenField,
	SelectField,
	StaffForm,
	TextAreaField,
	useStaffForm,
	type FormField,
	type Refused,
} from '~/components/forms'
import { publicationDateLabel, statusLabel, statusOptions } from '~/components/labels'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import {
	correctionSchema,
	ledgerConflictMessages,
	ledgerEntryFormValues,
	ledgerIntents,
	ledgerIntentSchema,
	ledgerProblemMessages,
	statusUpdateSchema,
} from '~/forms/status-update'
import { paths } from '~/models/paths'
import {
	getStatusPage,
	recordCorrection,
	recordStatusUpdate,
	type LedgerWriteResult,
} from '~/models/status-update.server'

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

// Two forms post here, told apart by `intent`: a new status (`record`, the default) and the correction of
// one entry (`correct`, with `correctsId`). A refusal's reply carries what was sent, so the page knows which
// form to give it back to.
export async function action({ request, params, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const pledgeId = params.pledgeId ?? ''
	const formData = await readForm(request)
	const now = new Date()
	const chosen = parseForm(formData, ledgerIntentSchema)
	if (chosen.status !== 'success') {
		await requireStatusPage(pledgeId)
		return refuse(chosen)
	}
	if (chosen.value.intent === ledgerIntents.correct) {
		const submission = parseForm(formData, correctionSchema(now))
		if (submission.status !== 'success') {
			await requireStatusPage(pledgeId)
			return refuse(submission)
		}
		const input = submission.value
		return answer(submission, await recordCorrection({ actor, pledgeId, input, now }), {
			pledgeId,
			notFound: 'There is no such entry.',
			conflict: { message: ledgerConflictMessages.alreadyCorrected, correctsId: input.correctsId },
		})
	}
	const submission = parseForm(formData, statusUpdateSchema(now))
	if (submission.status !== 'success') {
		await requireStatusPage(pledgeId)
		return refuse(submission)
	}
	const input = submission.value
	return answer(submission, await recordStatusUpdate({ actor, pledgeId, input, now }), {
		pledgeId,
		notFound: 'There is no such pledge, or its ledger has no such entry.',
		conflict: { message: ledgerConflictMessages.stale, correctsId: null },
	})
}

/**
 * Back to the page once recorded; 400 with the values as sent and the messages at their fields; 409 when
 * the ledger changed under the admin, with the ledger as it now is (the forms start again from it); 404.
 */
async function answer(
	submission: Submission<unknown>,
	result: LedgerWriteResult,
	{
		pledgeId,
		notFound,
		conflict,
	}: { pledgeId: string; notFound: string; conflict: { message: string; correctsId: string | null } },
) {
	switch (result.status) {
		case 'not-found':
			throw new Response(notFound, { status: 404 })
		case 'invalid':
			return refuse(submission, { fieldErrors: ledgerProblemMessages(result.problems, result.detail) })
		case 'conflict':
			return data({ conflict: { ...conflict, page: await requireStatusPage(pledgeId) } }, { status: 409 })
		case 'saved':
			return redirect(`/admin/pledges/${pledgeId}/status?recorded`)
	}
}

/** Which of the page's forms a refused submission came from: the new status, or one entry's correction. */
function sentFrom(result: Refused['result'] | null): { correctsId: string | null } | null {
	const sent = result?.initialValue
	if (!sent) return null
	return sent.intent === ledgerIntents.correct && typeof sent.correctsId === 'string'
		? { correctsId: sent.correctsId }
		: { correctsId: null }
}

export default function PledgeStatus() {
	const loaded = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const conflict = actionData && 'conflict' in actionData ? actionData.conflict : null
	const refused = actionData && 'result' in actionData ? actionData.result : null
	const from = sentFrom(refused)
	const page = conflict?.page ?? loaded.page
	const { pledge, ledger, approvedEvidence } = page
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
			{conflict ? (
				<FormMessage tone="error">
					<p>{conflict.message}</p>
				</FormMessage>
			) : null}

			<section className="panel" aria-labelledby="new-status-title">
				<h2 id="new-status-title">Record a new status</h2>
				<StatusUpdateForm
					// A newer ledger (after a conflict, someone else's entry) starts the form again from it.
					key={page.ledgerHeadId || 'empty'}
					ledgerHeadId={page.ledgerHeadId}
					approvedEvidence={approvedEvidence}
					lastResult={from && from.correctsId === null ? refused : null}
				/>
			</section>

			<section aria-labelledby="ledger-title">
				<h2 id="ledger-title">Ledger</h2>
				{ledger.length === 0 ? <p>No status has been recorded for this pledge yet.</p> : null}
				<ol className="plain-list ledger">
					{ledger.map((entry) => {
						const lastResult = from && from.correctsId === entry.id ? refused : null
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
									<details open={lastResult !== null}>
										<summary>Correct this entry</summary>
										<CorrectionForm
											entry={entry}
											approvedEvidence={approvedEvidence}
											lastResult={lastResult}
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

function StatusUpdateForm({
	ledgerHeadId,
	approvedEvidence,
	lastResult,
}: {
	ledgerHeadId: string
	approvedEvidence: StatusPage['approvedEvidence']
	lastResult: Refused['result'] | null
}) {
	const [form, fields] = useStaffForm(statusUpdateSchema(new Date()), {
		id: 'record-status',
		defaultValue: { intent: ledgerIntents.record, ledgerHeadId },
		lastResult,
	})
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.intent} />
			<HiddenField field={fields.ledgerHeadId} />
			<LedgerEntryFields fields={fields} approvedEvidence={approvedEvidence} />
			<button type="submit" className="button">
				Record status
			</button>
		</StaffForm>
	)
}

function CorrectionForm({
	entry,
	approvedEvidence,
	lastResult,
}: {
	entry: StatusPage['ledger'][number]
	approvedEvidence: StatusPage['approvedEvidence']
	lastResult: Refused['result'] | null
}) {
	const [form, fields] = useStaffForm(correctionSchema(new Date()), {
		id: `correct-${entry.id}`,
		defaultValue: { intent: ledgerIntents.correct, ...ledgerEntryFormValues(entry), correctsId: entry.id },
		lastResult,
	})
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.intent} />
			<HiddenField field={fields.correctsId} />
			<LedgerEntryFields fields={fields} approvedEvidence={approvedEvidence} />
			<button type="submit" className="button">
				Record correction
			</button>
		</StaffForm>
	)
}

/** What a new status and a correction both say: the status, from when, why, and the evidence it rests on. */
function LedgerEntryFields({
	fields,
	approvedEvidence,
}: {
	fields: Record<'status' | 'effectiveDate' | 'rationale' | 'evidenceIds', FormField>
	approvedEvidence: StatusPage['approvedEvidence']
}) {
	return (
		<>
			<SelectField
				label="Status"
				field={fields.status}
				options={statusOptions}
				emptyLabel="Choose a status"
			/>
			<DateField label="Effective date" field={fields.effectiveDate} hint="Not in the future." />
			<TextAreaField
				label="Rationale"
				field={fields.rationale}
				hint="Why the pledge has this status: the public reads this."
			/>
			<CheckboxGroup
				label="Approved evidence it rests on"
				field={fields.evidenceIds}
				hint="At least one, except for “Not yet rated”."
				empty="Nothing to choose from yet."
				choices={approvedEvidence.map((evidence) => ({
					value: evidence.id,
					label: `${evidence.title} (${evidence.publisher}, ${publicationDateLabel(evidence.published)})`,
				}))}
			/>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
