const probeOrigin = 'http://uade.invalid'

/**
 * `value` when it is a path on this site, otherwise `fallback`. Browsers read `//host`, `/\host` and
 * paths with tabs or newlines in them (`/\t/host`) as other sites, so the value is parsed the way a
 * browser parses it and kept only if it stays on this origin, and only as a path: never with a scheme or a
 * host, and never as something that a browser would read as `//host` again.
 */
export function safeRedirectTo(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length > 2000) return fallback
	if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback
	let url: URL
	try {
		url = new URL(value, probeOrigin)
	} catch {
		return fallback
	}
	if (url.origin !== probeOrigin) return fallback
	const path = `${url.pathname}${url.search}${url.hash}`
	if (path.startsWith('//') || path.startsWith('/\\')) return fallback
	return path
}
