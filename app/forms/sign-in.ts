import { z } from 'zod'
import { email, limits, optionalText, password } from './fields'

export const signInSchema = z.object({
	email: email(),
	password: password({ missing: 'Enter your password.' }),
	/** Where to go once signed in (checked again by the server: only a path of this site is followed). */
	redirectTo: optionalText({ max: limits.url }),
})

/** Fields a refused form never sends back to the browser. */
export const signInSecretFields = ['password']

export const signInMessages = {
	/** Unknown email and wrong password alike: the answer must not tell which. */
	invalid: 'The email or the password is not right. Please check both and try again.',
	disabled: 'This account is disabled. If you think this is a mistake, please ask an admin.',
	rateLimited: (minutes: number) =>
		`Too many unsuccessful sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
	signedOutEverywhere: 'You are signed out on every device.',
}
