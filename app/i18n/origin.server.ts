import { env } from '~/env.server'

/** The site's public origin: UADE_PUBLIC_URL when set (behind a proxy), otherwise the request's own. */
export function publicOrigin(request: Request): string {
	return env().UADE_PUBLIC_URL ?? new URL(request.url).origin
}
