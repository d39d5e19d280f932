import type { SubmissionResult } from '@conform-to/react'
import { useSearchParams } from '@remix-run/react'
import { platformPublicationSchema, publicationMessages, type PublicationChange } from '~/forms/platform'
import { paths } from '~/models/paths'
import { FormMessage, HiddenField, StaffForm, useStaffForm } from './forms'

export type PlatformPublication = {
	slug: string
	publishedAt: string | null
	featuredAt: string | null
	pledgeCount: number
	/** The platform the home page shows now (featured, else the newest published), if any. */
	homePlatform: { slug: string; title: string } | null
}

function isAnswer(value: string | null): value is keyof typeof publicationMessages {
	return value !== null && value in publicationMessages
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

/**
 * A platform's publication on its catalogue page: draft or published, featured on the home page or not,
 * with the buttons that change it and a link to its public page (a preview while it is a draft).
 */
export function PublicationPanel({
	publication,
	lastResult,
}: {
	publication: PlatformPublication
	lastResult: SubmissionResult<string[]> | null
}) {
	const [search] = useSearchParams()
	const answer = search.get('publication')
	const published = publication.publishedAt !== null
	const featured = publication.featuredAt !== null
	const publicPath = paths.platform('en', publication.slug)
	return (
		<section className="panel" aria-labelledby="publication-title">
			<h2 id="publication-title">Publication</h2>
			{!lastResult && isAnswer(answer) ? (
				<FormMessage tone="success">{publicationMessages[answer]}</FormMessage>
			) : null}
			{published ? (
				<p>
					<strong>Published</strong> on {dateTime.format(new Date(publication.publishedAt ?? ''))} UTC:{' '}
					<a href={publicPath}>its public page</a>.{' '}
					{featured
						? 'It is featured: the home page and the header’s “Pledges” link show it.'
						: publication.homePlatform?.slug === publication.slug
							? 'Nothing is featured, so the home page shows it as the newest published platform.'
							: `The home page shows ${publication.homePlatform?.title ?? 'another platform'}.`}
				</p>
			) : (
				<p>
					<strong>Draft</strong>: only signed-in staff can see it, at <a href={publicPath}>its preview</a>. No
					public page, list, search or sitemap shows it until it is published.
					{publication.pledgeCount === 0 ? ' It has no pledges yet.' : ''}
				</p>
			)}
			<div className="button-row">
				{published ? (
					<>
						<PublicationButton change={featured ? 'unfeature' : 'feature'} lastResult={lastResult}>
							{featured ? 'Stop featuring on the home page' : 'Feature on the home page'}
						</PublicationButton>
						<PublicationButton change="unpublish" lastResult={lastResult} danger>
							Unpublish (back to draft)
						</PublicationButton>
					</>
				) : (
					<PublicationButton change="publish" lastResult={lastResult}>
						Publish
					</PublicationButton>
				)}
			</div>
		</section>
	)
}

function PublicationButton({
	change,
	lastResult,
	danger = false,
	children,
}: {
	change: PublicationChange
	lastResult: SubmissionResult<string[]> | null
	danger?: boolean
	children: string
}) {
	const [form, fields] = useStaffForm(platformPublicationSchema, {
		id: `publication-${change}`,
		lastResult: lastResult?.initialValue?.intent === change ? lastResult : null,
		defaultValue: { intent: change },
	})
	return (
		<StaffForm form={form} className="">
			<HiddenField field={fields.intent} />
			<button type="submit" className={danger ? 'button button-danger' : 'button'}>
				{children}
			</button>
		</StaffForm>
	)
}
