import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { pageOrFirst } from '~/routes/page-param'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { listCategoriesToEdit } from '~/models/category.server'
import { listPlatformsToEdit } from '~/models/platform.server'
import { listPledgesToEdit } from '~/models/pledge.server'
import { listPoliticians } from '~/models/politician.server'
import { statusLabel } from '~/components/labels'
import { staffPageMeta } from '~/i18n/staff-meta'

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => `${t('staff.adminNav.catalogue')} · ${t('staff.admin.title')}`)

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const page = pageOrFirst(new URL(request.url))
	const [politicians, categories, platforms, pledges] = await Promise.all([
		listPoliticians(),
		listCategoriesToEdit(),
		listPlatformsToEdit(),
		listPledgesToEdit({ page }),
	])
	return { page, politicians, categories, platforms, ...pledges }
}

export default function Catalogue() {
	const { politicians, categories, platforms, pledges, pledgeCount, page, pageCount } =
		useLoaderData<typeof loader>()
	return (
		<>
			<div className="page-heading">
				<h1>Catalogue</h1>
				<Link to="/admin/catalogue/pledges/new" className="button">
					New pledge
				</Link>
			</div>
			<p className="lede">
				The platforms and their pledges, with each pledge’s indicator or steps and its Russian and Kazakh
				text.
			</p>

			<section className="panel" aria-labelledby="politicians-title">
				<div className="page-heading">
					<h2 id="politicians-title">Politicians</h2>
					<Link to="/admin/catalogue/politicians/new">New politician</Link>
				</div>
				<ul className="plain-list">
					{politicians.map((politician) => (
						<li key={politician.id}>
							<Link to={`/admin/catalogue/politicians/${politician.id}`}>{politician.name}</Link>,{' '}
							{politician.office}
						</li>
					))}
				</ul>
			</section>

			<section className="panel" aria-labelledby="categories-title">
				<div className="page-heading">
					<h2 id="categories-title">Principles and topics</h2>
					<Link to="/admin/catalogue/categories/new">New category</Link>
				</div>
				<ul className="plain-list">
					{categories.map((category) => (
						<li key={category.id}>
							<Link to={`/admin/catalogue/categories/${category.id}`}>{category.title}</Link> (
							{category.parent ? `a topic of ${category.parent.title}` : 'a principle'},{' '}
							{category.platform.title})
						</li>
					))}
				</ul>
			</section>

			<section className="panel" aria-labelledby="platforms-title">
				<div className="page-heading">
					<h2 id="platforms-title">Platforms</h2>
					<Link to="/admin/catalogue/platforms/new">New platform</Link>
				</div>
				<ul className="plain-list">
					{platforms.map((platform) => (
						<li key={platform.id}>
							<Link to={`/admin/catalogue/platforms/${platform.id}`}>{platform.title}</Link> (
							{platform.politician.name}): {platform._count.categories} categories, {platform._count.pledges}{' '}
							pledges
							{platform.publishedAt === null ? ' · draft' : platform.featuredAt ? ' · featured' : ''}
						</li>
					))}
				</ul>
			</section>

			<section aria-labelledby="pledges-title">
				<h2 id="pledges-title">Pledges ({pledgeCount})</h2>
				<div className="table-scroll">
					<table className="data-table">
						<caption>Every pledge, by platform and category</caption>
						<thead>
							<tr>
								<th scope="col">Pledge</th>
								<th scope="col">Category</th>
								<th scope="col">Kind</th>
								<th scope="col">Status</th>
								<th scope="col">Slug</th>
							</tr>
						</thead>
						<tbody>
							{pledges.map((pledge) => (
								<tr key={pledge.id}>
									<td>
										<Link to={`/admin/catalogue/pledges/${pledge.id}`}>{pledge.title}</Link>
									</td>
									<td>{pledge.category.title}</td>
									<td>{pledge.kind.toLowerCase()}</td>
									<td>{statusLabel(pledge.status)}</td>
									<td>
										<code>
											{pledge.platform.slug}/{pledge.slug}
										</code>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
				{pageCount > 1 ? (
					<nav className="pagination" aria-label="Pledge pages">
						{page > 1 ? <Link to={`?page=${page - 1}`}>Previous page</Link> : null}
						<span>
							Page {page} of {pageCount}
						</span>
						{page < pageCount ? <Link to={`?page=${page + 1}`}>Next page</Link> : null}
					</nav>
				) : null}
			</section>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
