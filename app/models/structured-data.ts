import type { PledgeStatus } from '~/.server/prisma/enums'

/**
 * A rated status as schema.org's `ratingValue`, on a scale from 1 (worst) to 5 (best) that orders the
 * statuses by how much of the pledge was delivered: BROKEN 1, STALLED 2, IN_PROGRESS 3, PARTIAL 4, KEPT 5
 * (docs/structured-data.md). NOT_RATED has no value: an unrated pledge gets no ClaimReview at all.
 */
export const ratingValues = {
	BROKEN: 1,
	STALLED: 2,
	IN_PROGRESS: 3,
	PARTIAL: 4,
	KEPT: 5,
} as const satisfies Record<Exclude<PledgeStatus, 'NOT_RATED'>, number>

export const worstRating = 1
export const bestRating = 5

export type RatedStatus = keyof typeof ratingValues

export function isRated(status: PledgeStatus): status is RatedStatus {
	return status !== 'NOT_RATED'
}

/**
 * JSON for a `<script type="application/ld+json">` element's text: `<`, `>` and `&` as JSON escapes, so a
 * text holding `</script>` or `<!--` can never end the element or change how the HTML parser reads it,
 * and U+2028/U+2029 escaped for any reader that takes the block for JavaScript.
 */
export function serializeJsonLd(data: unknown): string {
	return JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029')
}

/**
 * schema.org `ClaimReview` for a rated pledge's page: the pledge (its verbatim quote) as the politician's
 * `Claim`, published in its source, and the status as the `Rating`, named in the page's language.
 */
export function claimReviewOf({
	url,
	organization,
	statusName,
	status,
	statusSince,
	claim,
}: {
	/** The page's canonical URL. */
	url: string
	organization: string
	statusName: string
	status: RatedStatus
	/** The current status's effective date (YYYY-MM-DD), if it has one. */
	statusSince: string | null
	claim: { text: string; politician: string; sourceUrl: string; sourceDate: string }
}) {
	return {
		'@context': 'https://schema.org',
		'@type': 'ClaimReview',
		url,
		claimReviewed: claim.text,
		...(statusSince ? { datePublished: statusSince } : {}),
		author: { '@type': 'Organization', name: organization },
		itemReviewed: {
			'@type': 'Claim',
			author: { '@type': 'Person', name: claim.politician },
			datePublished: claim.sourceDate,
			appearance: { '@type': 'CreativeWork', url: claim.sourceUrl, datePublished: claim.sourceDate },
		},
		reviewRating: {
			'@type': 'Rating',
			ratingValue: ratingValues[status],
			bestRating,
			worstRating,
			alternateName: statusName,
		},
	}
}

/** The home page's `Organization` (who runs the installation) and `WebSite` (the site in this language). */
export function siteGraphOf({
	origin,
	locale,
	organization,
	contactEmail,
	description,
}: {
	origin: string
	locale: string
	organization: string
	contactEmail: string | null
	description: string
}) {
	const organizationId = `${origin}/#organization`
	return {
		'@context': 'https://schema.org',
		'@graph': [
			{
				'@type': 'Organization',
				'@id': organizationId,
				name: organization,
				...(contactEmail ? { email: contactEmail } : {}),
			},
			{
				'@type': 'WebSite',
				'@id': `${origin}/${locale}#website`,
				name: 'Uade',
				url: `${origin}/${locale}`,
				inLanguage: locale,
				description,
				publisher: { '@id': organizationId },
			},
		],
	}
}

/** A file of a schema.org `Dataset`: where to download it and in which format. */
export type DataDownload = { name: string; contentUrl: string; encodingFormat: string }

/**
 * schema.org `Dataset` for the open data page: what the data is, who publishes it, under which licence, in
 * which languages, and every file to download (`distribution`), each by its absolute address.
 */
export function datasetOf({
	url,
	name,
	description,
	organization,
	license,
	languages,
	downloads,
}: {
	url: string
	name: string
	description: string
	organization: string
	license: string
	languages: string[]
	downloads: DataDownload[]
}) {
	const publisher = { '@type': 'Organization', name: organization }
	return {
		'@context': 'https://schema.org',
		'@type': 'Dataset',
		name,
		description,
		url,
		license,
		isAccessibleForFree: true,
		inLanguage: languages,
		creator: publisher,
		publisher,
		keywords: ['campaign promises', 'election pledges', 'fact-checking', 'accountability'],
		distribution: downloads.map((download) => ({ '@type': 'DataDownload', ...download })),
	}
}
