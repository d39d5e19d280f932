import { data, redirect } from '@remix-run/node'
import { platformPublicationSchema, publicationMessages } from '~/forms/platform'
import { parseForm } from '~/forms/reply.server'
import { changePlatformPublication } from '~/models/platform.server'
import type { Actor } from '~/models/save.server'

/** Whether a post to a platform's page came from its publication buttons (they alone send `intent`). */
export function isPublicationForm(formData: FormData): boolean {
	return formData.has('intent')
}

/**
 * The answer to a publication button: back to the platform's page saying what happened (`?publication=`),
 * or 400 with the reason (an unknown intent, featuring a draft), nothing changed. The refusal is filed
 * under `publication`, apart from the edit form's, whose fields it does not concern.
 */
export async function answerPublication(platformId: string, formData: FormData, actor: Actor) {
	const submission = parseForm(formData, platformPublicationSchema)
	if (submission.status !== 'success') {
		return data({ publication: submission.reply() }, { status: 400 })
	}
	const result = await changePlatformPublication(platformId, submission.value.intent, actor)
	switch (result.status) {
		case 'not-found':
			throw new Response(null, { status: 404 })
		case 'draft':
			return data(
				{ publication: submission.reply({ formErrors: [publicationMessages.draft] }) },
				{ status: 400 },
			)
		case 'unchanged':
			return redirect(`/admin/catalogue/platforms/${platformId}?publication=unchanged`)
		case 'saved':
			return redirect(`/admin/catalogue/platforms/${platformId}?publication=${submission.value.intent}`)
	}
}
