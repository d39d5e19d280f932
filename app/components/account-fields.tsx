import { passwordChoices, roles } from '~/forms/user'
import { passwordMinLength } from '~/forms/password'
import { useI18n } from '~/i18n/use-i18n'
import { RadioGroup, TextField, type FormField } from './forms'
import { useStaffLabels } from './labels'

// The fields the account forms share (creating an account, and resetting one's password).

/** The roles as radio choices, each with what it may do, in the page's language. */
export function useRoleChoices() {
	const labels = useStaffLabels()
	return roles.map((role) => ({
		value: role,
		label: labels.role(role),
		hint: labels.roleDescription(role),
	}))
}

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
	const { t } = useI18n()
	const choices = passwordChoices.map((value) => ({
		value,
		label: value === 'generate' ? t('staff.accounts.passwordGenerate') : t('staff.accounts.passwordSet'),
	}))
	return (
		<>
			<RadioGroup label={label} field={choice} choices={choices} />
			<TextField
				label={t('staff.accounts.passwordTyped')}
				field={password}
				type="password"
				autoComplete="new-password"
				hint={t('staff.accounts.passwordHint', { min: passwordMinLength })}
			/>
		</>
	)
}
