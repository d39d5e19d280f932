// The password policy, shared by the server (the user model, `npm run user:create`) and the forms in the
// browser (their length limits and hints): no server-only code here.

export const passwordMinLength = 12
export const passwordMaxLength = 256

/** What the policy refuses in a new password, as the user model answers it. */
export type PasswordProblem = 'too-short' | 'too-long' | 'is-email'

/**
 * The policy's verdict on a new password for the account with `email` (not compared when the form does
 * not know it); undefined when the password is acceptable.
 */
export function passwordProblemOf(password: string, email: string | undefined): PasswordProblem | undefined {
	if (password.length < passwordMinLength) return 'too-short'
	if (password.length > passwordMaxLength) return 'too-long'
	if (email !== undefined && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'is-email'
	return undefined
}

export const passwordTooShort = (length: number) =>
	`Use at least ${passwordMinLength} characters (this one has ${length}).`

/** The policy's problems in words for the person choosing the password, without its length. */
export const passwordProblemMessages: Record<PasswordProblem, string> = {
	'too-short': `Use at least ${passwordMinLength} characters.`,
	'too-long': `Use at most ${passwordMaxLength} characters.`,
	'is-email': 'Do not use the email address as the password.',
}

/** Why a new password is refused, in words (saying how long it is when too short); undefined when acceptable. */
export function passwordProblem(password: string, email: string | undefined): string | undefined {
	const problem = passwordProblemOf(password, email)
	if (problem === 'too-short') return passwordTooShort(password.length)
	return problem && passwordProblemMessages[problem]
}
