import type { Prisma } from '~/.server/prisma/client'
import type { Translate } from '~/i18n/translator'

type JsonValue = Prisma.JsonValue

function field(json: JsonValue | undefined, key: string): JsonValue | undefined {
	if (json === null || json === undefined || typeof json !== 'object' || Array.isArray(json)) return undefined
	return json[key]
}

function roleName(value: JsonValue | undefined, t: Translate): string {
	return value === 'ADMIN' || value === 'FACT_CHECKER' ? t(`staff.role.${value}`) : String(value)
}

function failureReason(value: JsonValue | undefined, t: Translate): string {
	switch (value) {
		case 'wrong-password':
			return t('staff.security.reason.wrongPassword')
		case 'unknown-email':
			return t('staff.security.reason.unknownEmail')
		case 'disabled':
			return t('staff.security.reason.disabled')
		default:
			return typeof value === 'string' ? value : t('staff.security.reason.unknown')
	}
}

/** One audit entry about sign-ins or accounts, in words, in the page's language. */
export function describeSecurityEvent(
	entry: { action: string; before: JsonValue; after: JsonValue },
	t: Translate,
): string {
	const { action, before, after } = entry
	switch (action) {
		case 'auth.sign_in':
			return t('staff.security.signIn')
		case 'auth.sign_in_failed':
			return t('staff.security.signInFailed', { reason: failureReason(field(after, 'reason'), t) })
		case 'auth.sign_out':
			return t('staff.security.signOut')
		case 'auth.sign_out_everywhere':
			return t('staff.security.signOutEverywhere', { count: Number(field(after, 'sessionsEnded') ?? 0) })
		case 'user.create':
			return field(after, 'via') === 'command line'
				? t('staff.security.createdFromCommandLine', { role: roleName(field(after, 'role'), t) })
				: t('staff.security.created', { role: roleName(field(after, 'role'), t) })
		case 'user.role_change':
			return t('staff.security.roleChange', {
				from: roleName(field(before, 'role'), t),
				to: roleName(field(after, 'role'), t),
			})
		case 'user.disable':
			return t('staff.security.disable')
		case 'user.enable':
			return t('staff.security.enable')
		case 'user.password_reset':
			return t('staff.security.passwordReset')
		case 'user.password_change':
			return t('staff.security.passwordChange')
		case 'user.password_check_failed':
			return t('staff.security.passwordCheckFailed')
		case 'user.locale_change':
			return t('staff.audit.action.user.locale_change')
		default:
			return action
	}
}
