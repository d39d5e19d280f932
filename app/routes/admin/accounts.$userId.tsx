import type { Submission } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { actorOf, requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	FormErrorTexts,
	FormMessage,
	HiddenField,
	RadioGroup,
	SavedMeanwhileProvider,
	staffDateTime,
	StaffForm,
	useStaffForm,
	type Refused,
	type SavedMeanwhile,
} from '~/components/forms'
import { SecurityEventsTable } from '~/components/security-events'
import { withSavedValuesTaken } from '~/forms/conflict'
import { isRecordId } from '~/forms/fields'
import { problemMessages } from '~/forms/problems'
import { parseForm, readForm, refuse } from '~/forms/reply.server'
import {
	accountChangeIntentSchema,
	accountChangeMessages,
	changeRoleSchema,
	resetPasswordSchema,
	setDisabledSchema,
	userProblems,
	userSecretFields,
	type AccountChangeIntent,
} from '~/forms/user'
import { roleLabels, useStaffLabels } from '~/components/labels'
import { staffPageMeta } from '~/i18n/staff-meta'
import { useI18n } from '~/i18n/use-i18n'
import { listAuditEntriesFor } from '~/models/audit.server'
import { generateOneTimePassword } from '~/models/password.server'
import { changeRole, getAccount, resetPassword, setDisabled } from '~/models/user.server'
import { PasswordChoiceFields, useRoleChoices } from '~/components/account-fields'
import { answerConflict } from './record-save.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	staffPageMeta(
		matches,
		({ t }) =>
			`${data?.account.displayName ?? t('staff.security.account')} · ${t('staff.adminNav.accounts')} · ${t('staff.admin.title')}`,
	)

async function findAccount(userId: string | undefined) {
	const account = isRecordId(userId) ? await getAccount(userId) : null
	if (!account) throw new Response(null, { status: 404 })
	return account
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const account = await findAccount(params.userId)
	const history = await listAuditEntriesFor({ entityType: 'User', entityId: account.id })
	return { account, history, isSelf: account.id === admin.id }
}

/** A change went through: what it did, and the one-time password to hand over when one was generated. */
function changed(intent: AccountChangeIntent, success: string, oneTimePassword: string | null = null) {
	return data({ intent, success, oneTimePassword })
}

/** 404; or 409 when someone else changed the account meanwhile (the page then shows it as it is now). */
function answerStale(intent: AccountChangeIntent, result: { status: 'not-found' | 'conflict' }) {
	if (result.status === 'not-found') throw new Response(null, { status: 404 })
	return data({ intent, conflict: accountChangeMessages.conflict }, { status: 409 })
}

/** The last active admin keeps its role and access: 409, and why. */
function refuseLastAdmin(submission: Submission<unknown>) {
	return refuse(submission, { formErrors: [accountChangeMessages.lastAdmin] }, 409)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const actor = actorOf(await requireRole(request, 'ADMIN'), context)
	// An unknown account is a 404 whatever the form held.
	const account = await findAccount(params.userId)
	const userId = account.id
	// The role as stored, for a role form whose editor took the saved role after a conflict.
	const formData = withSavedValuesTaken(await readForm(request), { role: account.role })
	const chosen = parseForm(formData, accountChangeIntentSchema)
	if (chosen.status !== 'success') return refuse(chosen, { hideFields: userSecretFields })
	switch (chosen.value.intent) {
		case 'change-role': {
			const submission = parseForm(formData, changeRoleSchema)
			if (submission.status !== 'success') return refuse(submission)
			const { version, role } = submission.value
			const result = await changeRole({ userId, version, role }, actor)
			if (result.status === 'invalid') return refuseLastAdmin(submission)
			if (result.status === 'conflict') {
				// The role chosen is kept on the newer version, beside the role saved meanwhile.
				const newer = await findAccount(userId)
				return answerConflict(submission, {
					message: accountChangeMessages.roleConflict,
					newer: { intent: 'change-role', version: String(newer.version), role: newer.role },
					entity: { type: 'User', id: userId },
				})
			}
			if (result.status !== 'saved') return answerStale('change-role', result)
			const message =
				result.record.version === version ? accountChangeMessages.roleKept : accountChangeMessages.roleChanged
			return changed('change-role', message(roleLabels[role]))
		}
		case 'set-disabled': {
			const submission = parseForm(formData, setDisabledSchema)
			if (submission.status !== 'success') return refuse(submission)
			const { version, disabled } = submission.value
			const result = await setDisabled({ userId, version, disabled }, actor)
			if (result.status === 'invalid') return refuseLastAdmin(submission)
			if (result.status !== 'saved') return answerStale('set-disabled', result)
			return changed(
				'set-disabled',
				disabled ? accountChangeMessages.disabled : accountChangeMessages.enabled,
			)
		}
		case 'reset-password': {
			const submission = parseForm(formData, resetPasswordSchema)
			if (submission.status !== 'success') return refuse(submission, { hideFields: userSecretFields })
			const { version, passwordChoice } = submission.value
			const oneTimePassword = passwordChoice === 'generate' ? generateOneTimePassword() : null
			const password = oneTimePassword ?? submission.value.password ?? ''
			const result = await resetPassword({ userId, version, password }, actor)
			if (result.status === 'invalid') {
				const fieldErrors = problemMessages(result.problems, userProblems)
				return refuse(submission, { fieldErrors, hideFields: userSecretFields })
			}
			if (result.status !== 'saved') return answerStale('reset-password', result)
			return changed(
				'reset-password',
				accountChangeMessages.passwordReset(result.record.displayName),
				oneTimePassword,
			)
		}
	}
}

type Account = ReturnType<typeof useLoaderData<typeof loader>>['account']
/**
 * What the action answers. A role conflict (`answerConflict`) is a refusal's shape and more, so TypeScript
 * folds it into the refusal in the action's inferred type: it is named here.
 */
type Answer =
	| ReturnType<typeof useActionData<typeof action>>
	| (Refused & { conflict: SavedMeanwhile & { message: string; values: { version: string } } })

/**
 * What the action answered, for the form with `intent`: its reply when refused (or, after a conflict, the
 * values sent on the newer version, with what was saved meanwhile), else a message.
 */
function answerFor(answer: Answer, intent: AccountChangeIntent) {
	if (!answer) return { lastResult: null, message: null }
	if ('result' in answer) {
		const mine = answer.result.initialValue?.intent === intent
		const conflict = mine && 'conflict' in answer ? answer.conflict : null
		return {
			lastResult: mine ? answer.result : null,
			message: conflict ? <FormMessage tone="error">{conflict.message}</FormMessage> : null,
			saved: conflict,
		}
	}
	if (answer.intent !== intent) return { lastResult: null, message: null }
	return 'conflict' in answer
		? { lastResult: null, message: <FormMessage tone="error">{answer.conflict}</FormMessage> }
		: { lastResult: null, message: <FormMessage tone="success">{answer.success}</FormMessage> }
}

export default function AccountDetail() {
	const { account, history, isSelf } = useLoaderData<typeof loader>()
	const answer: Answer = useActionData<typeof action>()
	const { t, format } = useI18n()
	const labels = useStaffLabels()
	const state = account.disabled
		? t('staff.accounts.disabled')
		: account.mustChangePassword
			? t('staff.accounts.activeMustChooseNext')
			: t('staff.accounts.active')
	const resetAnswer = answerFor(answer, 'reset-password')
	const roleAnswer = answerFor(answer, 'change-role')
	const oneTimePassword =
		answer && 'oneTimePassword' in answer && answer.intent === 'reset-password'
			? answer.oneTimePassword
			: null
	// A reply to none of the forms (an unknown intent) is shown at the top.
	const pageError = answer && 'result' in answer ? answer.result.error?.intent : undefined
	return (
		<>
			<h1>{account.displayName}</h1>
			{isSelf ? <p className="lede">{t('staff.accounts.ownAccount')}</p> : null}
			{pageError ? (
				<FormMessage tone="error">
					<FormErrorTexts messages={pageError} />
				</FormMessage>
			) : null}
			<dl className="staff-facts">
				<dt>{t('staff.account.email')}</dt>
				<dd>{account.email}</dd>
				<dt>{t('staff.account.role')}</dt>
				<dd>{labels.role(account.role)}</dd>
				<dt>{t('staff.accounts.state')}</dt>
				<dd>{state}</dd>
				<dt>{t('staff.accounts.signedInOn')}</dt>
				<dd>{t('staff.accounts.devices', { count: account.activeSessions })}</dd>
				<dt>{t('staff.accounts.createdAt')}</dt>
				<dd>{staffDateTime(format, account.createdAt)}</dd>
			</dl>

			<section className="panel" aria-labelledby="role-title">
				<h2 id="role-title">{t('staff.account.role')}</h2>
				{/* A new version (a change saved) remounts each form, so that it shows the account as it is. */}
				<RoleForm
					// After a conflict (the page's account may be older: a 409 reloads nothing), the newer version.
					key={roleAnswer.saved?.values.version ?? account.version}
					account={account}
					{...roleAnswer}
				/>
			</section>

			<section className="panel" aria-labelledby="access-title">
				<h2 id="access-title">{t('staff.accounts.access')}</h2>
				<AccessForm key={account.version} account={account} {...answerFor(answer, 'set-disabled')} />
			</section>

			<section className="panel" aria-labelledby="reset-title">
				<h2 id="reset-title">{t('staff.accounts.resetTitle')}</h2>
				{resetAnswer.message}
				{oneTimePassword ? (
					<div className="one-time-password-panel">
						<p>{t('staff.accounts.newOneTime', { name: account.displayName })}</p>
						<p className="one-time-password">
							<code>{oneTimePassword}</code>
						</p>
					</div>
				) : null}
				<ResetPasswordForm key={account.version} account={account} lastResult={resetAnswer.lastResult} />
			</section>

			<section className="panel" aria-labelledby="history-title">
				<h2 id="history-title">{t('staff.accounts.history')}</h2>
				<SecurityEventsTable
					events={history}
					caption={t('staff.accounts.historyCaption', { name: account.displayName })}
					showAccount={false}
				/>
			</section>
		</>
	)
}

type FormProps = {
	account: Account
	lastResult: Refused['result'] | null
	message?: ReactNode
	saved?: SavedMeanwhile | null
}

function RoleForm({ account, lastResult, message, saved = null }: FormProps) {
	const [form, fields] = useStaffForm(changeRoleSchema, {
		lastResult,
		defaultValue: { intent: 'change-role', version: String(account.version), role: account.role },
	})
	const { t } = useI18n()
	const roleChoices = useRoleChoices()
	return (
		<>
			{message}
			<SavedMeanwhileProvider value={saved}>
				<StaffForm form={form}>
					<HiddenField field={fields.intent} />
					<HiddenField field={fields.version} />
					<RadioGroup label={t('staff.accounts.roleOfAccount')} field={fields.role} choices={roleChoices} />
					<button type="submit" className="button">
						{t('staff.accounts.changeRole')}
					</button>
				</StaffForm>
			</SavedMeanwhileProvider>
		</>
	)
}

function AccessForm({ account, lastResult, message }: FormProps) {
	const [form, fields] = useStaffForm(setDisabledSchema, {
		lastResult,
		defaultValue: {
			intent: 'set-disabled',
			version: String(account.version),
			disabled: account.disabled ? 'false' : 'true',
		},
	})
	const { t } = useI18n()
	return (
		<>
			{message}
			<StaffForm form={form} className="">
				<HiddenField field={fields.intent} />
				<HiddenField field={fields.version} />
				<HiddenField field={fields.disabled} />
				{account.disabled ? (
					<p>{t('staff.accounts.disabledText')}</p>
				) : (
					<p>{t('staff.accounts.disableText')}</p>
				)}
				<button type="submit" className={account.disabled ? 'button' : 'button button-danger'}>
					{account.disabled ? t('staff.accounts.enable') : t('staff.accounts.disable')}
				</button>
			</StaffForm>
		</>
	)
}

function ResetPasswordForm({ account, lastResult }: FormProps) {
	const [form, fields] = useStaffForm(resetPasswordSchema, {
		lastResult,
		defaultValue: { intent: 'reset-password', version: String(account.version), passwordChoice: 'generate' },
	})
	const { t } = useI18n()
	return (
		<StaffForm form={form}>
			<HiddenField field={fields.intent} />
			<HiddenField field={fields.version} />
			<p>{t('staff.accounts.resetText')}</p>
			<PasswordChoiceFields
				label={t('staff.account.newPassword')}
				choice={fields.passwordChoice}
				password={fields.password}
			/>
			<button type="submit" className="button">
				{t('staff.accounts.resetTitle')}
			</button>
		</StaffForm>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
