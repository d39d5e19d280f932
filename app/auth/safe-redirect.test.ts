import { describe, expect, test } from 'vitest'
import { safeRedirectTo } from './safe-redirect.server'

describe('safeRedirectTo keeps redirects on this site', () => {
	test.each([
		['/admin/accounts', '/admin/accounts'],
		['/admin/accounts?page=2#top', '/admin/accounts?page=2#top'],
		['/en/platforms/fair-kazakhstan', '/en/platforms/fair-kazakhstan'],
		['/admin/../account', '/account'],
	])('%s stays %s', (value, expected) => {
		expect(safeRedirectTo(value, '/fallback')).toBe(expected)
	})

	test.each([
		'//evil.example',
		'//evil.example/admin',
		'https://evil.example',
		'http://evil.example/admin',
		'/\\evil.example',
		'\\\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/.//evil.example',
		'/%2F%2Fevil.example',
		'javascript:alert(1)',
		'evil.example',
		'',
		' /admin',
	])('%j goes to the fallback, or stays a path on this site', (value) => {
		const result = safeRedirectTo(value, '/fallback')
		expect(result === '/fallback' || (result.startsWith('/') && !result.startsWith('//'))).toBe(true)
		expect(new URL(result, 'https://uade.example').origin).toBe('https://uade.example')
	})

	test('refuses the classic open-redirect forms outright', () => {
		for (const value of ['//evil.example', 'https://evil.example', '/\\evil.example', '/\t/evil.example']) {
			expect(safeRedirectTo(value, '/fallback')).toBe('/fallback')
		}
	})

	test('answers the fallback for anything that is not a string', () => {
		expect(safeRedirectTo(null, '/fallback')).toBe('/fallback')
		expect(safeRedirectTo(undefined)).toBe('/')
		expect(safeRedirectTo(['/admin'], '/fallback')).toBe('/fallback')
	})
})
