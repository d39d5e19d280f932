import { Link } from '@remix-run/react'
import type { Prisma } from '~/.server/prisma/client'
import { useI18n } from '~/i18n/use-i18n'
import { staffDateTime } from './forms'
import { describeSecurityEvent } from './security-event-text'

type JsonValue = Prisma.JsonValue

type SecurityEvent = {
	id: string
	action: string
	entityType: string
	entityId: string
	before: JsonValue
	after: JsonValue
	ipAddress: string | null
	createdAt: Date
	actor: { id: string; displayName: string } | null
	subject: { id: string; displayName: string; email: string } | null
}

function emailOf(after: JsonValue): string | null {
	if (after === null || typeof after !== 'object' || Array.isArray(after)) return null
	return typeof after.email === 'string' ? after.email : null
}

/** Audit entries about sign-ins and accounts, as a table: when, what, whose account, by whom, from where. */
export function SecurityEventsTable({
	events,
	caption,
	showAccount = true,
}: {
	events: SecurityEvent[]
	caption: string
	showAccount?: boolean
}) {
	const { t, format } = useI18n()
	if (events.length === 0) return <p>{t('staff.admin.activityNone')}</p>
	return (
		<div className="table-scroll">
			<table className="data-table">
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{t('staff.audit.when')}</th>
						<th scope="col">{t('staff.security.what')}</th>
						{showAccount ? <th scope="col">{t('staff.security.account')}</th> : null}
						<th scope="col">{t('staff.audit.by')}</th>
						<th scope="col">{t('staff.account.fromAddress')}</th>
					</tr>
				</thead>
				<tbody>
					{events.map((event) => (
						<tr key={event.id}>
							<td>
								<time dateTime={new Date(event.createdAt).toISOString()}>
									{staffDateTime(format, event.createdAt)}
								</time>
							</td>
							<td>{describeSecurityEvent(event, t)}</td>
							{showAccount ? (
								<td>
									{event.subject ? (
										<Link to={`/admin/accounts/${event.subject.id}`}>{event.subject.displayName}</Link>
									) : (
										(emailOf(event.after) ?? '—')
									)}
								</td>
							) : null}
							<td>
								{event.actor
									? event.actor.id === event.subject?.id
										? t('staff.security.themselves')
										: event.actor.displayName
									: event.action === 'user.create'
										? t('staff.security.commandLine')
										: t('staff.security.nobodySignedIn')}
							</td>
							<td>{event.ipAddress ?? '—'}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
