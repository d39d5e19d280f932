import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormMessage } from '~/components/forms'
import { politicianCreateSchema, politicianEditSchema } from '~/models/catalogue-schemas'
import { createPolitician, getPoliticianForm, updatePolitician } from '~/models/catalogue.server'
import { fieldErrorsOf, formValues, isRecordId } from '~/models/workflow-schemas'
import { answerCatalogueSave, refuseCatalogueForm } from './catalogue-save.server'

// One module for /admin/catalogue/politicians/new (no id) and /admin/catalogue/politicians/:politicianId.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.politician?.name ?? 'New politician'} · Catalogue · Admin · Uade` },
]

async function findPolitician(politicianId: string | undefined) {
	if (politicianId === undefined) return null
	const politician = isRecordId(politicianId) ? await getPoliticianForm(politicianId) : null
	if (!politician) throw new Response(null, { status: 404 })
	return politician
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'ADMIN')
	return { politician: await findPolitician(params.politicianId) }
}

type Values = { slug: string; name: string; office: string; version: string }
export async function action({ request, params, context }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const actor = { id: admin.id, ipAddress: context.clientIp ?? null }
	const existing = await findPolitician(params.politicianId)
	const sent = formValues(await request.formData())
	const text = (name: string) => {
		const value = sent[name]
		return typeof value === 'string' ? value : ''
	}
	const values: Values = {
		slug: text('slug'),
		name: text('name'),
		office: text('office'),
		version: text('version'),
	}
	let result
	if (existing) {
		const submission = politicianEditSchema.safeParse(sent)
		if (!submission.success) return refuseCatalogueForm(values, fieldErrorsOf(submission.error))
		result = await updatePolitician(existing.id, submission.data, actor)
	} else {
		const submission = politicianCreateSchema.safeParse(sent)
		if (!submission.success) return refuseCatalogueForm(values, fieldErrorsOf(submission.error))
		result = await createPolitician(submission.data, actor)
	}
	return answerCatalogueSave(result, { values, noun: 'politician', path: '/admin/catalogue/politicians' })
}

export default function PoliticianPage() {
	const { politician } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [search] = useSearchParams()
	const values = actionData?.values ?? politician ?? { slug: '', name: '', office: '', version: '' }
	const errors = actionData?.fieldErrors ?? {}
	return (
		<>
			<p>
				<Link to="/admin/catalogue">Catalogue</Link>
			</p>
			<h1>{politician ? `Edit politician: ${politician.name}` : 'New politician'}</h1>
			{actionData ? <FormMessage tone="error">{actionData.formError}</FormMessage> : null}
			{!actionData && search.get('saved') ? (
				<FormMessage tone="success">The politician is saved.</FormMessage>
			) : null}
			<Form method="post" className="staff-form" key={`${values.version}-${actionData ? 'sent' : 'stored'}`}>
				{politician ? (
					<>
						<input type="hidden" name="version" value={values.version} />
						<p>
							Slug: <code>{politician.slug}</code> (fixed once created)
						</p>
					</>
				) : (
					<Field
						label="Slug"
						name="slug"
						defaultValue={values.slug}
						errors={errors.slug}
						hint="Lowercase letters, digits and hyphens, like kassym-jomart-tokayev. It cannot be changed later."
					/>
				)}
				<Field label="Name" name="name" defaultValue={values.name} errors={errors.name} />
				<Field label="Office" name="office" defaultValue={values.office} errors={errors.office} />
				{errors.version ? <p className="staff-field-error">{errors.version.join(' ')}</p> : null}
				<button type="submit" className="button">
					{politician ? 'Save politician' : 'Create politician'}
				</button>
			</Form>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
