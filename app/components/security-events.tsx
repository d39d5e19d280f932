import { Link } from '@remix-run/react'
import type { Prisma } from '~/.server/prisma/client'
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

const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'medium',
	timeZone: 'UTC',
})

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
	if (events.length === 0) return <p>Nothing recorded yet.</p>
	return (
		<div className="table-scroll">
			<table className="data-table">
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">When (UTC)</th>
						<th scope="col">What</th>
						{showAccount ? <th scope="col">Account</th> : null}
						<th scope="col">By</th>
						<th scope="col">From address</th>
					</tr>
				</thead>
				<tbody>
					{events.map((event) => (
						<tr key={event.id}>
							<td>
								<time dateTime={new Date(event.createdAt).toISOString()}>
									{dateTime.format(new Date(event.createdAt))}
								</time>
							</td>
							<td>{describeSecurityEvent(event)}</td>
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
										? 'themselves'
										: event.actor.displayName
									: event.action === 'user.create'
										? 'command line'
										: 'nobody signed in'}
							</td>
							<td>{event.ipAddress ?? '—'}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
