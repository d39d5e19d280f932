import { env } from '~/env.server'

/** Who runs this installation, from its configuration; null where nobody configured it. */
export type Installation = {
	organization: string | null
	contactEmail: string | null
	sourceUrl: string | null
}

export function installation(): Installation {
	const { UADE_ORG_NAME, UADE_CONTACT_EMAIL, UADE_SOURCE_URL } = env()
	return {
		organization: UADE_ORG_NAME ?? null,
		contactEmail: UADE_CONTACT_EMAIL ?? null,
		sourceUrl: UADE_SOURCE_URL ?? null,
	}
}

/**
 * Where "tell us" leads: the contact's address, else the source code's issues (the forges that host such
 * code answer `/issues` with their tracker), else nowhere, and the About page says nothing is configured.
 */
export function feedbackChannel({ contactEmail, sourceUrl }: Installation): string | null {
	if (contactEmail) return `mailto:${contactEmail}`
	if (sourceUrl) return `${sourceUrl.replace(/\/+$/, '')}/issues`
	return null
}
