import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage, staffDateTime } from '~/components/forms'
import { useStaffLabels } from '~/components/labels'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { listEvidenceBySubmitter } from '~/models/evidence.server'
import { paths } from '~/models/paths'
import { pageParam } from '~/routes/page-param'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => t('staff.menu.mySubmissions'))

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
	const { t, locale, format } = useI18n()
	const labels = useStaffLabels()
	return (
		<>
			<h1>{t('staff.menu.mySubmissions')}</h1>
			{justSubmitted ? (
				<FormMessage tone="success">
					<p>
						{t('staff.mine.submitted', { title: justSubmitted.title, pledge: justSubmitted.pledge.title })}
					</p>
				</FormMessage>
			) : null}
			{justChanged ? (
				<FormMessage tone="success">
					<p>
						{justChanged.how === 'withdrawn'
							? t('staff.mine.withdrawn', { title: justChanged.item.title })
							: justChanged.item.reviewState === 'PENDING'
								? t('staff.mine.savedAwaiting', { title: justChanged.item.title })
								: t('staff.mine.saved', { title: justChanged.item.title })}
					</p>
				</FormMessage>
			) : null}
			<p className="lede">{total === 0 ? t('staff.mine.none') : t('staff.mine.count', { count: total })}</p>
			{items.length > 0 ? (
				<div className="table-scroll">
					<table className="data-table">
						<thead>
							<tr>
								<th scope="col">{t('staff.mine.evidence')}</th>
								<th scope="col">{t('staff.admin.pledge')}</th>
								<th scope="col">{t('staff.mine.submittedAt')}</th>
								<th scope="col">{t('staff.mine.review')}</th>
								<th scope="col">{t('staff.mine.reviewNote')}</th>
								<th scope="col">{t('staff.mine.change')}</th>
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
											{labels.evidenceType(item.type)} · {item.publisher} ·{' '}
											{labels.publicationDate(item.published)}
										</span>
										{item.measuredValue !== null ? (
											<>
												<br />
												<span>
													{t('staff.review.measuredValue', {
														value: item.measuredValue,
														date: item.measuredAsOf ?? '',
													})}
												</span>
											</>
										) : null}
									</td>
									<td>
										<Link to={paths.pledge(locale, item.pledge.platform.slug, item.pledge.slug)} lang="en">
											{item.pledge.title}
										</Link>
									</td>
									<td>{staffDateTime(format, item.submittedAt)}</td>
									<td>
										{labels.reviewState(item.reviewState)}
										{item.reviewedBy ? (
											<span className="muted">
												{' '}
												{t('staff.mine.reviewedBy', { name: item.reviewedBy.displayName })}
											</span>
										) : null}
									</td>
									<td>{item.reviewNote ?? <span className="muted">—</span>}</td>
									<td>
										{item.reviewState === 'CHANGES_REQUESTED' ? (
											<Link
												to={`/evidence/${item.id}`}
												aria-label={t('staff.mine.editResubmitItem', { title: item.title })}
											>
												{t('staff.mine.editResubmit')}
											</Link>
										) : item.reviewState === 'PENDING' ? (
											<Link
												to={`/evidence/${item.id}`}
												aria-label={t('staff.mine.editWithdrawItem', { title: item.title })}
											>
												{t('staff.mine.editWithdraw')}
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
				<nav className="pagination" aria-label={t('staff.mine.pages')}>
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
