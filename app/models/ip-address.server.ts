import { isIP } from 'node:net'

/**
 * The address as it may be stored (sessions, the audit log, sign-in attempts): a valid IPv4 or IPv6
 * address, an IPv4-mapped IPv6 one as plain IPv4, without an IPv6 zone (meaningless off this host), in
 * lower case; anything else is null. Behind a proxy the address comes from X-Forwarded-For, which any
 * client can fill with any string when the app's port is reachable directly.
 */
export function validIpAddress(value: string | null | undefined): string | null {
	if (!value || isIP(value) === 0) return null
	const [address = ''] = value.toLowerCase().split('%')
	const mapped = address.startsWith('::ffff:') ? address.slice(7) : ''
	return isIP(mapped) === 4 ? mapped : address
}
