import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormMessage } from '~/components/forms'
import { Described, TextArea } from '~/components/pledge-form'
import { categoryCreateSchema, categoryEditSchema } from '~/models/catalogue-schemas'
import {
	createCategory,
	getCategoryForm,
	listCategoryParents,
	updateCategory,
} from '~/models/catalogue.server'
import { fieldErrorsOf, formValues, isRecordId } from '~/models/workflow-schemas'
import { answerCatalogueSave, refuseCatalogueForm } from './catalogue-save.server'

// One module for /admin/catalogue/categories/new (no id) and /admin/catalogue/categories/:categoryId.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.category?.title ?? 'New category'} · Catalogue · Admin · Uade` },
]

async function findCategory(categoryId: string | undefined) {
	if (categoryId === undefined) return null
	const category = isRecordId(categoryId) ? await getCategoryForm(categoryId) : null
	if (!category) throw new Response(null, { status: 404 })
	return category
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const category = await findCategory(params.categoryId)
	const platforms = await listCategoryParents(category ? { platformId: category.platformId } : {})
	return { category, platforms }
}

type FieldName =
	| 'version'
	| 'platformId'
	| 'slug'
	| 'parentId'
	| 'title'
	| 'summary'
	| 'position'
	| 'ruTitle'
	| 'ruSummary'
	| 'kkTitle'
	| 'kkSummary'
type Values = Record<FieldName, string>
export async function action({ request, params, context }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const actor = { id: admin.id, ipAddress: context.clientIp ?? null }
	const existing = await findCategory(params.categoryId)
	const sent = formValues(await request.formData())
	const text = (name: FieldName) => {
		const value = sent[name]
		return typeof value === 'string' ? value : ''
	}
	const values: Values = {
		version: text('version'),
		platformId: text('platformId'),
		slug: text('slug'),
		parentId: text('parentId'),
		title: text('title'),
		summary: text('summary'),
		position: text('position'),
		ruTitle: text('ruTitle'),
		ruSummary: text('ruSummary'),
		kkTitle: text('kkTitle'),
		kkSummary: text('kkSummary'),
	}
	let result
	if (existing) {
		const submission = categoryEditSchema.safeParse(sent)
		if (!submission.success) return refuseCatalogueForm(values, fieldErrorsOf(submission.error))
		result = await updateCategory(existing.id, submission.data, actor)
	} else {
		const submission = categoryCreateSchema.safeParse(sent)
		if (!submission.success) return refuseCatalogueForm(values, fieldErrorsOf(submission.error))
		result = await createCategory(submission.data, actor)
	}
	return answerCatalogueSave(result, { values, noun: 'category', path: '/admin/catalogue/categories' })
}

const emptyCategory: Values = {
	version: '',
	platformId: '',
	slug: '',
	parentId: '',
	title: '',
	summary: '',
	position: '0',
	ruTitle: '',
	ruSummary: '',
	kkTitle: '',
	kkSummary: '',
}

export default function CategoryPage() {
	const { category, platforms } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [search] = useSearchParams()
	const values = actionData?.values ?? category ?? emptyCategory
	const errors = actionData?.fieldErrors ?? {}
	return (
		<>
			<p>
				<Link to="/admin/catalogue">Catalogue</Link>
			</p>
			<h1>{category ? `Edit category: ${category.title}` : 'New category'}</h1>
			{actionData ? <FormMessage tone="error">{actionData.formError}</FormMessage> : null}
			{!actionData && search.get('saved') ? (
				<FormMessage tone="success">The category is saved.</FormMessage>
			) : null}
			<Form
				method="post"
				className="staff-form catalogue-form"
				key={`${values.version}-${actionData ? 'sent' : 'stored'}`}
			>
				{category ? (
					<>
						<input type="hidden" name="version" value={values.version} />
						<p>
							{category.platform.title}, slug <code>{category.slug}</code> (fixed once created)
						</p>
					</>
				) : (
					<>
						<Described label="Platform" errors={errors.platformId}>
							{(aria) => (
								<select {...aria} name="platformId" defaultValue={values.platformId}>
									<option value="">Choose a platform</option>
									{platforms.map((platform) => (
										<option key={platform.id} value={platform.id}>
											{platform.title}
										</option>
									))}
								</select>
							)}
						</Described>
						<Field
							label="Slug"
							name="slug"
							defaultValue={values.slug}
							errors={errors.slug}
							hint="Lowercase letters, digits and hyphens, like fair-economy. It cannot be changed later."
						/>
					</>
				)}
				<Described
					label="Principle it belongs to"
					errors={errors.parentId}
					hint="None for a principle itself; a topic sits under a principle of the same platform."
				>
					{(aria) => (
						<select {...aria} name="parentId" defaultValue={values.parentId}>
							<option value="">None: this is a principle</option>
							{platforms.map((platform) => (
								<optgroup key={platform.id} label={platform.title}>
									{platform.categories
										.filter((parent) => parent.id !== category?.id)
										.map((parent) => (
											<option key={parent.id} value={parent.id}>
												{parent.title}
											</option>
										))}
								</optgroup>
							))}
						</select>
					)}
				</Described>
				<Field label="Title" name="title" defaultValue={values.title} errors={errors.title} />
				<TextArea label="Summary" name="summary" defaultValue={values.summary} errors={errors.summary} />
				<Field label="Position" name="position" defaultValue={values.position} errors={errors.position} />
				<Field label="Russian title" name="ruTitle" defaultValue={values.ruTitle} errors={errors.ruTitle} />
				<TextArea
					label="Russian summary"
					name="ruSummary"
					defaultValue={values.ruSummary}
					errors={errors.ruSummary}
				/>
				<Field label="Kazakh title" name="kkTitle" defaultValue={values.kkTitle} errors={errors.kkTitle} />
				<TextArea
					label="Kazakh summary"
					name="kkSummary"
					defaultValue={values.kkSummary}
					errors={errors.kkSummary}
				/>
				{errors.version ? <p className="staff-field-error">{errors.version.join(' ')}</p> : null}
				<button type="submit" className="button">
					{category ? 'Save category' : 'Create category'}
				</button>
			</Form>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
