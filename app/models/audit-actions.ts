import type { Translate } from '~/i18n/translator'

/**
 * The audit log's actions in words, grouped by the record they concern: the choices of the log's action
 * filter and the labels of its entries. A group's value is the actions' common beginning (`pledge.`), which
 * the filter matches as a prefix. An action written by code but missing here still shows, as its code; add
 * it here when adding it to the code.
 */
export const auditActionGroups = [
	{
		label: 'Pledges',
		any: 'Any pledge change',
		prefix: 'pledge.',
		actions: { 'pledge.create': 'Pledge created', 'pledge.update': 'Pledge edited' },
	},
	{
		label: 'Status ledger',
		any: 'Any status or correction',
		prefix: 'status_update.',
		actions: {
			'status_update.create': 'Status recorded',
			'status_update.correct': 'Status corrected',
			'status_update.translate': 'Translation of a status changed',
		},
	},
	{
		label: 'Evidence',
		any: 'Any evidence step',
		prefix: 'evidence.',
		actions: {
			'evidence.submit': 'Evidence submitted',
			'evidence.approve': 'Evidence approved',
			'evidence.reject': 'Evidence rejected',
			'evidence.request_changes': 'Changes requested on evidence',
			'evidence.edit': 'Evidence edited by its author',
			'evidence.resubmit': 'Evidence resubmitted for review',
			'evidence.withdraw': 'Evidence withdrawn by its author',
			'evidence.translate': 'Translation of evidence changed',
		},
	},
	{
		label: 'Measurements',
		any: 'Any measurement',
		prefix: 'measurement.',
		actions: { 'measurement.create': 'Measurement recorded' },
	},
	{
		label: 'Platforms',
		any: 'Any platform change',
		prefix: 'platform.',
		actions: {
			'platform.create': 'Platform created',
			'platform.update': 'Platform edited',
			'platform.publish': 'Platform published',
			'platform.unpublish': 'Platform unpublished',
			'platform.feature': 'Platform featured on the home page',
			'platform.unfeature': 'Platform no longer featured',
		},
	},
	{
		label: 'Categories',
		any: 'Any category change',
		prefix: 'category.',
		actions: { 'category.create': 'Category created', 'category.update': 'Category edited' },
	},
	{
		label: 'Politicians',
		any: 'Any politician change',
		prefix: 'politician.',
		actions: { 'politician.create': 'Politician created', 'politician.update': 'Politician edited' },
	},
	{
		label: 'Accounts',
		any: 'Any account change',
		prefix: 'user.',
		actions: {
			'user.create': 'Account created',
			'user.role_change': 'Role changed',
			'user.disable': 'Account disabled',
			'user.enable': 'Account enabled',
			'user.password_reset': 'Password reset',
			'user.password_change': 'Password changed',
			'user.password_check_failed': 'Wrong current password',
			'user.locale_change': 'Language changed',
		},
	},
	{
		label: 'Platform sources',
		any: 'Any platform source change',
		prefix: 'platform_source.',
		actions: {
			'platform_source.create': 'Platform source added',
			'platform_source.update': 'Platform source edited',
		},
	},
	{
		label: 'Imports',
		any: 'Any import',
		prefix: 'data.',
		actions: { 'data.import': 'Data imported' },
	},
	{
		label: 'Settings',
		any: 'Any settings change',
		prefix: 'settings.',
		actions: { 'settings.update': 'Settings changed' },
	},
	{
		label: 'Signing in',
		any: 'Any sign-in or sign-out',
		prefix: 'auth.',
		actions: {
			'auth.sign_in': 'Signed in',
			'auth.sign_in_failed': 'Failed sign-in',
			'auth.sign_out': 'Signed out',
			'auth.sign_out_everywhere': 'Signed out everywhere',
		},
	},
] as const satisfies ReadonlyArray<{
	label: string
	any: string
	prefix: string
	actions: Record<string, string>
}>

/** Every action the app may write: `recordAudit` takes no other, so a new action cannot miss its label. */
export type AuditAction = ActionsOf<(typeof auditActionGroups)[number]>
type ActionsOf<Group> = Group extends { actions: infer Actions } ? keyof Actions & string : never

const labels = new Map<string, string>(
	auditActionGroups.flatMap((group) => [
		[group.prefix, group.any] as const,
		...Object.entries(group.actions),
	]),
)

/** The action (or a group's prefix) in words; an action this list does not know, as its code. */
export function auditActionLabel(action: string): string {
	return labels.get(action) ?? action
}

/** The filter's choices: per group, "any" of the group, then each action. */
export function auditActionChoices(): Array<{
	label: string
	options: Array<{ value: string; label: string }>
}> {
	return auditActionGroups.map((group) => ({
		label: group.label,
		options: [
			{ value: group.prefix, label: group.any },
			...Object.entries(group.actions).map(([value, label]) => ({ value, label })),
		],
	}))
}

type Group = (typeof auditActionGroups)[number]
type GroupPrefix = Group['prefix']

const actionsKnown = new Set<string>(auditActionGroups.flatMap((group) => Object.keys(group.actions)))
const prefixesKnown = new Set<string>(auditActionGroups.map((group) => group.prefix))

function isAuditAction(value: string): value is AuditAction {
	return actionsKnown.has(value)
}

function isGroupPrefix(value: string): value is GroupPrefix {
	return prefixesKnown.has(value)
}

/**
 * The same words in the page's language (the staff messages `staff.audit.action.*`, `staff.audit.any.*` and
 * `staff.audit.group.*`, one per action and group above: the compiler refuses a missing one).
 */
export function auditActionLabelIn(action: string, t: Translate): string {
	if (isAuditAction(action)) return t(`staff.audit.action.${action}`)
	if (isGroupPrefix(action)) return t(`staff.audit.any.${action}`)
	return action
}

/** The filter's choices in the page's language. */
export function auditActionChoicesIn(t: Translate): Array<{
	label: string
	options: Array<{ value: string; label: string }>
}> {
	return auditActionGroups.map((group) => ({
		label: t(`staff.audit.group.${group.prefix}`),
		options: [
			{ value: group.prefix, label: t(`staff.audit.any.${group.prefix}`) },
			...Object.keys(group.actions).map((value) => ({ value, label: auditActionLabelIn(value, t) })),
		],
	}))
}
