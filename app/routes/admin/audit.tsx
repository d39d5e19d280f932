import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	FieldErrors,
	FormMessage,
	SelectField,
	StaffForm,
	TextField,
	useStaffForm,
	type Refused,
} from '~/components/forms'
import { reviewWorkflowActionLabels } from '~/components/labels'
import { auditLogFilterSchema } from '~/forms/audit-log'
import { onlyFormFields, parseForm } from '~/forms/reply.server'
import {
	auditFieldChanges,
	listAuditActors,
	listAuditLog,
	type AuditFieldChange,
} from '~/models/audit-log.server'

export const meta: MetaFunction = () => [{ title: 'Audit log · Admin · Uade' }]

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

const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'medium',
	timeZone: 'UTC',
})

function queryFor(values: Values, extra: Record<string, string> = {}) {
	const query = new URLSearchParams()
	for (const [name, value] of Object.entries({ ...values, ...extra })) if (value) query.set(name, value)
	const text = query.toString()
	return text ? `?${text}` : ''
}

export default function AuditLog() {
	const { values, result, entries, nextCursor, actors, isFirstPage } = useLoaderData<typeof loader>()
	const filtered = Object.values(values).some(Boolean)
	return (
		<>
			<h1>Audit log</h1>
			<p className="lede">
				Every change made through Uade, newest first: who did it, from where, and the record before and after.
				Entries can never be edited or deleted.
			</p>

			<section className="panel" aria-labelledby="filter-title">
				<h2 id="filter-title">Filter</h2>
				{result?.error ? (
					<FormMessage tone="error">Some filters could not be used: see the messages below.</FormMessage>
				) : null}
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
				<h2 id="entries-title">{isFirstPage ? 'Latest entries' : 'Older entries'}</h2>
				{entries.length === 0 ? (
					<p>No entry matches.</p>
				) : (
					<div className="table-scroll">
						<table className="data-table audit-table">
							<caption>
								Up to 50 entries per page{filtered ? ', filtered' : ''}, newest first. Times are UTC.
							</caption>
							<thead>
								<tr>
									<th scope="col">When (UTC)</th>
									<th scope="col">Action</th>
									<th scope="col">Entity</th>
									<th scope="col">By</th>
									<th scope="col">Before → after</th>
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
				<nav className="pagination" aria-label="Audit log pages">
					{isFirstPage ? null : <Link to={`/admin/audit${queryFor(values)}`}>Newest entries</Link>}
					{nextCursor ? (
						<Link to={`/admin/audit${queryFor(values, { after: nextCursor })}`}>Older entries</Link>
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
	return (
		<StaffForm form={form} method="get">
			<SelectField
				label="By"
				field={fields.actor}
				emptyLabel="Anyone"
				options={actors.map((actor) => ({
					value: actor.id,
					label: `${actor.displayName} (${actor.email})`,
				}))}
			/>
			<TextField
				label="Action"
				field={fields.action}
				hint="The whole action or its beginning: pledge.update, or pledge. for every pledge change."
			/>
			<TextField
				label="Entity type"
				field={fields.entityType}
				hint="For example Pledge, Evidence, StatusUpdate, Platform, Category, Politician or User."
			/>
			<TextField label="Entity id" field={fields.entityId} />
			{/* The page link's position is no field of the form: a broken one is said here. */}
			<FieldErrors id={fields.after.errorId} errors={fields.after.errors} />
			<p className="actions">
				<button type="submit" className="button">
					Show entries
				</button>
				{filtered ? <Link to="/admin/audit">Clear the filters</Link> : null}
			</p>
		</StaffForm>
	)
}

type ShownEntry = {
	id: string
	action: string
	entityType: string
	entityId: string
	ipAddress: string | null
	createdAt: string | Date
	actor: { displayName: string } | null
	changes: AuditFieldChange[]
}

function AuditRow({ entry, values }: { entry: ShownEntry; values: Values }) {
	const { changes } = entry
	return (
		<tr>
			<td>
				<time dateTime={new Date(entry.createdAt).toISOString()}>
					{dateTime.format(new Date(entry.createdAt))}
				</time>
			</td>
			<td>
				{reviewWorkflowActionLabels[entry.action] ? <>{reviewWorkflowActionLabels[entry.action]} </> : null}
				<code>{entry.action}</code>
			</td>
			<td>
				{entry.entityType}{' '}
				<Link
					to={`/admin/audit${queryFor({ ...values, entityType: entry.entityType, entityId: entry.entityId })}`}
					aria-label={`Entries about ${entry.entityType} ${entry.entityId}`}
				>
					<code>{entry.entityId}</code>
				</Link>
			</td>
			<td>
				{entry.actor ? entry.actor.displayName : 'nobody signed in or the command line'}
				{entry.ipAddress ? <span className="staff-field-hint"> from {entry.ipAddress}</span> : null}
			</td>
			<td>
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
										<em>none</em>
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
