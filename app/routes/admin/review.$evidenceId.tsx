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
import { ChoiceGroup, FormMessage } from '~/components/forms'
import { keptValues, TextAreaField } from '~/components/workflow-fields'
import { getEvidence, reviewEvidence } from '~/models/evidence.server'
import { paths } from '~/models/paths'
import { evidenceTypeLabels, reviewStateLabels, statusLabel } from '~/models/workflow-labels'
import { fieldErrorsOf, formValues, reviewSchema, type FieldErrors } from '~/models/workflow-schemas'

export const meta: MetaFunction = () => [{ title: 'Review evidence · Admin · Uade' }]

async function requireEvidence(evidenceId: string | undefined) {
	const evidence = await getEvidence(evidenceId ?? '')
	if (!evidence) throw new Response('There is no such evidence.', { status: 404 })
	return evidence
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return { evidence: await requireEvidence(params.evidenceId) }
}

type Evidence = Awaited<ReturnType<typeof requireEvidence>>
type ActionData = {
	values: Record<string, string>
	fieldErrors: FieldErrors
	/** Set when someone else decided first: the evidence as it now is. */
	alreadyReviewed: Evidence | null
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const formData = await request.formData()
	const values = keptValues(formData, ['decision', 'note'])
	const submission = reviewSchema.safeParse(formValues(formData))
	if (!submission.success) {
		// An unknown id is a 404 whatever the form held.
		await requireEvidence(params.evidenceId)
		return data<ActionData>(
			{ values, fieldErrors: fieldErrorsOf(submission.error), alreadyReviewed: null },
			{ status: 400 },
		)
	}
	const result = await reviewEvidence({
		actor: { id: admin.id, role: admin.role },
		evidenceId: params.evidenceId ?? '',
		decision: submission.data,
		ipAddress: context.clientIp ?? null,
	})
	if (result.ok) {
		return redirect(`/admin/review?reviewed=${result.reviewState === 'APPROVED' ? 'approved' : 'rejected'}`)
	}
	switch (result.reason) {
		case 'not-found':
			throw new Response('There is no such evidence.', { status: 404 })
		case 'forbidden':
			throw new Response('Your account does not have the right to review evidence.', { status: 403 })
		case 'already-reviewed':
			return data<ActionData>(
				{ values, fieldErrors: {}, alreadyReviewed: await requireEvidence(params.evidenceId) },
				{ status: 409 },
			)
		case 'invalid':
			return data<ActionData>(
				{ values, fieldErrors: result.fieldErrors ?? {}, alreadyReviewed: null },
				{ status: 400 },
			)
	}
}

export default function ReviewEvidence() {
	const loaded = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const evidence = actionData?.alreadyReviewed ?? loaded.evidence
	const errors = actionData?.fieldErrors ?? {}
	const { pledge } = evidence
	return (
		<>
			<p>
				<Link to="/admin/review">Back to the review queue</Link>
			</p>
			<h1>Review evidence</h1>
			{actionData?.alreadyReviewed ? (
				<FormMessage tone="error">
					<p>
						Already reviewed: {actionData.alreadyReviewed.reviewedBy?.displayName ?? 'another admin'} decided
						first ({reviewStateLabels[actionData.alreadyReviewed.reviewState].toLowerCase()}). Your decision
						was not recorded.
					</p>
				</FormMessage>
			) : null}
			<section className="panel" aria-labelledby="evidence-title">
				<h2 id="evidence-title">{evidence.title}</h2>
				<dl className="staff-facts">
					<dt>Pledge</dt>
					<dd>
						<Link to={paths.pledge('en', pledge.platform.slug, pledge.slug)}>{pledge.title}</Link> (current
						status: {statusLabel(pledge.status)}) ·{' '}
						<Link to={`/admin/pledges/${pledge.id}/status`}>Status and ledger</Link>
					</dd>
					<dt>Type</dt>
					<dd>{evidenceTypeLabels[evidence.type]}</dd>
					<dt>Source</dt>
					<dd>
						<a href={evidence.sourceUrl} rel="noopener noreferrer nofollow">
							{evidence.sourceUrl}
						</a>
					</dd>
					<dt>Publisher</dt>
					<dd>{evidence.publisher}</dd>
					<dt>Published</dt>
					<dd>{evidence.publishedOn}</dd>
					{evidence.archiveUrl ? (
						<>
							<dt>Archived copy</dt>
							<dd>
								<a href={evidence.archiveUrl} rel="noopener noreferrer nofollow">
									{evidence.archiveUrl}
								</a>
							</dd>
						</>
					) : null}
					{evidence.measuredValue !== null ? (
						<>
							<dt>Measured value</dt>
							<dd>
								{evidence.measuredValue} {pledge.indicator?.unit ?? ''} (as of {evidence.measuredAsOf})
							</dd>
						</>
					) : null}
					{evidence.suggestedStatus ? (
						<>
							<dt>Suggested status</dt>
							<dd>
								{statusLabel(evidence.suggestedStatus)}: {evidence.suggestionReason}
							</dd>
						</>
					) : null}
					<dt>Submitted by</dt>
					<dd>
						{evidence.submittedBy.displayName} on {evidence.submittedAt.slice(0, 10)}
					</dd>
					<dt>Review</dt>
					<dd>
						{reviewStateLabels[evidence.reviewState]}
						{evidence.reviewedBy ? ` by ${evidence.reviewedBy.displayName}` : ''}
						{evidence.reviewNote ? `: ${evidence.reviewNote}` : ''}
					</dd>
				</dl>
				<blockquote className="excerpt">{evidence.excerpt}</blockquote>
			</section>
			{evidence.reviewState === 'PENDING' ? (
				<Form method="post" className="staff-form" noValidate>
					<ChoiceGroup
						legend="Decision"
						name="decision"
						defaultValue={actionData?.values.decision}
						errors={errors.decision}
						choices={[
							{
								value: 'approve',
								label: 'Approve',
								hint:
									evidence.measuredValue !== null
										? 'It becomes public, and its figure is recorded on the indicator.'
										: 'It becomes public.',
							},
							{ value: 'reject', label: 'Reject', hint: 'It stays private; give the reason below.' },
						]}
					/>
					<TextAreaField
						label="Note to the fact-checker"
						name="note"
						hint="Required when rejecting: the fact-checker reads it."
						defaultValue={actionData?.values.note}
						errors={errors.note}
						rows={3}
					/>
					<button type="submit" className="button">
						Record decision
					</button>
				</Form>
			) : null}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
