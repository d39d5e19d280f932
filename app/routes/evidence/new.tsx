import {
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EvidenceFields, unshownEvidenceMessages } from '~/components/evidence-fields'
import { FormErrorTexts, FormMessage, StaffForm, useStaffForm } from '~/components/forms'
import { evidenceProblems, evidenceSchema, tooManySubmissionsMessage } from '~/forms/evidence'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse, refuseForNow, refusedForNowHeaders } from '~/forms/reply.server'
import { getPledgeForEvidence, submissionLimits, submitEvidence } from '~/models/evidence.server'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { paths } from '~/models/paths'
import { RichText } from '~/components/rich-text'

export const headers = refusedForNowHeaders

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(matches, ({ t }) => t('staff.evidence.addTitle'))

/** The pledge named by `?pledge=`; 404 when there is none or it is unknown. */
async function requirePledge(request: Request) {
	const pledgeId = new URL(request.url).searchParams.get('pledge') ?? ''
	const pledge = await getPledgeForEvidence(pledgeId)
	if (!pledge) throw new Response('There is no such pledge.', { status: 404 })
	return pledge
}

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request)
	return { pledge: await requirePledge(request) }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireUser(request), context)
	const pledge = await requirePledge(request)
	const submission = parseForm(await readForm(request), evidenceSchema(new Date()))
	if (submission.status !== 'success') return refuse(submission)
	const result = await submitEvidence({ actor, pledgeId: pledge.id, input: submission.value })
	switch (result.status) {
		case 'not-found':
			throw new Response('There is no such pledge.', { status: 404 })
		case 'invalid':
			return refuse(submission, { fieldErrors: problemMessages(result.problems, evidenceProblems) })
		case 'too-many': {
			const message = tooManySubmissionsMessage({
				perAccount: submissionLimits.perAccount,
				windowMinutes: submissionLimits.windowMs / 60_000,
				retryAfterSeconds: result.retryAfterSeconds,
			})
			return refuseForNow(submission, { formErrors: [message] }, result.retryAfterSeconds)
		}
		case 'saved':
			return redirect(`/evidence/mine?${new URLSearchParams({ submitted: result.record.id })}`)
	}
}

export default function NewEvidence() {
	const { pledge } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useStaffForm(evidenceSchema(new Date()), {
		lastResult: actionData?.result,
		defaultValue: { publishedPrecision: 'DAY' },
	})
	const unshownMessages = unshownEvidenceMessages(fields, pledge.indicator)
	const { t, locale } = useI18n()
	return (
		<>
			<h1>{t('staff.evidence.addTitle')}</h1>
			<p className="lede">
				<RichText
					text={t('staff.evidence.forPledge')}
					parts={{
						pledge: (
							<Link to={paths.pledge(locale, pledge.platformSlug, pledge.slug)} lang="en">
								<cite>{pledge.title}</cite>
							</Link>
						),
					}}
				/>
			</p>
			{form.status === 'error' ? (
				<FormMessage tone="error">
					<p>{t('staff.evidence.notRecorded')}</p>
					{unshownMessages.length > 0 ? (
						<p>
							<FormErrorTexts messages={unshownMessages} />
						</p>
					) : null}
				</FormMessage>
			) : null}
			<StaffForm form={form}>
				<EvidenceFields fields={fields} indicator={pledge.indicator} />
				<button type="submit" className="button">
					{t('staff.evidence.submit')}
				</button>
			</StaffForm>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
