import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage } from '~/components/forms'
import { evidenceTypeLabels, publicationDateLabel, publishedPhrase, statusLabel } from '~/components/labels'
import { listPendingEvidence } from '~/models/evidence.server'
import { paths } from '~/models/paths'
import { pageParam } from '~/routes/page-param'

export const meta: MetaFunction = () => [{ title: 'Review queue · Admin · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const url = new URL(request.url)
	const page = pageParam(url)
	if (page === null) throw new Response(null, { status: 400 })
	const queue = await listPendingEvidence({ page })
	if (page > queue.pageCount) throw new Response(null, { status: 404 })
	const decision = url.searchParams.get('reviewed')
	// Own keys only: `in` would take `__proto__` or `constructor` for a decision and render an object.
	return {
		queue,
		lastDecision: decision !== null && Object.hasOwn(decisionMessages, decision) ? decision : null,
	}
}

/** What the queue says after a decision that leads back to it (an approval leads on to the status form). */
const decisionMessages: Record<string, string> = {
	approved: 'The evidence was approved.',
	rejected: 'The evidence was rejected.',
	'changes-requested':
		'The evidence was sent back to its author with your note; it returns here when they resubmit it.',
}

export default function ReviewQueue() {
	const { queue, lastDecision } = useLoaderData<typeof loader>()
	const { items, total, page, pageCount } = queue
	return (
		<>
			<h1>Review queue</h1>
			{lastDecision ? (
				<FormMessage tone="success">
					<p>{decisionMessages[lastDecision]}</p>
				</FormMessage>
			) : null}
			<p className="lede">
				{total === 0
					? 'No evidence awaits review.'
					: `${total} ${total === 1 ? 'item awaits' : 'items await'} review, oldest first.`}
			</p>
			{items.length > 0 ? (
				<ol className="plain-list review-queue">
					{items.map((item) => (
						<li key={item.id} className="panel">
							<h2>
								<Link to={`/admin/review/${item.id}`}>{item.title}</Link>
							</h2>
							<p className="muted">
								{evidenceTypeLabels[item.type]} · {item.publisher} · {publishedPhrase(item.published)} ·
								submitted by {item.submittedBy.displayName} on {item.submittedAt.slice(0, 10)}
							</p>
							{item.measuredValue !== null && item.pledge.indicator ? (
								<p>
									Measured value: {item.measuredValue} {item.pledge.indicator.unit} (as of {item.measuredAsOf}
									)
								</p>
							) : null}
							<dl className="staff-facts">
								<dt>Pledge</dt>
								<dd>
									<Link to={paths.pledge('en', item.pledge.platform.slug, item.pledge.slug)}>
										{item.pledge.title}
									</Link>
								</dd>
								<dt>Current status</dt>
								<dd>{statusLabel(item.pledge.status)}</dd>
								<dt>Suggested status</dt>
								<dd>
									{item.suggestedStatus ? (
										<>
											<strong>{statusLabel(item.suggestedStatus)}</strong>: {item.suggestionReason}
										</>
									) : (
										'None suggested'
									)}
								</dd>
								<dt>Latest approved evidence</dt>
								<dd>
									{item.pledge.latestApprovedEvidence.length === 0 ? (
										'None yet'
									) : (
										<ul>
											{item.pledge.latestApprovedEvidence.map((evidence) => (
												<li key={evidence.id}>
													<a href={evidence.sourceUrl} rel="noopener noreferrer nofollow">
														{evidence.title}
													</a>{' '}
													<span className="muted">
														({evidence.publisher}, {publicationDateLabel(evidence.published)})
													</span>
												</li>
											))}
										</ul>
									)}
								</dd>
							</dl>
							<p>
								<Link className="button" to={`/admin/review/${item.id}`}>
									Review “{item.title}”
								</Link>
							</p>
						</li>
					))}
				</ol>
			) : null}
			{pageCount > 1 ? (
				<nav className="pagination" aria-label="Pages of the review queue">
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
