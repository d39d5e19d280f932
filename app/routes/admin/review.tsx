import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage } from '~/components/forms'
import { useStaffLabels } from '~/components/labels'
import { staffPageMeta } from '~/i18n/staff-meta'
import type { MessageKey } from '~/i18n/translator'
import { useI18n } from '~/i18n/use-i18n'
import { listPendingEvidence } from '~/models/evidence.server'
import { paths } from '~/models/paths'
import { pageParam } from '~/routes/page-param'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => `${t('staff.adminNav.review')} · ${t('staff.admin.title')}`)

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
const decisionMessages: Record<string, MessageKey> = {
	approved: 'staff.review.approved',
	rejected: 'staff.review.rejected',
	'changes-requested': 'staff.review.changesRequested',
}

export default function ReviewQueue() {
	const { queue, lastDecision } = useLoaderData<typeof loader>()
	const { items, total, page, pageCount } = queue
	const { t, locale, format } = useI18n()
	const labels = useStaffLabels()
	const decision = lastDecision ? decisionMessages[lastDecision] : undefined
	return (
		<>
			<h1>{t('staff.adminNav.review')}</h1>
			{decision ? (
				<FormMessage tone="success">
					<p>{t(decision)}</p>
				</FormMessage>
			) : null}
			<p className="lede">
				{total === 0 ? t('staff.review.none') : t('staff.review.waiting', { count: total })}
			</p>
			{items.length > 0 ? (
				<ol className="plain-list review-queue">
					{items.map((item) => (
						<li key={item.id} className="panel">
							<h2>
								<Link to={`/admin/review/${item.id}`}>{item.title}</Link>
							</h2>
							<p className="muted">
								{labels.evidenceType(item.type)} · {item.publisher} · {labels.publishedPhrase(item.published)}{' '}
								·{' '}
								{t('staff.review.submittedBy', {
									name: item.submittedBy.displayName,
									date: format.date(item.submittedAt),
								})}
							</p>
							{item.measuredValue !== null && item.pledge.indicator ? (
								<p>
									{t('staff.review.measuredValue', {
										value: item.measuredValue,
										date: item.measuredAsOf ?? '',
									})}{' '}
									<span lang="en">{item.pledge.indicator.unit}</span>
								</p>
							) : null}
							<dl className="staff-facts">
								<dt>{t('staff.admin.pledge')}</dt>
								<dd>
									<Link to={paths.pledge(locale, item.pledge.platform.slug, item.pledge.slug)} lang="en">
										{item.pledge.title}
									</Link>
								</dd>
								<dt>{t('staff.review.currentStatus')}</dt>
								<dd>{labels.status(item.pledge.status)}</dd>
								<dt>{t('staff.review.suggestedStatus')}</dt>
								<dd>
									{item.suggestedStatus ? (
										<>
											<strong>{labels.status(item.suggestedStatus)}</strong>: {item.suggestionReason}
										</>
									) : (
										t('staff.review.noneSuggested')
									)}
								</dd>
								<dt>{t('staff.review.latestApproved')}</dt>
								<dd>
									{item.pledge.latestApprovedEvidence.length === 0 ? (
										t('staff.review.noneYet')
									) : (
										<ul>
											{item.pledge.latestApprovedEvidence.map((evidence) => (
												<li key={evidence.id}>
													<a href={evidence.sourceUrl} rel="noopener noreferrer nofollow">
														{evidence.title}
													</a>{' '}
													<span className="muted">
														({evidence.publisher}, {labels.publicationDate(evidence.published)})
													</span>
												</li>
											))}
										</ul>
									)}
								</dd>
							</dl>
							<p>
								<Link className="button" to={`/admin/review/${item.id}`}>
									{t('staff.review.reviewItem', { title: item.title })}
								</Link>
							</p>
						</li>
					))}
				</ol>
			) : null}
			{pageCount > 1 ? (
				<nav className="pagination" aria-label={t('staff.review.pages')}>
					{page > 1 ? <Link to={`?page=${page - 1}`}>{t('staff.pagination.previous')}</Link> : null}
					<span>{t('staff.pagination.pageOf', { page, count: pageCount })}</span>
					{page < pageCount ? <Link to={`?page=${page + 1}`}>{t('staff.pagination.next')}</Link> : null}
				</nav>
			) : null}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
