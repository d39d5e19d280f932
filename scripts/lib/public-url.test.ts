import { describe, expect, test } from 'vitest'
import { ConfigurationError } from '~/env.server'
import { proxyTrustWarning, requirePublicUrl } from './public-url'

describe('UADE_PUBLIC_URL at start', () => {
	test('production on its own database refuses to start without it, saying what to set', () => {
		expect(() => requirePublicUrl({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/uade' })).toThrow(
			new ConfigurationError(
				'UADE_PUBLIC_URL is not set. In production with DATABASE_URL, set it to the address visitors use ' +
					'(for example https://uade.example): pages link to it, requests for any other host are refused, ' +
					'and the session cookie is Secure when it is https.',
			),
		)
	})

	test('is enough when set; the embedded database and development need nothing', () => {
		const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/uade' }
		expect(() => requirePublicUrl({ ...production, UADE_PUBLIC_URL: 'https://uade.example' })).not.toThrow()
		expect(() => requirePublicUrl({ NODE_ENV: 'production' })).not.toThrow()
		expect(() =>
			requirePublicUrl({ NODE_ENV: 'development', DATABASE_URL: 'postgresql://db/uade' }),
		).not.toThrow()
		expect(() => requirePublicUrl({ DATABASE_URL: 'postgresql://db/uade' })).not.toThrow()
	})
})

describe('UADE_TRUST_PROXY at start', () => {
	test('a setting that trusts whoever connects (true, a hop count) is warned about; one naming the proxy is not', () => {
		for (const value of ['true', '1', '2']) {
			expect(proxyTrustWarning({ UADE_TRUST_PROXY: value })).toContain(
				'believes X-Forwarded-For from whoever connects',
			)
		}
		for (const value of [undefined, 'false', 'loopback', '10.0.0.0/8', '203.0.113.7, loopback']) {
			expect(proxyTrustWarning({ UADE_TRUST_PROXY: value })).toBeNull()
		}
	})
})
