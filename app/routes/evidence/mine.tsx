import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage } from '~/components/forms'
import { evidenceTypeLabels, publicationDateLabel, reviewStateLabels } from '~/components/labels'
import { listEvidenceBySubmitter } from '~/models/evidence.server'
import { paths } from '~/models/paths'
import { pageParam } from '~/routes/page-param'

export const meta: MetaFunction = () => [{ title: 'My submissions · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const url = new URL(request.url)
	const page = pageParam(url)
	if (page === null) throw new Response(null, { status: 400 })
	const submissions = await listEvidenceBySubmitter({ userId: user.id, page })
	if (page > submissions.pageCount) throw new Response(null, { status: 404 })
	const submittedId = url.searchParams.get('submitted')
	// What the author's edit page just did (it leads back here): which item, and what.
	const changed = (['edited', 'withdrawn'] as const).flatMap((how) => {
		const item = submissions.items.find((mine) => mine.id === url.searchParams.get(how))
		return item ? [{ how, item }] : []
	})
	return {
		submissions,
		justSubmitted: submissions.items.find((item) => item.id === submittedId) ?? null,
		justChanged: changed[0] ?? null,
	}
}

export default function MySubmissions() {
	const { submissions, justSubmitted, justChanged } = useLoaderData<typeof loader>()
	const { items, total, page, pageCount } = submissions
	return (
		<>
			<h1>My submissions</h1>
			{justSubmitted ? (
				<FormMessage tone="success">
					<p>
						Thank you: “{justSubmitted.title}” was recorded for “{justSubmitted.pledge.title}” and awaits
						review by an admin.
					</p>
				</FormMessage>
			) : null}
			{justChanged ? (
				<FormMessage tone="success">
					<p>
						{justChanged.how === 'withdrawn'
							? `“${justChanged.item.title}” was withdrawn: it will not be reviewed or published.`
							: justChanged.item.reviewState === 'PENDING'
								? `“${justChanged.item.title}” was saved and awaits review by an admin.`
								: `“${justChanged.item.title}” was saved.`}
					</p>
				</FormMessage>
			) : null}
			<p className="lede">
				{total === 0
					? 'You have not submitted any evidence yet. Open a pledge and choose “Add evidence”.'
					: `${total} ${total === 1 ? 'item' : 'items'} of evidence, newest first.`}
			</p>
			{items.length > 0 ? (
				<div className="table-scroll">
					<table className="data-table">
						<thead>
							<tr>
								<th scope="col">Evidence</th>
								<th scope="col">Pledge</th>
								<th scope="col">Submitted (UTC)</th>
								<th scope="col">Review</th>
								<th scope="col">Reviewer’s note</th>
								<th scope="col">Change</th>
							</tr>
						</thead>
						<tbody>
							{items.map((item) => (
								<tr key={item.id}>
									<td>
										<a href={item.sourceUrl} rel="noopener noreferrer nofollow">
											{item.title}
										</a>
										<br />
										<span className="muted">
											{evidenceTypeLabels[item.type]} · {item.publisher} ·{' '}
											{publicationDateLabel(item.published)}
										</span>
										{item.measuredValue !== null ? (
											<>
												<br />
												<span>
													Measured value: {item.measuredValue} (as of {item.measuredAsOf})
												</span>
											</>
										) : null}
									</td>
									<td>
										<Link to={paths.pledge('en', item.pledge.platform.slug, item.pledge.slug)}>
											{item.pledge.title}
										</Link>
									</td>
									<td>{item.submittedAt.slice(0, 16).replace('T', ' ')}</td>
									<td>
										{reviewStateLabels[item.reviewState]}
										{item.reviewedBy ? (
											<span className="muted"> by {item.reviewedBy.displayName}</span>
										) : null}
									</td>
									<td>{item.reviewNote ?? <span className="muted">—</span>}</td>
									<td>
										{item.reviewState === 'CHANGES_REQUESTED' ? (
											<Link to={`/evidence/${item.id}`} aria-label={`Edit and resubmit “${item.title}”`}>
												Edit and resubmit
											</Link>
										) : item.reviewState === 'PENDING' ? (
											<Link to={`/evidence/${item.id}`} aria-label={`Edit or withdraw “${item.title}”`}>
												Edit or withdraw
											</Link>
										) : (
											<span className="muted">—</span>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			{pageCount > 1 ? (
				<nav className="pagination" aria-label="Pages of my submissions">
					{page > 1 ? <Link to={`?page=${page - 1}`}>Previous page</Link> : null}
					<span>
						Page {page} of {pageCount}
					</span>
					{page < pageCount ? <Link to={`?page=${page + 1}`}>Next page</Link> : null}
				</nav>
			) : null}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
