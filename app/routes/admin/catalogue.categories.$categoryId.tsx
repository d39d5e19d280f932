import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { answerOf, nothingSaved, RecordPage } from '~/components/record-page'
import { TranslatedTextFields } from '~/components/translation-fields'
import {
	HiddenField,
	SelectField,
	StaffForm,
	TextField,
	useStaffForm,
	type Refused,
} from '~/components/forms'
import {
	categoryCreateSchema,
	categoryEditSchema,
	categoryFormValues,
	categoryTranslationRules,
	categoryProblems,
	type CategoryFormValues,
} from '~/forms/category'
import { isRecordId } from '~/forms/fields'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import {
	createCategory,
	getCategoryRecord,
	listCategoryParents,
	updateCategory,
} from '~/models/category.server'
import { answerSave } from './record-save.server'
import { withSavedValuesTaken } from '~/forms/conflict'
import { catalogueTitle, staffPageMeta } from '~/i18n/staff-meta'

// One module for /admin/catalogue/categories/new (no id) and /admin/catalogue/categories/:categoryId.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	staffPageMeta(matches, ({ t }) =>
		catalogueTitle(t, data?.category?.title ?? t('staff.catalogueMeta.newCategory')),
	)

async function findCategory(categoryId: string | undefined) {
	if (categoryId === undefined) return null
	const category = isRecordId(categoryId) ? await getCategoryRecord(categoryId) : null
	if (!category) throw new Response(null, { status: 404 })
	return category
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const category = await findCategory(params.categoryId)
	const platforms = await listCategoryParents(category ? { platformId: category.platformId } : {})
	return {
		category: category
			? { id: category.id, slug: category.slug, title: category.title, platform: category.platform }
			: null,
		values: category ? categoryFormValues(category) : undefined,
		platforms,
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	const existing = await findCategory(params.categoryId)
	const formData = await readForm(request)
	const answer = {
		noun: 'category',
		entityType: 'Category',
		path: '/admin/catalogue/categories',
		problems: categoryProblems,
		formValues: categoryFormValues,
	}
	if (existing) {
		// The fields where the editor took the saved value after a conflict: see `withSavedValuesTaken`.
		const submission = parseForm(
			withSavedValuesTaken(formData, categoryFormValues(existing)),
			categoryEditSchema,
		)
		if (submission.status !== 'success') return refuse(submission)
		return answerSave(submission, await updateCategory(existing.id, submission.value, actor), answer)
	}
	const submission = parseForm(formData, categoryCreateSchema)
	if (submission.status !== 'success') return refuse(submission)
	return answerSave(submission, await createCategory(submission.value, actor), answer)
}

type Platforms = Awaited<ReturnType<typeof listCategoryParents>>

export default function CategoryPage() {
	const { category, values, platforms } = useLoaderData<typeof loader>()
	const answer = answerOf(useActionData<typeof action>(), values)
	return (
		<RecordPage
			title={category ? `Edit category: ${category.title}` : 'New category'}
			saved="The category is saved."
			{...answer}
		>
			<CategoryForm
				// A newer version (saved, or someone else's) remounts the form so that its fields show it.
				key={answer.values?.version ?? 'new'}
				category={category}
				platforms={platforms}
				defaultValue={answer.values ?? { position: '0' }}
				lastResult={answer.lastResult}
			/>
		</RecordPage>
	)
}

function CategoryForm({
	category,
	platforms,
	defaultValue,
	lastResult,
}: {
	category: { id: string; slug: string; platform: { title: string } } | null
	platforms: Platforms
	defaultValue: Partial<CategoryFormValues>
	lastResult: Refused['result'] | null
}) {
	const [form, fields] = useStaffForm(category ? categoryEditSchema : categoryCreateSchema, {
		defaultValue,
		lastResult,
	})
	return (
		<StaffForm form={form} className="staff-form catalogue-form" refused={nothingSaved}>
			{category ? (
				<>
					<HiddenField field={fields.version} />
					<p>
						{category.platform.title}, slug <code>{category.slug}</code> (fixed once created)
					</p>
				</>
			) : (
				<>
					<SelectField
						label="Platform"
						field={fields.platformId}
						emptyLabel="Choose a platform"
						options={platforms.map((platform) => ({ value: platform.id, label: platform.title }))}
					/>
					<TextField
						label="Slug"
						field={fields.slug}
						hint="Lowercase letters, digits and hyphens, like fair-economy. It cannot be changed later."
					/>
				</>
			)}
			<SelectField
				label="Principle it belongs to"
				field={fields.parentId}
				hint="None for a principle itself; a topic sits under a principle of the same platform."
				emptyLabel="None: this is a principle"
				options={platforms.map((platform) => ({
					label: platform.title,
					options: platform.categories
						.filter((parent) => parent.id !== category?.id)
						.map((parent) => ({ value: parent.id, label: parent.title })),
				}))}
			/>
			<TextField label="Position" field={fields.position} inputMode="numeric" />
			<TranslatedTextFields fields={fields} rules={categoryTranslationRules} />
			<button type="submit" className="button">
				{category ? 'Save category' : 'Create category'}
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
