import type { Submission, SubmissionResult } from '@conform-to/react'
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
import { LedgerTranslationFields } from '~/components/ledger-translation-fields'
import {
	CheckboxGroup,
	DateField,
	FormErrorTexts,
	FormMessage,
	HiddenField,
	SelectField,
	staffDateTime,
	StaffForm,
	TextAreaField,
	useStaffForm,
	type FormField,
	type Refused,
} from '~/components/forms'
import { RichText } from '~/components/rich-text'
import { useStaffLabels } from '~/components/labels'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { isoDateOf, parseIsoDate } from '~/forms/fields'
import { publicTextMinimum } from '~/forms/integrity-rules'
import { ledgerTranslationLanguages, type LedgerTranslationInput } from '~/forms/ledger-translations'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import {
	correctionSchema,
	ledgerConflictMessages,
	ledgerEntryFormValues,
	ledgerIntents,
	ledgerIntentSchema,
	ledgerProblemMessages,
	ledgerSteps,
	statusUpdateSchema,
	type Status,
} from '~/forms/status-update'
import { paths } from '~/models/paths'
import {
	getStatusPage,
	recordCorrection,
	recordStatusUpdate,
	type LedgerWriteResult,
} from '~/models/status-update.server'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => `${t('staff.status.pageTitle')} · ${t('staff.admin.title')}`)

async function requireStatusPage(pledgeId: string | undefined, suggestionFrom?: string) {
	const page = await getStatusPage(pledgeId ?? '', { suggestionFrom })
	if (!page) throw new Response('There is no such pledge.', { status: 404 })
	return page
}

type StatusPage = Awaited<ReturnType<typeof requireStatusPage>>

/** The entry another admin recorded while this one was deciding, named in the conflict message. */
type RecordedMeanwhile = { status: Status; effectiveDate: string; author: string; recordedAt: string }

// `?evidence=<id>` (the review page's way on after approving): the new-status form starts from that
// evidence and its fact-checker's suggestion.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const search = new URL(request.url).searchParams
	const page = await requireStatusPage(params.pledgeId, search.get('evidence') ?? undefined)
	return { page, recorded: search.has('recorded') }
}

/** An entry the author has checked and not yet published, as the preview shows it and sends it back. */
type Preview = {
	intent: (typeof ledgerIntents)[keyof typeof ledgerIntents]
	status: Status
	effectiveDate: string
	rationale: string
	evidenceIds: string[]
	ledgerHeadId: string | null
	correctsId: string | null
	correctionReason: string | null
	/** The Russian and Kazakh texts, published with the entry. */
	translations: LedgerTranslationInput
}

// Two forms post here, told apart by `intent`: a new status (`record`, the default) and the correction of
// one entry (`correct`, with `correctsId`). Each is written in two steps (`step`): `preview` checks it with
// every rule of the model and shows what the public will see, writing nothing; `publish` writes it; `edit`
// gives the form back with the values. A refusal's reply carries what was sent, so the page knows which
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
		const { step, intent: _intent, ...input } = submission.value
		if (step === ledgerSteps.edit) return data({ result: submission.reply() })
		const dryRun = step === ledgerSteps.preview
		return answer(submission, await recordCorrection({ actor, pledgeId, input, now, dryRun }), {
			pledgeId,
			notFound: 'There is no such entry.',
			conflict: { message: ledgerConflictMessages.alreadyCorrected, correctsId: input.correctsId },
			preview: {
				intent: ledgerIntents.correct,
				...previewOf(input),
				ledgerHeadId: null,
				correctsId: input.correctsId,
				correctionReason: input.correctionReason,
			},
		})
	}
	const submission = parseForm(formData, statusUpdateSchema(now))
	if (submission.status !== 'success') {
		await requireStatusPage(pledgeId)
		return refuse(submission)
	}
	const { step, intent: _intent, ...input } = submission.value
	if (step === ledgerSteps.edit) return data({ result: submission.reply() })
	const dryRun = step === ledgerSteps.preview
	return answer(submission, await recordStatusUpdate({ actor, pledgeId, input, now, dryRun }), {
		pledgeId,
		notFound: 'There is no such pledge, or its ledger has no such entry.',
		conflict: { message: ledgerConflictMessages.stale, correctsId: null },
		preview: {
			intent: ledgerIntents.record,
			...previewOf(input),
			ledgerHeadId: input.ledgerHeadId,
			correctsId: null,
			correctionReason: null,
		},
	})
}

function previewOf(
	input: {
		status: Status
		effectiveDate: Date
		rationale: string
		evidenceIds: string[]
	} & LedgerTranslationInput,
) {
	const translations: LedgerTranslationInput = {}
	for (const language of ledgerTranslationLanguages) {
		for (const field of [language.rationale, language.correctionReason]) {
			const value = input[field]
			if (value !== undefined) translations[field] = value
		}
	}
	return {
		status: input.status,
		effectiveDate: isoDateOf(input.effectiveDate),
		rationale: input.rationale,
		evidenceIds: input.evidenceIds,
		translations,
	}
}

/**
 * Back to the page once recorded; the preview once checked (200, nothing written); 400 with the values as
 * sent and the messages at their fields; 409 when the ledger changed under the admin, with the ledger as it
 * now is (the forms start again from it); 404.
 */
async function answer(
	submission: Submission<unknown>,
	result: LedgerWriteResult,
	{
		pledgeId,
		notFound,
		conflict,
		preview,
	}: {
		pledgeId: string
		notFound: string
		conflict: { message: string; correctsId: string | null }
		preview: Preview
	},
) {
	switch (result.status) {
		case 'not-found':
			throw new Response(notFound, { status: 404 })
		case 'invalid':
			return refuse(submission, { fieldErrors: ledgerProblemMessages(result.problems, result.detail) })
		case 'conflict': {
			const page = await requireStatusPage(pledgeId)
			// What another admin recorded meanwhile: the new head, or the entry that corrected the one this
			// admin was correcting. The admin's values are kept (the reply) and moved on top of it: the new
			// head for a new status, the correcting entry's form for a correction (correcting the correction).
			const meanwhile =
				conflict.correctsId === null
					? page.ledger.find((entry) => entry.id === page.ledgerHeadId)
					: page.ledger.find((entry) => entry.correctsId === conflict.correctsId)
			const reply = submission.reply()
			const moved: Record<string, string> =
				conflict.correctsId === null
					? { ledgerHeadId: page.ledgerHeadId }
					: meanwhile
						? { correctsId: meanwhile.id }
						: {}
			const result: SubmissionResult<string[]> = {
				...reply,
				initialValue: { ...reply.initialValue, step: ledgerSteps.edit, ...moved },
			}
			const recordedMeanwhile: RecordedMeanwhile | null = meanwhile
				? {
						status: meanwhile.status,
						effectiveDate: meanwhile.effectiveDate,
						author: meanwhile.author,
						recordedAt: meanwhile.recordedAt,
					}
				: null
			return data({ conflict: { ...conflict, recordedMeanwhile, page, kept: result } }, { status: 409 })
		}
		case 'checked':
			return data({ preview })
		case 'saved':
			return redirect(`/admin/pledges/${pledgeId}/status?recorded`)
	}
}

/**
 * Which of the page's forms a reply came from (a refusal, or the values the "Edit" button brings back):
 * the new status, or one entry's correction.
 */
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
	const preview = actionData && 'preview' in actionData ? actionData.preview : null
	// After a conflict, the admin's values kept, moved on top of what was recorded meanwhile.
	const refused = actionData && 'result' in actionData ? actionData.result : (conflict?.kept ?? null)
	const from = sentFrom(refused)
	const page = conflict?.page ?? loaded.page
	const { pledge, ledger, approvedEvidence, suggestion } = page
	const pledgeMadeOn = parseIsoDate(pledge.madeOn)
	const { t, locale, format } = useI18n()
	const labels = useStaffLabels()
	return (
		<>
			<h1>
				<RichText text={t('staff.status.title')} parts={{ title: <span lang="en">{pledge.title}</span> }} />
			</h1>
			<p className="lede">
				{t('staff.review.currentStatus')}: <strong>{labels.status(pledge.status)}</strong>
				{pledge.statusUpdatedAt
					? ` (${t('staff.status.recordedOn', { date: format.date(pledge.statusUpdatedAt) })})`
					: ''}
				.{' '}
				<Link to={paths.pledge(locale, pledge.platformSlug, pledge.slug)}>
					{t('staff.status.publicPage')}
				</Link>{' '}
				·{' '}
				<Link to={`/evidence/new?${new URLSearchParams({ pledge: pledge.id })}`}>
					{t('staff.evidence.addTitle')}
				</Link>
			</p>
			{loaded.recorded && !actionData ? (
				<FormMessage tone="success">
					<p>{t('staff.status.recorded')}</p>
				</FormMessage>
			) : null}
			{conflict ? (
				<FormMessage tone="error">
					<p>
						<FormErrorTexts messages={[conflict.message]} />
					</p>
					{conflict.recordedMeanwhile ? (
						<p>
							{t('staff.status.recordedMeanwhile', {
								name: conflict.recordedMeanwhile.author,
								at: staffDateTime(format, conflict.recordedMeanwhile.recordedAt),
								status: labels.status(conflict.recordedMeanwhile.status),
								date: format.date(conflict.recordedMeanwhile.effectiveDate),
							})}
						</p>
					) : null}
				</FormMessage>
			) : null}

			<section className="panel" aria-labelledby="new-status-title">
				<h2 id="new-status-title">{t('staff.status.newTitle')}</h2>
				{preview && preview.correctsId === null ? (
					<LedgerPreview preview={preview} page={page} />
				) : (
					<div className={suggestion ? 'status-form-layout' : undefined}>
						<StatusUpdateForm
							// A newer ledger (after a conflict, someone else's entry) starts the form again from it.
							key={page.ledgerHeadId || 'empty'}
							ledgerHeadId={page.ledgerHeadId}
							approvedEvidence={approvedEvidence}
							pledgeMadeOn={pledgeMadeOn}
							suggestion={suggestion ?? null}
							lastResult={from && from.correctsId === null ? refused : null}
						/>
						{suggestion ? <SuggestionAside suggestion={suggestion} /> : null}
					</div>
				)}
				{suggestion === null ? (
					<p className="staff-aside">{t('staff.status.suggestionNotApproved')}</p>
				) : null}
			</section>

			<section aria-labelledby="ledger-title">
				<h2 id="ledger-title">{t('staff.status.ledgerTitle')}</h2>
				{ledger.length === 0 ? <p>{t('staff.status.ledgerEmpty')}</p> : null}
				<ol className="plain-list ledger">
					{ledger.map((entry) => {
						const lastResult = from && from.correctsId === entry.id ? refused : null
						const previewed = preview && preview.correctsId === entry.id ? preview : null
						return (
							<li key={entry.id} className="panel" id={`entry-${entry.id}`}>
								<h3>
									{format.date(entry.effectiveDate)}: {labels.status(entry.fromStatus)} →{' '}
									{labels.status(entry.status)}
								</h3>
								<p className="muted">
									{t('staff.status.recordedBy', {
										at: staffDateTime(format, entry.recordedAt),
										name: entry.author,
									})}
									{entry.correctsId ? ` · ${t('staff.status.isCorrection')}` : ''}
									{entry.isCorrected ? ` · ${t('staff.status.isCorrected')}` : ''}
								</p>
								{entry.correctionReason ? (
									<p>
										{t('staff.status.whatWasWrong')}: {entry.correctionReason}
									</p>
								) : null}
								<p>{entry.rationale}</p>
								{entry.evidence.length > 0 ? (
									<p>
										{t('staff.status.restsOn')}: {entry.evidence.map((evidence) => evidence.title).join('; ')}
									</p>
								) : null}
								<EntryTranslationsLine pledgeId={pledge.id} entry={entry} />
								{entry.isCorrected ? null : (
									<details open={lastResult !== null || previewed !== null}>
										<summary>{t('staff.status.correctEntry')}</summary>
										{previewed ? (
											<LedgerPreview preview={previewed} page={page} />
										) : (
											<CorrectionForm
												entry={entry}
												approvedEvidence={approvedEvidence}
												pledgeMadeOn={pledgeMadeOn}
												lastResult={lastResult}
											/>
										)}
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

/** Which languages an entry is translated into, and the way to add or fix its translations. */
function EntryTranslationsLine({
	pledgeId,
	entry,
}: {
	pledgeId: string
	entry: StatusPage['ledger'][number]
}) {
	const { t } = useI18n()
	const languages = entry.translations.map((row) =>
		t(row.locale === 'RU' ? 'staff.language.ru' : 'staff.language.kk'),
	)
	return (
		<p className="muted">
			{languages.length > 0
				? t('staff.ledgerTranslation.translatedInto', { languages: languages.join(', ') })
				: t('staff.ledgerTranslation.untranslated')}{' '}
			<Link to={`/admin/pledges/${pledgeId}/status/${entry.id}/translations`}>
				{t('staff.ledgerTranslation.link')}
			</Link>
		</p>
	)
}

type Suggestion = NonNullable<StatusPage['suggestion']>

/** The fact-checker's suggestion beside the form that starts from it. */
function SuggestionAside({ suggestion }: { suggestion: Suggestion }) {
	const { t } = useI18n()
	const labels = useStaffLabels()
	return (
		<aside className="panel suggestion" aria-labelledby="suggestion-title">
			<h3 id="suggestion-title">{t('staff.status.suggestionTitle')}</h3>
			<p>
				{t('staff.status.suggested', { name: suggestion.submittedBy, title: suggestion.title })}{' '}
				<strong>{suggestion.status ? labels.status(suggestion.status) : t('staff.status.noStatus')}</strong>
			</p>
			{suggestion.reason ? <p>{suggestion.reason}</p> : <p className="muted">{t('staff.status.noReason')}</p>}
			<p className="muted">{t('staff.status.formStartsFromIt')}</p>
		</aside>
	)
}

function StatusUpdateForm({
	ledgerHeadId,
	approvedEvidence,
	pledgeMadeOn,
	suggestion,
	lastResult,
}: {
	ledgerHeadId: string
	approvedEvidence: StatusPage['approvedEvidence']
	pledgeMadeOn: Date | null
	suggestion: Suggestion | null
	lastResult: Refused['result'] | null
}) {
	const [form, fields] = useStaffForm(statusUpdateSchema(new Date(), pledgeMadeOn), {
		id: 'record-status',
		defaultValue: {
			intent: ledgerIntents.record,
			ledgerHeadId,
			...(suggestion
				? {
						status: suggestion.status ?? undefined,
						rationale: suggestion.reason ?? undefined,
						evidenceIds: [suggestion.evidenceId],
					}
				: {}),
		},
		lastResult,
	})
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.intent} />
			<HiddenField field={fields.ledgerHeadId} />
			<LedgerEntryFields fields={fields} approvedEvidence={approvedEvidence} />
			<LedgerTranslationFields fields={fields} correction={false} />
			<PreviewButton />
		</StaffForm>
	)
}

function CorrectionForm({
	entry,
	approvedEvidence,
	pledgeMadeOn,
	lastResult,
}: {
	entry: StatusPage['ledger'][number]
	approvedEvidence: StatusPage['approvedEvidence']
	pledgeMadeOn: Date | null
	lastResult: Refused['result'] | null
}) {
	const [form, fields] = useStaffForm(correctionSchema(new Date(), pledgeMadeOn), {
		id: `correct-${entry.id}`,
		defaultValue: {
			intent: ledgerIntents.correct,
			...ledgerEntryFormValues(entry),
			// The translated rationale as the entry has it; a correction's reason is its own, in every language.
			...Object.fromEntries(
				entry.translations.map((row) => [row.locale === 'RU' ? 'ruRationale' : 'kkRationale', row.rationale]),
			),
			correctsId: entry.id,
		},
		lastResult,
	})
	const { t } = useI18n()
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.intent} />
			<HiddenField field={fields.correctsId} />
			<TextAreaField
				label={t('staff.status.whatWasWrong')}
				field={fields.correctionReason}
				rows={3}
				hint={t('staff.status.correctionReasonHint', { min: publicTextMinimum.characters })}
			/>
			<LedgerEntryFields fields={fields} approvedEvidence={approvedEvidence} />
			<LedgerTranslationFields fields={fields} correction />
			<PreviewButton />
		</StaffForm>
	)
}

/** A ledger entry is checked and previewed before it is published (see the action). */
function PreviewButton() {
	const { t } = useI18n()
	return (
		<button type="submit" className="button" name="step" value={ledgerSteps.preview}>
			{t('staff.status.preview')}
		</button>
	)
}

/**
 * What the public will see of an entry before it is written for good, with the entry as hidden fields and
 * two buttons: "Publish" writes it, "Edit" goes back to the form with the values (no JavaScript needed).
 */
function LedgerPreview({ preview, page }: { preview: Preview; page: StatusPage }) {
	const corrected = page.ledger.find((entry) => entry.id === preview.correctsId) ?? null
	const evidence = preview.evidenceIds.flatMap(
		(id) => page.approvedEvidence.find((item) => item.id === id) ?? [],
	)
	const { t, format } = useI18n()
	const labels = useStaffLabels()
	const since = (status: Status, date: string) =>
		t('staff.status.since', { status: labels.status(status), date: format.date(date) })
	return (
		<div className="ledger-preview" role="region" aria-labelledby="preview-title">
			<h3 id="preview-title">{t('staff.status.previewTitle')}</h3>
			<div className="panel">
				{corrected ? (
					<>
						<p>
							<strong>{t('staff.status.correction')}:</strong>{' '}
							{since(corrected.status, corrected.effectiveDate)} →{' '}
							{since(preview.status, preview.effectiveDate)}
						</p>
						<p>
							{t('staff.status.whatWasWrong')}: {preview.correctionReason}
						</p>
					</>
				) : (
					<p>
						<strong>{since(preview.status, preview.effectiveDate)}</strong>
					</p>
				)}
				<p>{preview.rationale}</p>
				<PreviewTranslations translations={preview.translations} correction={corrected !== null} />
				{evidence.length > 0 ? (
					<p>
						{t('staff.status.restsOn')}:{' '}
						{evidence
							.map((item) => `${item.title} (${item.publisher}, ${labels.publicationDate(item.published)})`)
							.join('; ')}
					</p>
				) : null}
			</div>
			<p className="muted">{t('staff.status.oncePublished')}</p>
			<PreviewForm preview={preview} />
		</div>
	)
}

function PreviewForm({ preview }: { preview: Preview }) {
	const schema = preview.correctsId ? correctionSchema(new Date()) : statusUpdateSchema(new Date())
	const [form] = useStaffForm(schema, { id: `publish-${preview.correctsId ?? 'status'}` })
	const hidden: Array<[string, string]> = [
		['intent', preview.intent],
		['status', preview.status],
		['effectiveDate', preview.effectiveDate],
		['rationale', preview.rationale],
		...preview.evidenceIds.map((id, index): [string, string] => [`evidenceIds[${index}]`, id]),
		...(preview.ledgerHeadId ? [['ledgerHeadId', preview.ledgerHeadId] satisfies [string, string]] : []),
		...(preview.correctsId ? [['correctsId', preview.correctsId] satisfies [string, string]] : []),
		...(preview.correctionReason
			? [['correctionReason', preview.correctionReason] satisfies [string, string]]
			: []),
		...Object.entries(preview.translations).flatMap(([name, value]): Array<[string, string]> =>
			value === undefined ? [] : [[name, value]],
		),
	]
	const { t } = useI18n()
	return (
		<StaffForm form={form}>
			{hidden.map(([name, value]) => (
				<input key={name} type="hidden" name={name} value={value} />
			))}
			<div className="actions">
				<button type="submit" className="button" name="step" value={ledgerSteps.publish}>
					{t('staff.status.publish')}
				</button>
				<button type="submit" className="button button-secondary" name="step" value={ledgerSteps.edit}>
					{t('staff.own.edit')}
				</button>
			</div>
		</StaffForm>
	)
}

/** The preview's Russian and Kazakh texts, each marked with its language. */
function PreviewTranslations({
	translations,
	correction,
}: {
	translations: LedgerTranslationInput
	correction: boolean
}) {
	const { t } = useI18n()
	const given = ledgerTranslationLanguages.filter(
		(language) => translations[language.rationale] !== undefined,
	)
	return (
		<>
			<h4>{t('staff.ledgerTranslation.previewHeading')}</h4>
			{given.length === 0 ? <p className="muted">{t('staff.ledgerTranslation.previewNone')}</p> : null}
			{given.map(({ lang, rationale, correctionReason }) => (
				<div key={lang} lang={lang}>
					<p className="muted">{t(`staff.language.${lang}`)}</p>
					{correction && translations[correctionReason] ? (
						<p>
							{t('staff.ledgerTranslation.reason')}: {translations[correctionReason]}
						</p>
					) : null}
					<p>{translations[rationale]}</p>
				</div>
			))}
		</>
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
	const { t } = useI18n()
	const labels = useStaffLabels()
	return (
		<>
			<SelectField
				label={t('staff.admin.status')}
				field={fields.status}
				options={labels.statusOptions}
				emptyLabel={t('staff.status.chooseStatus')}
			/>
			<DateField
				label={t('staff.status.effectiveDate')}
				field={fields.effectiveDate}
				hint={t('staff.status.effectiveDateHint')}
			/>
			<TextAreaField
				label={t('staff.status.rationale')}
				field={fields.rationale}
				hint={t('staff.status.rationaleHint', { min: publicTextMinimum.characters })}
			/>
			<CheckboxGroup
				label={t('staff.status.evidence')}
				field={fields.evidenceIds}
				hint={t('staff.status.evidenceHint', { notRated: labels.status('NOT_RATED') })}
				empty={t('staff.status.evidenceEmpty')}
				choices={approvedEvidence.map((evidence) => ({
					value: evidence.id,
					label: `${evidence.title} (${evidence.publisher}, ${labels.publicationDate(evidence.published)})`,
				}))}
			/>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
