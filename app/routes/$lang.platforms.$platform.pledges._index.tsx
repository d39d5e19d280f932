import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { platformVisibilityFor } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { HighlightedText } from '~/components/highlighted-text'
import {
	DraftBanner,
	fallbackLang,
	Pagination,
	StatusBadge,
	UntranslatedNote,
	useTypeset,
} from '~/components/public-ui'
import { requireLocale } from '~/i18n/locales'
import type { MessageKey } from '~/i18n/translator'
import { publicPageMeta } from '~/i18n/seo'
import { useI18n } from '~/i18n/use-i18n'
import { listPlatformCategories } from '~/models/category.server'
import { paths } from '~/models/paths'
import { localizePlatform } from '~/models/translation.server'
import { getPlatform } from '~/models/platform.server'
import { pledgeSearchParams, searchPledges } from '~/models/pledge-search.server'
import { analyzeQuery, highlightMatches, type TextSegment } from '~/models/search-text'
import { pledgeStatuses } from '~/models/status'
import { publicPageHeaders } from '~/server/http-cache.server'

const pledgeKinds = ['QUANTITATIVE', 'MILESTONE', 'QUALITATIVE'] as const
const sorts = ['updated', 'deadline', 'title'] as const
const maxQueryLength = 200

type Field = 'q' | 'principle' | 'category' | 'status' | 'kind'
type FieldErrors = Partial<Record<Field, { key: MessageKey; max?: number }>>
const fields: readonly string[] = ['q', 'principle', 'category', 'status', 'kind'] satisfies Field[]

function isField(name: PropertyKey | undefined): name is Field {
	return typeof name === 'string' && fields.includes(name)
}

/**
 * The URL's filters (every filter is a search parameter, so a filtered list is a URL to share and the back
 * button works). A value that decides which pledges are listed and is not valid is named by its field.
 */
function parseFilters(url: URL) {
	const values: Record<string, string> = {}
	for (const [name, value] of url.searchParams) if (value.trim() !== '') values[name] = value
	const parsed = pledgeSearchParams.safeParse(url.searchParams)
	if (parsed.success) return { filters: parsed.data, values, errors: null }
	const errors: FieldErrors = {}
	for (const issue of parsed.error.issues) {
		const field = issue.path[0]
		if (!isField(field)) continue
		errors[field] =
			field === 'q' ? { key: 'list.queryTooLong', max: maxQueryLength } : { key: 'list.invalidChoice' }
	}
	return { filters: null, values, errors }
}

export const headers = publicPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const visibility = await platformVisibilityFor(request)
	const platform = await getPlatform(params.platform, undefined, visibility)
	if (!platform) throw new Response(null, { status: 404 })
	const isDraft = platform.publishedAt === null
	const url = new URL(request.url)
	const { filters, values, errors } = parseFilters(url)
	const principles = await listPlatformCategories(platform.id, locale)
	const text = localizePlatform(platform, locale)
	const base = {
		platform: { slug: platform.slug, title: text.title, titleIsTranslated: text.titleIsTranslated, isDraft },
		principles,
		values,
	}
	if (!filters) {
		return data({ ...base, errors, results: null }, { status: 400 })
	}
	const results = await searchPledges({ ...filters, platformId: platform.id, locale, visibility })
	if (filters.page > 1 && filters.page > results.pageCount) throw new Response(null, { status: 404 })
	// The words the query matched, marked in what the reader sees (the page sends parts, never markup).
	const analysis = analyzeQuery(filters.query, locale)
	return {
		...base,
		errors: null,
		results: {
			total: results.total,
			page: results.page,
			pageCount: results.pageCount,
			items: results.items.map((item) => ({
				...item,
				titleParts: highlightMatches(item.title, analysis),
				summaryParts: highlightMatches(item.summary, analysis),
				deadline: new Date(item.deadline).toISOString().slice(0, 10),
				activityAt: item.activityAt ? new Date(item.activityAt).toISOString() : null,
			})),
		},
	}
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) =>
	publicPageMeta(matches, ({ t }) => {
		const platform = loaderData?.platform
		return {
			title: platform ? `${t('list.title')} — ${platform.title}` : t('list.title'),
			description: t('list.description', { platform: platform?.title ?? '' }),
			// A filtered list is a view of the one list; search engines should index the list itself.
			path: `/platforms/${platform?.slug ?? ''}/pledges`,
		}
	})

export default function PledgeList() {
	const { platform, principles, values, errors, results } = useLoaderData<typeof loader>()
	const { t, locale, format } = useI18n()
	const typeset = useTypeset()
	// Numbers kept whole in each highlighted part (a number is never split by a mark: marks hold whole words).
	const typesetSegments = (segments: readonly TextSegment[], isTranslated: boolean) =>
		segments.map((segment) => ({ ...segment, text: typeset(segment.text, isTranslated) }))
	const location = useLocation()
	const navigation = useNavigation()
	const listPath = paths.pledges(locale, platform.slug)
	const searching = navigation.state === 'loading' && navigation.location.pathname === location.pathname
	const hrefFor = (page: number) => {
		const search = new URLSearchParams(location.search)
		if (page === 1) search.delete('page')
		else search.set('page', String(page))
		return paths.pledges(locale, platform.slug, search)
	}
	const errorOf = (field: Field) => {
		const error = errors?.[field]
		return error ? t(error.key, error.max ? { max: error.max } : {}) : null
	}
	const topics = principles.flatMap((principle) => principle.topics)
	return (
		<>
			<DraftBanner show={platform.isDraft} />
			<p className="eyebrow">
				<Link to={paths.platform(locale, platform.slug)} {...fallbackLang(platform.titleIsTranslated)}>
					{platform.title}
				</Link>
			</p>
			<h1>{t('list.title')}</h1>

			<Form method="get" action={listPath} className="filters" role="search" key={location.search}>
				<fieldset>
					<legend className="label">{t('list.filters')}</legend>
					{errors ? (
						<p className="form-error" role="alert">
							{t('list.badRequest')}
						</p>
					) : null}
					<div className="filter-fields">
						<div className="field field-search">
							<label htmlFor="filter-q">{t('list.search')}</label>
							<input
								id="filter-q"
								type="search"
								name="q"
								defaultValue={values.q ?? ''}
								placeholder={t('list.searchPlaceholder')}
								aria-invalid={errors?.q ? true : undefined}
								aria-describedby={errors?.q ? 'filter-q-error' : undefined}
							/>
							<FieldError id="filter-q-error" message={errorOf('q')} />
						</div>
						<SelectField
							name="principle"
							label={t('list.principle')}
							value={values.principle}
							error={errorOf('principle')}
							options={principles.map((principle) => ({ value: principle.slug, label: principle.title }))}
						/>
						{topics.length > 0 ? (
							<SelectField
								name="category"
								label={t('list.category')}
								value={values.category}
								error={errorOf('category')}
								options={topics.map((topic) => ({ value: topic.slug, label: topic.title }))}
							/>
						) : null}
						<SelectField
							name="status"
							label={t('list.status')}
							value={values.status}
							error={errorOf('status')}
							options={pledgeStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
						/>
						<SelectField
							name="kind"
							label={t('list.kind')}
							value={values.kind}
							error={errorOf('kind')}
							options={pledgeKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
						/>
						<SelectField
							name="sort"
							label={t('list.sort')}
							value={values.sort ?? 'updated'}
							error={null}
							withAny={false}
							options={sorts.map((sort) => ({ value: sort, label: t(`list.sort.${sort}`) }))}
						/>
					</div>
					<div className="filter-actions">
						<button type="submit" className="button">
							{t('list.apply')}
						</button>
						<Link to={listPath} className="button button-quiet">
							{t('list.clear')}
						</Link>
					</div>
				</fieldset>
			</Form>

			{results ? (
				<section aria-labelledby="results-title" aria-busy={searching}>
					<h2 id="results-title" className="result-count" aria-live="polite">
						{t('list.found', { count: results.total })}
					</h2>
					{results.items.length === 0 ? (
						<p className="empty">{t('list.none')}</p>
					) : (
						<ol className="pledge-results">
							{results.items.map((item) => (
								<li key={item.id} className="pledge-result">
									<p className="result-meta">
										<span>
											{item.principleTitle}
											{item.categorySlug !== item.principleSlug ? ` › ${item.categoryTitle}` : ''}
										</span>
									</p>
									<h3 className="result-title">
										<Link
											to={paths.pledge(locale, platform.slug, item.slug)}
											{...fallbackLang(item.titleIsTranslated)}
										>
											<HighlightedText segments={typesetSegments(item.titleParts, item.titleIsTranslated)} />
										</Link>
									</h3>
									<UntranslatedNote show={!item.titleIsTranslated} />
									<p {...fallbackLang(item.titleIsTranslated)}>
										<HighlightedText segments={typesetSegments(item.summaryParts, item.titleIsTranslated)} />
									</p>
									<p className="result-meta">
										<StatusBadge status={item.status} />
										<span>{t(`kind.${item.kind}`)}</span>
										<span>{t('list.deadline', { date: format.date(item.deadline) })}</span>
										{item.activityAt ? (
											<span>{t('list.updated', { date: format.date(item.activityAt) })}</span>
										) : null}
									</p>
								</li>
							))}
						</ol>
					)}
					<Pagination page={results.page} pageCount={results.pageCount} hrefFor={hrefFor} />
				</section>
			) : null}
		</>
	)
}

function FieldError({ id, message }: { id: string; message: string | null }) {
	if (!message) return null
	return (
		<p className="field-error" id={id}>
			{message}
		</p>
	)
}

function SelectField({
	name,
	label,
	value,
	error,
	options,
	withAny = true,
}: {
	name: string
	label: string
	value: string | undefined
	error: string | null
	options: Array<{ value: string; label: string }>
	withAny?: boolean
}) {
	const { t } = useI18n()
	const id = `filter-${name}`
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select
				id={id}
				name={name}
				defaultValue={value ?? ''}
				aria-invalid={error ? true : undefined}
				aria-describedby={error ? `${id}-error` : undefined}
			>
				{withAny ? <option value="">{t('list.any')}</option> : null}
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			<FieldError id={`${id}-error`} message={error} />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
