// The password rules, shared by the server and the forms' hints (no server-only code here).

export const passwordMinLength = 12
export const passwordMaxLength = 256

/** Why a new password is refused, in words for the person choosing it; undefined when it is acceptable. */
export function passwordProblem(password: string, email: string): string | undefined {
	if (password.length < passwordMinLength)
		return `Use at least ${passwordMinLength} characters (this one has ${password.length}).`
	if (password.length > passwordMaxLength) return `Use at most ${passwordMaxLength} characters.`
	if (password.trim().toLowerCase() === email.trim().toLowerCase())
		return 'Do not use the email address as the password.'
	return undefined
}
