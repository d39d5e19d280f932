import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormMessage } from '~/components/forms'
import { DateInput, Described, TextArea } from '~/components/pledge-form'
import { platformCreateSchema, platformEditSchema } from '~/models/catalogue-schemas'
import { createPlatform, getPlatformForm, listPoliticians, updatePlatform } from '~/models/catalogue.server'
import { fieldErrorsOf, formValues, isRecordId } from '~/models/workflow-schemas'
import { answerCatalogueSave, refuseCatalogueForm } from './catalogue-save.server'

// One module for /admin/catalogue/platforms/new (no id) and /admin/catalogue/platforms/:platformId.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.platform?.title ?? 'New platform'} · Catalogue · Admin · Uade` },
]

async function findPlatform(platformId: string | undefined) {
	if (platformId === undefined) return null
	const platform = isRecordId(platformId) ? await getPlatformForm(platformId) : null
	if (!platform) throw new Response(null, { status: 404 })
	return platform
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	const [platform, politicians] = await Promise.all([findPlatform(params.platformId), listPoliticians()])
	return { platform, politicians }
}

type FieldName =
	| 'version'
	| 'slug'
	| 'politicianId'
	| 'title'
	| 'summary'
	| 'electionDate'
	| 'termStart'
	| 'termEnd'
	| 'sourceUrl'
	| 'sourceTitle'
	| 'sourcePublisher'
	| 'sourcePublishedAt'
type Values = Record<FieldName, string>
export async function action({ request, params, context }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const actor = { id: admin.id, ipAddress: context.clientIp ?? null }
	const existing = await findPlatform(params.platformId)
	const sent = formValues(await request.formData())
	const text = (name: FieldName) => {
		const value = sent[name]
		return typeof value === 'string' ? value : ''
	}
	const values: Values = {
		version: text('version'),
		slug: text('slug'),
		politicianId: text('politicianId'),
		title: text('title'),
		summary: text('summary'),
		electionDate: text('electionDate'),
		termStart: text('termStart'),
		termEnd: text('termEnd'),
		sourceUrl: text('sourceUrl'),
		sourceTitle: text('sourceTitle'),
		sourcePublisher: text('sourcePublisher'),
		sourcePublishedAt: text('sourcePublishedAt'),
	}
	let result
	if (existing) {
		const submission = platformEditSchema.safeParse(sent)
		if (!submission.success) return refuseCatalogueForm(values, fieldErrorsOf(submission.error))
		result = await updatePlatform(existing.id, submission.data, actor)
	} else {
		const submission = platformCreateSchema.safeParse(sent)
		if (!submission.success) return refuseCatalogueForm(values, fieldErrorsOf(submission.error))
		result = await createPlatform(submission.data, actor)
	}
	return answerCatalogueSave(result, { values, noun: 'platform', path: '/admin/catalogue/platforms' })
}

const emptyPlatform: Values = {
	version: '',
	slug: '',
	politicianId: '',
	title: '',
	summary: '',
	electionDate: '',
	termStart: '',
	termEnd: '',
	sourceUrl: '',
	sourceTitle: '',
	sourcePublisher: '',
	sourcePublishedAt: '',
}

export default function PlatformPage() {
	const { platform, politicians } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [search] = useSearchParams()
	const values = actionData?.values ?? platform ?? emptyPlatform
	const errors = actionData?.fieldErrors ?? {}
	return (
		<>
			<p>
				<Link to="/admin/catalogue">Catalogue</Link>
			</p>
			<h1>{platform ? `Edit platform: ${platform.title}` : 'New platform'}</h1>
			{actionData ? <FormMessage tone="error">{actionData.formError}</FormMessage> : null}
			{!actionData && search.get('saved') ? (
				<FormMessage tone="success">The platform is saved.</FormMessage>
			) : null}
			<Form
				method="post"
				className="staff-form catalogue-form"
				key={`${values.version}-${actionData ? 'sent' : 'stored'}`}
			>
				{platform ? (
					<>
						<input type="hidden" name="version" value={values.version} />
						<p>
							Slug: <code>{platform.slug}</code> (fixed once created: it is in every public address of the
							platform)
						</p>
					</>
				) : (
					<Field
						label="Slug"
						name="slug"
						defaultValue={values.slug}
						errors={errors.slug}
						hint="Lowercase letters, digits and hyphens, like fair-kazakhstan-2022. It cannot be changed later."
					/>
				)}
				<Described label="Politician" errors={errors.politicianId}>
					{(aria) => (
						<select {...aria} name="politicianId" defaultValue={values.politicianId}>
							<option value="">Choose a politician</option>
							{politicians.map((politician) => (
								<option key={politician.id} value={politician.id}>
									{politician.name}
								</option>
							))}
						</select>
					)}
				</Described>
				<Field label="Title" name="title" defaultValue={values.title} errors={errors.title} />
				<TextArea label="Summary" name="summary" defaultValue={values.summary} errors={errors.summary} />
				<DateInput
					label="Election date"
					name="electionDate"
					defaultValue={values.electionDate}
					errors={errors.electionDate}
				/>
				<DateInput
					label="Term starts"
					name="termStart"
					defaultValue={values.termStart}
					errors={errors.termStart}
				/>
				<DateInput label="Term ends" name="termEnd" defaultValue={values.termEnd} errors={errors.termEnd} />
				<Field
					label="Source address"
					name="sourceUrl"
					defaultValue={values.sourceUrl}
					errors={errors.sourceUrl}
				/>
				<Field
					label="Source title"
					name="sourceTitle"
					defaultValue={values.sourceTitle}
					errors={errors.sourceTitle}
				/>
				<Field
					label="Source publisher"
					name="sourcePublisher"
					defaultValue={values.sourcePublisher}
					errors={errors.sourcePublisher}
				/>
				<DateInput
					label="Source published on"
					name="sourcePublishedAt"
					defaultValue={values.sourcePublishedAt}
					errors={errors.sourcePublishedAt}
					hint="YYYY-MM-DD, optional"
				/>
				{errors.version ? <p className="staff-field-error">{errors.version.join(' ')}</p> : null}
				<button type="submit" className="button">
					{platform ? 'Save platform' : 'Create platform'}
				</button>
			</Form>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
