import { z } from 'zod'
import type { Role } from '~/.server/prisma/enums'
import {
	addFieldIssue,
	alwaysCheck,
	choice,
	email,
	intent,
	limits,
	password,
	text,
	useTheButtons,
	version,
} from './fields'
import { passwordProblem, passwordProblemMessages, type PasswordProblem } from './password'
import type { ProblemMessages } from './problems'

// The forms with which an admin creates and changes accounts (/admin/accounts/...): one schema per
// form; the forms of one account's page are told apart by their `intent` field.

export const roles = ['FACT_CHECKER', 'ADMIN'] as const satisfies readonly Role[]

/** An account's own fields, also read by `npm run user:create`. */
export const accountFields = {
	email: email(),
	displayName: text({ missing: 'Enter a name.', max: limits.displayName }),
	role: choice(roles, { missing: 'Choose a role.' }),
}

export const passwordChoices = ['generate', 'set'] as const

type ChosenPassword = { passwordChoice?: unknown; password?: unknown }

const passwordMissing = 'Type in a password, or choose to generate one.'

/** A password typed in by the admin must be there and pass the policy; a generated one does. */
function checkChosenPassword(form: ChosenPassword, context: z.RefinementCtx, accountEmail?: unknown) {
	if (form.passwordChoice !== 'set') return
	if (typeof form.password !== 'string') {
		addFieldIssue(context, 'password', passwordMissing)
		return
	}
	const problem = passwordProblem(form.password, typeof accountEmail === 'string' ? accountEmail : undefined)
	if (problem) addFieldIssue(context, 'password', problem)
}

// Optional: a generated password needs none; `checkChosenPassword` asks for one when it is to be typed in.
const chosenPassword = {
	password: password({ missing: passwordMissing }).optional(),
}

export const newAccountSchema = z
	.object({
		...accountFields,
		passwordChoice: choice(passwordChoices, { missing: 'Choose how the first password is made.' }),
		...chosenPassword,
	})
	.superRefine((form, context) => checkChosenPassword(form, context, form.email), alwaysCheck)

export type NewAccountInput = z.output<typeof newAccountSchema>

export const accountChangeIntents = ['change-role', 'set-disabled', 'reset-password'] as const
export type AccountChangeIntent = (typeof accountChangeIntents)[number]

export const accountChangeIntentSchema = z.object({
	intent: intent(accountChangeIntents),
})

export const changeRoleSchema = z.object({
	intent: intent(['change-role']),
	version: version(),
	role: accountFields.role,
})

export const setDisabledSchema = z.object({
	intent: intent(['set-disabled']),
	version: version(),
	disabled: choice(['true', 'false'], { missing: useTheButtons }).transform((value) => value === 'true'),
})

/** The email is the model's to compare: the form has none. */
export const resetPasswordSchema = z
	.object({
		intent: intent(['reset-password']),
		version: version(),
		passwordChoice: choice(passwordChoices, { missing: 'Choose how the new password is made.' }),
		...chosenPassword,
	})
	.superRefine((form, context) => checkChosenPassword(form, context), alwaysCheck)

/** Fields a refused form never sends back to the browser. */
export const userSecretFields = ['password']

export const userProblems: ProblemMessages<'taken' | PasswordProblem> = {
	email: { taken: 'An account with this email already exists.' },
	password: passwordProblemMessages,
}

export const accountChangeMessages = {
	lastAdmin:
		'This is the last active admin account: make another account an admin first, so that someone ' +
		'can still manage Uade.',
	conflict:
		'Someone else changed this account while you had this page open, so nothing was saved. ' +
		'The page now shows the account as it is; please check it and try again.',
	roleConflict:
		'Someone else changed this account while you had this page open, so the role is not changed yet. ' +
		'Your choice is kept below, beside the role saved meanwhile: change the role again to apply it.',
	roleKept: (role: string) => `The role stays ${role}.`,
	roleChanged: (role: string) => `The role is now ${role}.`,
	disabled: 'The account is disabled and every session of it has ended.',
	enabled: 'The account is enabled: it can sign in again.',
	passwordReset: (displayName: string) =>
		`The password is reset and ${displayName} is signed out everywhere. They must choose a new one when they next sign in.`,
}
