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
	FormMessage,
	HiddenField,
	RadioGroup,
	StaffForm,
	TextAreaField,
	useStaffForm,
	type Refused,
} from '~/components/forms'
import { evidenceTypeLabels, publicationDateLabel, reviewStateLabels, statusLabel } from '~/components/labels'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import { reviewProblems, reviewSchema } from '~/forms/review'
import { useI18n } from '~/i18n/use-i18n'
import { getEvidence, reviewEvidence } from '~/models/evidence.server'
import { paths } from '~/models/paths'
import { getInstallationSettings } from '~/models/settings.server'

export const meta: MetaFunction = () => [{ title: 'Review evidence · Admin · Uade' }]

async function requireEvidence(evidenceId: string | undefined) {
	const evidence = await getEvidence(evidenceId ?? '')
	if (!evidence) throw new Response('There is no such evidence.', { status: 404 })
	return evidence
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const [evidence, settings] = await Promise.all([
		requireEvidence(params.evidenceId),
		getInstallationSettings(),
	])
	// Said before the decision, not only when the approval is refused (the model checks it again).
	return { evidence, ownUnderFourEyes: settings.fourEyes && evidence.submittedBy.id === admin.id }
}

/**
 * Where a decision leads: an approval straight on to the status form of its pledge, resting on the
 * evidence just approved (the form pre-fills from `?evidence=`); the other decisions back to the queue.
 */
export function afterDecision(decided: { id: string; pledgeId: string; reviewState: string }): string {
	switch (decided.reviewState) {
		case 'APPROVED':
			return `/admin/pledges/${decided.pledgeId}/status?${new URLSearchParams({ evidence: decided.id })}`
		case 'CHANGES_REQUESTED':
			return '/admin/review?reviewed=changes-requested'
		default:
			return '/admin/review?reviewed=rejected'
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const submission = parseForm(await readForm(request), reviewSchema)
	if (submission.status !== 'success') {
		// An unknown id is a 404 whatever the form held.
		await requireEvidence(params.evidenceId)
		return refuse(submission)
	}
	const result = await reviewEvidence({
		actor,
		evidenceId: params.evidenceId ?? '',
		decision: submission.value,
	})
	switch (result.status) {
		case 'not-found':
			throw new Response('There is no such evidence.', { status: 404 })
		case 'conflict': {
			const now = await requireEvidence(result.record.id)
			if (now.reviewState === 'PENDING') {
				// Still pending but edited by its author since the page was loaded: the new version to read,
				// the admin's decision and note kept in the form, which now carries the new version.
				const reply = submission.reply()
				return data(
					{
						changedMeanwhile: now,
						result: { ...reply, initialValue: { ...reply.initialValue, version: String(now.version) } },
					},
					{ status: 409 },
				)
			}
			// Someone else decided first: the evidence as it now is, with their decision.
			return data({ alreadyReviewed: now }, { status: 409 })
		}
		case 'invalid':
			return refuse(submission, { fieldErrors: problemMessages(result.problems, reviewProblems) })
		case 'saved':
			return redirect(afterDecision(result.record))
	}
}

export default function ReviewEvidence() {
	const loaded = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const alreadyReviewed = actionData && 'alreadyReviewed' in actionData ? actionData.alreadyReviewed : null
	const changedMeanwhile = actionData && 'changedMeanwhile' in actionData ? actionData.changedMeanwhile : null
	const evidence = alreadyReviewed ?? changedMeanwhile ?? loaded.evidence
	const { pledge } = evidence
	return (
		<>
			<p>
				<Link to="/admin/review">Back to the review queue</Link>
			</p>
			<h1>Review evidence</h1>
			{alreadyReviewed ? (
				<FormMessage tone="error">
					<p>
						Already reviewed: {alreadyReviewed.reviewedBy?.displayName ?? 'another admin'} decided first (
						{reviewStateLabels[alreadyReviewed.reviewState].toLowerCase()}). Your decision was not recorded.
					</p>
				</FormMessage>
			) : null}
			{changedMeanwhile ? (
				<FormMessage tone="error">
					<p>
						The author changed this evidence since you opened it; here is the new version. Your decision was
						not recorded: read it again, then record your decision (kept below).
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
					<dd>
						{publicationDateLabel(evidence.published)}
						{evidence.published.note ? ` (${evidence.published.note})` : null}
					</dd>
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
					<dt>Suggested status</dt>
					<dd>
						{evidence.suggestedStatus ? (
							<>
								<strong>{statusLabel(evidence.suggestedStatus)}</strong>: {evidence.suggestionReason}
							</>
						) : (
							'None suggested'
						)}
					</dd>
					<dt>Submitted by</dt>
					<dd>
						{evidence.submittedBy.displayName} on {evidence.submittedAt.slice(0, 10)}
					</dd>
					<dt>Review</dt>
					<dd>
						{evidence.reviewState === 'PENDING' && evidence.reviewNote ? (
							// Resubmitted after a request for changes: what was asked, to check it was done.
							<>
								Awaiting review, resubmitted. {evidence.reviewedBy?.displayName ?? 'An admin'} had asked:{' '}
								{evidence.reviewNote}
							</>
						) : (
							<>
								{reviewStateLabels[evidence.reviewState]}
								{evidence.reviewedBy ? ` by ${evidence.reviewedBy.displayName}` : ''}
								{evidence.reviewNote ? `: ${evidence.reviewNote}` : ''}
							</>
						)}
					</dd>
				</dl>
				<blockquote className="excerpt">{evidence.excerpt}</blockquote>
				<EvidenceTranslationsLink evidenceId={evidence.id} />
			</section>
			{evidence.reviewState === 'PENDING' ? (
				<>
					{loaded.ownUnderFourEyes ? (
						<p className="staff-message">
							You submitted this evidence, so another admin must approve it (the four-eyes rule). You may
							request changes or reject it.
						</p>
					) : null}
					<DecisionForm
						// A newer version (the author edited it meanwhile) remounts the form so it carries that one.
						key={evidence.version}
						version={evidence.version}
						figure={evidence.measuredValue !== null}
						lastResult={actionData && 'result' in actionData ? actionData.result : null}
					/>
				</>
			) : null}
		</>
	)
}

function DecisionForm({
	version,
	figure,
	lastResult,
}: {
	/** The version of the evidence shown, which the decision is about. */
	version: number
	/** Whether the evidence carries a figure, which approving records on the indicator. */
	figure: boolean
	lastResult: Refused['result'] | null
}) {
	const [form, fields] = useStaffForm(reviewSchema, {
		defaultValue: { version: String(version) },
		lastResult,
	})
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.version} />
			<RadioGroup
				label="Decision"
				field={fields.decision}
				choices={[
					{
						value: 'approve',
						label: 'Approve',
						hint: figure
							? 'It becomes public, and its figure is recorded on the indicator. Then record a status resting on it.'
							: 'It becomes public. Then record a status resting on it.',
					},
					{
						value: 'request-changes',
						label: 'Request changes',
						hint: 'It goes back to the fact-checker with your note; they edit it and resubmit it.',
					},
					{ value: 'reject', label: 'Reject', hint: 'It stays private; give the reason below.' },
				]}
			/>
			<TextAreaField
				label="Note to the fact-checker"
				field={fields.note}
				hint="Required when requesting changes or rejecting: the fact-checker reads it."
				rows={3}
			/>
			<button type="submit" className="button">
				Record decision
			</button>
		</StaffForm>
	)
}

/** Issue 10: the editor's page for this evidence's Russian and Kazakh title and excerpt translation. */
function EvidenceTranslationsLink({ evidenceId }: { evidenceId: string }) {
	const { t } = useI18n()
	return (
		<p>
			<Link to={`/admin/evidence/${evidenceId}/translations`}>{t('staff.evidenceTranslation.link')}</Link>
		</p>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
