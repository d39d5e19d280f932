import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage, HiddenField, StaffForm, useStaffForm } from '~/components/forms'
import { EvidenceTranslationFields } from '~/components/ledger-translation-fields'
import {
	evidenceTranslationFormValues,
	evidenceTranslationIntent,
	evidenceTranslationSchema,
} from '~/forms/evidence-translations'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import { useI18n } from '~/i18n/use-i18n'
import { getEvidence, saveEvidenceTranslations } from '~/models/evidence.server'

// An editor's page for the translations of any evidence item, approved evidence included: the evidence
// itself, its verbatim excerpt first, is not changed here (docs/decisions/015).

async function requireEvidence(evidenceId: string | undefined) {
	const evidence = await getEvidence(evidenceId ?? '')
	if (!evidence) throw new Response('There is no such evidence.', { status: 404 })
	return evidence
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const evidence = await requireEvidence(params.evidenceId)
	return { evidence, saved: new URL(request.url).searchParams.get('saved') }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const submission = parseForm(await readForm(request), evidenceTranslationSchema)
	if (submission.status !== 'success') {
		await requireEvidence(params.evidenceId)
		return refuse(submission)
	}
	const { intent: _intent, ...input } = submission.value
	const evidenceId = params.evidenceId ?? ''
	const result = await saveEvidenceTranslations({ actor, evidenceId, input })
	switch (result.status) {
		case 'not-found':
			throw new Response('There is no such evidence.', { status: 404 })
		case 'invalid':
			return refuse(submission)
		case 'conflict': {
			const now = await requireEvidence(evidenceId)
			const reply = submission.reply()
			return data(
				{
					changedMeanwhile: now,
					result: { ...reply, initialValue: { ...reply.initialValue, version: String(now.version) } },
				},
				{ status: 409 },
			)
		}
		case 'saved':
			return redirect(
				`/admin/evidence/${evidenceId}/translations?saved=${result.record.version === input.version ? 'unchanged' : 'yes'}`,
			)
	}
}

export default function EvidenceTranslations() {
	const loaded = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const changedMeanwhile = actionData && 'changedMeanwhile' in actionData ? actionData.changedMeanwhile : null
	const evidence = changedMeanwhile ?? loaded.evidence
	const { t } = useI18n()
	const [form, fields] = useStaffForm(evidenceTranslationSchema, {
		id: `translate-evidence-${evidence.version}`,
		defaultValue: {
			intent: evidenceTranslationIntent,
			...evidenceTranslationFormValues(evidence.translations),
			version: String(evidence.version),
		},
		lastResult: actionData?.result ?? null,
	})
	return (
		<>
			<p>
				<Link to={`/admin/review/${evidence.id}`}>{t('staff.evidenceTranslation.back')}</Link>
			</p>
			<h1>{t('staff.evidenceTranslation.title')}</h1>
			<p className="lede">{t('staff.evidenceTranslation.pageHint')}</p>
			{loaded.saved && !actionData ? (
				<FormMessage tone="success">
					<p>
						{loaded.saved === 'yes'
							? t('staff.evidenceTranslation.saved')
							: t('staff.evidenceTranslation.unchanged')}
					</p>
				</FormMessage>
			) : null}
			{changedMeanwhile ? (
				<FormMessage tone="error">
					<p>{t('staff.evidenceTranslation.conflict')}</p>
				</FormMessage>
			) : null}
			<section className="panel" aria-labelledby="evidence-title">
				<h2 id="evidence-title" lang="en">
					{evidence.title}
				</h2>
				<p className="muted">{t('staff.evidenceTranslation.excerpt')}</p>
				<blockquote className="excerpt">{evidence.excerpt}</blockquote>
			</section>
			<StaffForm form={form}>
				<HiddenField field={fields.intent} />
				<HiddenField field={fields.version} />
				<EvidenceTranslationFields fields={fields} />
				<button type="submit" className="button">
					{t('staff.evidenceTranslation.save')}
				</button>
			</StaffForm>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
