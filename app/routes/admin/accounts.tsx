import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { pageOrFirst } from '~/routes/page-param'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { staffDateTime } from '~/components/forms'
import { useStaffLabels } from '~/components/labels'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { listAccounts } from '~/models/user.server'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => `${t('staff.adminNav.accounts')} · ${t('staff.admin.title')}`)

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const page = pageOrFirst(new URL(request.url))
	const { accounts, total, pageCount } = await listAccounts({ page })
	if (page > pageCount) throw new Response(null, { status: 404 })
	return { accounts, total, page, pageCount }
}

export default function Accounts() {
	const { accounts, total, page, pageCount } = useLoaderData<typeof loader>()
	const { t, format } = useI18n()
	const labels = useStaffLabels()
	return (
		<>
			<div className="page-heading">
				<h1>{t('staff.adminNav.accounts')}</h1>
				<Link className="button" to="/admin/accounts/new">
					{t('staff.accounts.create')}
				</Link>
			</div>
			<p className="lede">{t('staff.accounts.count', { count: total })}</p>
			<div className="table-scroll">
				<table className="data-table">
					<thead>
						<tr>
							<th scope="col">{t('staff.account.name')}</th>
							<th scope="col">{t('staff.account.email')}</th>
							<th scope="col">{t('staff.account.role')}</th>
							<th scope="col">{t('staff.accounts.state')}</th>
							<th scope="col">{t('staff.accounts.lastSignIn')}</th>
						</tr>
					</thead>
					<tbody>
						{accounts.map((account) => (
							<tr key={account.id}>
								<td>
									<Link to={`/admin/accounts/${account.id}`}>{account.displayName}</Link>
								</td>
								<td>{account.email}</td>
								<td>{labels.role(account.role)}</td>
								<td>
									{account.disabled
										? t('staff.accounts.disabled')
										: account.mustChangePassword
											? t('staff.accounts.activeMustChoose')
											: t('staff.accounts.active')}
								</td>
								<td>
									{account.lastSignInAt
										? staffDateTime(format, account.lastSignInAt)
										: t('staff.accounts.never')}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{pageCount > 1 ? (
				<nav className="pagination" aria-label={t('staff.accounts.pages')}>
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
