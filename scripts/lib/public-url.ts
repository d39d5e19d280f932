import { ConfigurationError, parseEnvironment } from '~/env.server'

/**
 * Refuses to start production on a database of its own (DATABASE_URL) without UADE_PUBLIC_URL, as for
 * SESSION_SECRET: such a deployment serves the public behind a proxy, where the request's own Host is not
 * a safe source for the links pages carry, the cookie's Secure flag or the cross-site check
 * (app/auth/public-origin.server.ts). The embedded database (and development) serve localhost and need nothing.
 */
export function requirePublicUrl(variables: Record<string, string | undefined> = process.env): void {
	const env = parseEnvironment(variables)
	if (env.UADE_PUBLIC_URL || env.NODE_ENV !== 'production' || !env.DATABASE_URL) return
	throw new ConfigurationError(
		'UADE_PUBLIC_URL is not set. In production with DATABASE_URL, set it to the address visitors use ' +
			'(for example https://uade.example): pages link to it, requests for any other host are refused, ' +
			'and the session cookie is Secure when it is https.',
	)
}

/**
 * A warning for a UADE_TRUST_PROXY that trusts whoever connects (`true`, or a hop count): Express then takes
 * the visitor's address from X-Forwarded-For as the client wrote it whenever the port is reached directly,
 * and each made-up address is a new visitor to the sign-in throttle. Null when it names the proxy.
 */
export function proxyTrustWarning(
	variables: Record<string, string | undefined> = process.env,
): string | null {
	const trust = parseEnvironment(variables).UADE_TRUST_PROXY
	if (trust !== true && typeof trust !== 'number') return null
	return (
		`UADE_TRUST_PROXY=${String(trust)} believes X-Forwarded-For from whoever connects: safe only if nothing but ` +
		'the proxy can reach this port. Name the proxy instead (loopback, its address, or a subnet like 10.0.0.0/8).'
	)
}
