import { z } from 'zod'
import { choice, notAForm, version } from './fields'

/** The four-eyes rule as the settings form offers it: on (the default) or off. */
export const fourEyesChoices = ['on', 'off'] as const

export const settingsSchema = z.object(
	{
		version: version(),
		fourEyes: choice(fourEyesChoices, { missing: 'Choose whether the four-eyes rule applies.' }).transform(
			(choice) => choice === 'on',
		),
	},
	notAForm,
)

export type SettingsInput = z.output<typeof settingsSchema>

/** Stored settings as the form shows them. */
export function settingsFormValues(settings: { fourEyes: boolean; version: number }) {
	return { fourEyes: settings.fourEyes ? 'on' : 'off', version: String(settings.version) }
}

export const settingsMessages = {
	otherAdmin:
		'Another admin can review: the rule can be turned off only while you are the only active admin.',
}
