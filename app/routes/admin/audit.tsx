import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	FieldErrors,
	FormMessage,
	SelectField,
	staffDateTime,
	StaffForm,
	TextField,
	useStaffForm,
	type Refused,
} from '~/components/forms'
import { auditLogFilterSchema } from '~/forms/audit-log'
import { onlyFormFields, parseForm } from '~/forms/reply.server'
import {
	auditFieldChanges,
	listAuditActors,
	listAuditLog,
	type AuditFieldChange,
} from '~/models/audit-log.server'
import { staffPageMeta } from '~/i18n/staff-meta'
import type { Translate } from '~/i18n/translator'
import { useI18n } from '~/i18n/use-i18n'
import { auditActionChoicesIn, auditActionLabelIn } from '~/models/audit-actions'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => `${t('staff.adminNav.audit')} · ${t('staff.admin.title')}`)

type Values = { actor: string; action: string; entityType: string; entityId: string }

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const search = new URL(request.url).searchParams
	const values: Values = {
		actor: search.get('actor') ?? '',
		action: search.get('action') ?? '',
		entityType: search.get('entityType') ?? '',
		entityId: search.get('entityId') ?? '',
	}
	// A link may carry parameters no filter has (utm_source=…): they are left out, not refused.
	const filter = parseForm(onlyFormFields(search), auditLogFilterSchema)
	if (filter.status !== 'success') {
		// The filters stay usable: the accounts to choose from, with the one chosen.
		const actors = await listAuditActors()
		return data(
			{ values, result: filter.reply(), entries: [], nextCursor: null, actors, isFirstPage: true },
			{ status: 400 },
		)
	}
	const { entries, nextCursor, actors } = await listAuditLog(filter.value)
	return {
		values,
		result: null,
		entries: entries.map(({ before, after, ...entry }) => ({
			...entry,
			changes: auditFieldChanges(before, after),
		})),
		nextCursor,
		actors,
		isFirstPage: filter.value.after === undefined,
	}
}

function queryFor(values: Values, extra: Record<string, string> = {}) {
	const query = new URLSearchParams()
	for (const [name, value] of Object.entries({ ...values, ...extra })) if (value) query.set(name, value)
	const text = query.toString()
	return text ? `?${text}` : ''
}

export default function AuditLog() {
	const { values, result, entries, nextCursor, actors, isFirstPage } = useLoaderData<typeof loader>()
	const filtered = Object.values(values).some(Boolean)
	const { t } = useI18n()
	return (
		<>
			<h1>{t('staff.adminNav.audit')}</h1>
			<p className="lede">{t('staff.auditLog.lede')}</p>

			<section className="panel" aria-labelledby="filter-title">
				<h2 id="filter-title">{t('staff.auditLog.filter')}</h2>
				{result?.error ? <FormMessage tone="error">{t('staff.auditLog.filterRefused')}</FormMessage> : null}
				{/* Another query (a link followed) remounts the form, so that it shows that query's filters. */}
				<AuditFilterForm
					key={queryFor(values)}
					values={values}
					actors={actors}
					lastResult={result}
					filtered={filtered}
				/>
			</section>

			<section aria-labelledby="entries-title">
				<h2 id="entries-title">{isFirstPage ? t('staff.auditLog.latest') : t('staff.auditLog.older')}</h2>
				{entries.length === 0 ? (
					<p>{t('staff.auditLog.noMatch')}</p>
				) : (
					<div className="table-scroll">
						<table className="data-table audit-table stack-on-phone">
							<caption>
								{filtered
									? t('staff.auditLog.captionFiltered', { count: 50 })
									: t('staff.auditLog.caption', { count: 50 })}
							</caption>
							<thead>
								<tr>
									<th scope="col">{t('staff.audit.when')}</th>
									<th scope="col">{t('staff.audit.action')}</th>
									<th scope="col">{t('staff.auditLog.record')}</th>
									<th scope="col">{t('staff.audit.by')}</th>
									<th scope="col">{t('staff.auditLog.beforeAfter')}</th>
								</tr>
							</thead>
							<tbody>
								{entries.map((entry) => (
									<AuditRow key={entry.id} entry={entry} values={values} />
								))}
							</tbody>
						</table>
					</div>
				)}
				<nav className="pagination" aria-label={t('staff.auditLog.pages')}>
					{isFirstPage ? null : (
						<Link to={`/admin/audit${queryFor(values)}`}>{t('staff.auditLog.newest')}</Link>
					)}
					{nextCursor ? (
						<Link to={`/admin/audit${queryFor(values, { after: nextCursor })}`}>
							{t('staff.auditLog.older')}
						</Link>
					) : null}
				</nav>
			</section>
		</>
	)
}

function AuditFilterForm({
	values,
	actors,
	lastResult,
	filtered,
}: {
	values: Values
	actors: ReadonlyArray<{ id: string; displayName: string; email: string }>
	lastResult: Refused['result'] | null
	filtered: boolean
}) {
	const [form, fields] = useStaffForm(auditLogFilterSchema, { lastResult, defaultValue: values })
	const { t } = useI18n()
	return (
		<StaffForm form={form} method="get">
			<SelectField
				label={t('staff.audit.by')}
				field={fields.actor}
				emptyLabel={t('staff.auditLog.anyone')}
				options={actors.map((actor) => ({
					value: actor.id,
					label: `${actor.displayName} (${actor.email})`,
				}))}
			/>
			<SelectField
				label={t('staff.audit.action')}
				field={fields.action}
				emptyLabel={t('staff.auditLog.anyAction')}
				options={actionOptions(values.action, t)}
			/>
			<TextField
				label={t('staff.auditLog.entityType')}
				field={fields.entityType}
				hint={t('staff.auditLog.entityTypeHint')}
			/>
			<TextField label={t('staff.auditLog.entityId')} field={fields.entityId} />
			{/* The page link's position is no field of the form: a broken one is said here. */}
			<FieldErrors id={fields.after.errorId} errors={fields.after.errors} />
			<p className="actions">
				<button type="submit" className="button">
					{t('staff.auditLog.show')}
				</button>
				{filtered ? <Link to="/admin/audit">{t('staff.auditLog.clear')}</Link> : null}
			</p>
		</StaffForm>
	)
}

/** The known actions, and the one in the address if it is not one of them (a link may carry any). */
function actionOptions(current: string, t: Translate) {
	const choices = auditActionChoicesIn(t)
	const known = choices.some((group) => group.options.some((option) => option.value === current))
	return current && !known ? [...choices, { value: current, label: current }] : choices
}

function failedSignInReason(reason: string, t: Translate): string {
	if (reason === 'unknown-email') return t('staff.security.reason.unknownEmail')
	if (reason === 'wrong-password') return t('staff.security.reason.wrongPassword')
	if (reason === 'disabled') return t('staff.security.reason.disabled')
	return reason
}

type ShownEntry = {
	id: string
	action: string
	entityType: string
	entityId: string
	ipAddress: string | null
	createdAt: string | Date
	actor: { displayName: string; email: string } | null
	subject: { name: string; detail: string | null } | null
	failedSignIn: { email: string; reason: string | null } | null
	changes: AuditFieldChange[]
}

function AuditRow({ entry, values }: { entry: ShownEntry; values: Values }) {
	const { changes, subject, failedSignIn } = entry
	const { t, format } = useI18n()
	// Labelled cells: on a narrow screen the table is read as one card per entry (app/styles/staff.css).
	return (
		<tr>
			<td data-label={t('staff.audit.when')}>
				<time dateTime={new Date(entry.createdAt).toISOString()}>
					{staffDateTime(format, entry.createdAt)}
				</time>
			</td>
			<td data-label={t('staff.audit.action')}>
				{auditActionLabelIn(entry.action, t)}
				<span className="audit-secondary">
					<code>{entry.action}</code>
				</span>
			</td>
			<td data-label={t('staff.auditLog.record')}>
				<Link
					to={`/admin/audit${queryFor({ ...values, entityType: entry.entityType, entityId: entry.entityId })}`}
					aria-label={
						subject
							? t('staff.auditLog.entriesAboutNamed', { name: subject.name })
							: t('staff.auditLog.entriesAbout', { record: `${entry.entityType} ${entry.entityId}` })
					}
				>
					{subject ? subject.name : t('staff.auditLog.gone', { type: entry.entityType })}
				</Link>
				{subject?.detail ? <span className="audit-secondary">{subject.detail}</span> : null}
				<span className="audit-secondary">
					{entry.entityType} <code className="record-id">{entry.entityId}</code>
				</span>
			</td>
			<td data-label={t('staff.audit.by')}>
				{failedSignIn ? (
					<>
						{t('staff.auditLog.failedSignInAs')}{' '}
						<strong className="wrap-anywhere">{failedSignIn.email}</strong>
						{failedSignIn.reason ? (
							<span className="audit-secondary">{failedSignInReason(failedSignIn.reason, t)}</span>
						) : null}
					</>
				) : entry.actor ? (
					<>
						{entry.actor.displayName}
						<span className="audit-secondary wrap-anywhere">{entry.actor.email}</span>
					</>
				) : (
					t('staff.auditLog.noOne')
				)}
				{entry.ipAddress ? (
					<span className="audit-secondary">{t('staff.auditLog.from', { address: entry.ipAddress })}</span>
				) : null}
			</td>
			<td data-label={t('staff.auditLog.beforeAfter')}>
				{changes.length === 0 ? (
					'—'
				) : (
					<dl className="audit-changes">
						{changes.map((change) => (
							<div key={change.field} className={change.changed ? 'audit-change-changed' : undefined}>
								<dt>{change.field}</dt>
								<dd>
									{change.changed && change.before !== null ? (
										<>
											<del>{change.before}</del> →{' '}
										</>
									) : null}
									{change.after === null ? (
										<em>{t('staff.auditLog.none')}</em>
									) : change.changed ? (
										<ins>{change.after}</ins>
									) : (
										change.after
									)}
								</dd>
							</div>
						))}
					</dl>
				)}
			</td>
		</tr>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
