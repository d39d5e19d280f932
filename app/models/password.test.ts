import { describe, expect, test } from 'vitest'
import { passwordProblem } from '~/forms/password'
import { generateOneTimePassword, hashPassword, verifyPassword } from './password.server'

describe('password hashing', () => {
	test('uses argon2id with 19 MiB, 2 passes and 1 lane, and a salt of its own per hash', async () => {
		const first = await hashPassword('correct horse battery staple')
		const second = await hashPassword('correct horse battery staple')
		expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
		expect(second).not.toBe(first)
	})

	test('verifies the right password and refuses any other', async () => {
		const hash = await hashPassword('correct horse battery staple')
		expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true)
		expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false)
		expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false)
		expect(await verifyPassword(hash, '')).toBe(false)
	})

	test('treats a damaged stored hash as a wrong password instead of failing', async () => {
		expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false)
	})
})

describe('one-time passwords', () => {
	test('are four groups of five unambiguous characters, different every time, and pass the policy', () => {
		const passwords = Array.from({ length: 50 }, () => generateOneTimePassword())
		for (const password of passwords) {
			expect(password).toMatch(/^[A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){3}$/)
			expect(passwordProblem(password, 'someone@example.org')).toBeUndefined()
		}
		expect(new Set(passwords).size).toBe(passwords.length)
	})
})
