import { passwordChoices, roles } from '~/forms/user'
import { roleDescriptions, roleLabels } from '~/components/labels'

// The choices the account forms offer (creating an account, and changing one).

export const roleChoices = roles.map((role) => ({
	value: role,
	label: roleLabels[role],
	hint: roleDescriptions[role],
}))

const passwordChoiceLabels: Record<(typeof passwordChoices)[number], string> = {
	generate: 'Generate a one-time password for me to hand over',
	set: 'I will type one in below',
}

export const passwordChoiceOptions = passwordChoices.map((value) => ({
	value,
	label: passwordChoiceLabels[value],
}))
