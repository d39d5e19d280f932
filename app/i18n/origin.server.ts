/** The site's public origin: UADE_PUBLIC_URL when set (behind a proxy), otherwise the request's own. */
export function publicOrigin(request: Request): string {
	const configured = process.env.UADE_PUBLIC_URL
	if (configured) return configured.replace(/\/+$/, '')
	return new URL(request.url).origin
}
