import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { pageOrFirst } from '~/routes/page-param'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { roleLabels } from '~/components/labels'
import { listAccounts } from '~/models/user.server'

export const meta: MetaFunction = () => [{ title: 'Accounts · Admin · Uade' }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const page = pageOrFirst(new URL(request.url))
	const { accounts, total, pageCount } = await listAccounts({ page })
	if (page > pageCount) throw new Response(null, { status: 404 })
	return { accounts, total, page, pageCount }
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

export default function Accounts() {
	const { accounts, total, page, pageCount } = useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-heading">
				<h1>Accounts</h1>
				<Link className="button" to="/admin/accounts/new">
					Create an account
				</Link>
			</div>
			<p className="lede">
				{total} {total === 1 ? 'account' : 'accounts'}. Open one to change its role, disable it or reset its
				password.
			</p>
			<div className="table-scroll">
				<table className="data-table">
					<thead>
						<tr>
							<th scope="col">Name</th>
							<th scope="col">Email</th>
							<th scope="col">Role</th>
							<th scope="col">State</th>
							<th scope="col">Last sign-in (UTC)</th>
						</tr>
					</thead>
					<tbody>
						{accounts.map((account) => (
							<tr key={account.id}>
								<td>
									<Link to={`/admin/accounts/${account.id}`}>{account.displayName}</Link>
								</td>
								<td>{account.email}</td>
								<td>{roleLabels[account.role]}</td>
								<td>
									{account.disabled
										? 'Disabled'
										: account.mustChangePassword
											? 'Active, must choose a password'
											: 'Active'}
								</td>
								<td>{account.lastSignInAt ? dateTime.format(new Date(account.lastSignInAt)) : 'Never'}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{pageCount > 1 ? (
				<nav className="pagination" aria-label="Pages of accounts">
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
