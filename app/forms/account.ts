import { z } from 'zod'
import { locales } from '~/i18n/locales'
import { addFieldIssue, alwaysCheck, choice, intent, newPassword, password } from './fields'
import { passwordProblemMessages, type PasswordProblem } from './password'
import type { ProblemMessages } from './problems'
import { waitText } from './wait-text'

// The forms of /account, where someone manages their own account: one schema per form, told apart by
// their `intent` field.

export const accountIntentSchema = z.object({
	intent: intent(['change-password', 'sign-out-everywhere', 'set-locale']),
})

export const changePasswordSchema = z
	.object({
		intent: intent(['change-password']),
		currentPassword: password({ missing: 'Enter your current password.' }),
		newPassword: newPassword({ missing: 'Enter a new password.' }),
		confirmPassword: password({ missing: 'Enter the new password again.' }),
	})
	.superRefine((form, context) => {
		if (typeof form.newPassword === 'string' && form.newPassword !== form.confirmPassword) {
			addFieldIssue(context, 'confirmPassword', 'The two new passwords are not the same.')
		}
	}, alwaysCheck)

export const signOutEverywhereSchema = z.object({
	intent: intent(['sign-out-everywhere']),
})

/** The language of one's staff pages (the same choice as the header's language switcher). */
export const setLocaleSchema = z.object({
	intent: intent(['set-locale']),
	locale: choice(locales, { missing: 'Choose one of the languages.' }),
})

/** Fields a refused form never sends back to the browser. */
export const changePasswordSecretFields = ['currentPassword', 'newPassword', 'confirmPassword']

export const changePasswordProblems: ProblemMessages<'wrong' | PasswordProblem | 'same-as-current'> = {
	currentPassword: { wrong: 'This is not your current password.' },
	newPassword: {
		...passwordProblemMessages,
		'same-as-current': 'Choose a password different from the current one.',
	},
}

/** Past `passwordCheckLimits`: the current password was not even checked. */
export function tooManyPasswordChecksMessage(retryAfterSeconds: number): string {
	return `Too many wrong current passwords. Try again in ${waitText(retryAfterSeconds)}.`
}

export function passwordChangedMessage(otherSessionsEnded: number): string {
	return otherSessionsEnded === 0
		? 'Your password is changed.'
		: `Your password is changed, and you are signed out on ${otherSessionsEnded} other ${otherSessionsEnded === 1 ? 'device' : 'devices'}.`
}
