import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage, HiddenField, StaffForm, useStaffForm } from '~/components/forms'
import { statusLabel } from '~/components/labels'
import { LedgerTranslationFields } from '~/components/ledger-translation-fields'
import {
	ledgerTranslationFormValues,
	ledgerTranslationIntent,
	ledgerTranslationSchema,
} from '~/forms/ledger-translations'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import { ledgerProblemMessages } from '~/forms/status-update'
import { useI18n } from '~/i18n/use-i18n'
import { getLedgerEntryTranslations, saveLedgerTranslations } from '~/models/ledger-translation.server'

// The translations of one published ledger entry, added or fixed after it was published (a translator
// often comes after the editor): the entry itself never changes (docs/decisions/015).

async function requireEntry(pledgeId: string | undefined, entryId: string | undefined) {
	const entry = await getLedgerEntryTranslations({ pledgeId: pledgeId ?? '', entryId: entryId ?? '' })
	if (!entry) throw new Response('There is no such ledger entry.', { status: 404 })
	return entry
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const entry = await requireEntry(params.pledgeId, params.entryId)
	const search = new URL(request.url).searchParams
	return { entry, saved: search.get('saved') }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const formData = await readForm(request)
	// Which fields the form has depends on the entry (a correction has a reason), so it is read first.
	const entry = await requireEntry(params.pledgeId, params.entryId)
	const submission = parseForm(formData, ledgerTranslationSchema({ correction: entry.isCorrection }))
	if (submission.status !== 'success') return refuse(submission)
	const { intent: _intent, ...input } = submission.value
	const result = await saveLedgerTranslations({
		actor,
		pledgeId: entry.pledge.id,
		entryId: entry.id,
		input,
	})
	switch (result.status) {
		case 'not-found':
			throw new Response('There is no such ledger entry.', { status: 404 })
		case 'invalid':
			return refuse(submission, { fieldErrors: ledgerProblemMessages(result.problems) })
		case 'conflict':
			return data({ result: submission.reply() }, { status: 409 })
		case 'saved':
			return redirect(
				`/admin/pledges/${entry.pledge.id}/status/${entry.id}/translations?saved=${result.record.changed ? 'yes' : 'unchanged'}`,
			)
	}
}

export default function LedgerEntryTranslations() {
	const { entry, saved } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useI18n()
	const [form, fields] = useStaffForm(ledgerTranslationSchema({ correction: entry.isCorrection }), {
		id: `translate-${entry.id}`,
		defaultValue: { intent: ledgerTranslationIntent, ...ledgerTranslationFormValues(entry.translations) },
		lastResult: actionData?.result ?? null,
	})
	return (
		<>
			<p>
				<Link to={`/admin/pledges/${entry.pledge.id}/status#entry-${entry.id}`}>
					{t('staff.ledgerTranslation.back')}
				</Link>
			</p>
			<h1>{t('staff.ledgerTranslation.title')}</h1>
			<p className="lede">{t('staff.ledgerTranslation.pageHint')}</p>
			{saved && !actionData ? (
				<FormMessage tone="success">
					<p>
						{saved === 'yes' ? t('staff.ledgerTranslation.saved') : t('staff.ledgerTranslation.unchanged')}
					</p>
				</FormMessage>
			) : null}
			<section className="panel" aria-labelledby="entry-title" lang="en">
				<h2 id="entry-title">{t('staff.ledgerTranslation.english')}</h2>
				<p>
					<strong>
						{entry.pledge.title}: {statusLabel(entry.status)}, {entry.effectiveDate}
					</strong>{' '}
					<span className="muted">
						({entry.recordedAt.slice(0, 16).replace('T', ' ')} UTC, {entry.author})
					</span>
				</p>
				{entry.correctionReason ? (
					<p>
						{t('staff.ledgerTranslation.reason')}: {entry.correctionReason}
					</p>
				) : null}
				<p>
					{t('staff.ledgerTranslation.rationale')}: {entry.rationale}
				</p>
			</section>
			<StaffForm form={form}>
				<HiddenField field={fields.intent} />
				<LedgerTranslationFields fields={fields} correction={entry.isCorrection} />
				<button type="submit" className="button">
					{t('staff.ledgerTranslation.save')}
				</button>
			</StaffForm>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
