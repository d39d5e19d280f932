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
import { useStaffLabels } from '~/components/labels'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import { reviewProblems, reviewSchema } from '~/forms/review'
import { getEvidence, reviewEvidence } from '~/models/evidence.server'
import { paths } from '~/models/paths'
import { getInstallationSettings } from '~/models/settings.server'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => `${t('staff.reviewItem.title')} · ${t('staff.admin.title')}`)

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
	const { t, locale, format } = useI18n()
	const labels = useStaffLabels()
	return (
		<>
			<p>
				<Link to="/admin/review">{t('staff.reviewItem.back')}</Link>
			</p>
			<h1>{t('staff.reviewItem.title')}</h1>
			{alreadyReviewed ? (
				<FormMessage tone="error">
					<p>
						{t('staff.reviewItem.alreadyReviewed', {
							name: alreadyReviewed.reviewedBy?.displayName ?? t('staff.reviewItem.anotherAdmin'),
							state: labels.reviewState(alreadyReviewed.reviewState),
						})}
					</p>
				</FormMessage>
			) : null}
			{changedMeanwhile ? (
				<FormMessage tone="error">
					<p>{t('staff.reviewItem.changedMeanwhile')}</p>
				</FormMessage>
			) : null}
			<section className="panel" aria-labelledby="evidence-title">
				<h2 id="evidence-title">{evidence.title}</h2>
				<dl className="staff-facts">
					<dt>{t('staff.admin.pledge')}</dt>
					<dd>
						<Link to={paths.pledge(locale, pledge.platform.slug, pledge.slug)} lang="en">
							{pledge.title}
						</Link>{' '}
						({t('staff.reviewItem.currentStatus', { status: labels.status(pledge.status) })}) ·{' '}
						<Link to={`/admin/pledges/${pledge.id}/status`}>{t('staff.reviewItem.statusAndLedger')}</Link>
					</dd>
					<dt>{t('staff.own.type')}</dt>
					<dd>{labels.evidenceType(evidence.type)}</dd>
					<dt>{t('staff.own.source')}</dt>
					<dd>
						<a href={evidence.sourceUrl} rel="noopener noreferrer nofollow">
							{evidence.sourceUrl}
						</a>
					</dd>
					<dt>{t('staff.evidenceForm.publisher')}</dt>
					<dd>{evidence.publisher}</dd>
					<dt>{t('staff.reviewItem.published')}</dt>
					<dd>
						{labels.publicationDate(evidence.published)}
						{evidence.published.note ? ` (${evidence.published.note})` : null}
					</dd>
					{evidence.archiveUrl ? (
						<>
							<dt>{t('staff.reviewItem.archivedCopy')}</dt>
							<dd>
								<a href={evidence.archiveUrl} rel="noopener noreferrer nofollow">
									{evidence.archiveUrl}
								</a>
							</dd>
						</>
					) : null}
					{evidence.measuredValue !== null ? (
						<>
							<dt>{t('staff.reviewItem.measuredValue')}</dt>
							<dd>
								{t('staff.reviewItem.valueAsOf', {
									value: evidence.measuredValue,
									date: evidence.measuredAsOf ?? '',
								})}{' '}
								<span lang="en">{pledge.indicator?.unit ?? ''}</span>
							</dd>
						</>
					) : null}
					<dt>{t('staff.review.suggestedStatus')}</dt>
					<dd>
						{evidence.suggestedStatus ? (
							<>
								<strong>{labels.status(evidence.suggestedStatus)}</strong>: {evidence.suggestionReason}
							</>
						) : (
							t('staff.review.noneSuggested')
						)}
					</dd>
					<dt>{t('staff.reviewItem.submittedBy')}</dt>
					<dd>
						{evidence.submittedBy.displayName}, {format.date(evidence.submittedAt)}
					</dd>
					<dt>{t('staff.mine.review')}</dt>
					<dd>
						{evidence.reviewState === 'PENDING' && evidence.reviewNote ? (
							// Resubmitted after a request for changes: what was asked, to check it was done.
							<>
								{t('staff.reviewItem.resubmitted', {
									name: evidence.reviewedBy?.displayName ?? t('staff.own.anAdmin'),
								})}{' '}
								{evidence.reviewNote}
							</>
						) : (
							<>
								{labels.reviewState(evidence.reviewState)}
								{evidence.reviewedBy ? ` (${evidence.reviewedBy.displayName})` : ''}
								{evidence.reviewNote ? `: ${evidence.reviewNote}` : ''}
							</>
						)}
					</dd>
				</dl>
				<blockquote className="excerpt">{evidence.excerpt}</blockquote>
				{/* Approving publishes the translations too, so the reviewer reads them here. */}
				{evidence.translations.map((row) => {
					const language = row.locale === 'RU' ? 'ru' : 'kk'
					return (
						<div key={row.locale} className="excerpt-translation">
							<p className="muted">
								{t('staff.reviewItem.translationIn', { language: t(`staff.language.${language}`) })}
							</p>
							<p lang={language}>{row.title}</p>
							{row.excerpt ? <blockquote lang={language}>{row.excerpt}</blockquote> : null}
						</div>
					)
				})}
				<EvidenceTranslationsLink evidenceId={evidence.id} />
			</section>
			{evidence.reviewState === 'PENDING' ? (
				<>
					{loaded.ownUnderFourEyes ? (
						<p className="staff-message">{t('staff.reviewItem.ownFourEyes')}</p>
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
	const { t } = useI18n()
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.version} />
			<RadioGroup
				label={t('staff.decision.label')}
				field={fields.decision}
				choices={[
					{
						value: 'approve',
						label: t('staff.decision.approve'),
						hint: figure ? t('staff.decision.approveFigureHint') : t('staff.decision.approveHint'),
					},
					{
						value: 'request-changes',
						label: t('staff.decision.requestChanges'),
						hint: t('staff.decision.requestChangesHint'),
					},
					{ value: 'reject', label: t('staff.decision.reject'), hint: t('staff.decision.rejectHint') },
				]}
			/>
			<TextAreaField
				label={t('staff.decision.note')}
				field={fields.note}
				hint={t('staff.decision.noteHint')}
				rows={3}
			/>
			<button type="submit" className="button">
				{t('staff.decision.submit')}
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
