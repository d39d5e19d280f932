import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { RichText } from '~/components/rich-text'
import { useI18n } from '~/i18n/use-i18n'
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
	const { t } = useI18n()
	return (
		<RecordPage
			title={
				category ? t('staff.category.editTitle', { title: category.title }) : t('staff.catalogue.newCategory')
			}
			saved={t('staff.category.saved')}
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
	const { t } = useI18n()
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
						<RichText
							text={t('staff.category.fixedSlug', { platform: category.platform.title })}
							parts={{ slug: <code>{category.slug}</code> }}
						/>
					</p>
				</>
			) : (
				<>
					<SelectField
						label={t('staff.category.platform')}
						field={fields.platformId}
						emptyLabel={t('staff.category.choosePlatform')}
						options={platforms.map((platform) => ({ value: platform.id, label: platform.title }))}
					/>
					<TextField
						label={t('staff.pledgePage.slug')}
						field={fields.slug}
						hint={t('staff.category.slugHint')}
					/>
				</>
			)}
			<SelectField
				label={t('staff.category.parent')}
				field={fields.parentId}
				hint={t('staff.category.parentHint')}
				emptyLabel={t('staff.category.noParent')}
				options={platforms.map((platform) => ({
					label: platform.title,
					options: platform.categories
						.filter((parent) => parent.id !== category?.id)
						.map((parent) => ({ value: parent.id, label: parent.title })),
				}))}
			/>
			<TextField label={t('staff.category.position')} field={fields.position} inputMode="numeric" />
			<TranslatedTextFields fields={fields} rules={categoryTranslationRules} />
			<button type="submit" className="button">
				{category ? t('staff.category.save') : t('staff.category.create')}
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
