import { describe, expect, test } from 'vitest'
import { validIpAddress } from './ip-address.server'

describe('validIpAddress', () => {
	test('keeps an IPv4 or IPv6 address, IPv4-mapped IPv6 as plain IPv4, without a zone, in lower case', () => {
		expect(validIpAddress('203.0.113.7')).toBe('203.0.113.7')
		expect(validIpAddress('2001:DB8::1')).toBe('2001:db8::1')
		expect(validIpAddress('::ffff:192.0.2.1')).toBe('192.0.2.1')
		expect(validIpAddress('fe80::1%eth0')).toBe('fe80::1')
		expect(validIpAddress('::1')).toBe('::1')
	})

	test.each([
		'',
		'unknown',
		'<script>alert(1)</script>',
		'203.0.113.7, 198.51.100.1',
		' 203.0.113.7',
		'203.0.113.256',
		'01.2.3.4',
		'fe80::1%<b>',
		'x'.repeat(10_000),
	])('drops %j: not an IP address', (value) => {
		expect(validIpAddress(value)).toBeNull()
	})

	test('null and undefined stay null', () => {
		expect(validIpAddress(null)).toBeNull()
		expect(validIpAddress(undefined)).toBeNull()
	})
})
