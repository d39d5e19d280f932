import { passwordChoices, roles } from '~/forms/user'
import { passwordMinLength } from '~/forms/password'
import { RadioGroup, TextField, type FormField } from './forms'
import { roleDescriptions, roleLabels } from './labels'

// The fields the account forms share (creating an account, and resetting one's password).

export const roleChoices = roles.map((role) => ({
	value: role,
	label: roleLabels[role],
	hint: roleDescriptions[role],
}))

const passwordChoiceLabels: Record<(typeof passwordChoices)[number], string> = {
	generate: 'Generate a one-time password for me to hand over',
	set: 'I will type one in below',
}

const passwordChoiceOptions = passwordChoices.map((value) => ({
	value,
	label: passwordChoiceLabels[value],
}))

/** How an account's password is made: generated for the admin to hand over, or typed in by them. */
export function PasswordChoiceFields({
	label,
	choice,
	password,
}: {
	label: string
	choice: FormField
	password: FormField
}) {
	return (
		<>
			<RadioGroup label={label} field={choice} choices={passwordChoiceOptions} />
			<TextField
				label="Password (only if you type one in)"
				field={password}
				type="password"
				autoComplete="new-password"
				hint={`At least ${passwordMinLength} characters, and not the email address.`}
			/>
		</>
	)
}
