import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { isLocale } from '~/i18n/locales'
import { publicOrigin } from '~/auth/public-origin.server'
import { getPublicSiteFacts } from '~/models/platform.server'

/** Every public page sits under its language; an unknown language is a 404, like any unknown page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	if (!isLocale(params.lang)) throw new Response(null, { status: 404 })
	return { ...(await getPublicSiteFacts()), locale: params.lang, origin: publicOrigin(request) }
}

export default function LanguageLayout() {
	return <Outlet />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
