import { describe, expect, test } from 'vitest'
import { newPassword, password } from './fields'
import { passwordProblem, passwordProblemOf } from './password'

describe('the password policy', () => {
	test('refuses fewer than 12 characters, saying how many there are', () => {
		expect(passwordProblem('eleven chrs', 'a@example.org')).toBe(
			'Use at least 12 characters (this one has 11).',
		)
		expect(passwordProblem('twelve chars', 'a@example.org')).toBeUndefined()
	})

	test('refuses the email address itself, whatever its case', () => {
		expect(passwordProblem('Someone.Long@Example.org', 'someone.long@example.org')).toBe(
			'Do not use the email address as the password.',
		)
	})

	test('refuses more than 256 characters', () => {
		expect(passwordProblem('x'.repeat(257), 'a@example.org')).toBe('Use at most 256 characters.')
	})
})

describe('the policy as problem codes (what the user model answers)', () => {
	test('too short, too long, the email, or nothing wrong; the email is compared only when known', () => {
		expect(passwordProblemOf('eleven chrs', 'a@example.org')).toBe('too-short')
		expect(passwordProblemOf('x'.repeat(257), 'a@example.org')).toBe('too-long')
		expect(passwordProblemOf(' Someone.Long@Example.org ', 'someone.long@example.org')).toBe('is-email')
		expect(passwordProblemOf('twelve chars', 'a@example.org')).toBeUndefined()
		expect(passwordProblemOf('someone.long@example.org', undefined)).toBeUndefined()
	})
})

describe('the password field builders', () => {
	test('keep a password as typed, spaces and all, and refuse more than 256 characters', () => {
		const typed = password({ missing: 'Enter your password.' })
		expect(typed.parse('  spaced out  ')).toBe('  spaced out  ')
		expect(typed.safeParse('x'.repeat(257)).error?.issues[0]?.message).toBe('Use at most 256 characters.')
		expect(typed.safeParse(undefined).error?.issues[0]?.message).toBe('Enter your password.')
	})

	test('a new password is held to the policy’s length, saying how long it is', () => {
		const chosen = newPassword({ missing: 'Enter a new password.' })
		expect(chosen.safeParse('too short').error?.issues[0]?.message).toBe(
			'Use at least 12 characters (this one has 9).',
		)
		expect(chosen.parse('long enough now')).toBe('long enough now')
	})
})
