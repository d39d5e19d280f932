import type { Submission, SubmissionResult } from '@conform-to/react'
import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EvidenceFields, unshownEvidenceMessages } from '~/components/evidence-fields'
import {
	FormErrorTexts,
	FormMessage,
	HiddenField,
	StaffForm,
	useStaffForm,
	type Refused,
} from '~/components/forms'
import { useStaffLabels } from '~/components/labels'
import { RichText } from '~/components/rich-text'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import {
	evidenceEditSchema,
	evidenceFormValues,
	evidenceProblems,
	evidenceWithdrawSchema,
	ownEvidenceIntents,
	ownEvidenceIntentSchema,
} from '~/forms/evidence'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import {
	editOwnEvidence,
	getOwnEvidence,
	withdrawOwnEvidence,
	type OwnEvidenceResult,
} from '~/models/evidence.server'
import { paths } from '~/models/paths'

// A fact-checker's (or admin's) own submission: edited while it awaits review or was sent back (saving
// it then resubmits it), or withdrawn. Nobody else may change it: someone else's submission is a 403.

export const meta: MetaFunction = ({ matches }) => staffPageMeta(matches, ({ t }) => t('staff.own.title'))

const notYours = 'Only the person who submitted this evidence may change it.'

async function requireOwnEvidence(userId: string, evidenceId: string | undefined) {
	const evidence = await getOwnEvidence({ userId, evidenceId: evidenceId ?? '' })
	if (evidence === null) throw new Response('There is no such evidence.', { status: 404 })
	if (evidence === 'not-yours') throw new Response(notYours, { status: 403 })
	return evidence
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	return { evidence: await requireOwnEvidence(user.id, params.evidenceId) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const actor = actorOf(user, context)
	const evidenceId = params.evidenceId ?? ''
	const formData = await readForm(request)
	const chosen = parseForm(formData, ownEvidenceIntentSchema)
	if (chosen.status !== 'success') {
		await requireOwnEvidence(user.id, evidenceId)
		return refuse(chosen)
	}
	if (chosen.value.intent === ownEvidenceIntents.withdraw) {
		const submission = parseForm(formData, evidenceWithdrawSchema)
		if (submission.status !== 'success') {
			await requireOwnEvidence(user.id, evidenceId)
			return refuse(submission)
		}
		const result = await withdrawOwnEvidence({ actor, evidenceId, version: submission.value.version })
		return answer(submission, result, user.id)
	}
	const submission = parseForm(formData, evidenceEditSchema(new Date()))
	if (submission.status !== 'success') {
		await requireOwnEvidence(user.id, evidenceId)
		return refuse(submission)
	}
	return answer(submission, await editOwnEvidence({ actor, evidenceId, input: submission.value }), user.id)
}

/**
 * Back to "My submissions" once saved, saying what was done; 400 with the values as sent and the messages at
 * their fields; 409 with the submission as it now is (changed in another tab, or reviewed meanwhile); 403
 * for someone else's; 404.
 */
async function answer(submission: Submission<unknown>, result: OwnEvidenceResult, userId: string) {
	switch (result.status) {
		case 'not-found':
			throw new Response('There is no such evidence.', { status: 404 })
		case 'not-yours':
			throw new Response(notYours, { status: 403 })
		case 'invalid':
			return refuse(submission, { fieldErrors: problemMessages(result.problems, evidenceProblems) })
		case 'conflict': {
			const now = await requireOwnEvidence(userId, result.record.id)
			// Changed elsewhere but still editable: the author's values kept, now on the stored version, so
			// saving again applies them (a withdrawal is not kept: it is one click on what is now there).
			const reply = submission.reply()
			const kept: SubmissionResult<string[]> | null =
				now.editable && submission.payload.intent !== ownEvidenceIntents.withdraw
					? { ...reply, initialValue: { ...reply.initialValue, version: String(now.version) } }
					: null
			return data({ conflict: { ...now, kept } }, { status: 409 })
		}
		case 'saved': {
			const done = submission.payload.intent === ownEvidenceIntents.withdraw ? 'withdrawn' : 'edited'
			return redirect(`/evidence/mine?${new URLSearchParams({ [done]: result.record.id })}`)
		}
	}
}

export default function OwnEvidence() {
	const loaded = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const conflict = actionData && 'conflict' in actionData ? actionData.conflict : null
	const refused = actionData && 'result' in actionData ? actionData.result : (conflict?.kept ?? null)
	const evidence = conflict ?? loaded.evidence
	const sentWithdrawal = refused?.initialValue?.intent === ownEvidenceIntents.withdraw
	const { t, locale } = useI18n()
	const labels = useStaffLabels()
	const reviewer =
		evidence.reviewedBy && evidence.reviewState !== 'PENDING' ? evidence.reviewedBy.displayName : null
	return (
		<>
			<p>
				<Link to="/evidence/mine">{t('staff.own.back')}</Link>
			</p>
			<h1>{t('staff.own.title')}</h1>
			<p className="lede">
				<RichText
					text={
						reviewer
							? t('staff.own.ledeReviewed', {
									title: evidence.title,
									state: labels.reviewState(evidence.reviewState),
									name: reviewer,
								})
							: t('staff.own.lede', {
									title: evidence.title,
									state: labels.reviewState(evidence.reviewState),
								})
					}
					parts={{
						pledge: (
							<Link to={paths.pledge(locale, evidence.pledge.platformSlug, evidence.pledge.slug)} lang="en">
								<cite>{evidence.pledge.title}</cite>
							</Link>
						),
					}}
				/>
			</p>
			{conflict ? (
				<FormMessage tone="error">
					<p>
						{conflict.editable
							? t('staff.own.conflictEditable')
							: t('staff.own.conflictSettled', { state: labels.reviewState(conflict.reviewState) })}
					</p>
				</FormMessage>
			) : null}
			{evidence.reviewState === 'CHANGES_REQUESTED' && evidence.reviewNote ? (
				<section className="panel" aria-labelledby="requested-title">
					<h2 id="requested-title">{labels.reviewState('CHANGES_REQUESTED')}</h2>
					<p>
						{t('staff.own.asks', { name: evidence.reviewedBy?.displayName ?? t('staff.own.anAdmin') })}{' '}
						<q>{evidence.reviewNote}</q>
					</p>
					<p>{t('staff.own.editBelow')}</p>
				</section>
			) : null}
			{evidence.editable ? (
				<>
					<EditForm
						// A newer version (after a conflict) remounts the form so that its fields show it.
						key={evidence.version}
						evidence={evidence}
						lastResult={sentWithdrawal ? null : refused}
					/>
					<WithdrawForm
						key={`withdraw-${evidence.version}`}
						version={evidence.version}
						lastResult={sentWithdrawal ? refused : null}
					/>
				</>
			) : (
				<Settled evidence={evidence} />
			)}
		</>
	)
}

type OwnEvidenceView = ReturnType<typeof useLoaderData<typeof loader>>['evidence']

function EditForm({
	evidence,
	lastResult,
}: {
	evidence: OwnEvidenceView
	lastResult: Refused['result'] | null
}) {
	const schema = evidenceEditSchema(new Date())
	const [form, fields] = useStaffForm(schema, { defaultValue: evidenceFormValues(evidence), lastResult })
	const unshownMessages = unshownEvidenceMessages(fields, evidence.pledge.indicator)
	const resubmits = evidence.reviewState === 'CHANGES_REQUESTED'
	const { t } = useI18n()
	return (
		<section aria-labelledby="edit-title">
			<h2 id="edit-title">{resubmits ? t('staff.mine.editResubmit') : t('staff.own.edit')}</h2>
			{form.status === 'error' ? (
				<FormMessage tone="error">
					<p>{t('staff.own.nothingSaved')}</p>
					{unshownMessages.length > 0 ? (
						<p>
							<FormErrorTexts messages={unshownMessages} />
						</p>
					) : null}
				</FormMessage>
			) : null}
			<StaffForm form={form}>
				<HiddenField field={fields.version} />
				<EvidenceFields fields={fields} indicator={evidence.pledge.indicator} />
				<button type="submit" className="button">
					{resubmits ? t('staff.own.resubmit') : t('staff.own.save')}
				</button>
			</StaffForm>
		</section>
	)
}

function WithdrawForm({ version, lastResult }: { version: number; lastResult: Refused['result'] | null }) {
	const [form, fields] = useStaffForm(evidenceWithdrawSchema, {
		id: 'withdraw',
		defaultValue: { intent: ownEvidenceIntents.withdraw, version: String(version) },
		lastResult,
	})
	const { t } = useI18n()
	return (
		<section aria-labelledby="withdraw-title">
			<h2 id="withdraw-title">{t('staff.own.withdraw')}</h2>
			<p>{t('staff.own.withdrawText')}</p>
			<StaffForm form={form}>
				<HiddenField field={fields.intent} />
				<HiddenField field={fields.version} />
				<button type="submit" className="button button-secondary">
					{t('staff.own.withdrawSubmit')}
				</button>
			</StaffForm>
		</section>
	)
}

/** A submission that was reviewed or withdrawn: what it says, no longer editable. */
function Settled({ evidence }: { evidence: OwnEvidenceView }) {
	const { t } = useI18n()
	const labels = useStaffLabels()
	return (
		<section className="panel" aria-labelledby="settled-title">
			<h2 id="settled-title">{evidence.title}</h2>
			<p>
				{t('staff.own.settled', { state: labels.reviewState(evidence.reviewState) })}
				{evidence.reviewNote ? ` ${t('staff.own.reviewNote', { note: evidence.reviewNote })}` : ''}
			</p>
			<dl className="staff-facts">
				<dt>{t('staff.own.type')}</dt>
				<dd>{labels.evidenceType(evidence.type)}</dd>
				<dt>{t('staff.own.source')}</dt>
				<dd>
					<a href={evidence.sourceUrl} rel="noopener noreferrer nofollow">
						{evidence.sourceUrl}
					</a>
				</dd>
				<dt>{t('staff.evidenceForm.publisher')}</dt>
				<dd>
					{evidence.publisher}, {labels.publishedPhrase(evidence.published)}
				</dd>
				{evidence.suggestedStatus ? (
					<>
						<dt>{t('staff.review.suggestedStatus')}</dt>
						<dd>
							{labels.status(evidence.suggestedStatus)}: {evidence.suggestionReason}
						</dd>
					</>
				) : null}
			</dl>
			<blockquote className="excerpt">{evidence.excerpt}</blockquote>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
