/**
 * The host the browser addressed: X-Forwarded-Host's first value when a proxy sets it, otherwise Host.
 * This is the comparison Remix itself makes before a JavaScript-submitted action; we make the same one for
 * every request so both paths agree. Neither header can be set by a cross-site form or a simple fetch.
 */
export function siteHost(header: (name: string) => string | null | undefined): string | undefined {
	const forwarded = header('x-forwarded-host')?.split(',')[0]?.trim()
	return forwarded || header('host')?.trim() || undefined
}

export function siteHostOfRequest(request: Request): string {
	return siteHost((name) => request.headers.get(name)) ?? new URL(request.url).host
}

/** True for names that only ever reach this machine (RFC 6761 `localhost`, the loopback addresses). */
export function isLoopbackHost(host: string): boolean {
	const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]
	return (
		hostname === 'localhost' ||
		hostname?.endsWith('.localhost') === true ||
		hostname === '[::1]' ||
		/^127(\.\d{1,3}){3}$/.test(hostname ?? '')
	)
}
