import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { pageOrFirst } from '~/routes/page-param'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { listCategoriesToEdit } from '~/models/category.server'
import { listPlatformsToEdit } from '~/models/platform.server'
import { listPledgesToEdit } from '~/models/pledge.server'
import { listPoliticians } from '~/models/politician.server'
import { useI18n } from '~/i18n/use-i18n'
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
	const { t } = useI18n()
	return (
		<>
			<div className="page-heading">
				<h1>{t('staff.catalogue.heading')}</h1>
				<Link to="/admin/catalogue/pledges/new" className="button">
					{t('staff.catalogue.newPledge')}
				</Link>
			</div>
			<p className="lede">{t('staff.catalogue.lede')}</p>

			<section className="panel" aria-labelledby="politicians-title">
				<div className="page-heading">
					<h2 id="politicians-title">{t('staff.catalogue.politicians')}</h2>
					<Link to="/admin/catalogue/politicians/new">{t('staff.catalogue.newPolitician')}</Link>
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
					<h2 id="categories-title">{t('staff.catalogue.categories')}</h2>
					<Link to="/admin/catalogue/categories/new">{t('staff.catalogue.newCategory')}</Link>
				</div>
				<ul className="plain-list">
					{categories.map((category) => (
						<li key={category.id}>
							<Link to={`/admin/catalogue/categories/${category.id}`}>{category.title}</Link> (
							{category.parent
								? t('staff.catalogue.topicOf', { parent: category.parent.title })
								: t('staff.catalogue.principle')}
							, {category.platform.title})
						</li>
					))}
				</ul>
			</section>

			<section className="panel" aria-labelledby="platforms-title">
				<div className="page-heading">
					<h2 id="platforms-title">{t('staff.catalogue.platforms')}</h2>
					<Link to="/admin/catalogue/platforms/new">{t('staff.catalogue.newPlatform')}</Link>
				</div>
				<ul className="plain-list">
					{platforms.map((platform) => (
						<li key={platform.id}>
							<Link to={`/admin/catalogue/platforms/${platform.id}`}>{platform.title}</Link> (
							{platform.politician.name}):{' '}
							{t('staff.catalogue.categoryCount', { count: platform._count.categories })},{' '}
							{t('count.pledges', { count: platform._count.pledges })}
							{platform.publishedAt === null
								? ` · ${t('staff.catalogue.draft')}`
								: platform.featuredAt
									? ` · ${t('staff.catalogue.featured')}`
									: ''}
						</li>
					))}
				</ul>
			</section>

			<section aria-labelledby="pledges-title">
				<h2 id="pledges-title">{t('staff.catalogue.pledges', { count: pledgeCount })}</h2>
				<div className="table-scroll">
					<table className="data-table">
						<caption>{t('staff.catalogue.pledgesCaption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('staff.catalogue.pledge')}</th>
								<th scope="col">{t('staff.catalogue.category')}</th>
								<th scope="col">{t('staff.catalogue.kind')}</th>
								<th scope="col">{t('staff.catalogue.status')}</th>
								<th scope="col">{t('staff.catalogue.slug')}</th>
							</tr>
						</thead>
						<tbody>
							{pledges.map((pledge) => (
								<tr key={pledge.id}>
									<td>
										<Link to={`/admin/catalogue/pledges/${pledge.id}`}>{pledge.title}</Link>
									</td>
									<td>{pledge.category.title}</td>
									<td>{t(`kind.${pledge.kind}`)}</td>
									<td>{t(`status.${pledge.status}`)}</td>
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
					<nav className="pagination" aria-label={t('staff.catalogue.pledgePages')}>
						{page > 1 ? <Link to={`?page=${page - 1}`}>{t('staff.catalogue.previousPage')}</Link> : null}
						<span>
							Page {page} of {pageCount}
						</span>
						{page < pageCount ? <Link to={`?page=${page + 1}`}>{t('staff.catalogue.nextPage')}</Link> : null}
					</nav>
				) : null}
			</section>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
