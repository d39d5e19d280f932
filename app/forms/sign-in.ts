import { z } from 'zod'
import { email, limits, optionalText, password } from './fields'
import { waitText } from './wait-text'

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
	rateLimited: (seconds: number) =>
		`Too many unsuccessful sign-in attempts. Try again in ${waitText(seconds)}.`,
	signedOutEverywhere: 'You are signed out on every device.',
}
