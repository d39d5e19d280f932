import type { Prisma } from '~/.server/prisma/client'
import { roleLabels } from './labels'

type JsonValue = Prisma.JsonValue

function field(json: JsonValue | undefined, key: string): JsonValue | undefined {
	if (json === null || json === undefined || typeof json !== 'object' || Array.isArray(json)) return undefined
	return json[key]
}

const failureReasons: Record<string, string> = {
	'wrong-password': 'wrong password',
	'unknown-email': 'no account has this email',
	disabled: 'the account is disabled',
}

function roleName(value: JsonValue | undefined): string {
	return value === 'ADMIN' || value === 'FACT_CHECKER' ? roleLabels[value] : String(value)
}

/** One audit entry about sign-ins or accounts, in words. */
export function describeSecurityEvent(entry: {
	action: string
	before: JsonValue
	after: JsonValue
}): string {
	const { action, before, after } = entry
	switch (action) {
		case 'auth.sign_in':
			return 'Signed in'
		case 'auth.sign_in_failed': {
			const reason = field(after, 'reason')
			return `Failed sign-in (${typeof reason === 'string' ? (failureReasons[reason] ?? reason) : 'unknown reason'})`
		}
		case 'auth.sign_out':
			return 'Signed out'
		case 'auth.sign_out_everywhere':
			return `Signed out everywhere (${String(field(after, 'sessionsEnded') ?? 0)} sessions ended)`
		case 'user.create':
			return `Account created as ${roleName(field(after, 'role'))}${field(after, 'via') === 'command line' ? ' from the command line' : ''}`
		case 'user.role_change':
			return `Role changed from ${roleName(field(before, 'role'))} to ${roleName(field(after, 'role'))}`
		case 'user.disable':
			return 'Account disabled, its sessions ended'
		case 'user.enable':
			return 'Account enabled'
		case 'user.password_reset':
			return 'Password reset by an admin (to be replaced at next sign-in)'
		case 'user.password_change':
			return 'Changed their own password'
		case 'user.password_check_failed':
			return 'Wrong current password on their account page'
		default:
			return action
	}
}
