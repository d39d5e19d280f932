import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage } from '~/components/forms'
import { importUpload } from '~/data/import-source.server'
import { countChanges, recordKinds, type ImportProblem } from '~/data/import-report'
import { readForm } from '~/forms/reply.server'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => `${t('staff.adminNav.import')} · ${t('staff.admin.title')}`)

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return null
}

/** At most this many lines of a report go to the page: the counts always say how many there are. */
const shownLines = 500

const intents = ['check', 'import'] as const

/**
 * An upload: the file (a JSON document of the import format, or a pledges or evidence CSV), and whether to
 * check it only (a dry run) or import it. Either way everything is checked first; an import writes all of
 * it in one transaction or nothing. The answer is the report: every problem with its place, or what was (or
 * would be) created, changed and left as it is.
 */
export async function action({ request, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const form = await readForm(request)
	const intent = intents.find((each) => each === form.get('intent'))
	const file = form.get('file')
	if (!intent) return data({ refused: 'Please use one of the buttons on the page.' }, { status: 400 })
	if (!(file instanceof File) || file.size === 0) {
		return data({ refused: 'Choose the file to import first.' }, { status: 400 })
	}
	const result = await importUpload(new Uint8Array(await file.arrayBuffer()), file.name, {
		actor,
		dryRun: intent === 'check',
	})
	if (result.status === 'refused') {
		return data(
			{
				report: {
					status: result.status,
					file: file.name,
					problems: shown(result.problems),
					problemCount: result.problems.length,
				},
			},
			{ status: 400 },
		)
	}
	const changed = result.changes.filter((change) => change.action !== 'unchanged')
	return data({
		report: {
			status: result.status,
			file: file.name,
			counts: countChanges(result.changes),
			changes: shown(changed),
			changeCount: changed.length,
		},
	})
}

function shown<T>(lines: readonly T[]): T[] {
	return lines.slice(0, shownLines)
}

export default function Import() {
	const answer = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t } = useI18n()
	const busy = navigation.state === 'submitting'
	return (
		<>
			<h1>{t('staff.adminNav.import')}</h1>
			<p className="lede">{t('staff.import.lede')}</p>
			<p>{t('staff.import.formats')}</p>
			{answer && 'refused' in answer ? <FormMessage tone="error">{answer.refused}</FormMessage> : null}
			{answer && 'report' in answer ? <Report report={answer.report} /> : null}
			<Form method="post" encType="multipart/form-data" className="staff-form">
				<div className="field">
					<label htmlFor="import-file">{t('staff.import.file')}</label>
					<input
						id="import-file"
						name="file"
						type="file"
						accept=".json,.csv,application/json,text/csv"
						required
					/>
					<p className="hint">{t('staff.import.fileHint')}</p>
				</div>
				<div className="button-row">
					<button type="submit" name="intent" value="check" className="button" disabled={busy}>
						{t('staff.import.check')}
					</button>
					<button
						type="submit"
						name="intent"
						value="import"
						className="button button-secondary"
						disabled={busy}
					>
						{t('staff.import.import')}
					</button>
				</div>
			</Form>
		</>
	)
}

type ReportData = Extract<
	NonNullable<ReturnType<typeof useActionData<typeof action>>>,
	{ report: unknown }
>['report']

function Report({ report }: { report: ReportData }) {
	const { t, format } = useI18n()
	if (report.status === 'refused') {
		return (
			<FormMessage tone="error">
				<p>{t('staff.import.refused', { file: report.file, count: report.problemCount })}</p>
				<ProblemList problems={report.problems} />
				{report.problemCount > report.problems.length ? (
					<p>{t('staff.import.more', { count: report.problemCount - report.problems.length })}</p>
				) : null}
			</FormMessage>
		)
	}
	return (
		<FormMessage tone="success">
			<p>
				{report.status === 'checked'
					? t('staff.import.checked', { file: report.file })
					: t('staff.import.applied', { file: report.file })}
			</p>
			<table className="import-counts">
				<thead>
					<tr>
						<th scope="col">{t('staff.import.kind')}</th>
						<th scope="col" className="number">
							{t('staff.import.create')}
						</th>
						<th scope="col" className="number">
							{t('staff.import.change')}
						</th>
						<th scope="col" className="number">
							{t('staff.import.unchanged')}
						</th>
					</tr>
				</thead>
				<tbody>
					{recordKinds
						.filter((kind) => {
							const counts = report.counts[kind]
							return counts.create + counts.change + counts.unchanged > 0
						})
						.map((kind) => (
							<tr key={kind}>
								<th scope="row">{t(`staff.import.kind.${kind}`)}</th>
								<td className="number">{format.number(report.counts[kind].create)}</td>
								<td className="number">{format.number(report.counts[kind].change)}</td>
								<td className="number">{format.number(report.counts[kind].unchanged)}</td>
							</tr>
						))}
				</tbody>
			</table>
			{report.changes.length > 0 ? (
				<ul>
					{report.changes.map((change) => (
						<li key={`${change.kind} ${change.where}`}>
							{t(`staff.import.action.${change.action === 'create' ? 'create' : 'change'}`)}{' '}
							{t(`staff.import.kind.${change.kind}`)}: <code>{change.key}</code>
						</li>
					))}
				</ul>
			) : null}
			{report.changeCount > report.changes.length ? (
				<p>{t('staff.import.more', { count: report.changeCount - report.changes.length })}</p>
			) : null}
		</FormMessage>
	)
}

function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
	return (
		<ul className="import-problems">
			{problems.map((problem, index) => (
				<li key={index}>
					<code>{problem.where}</code>: {problem.message}
				</li>
			))}
		</ul>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
