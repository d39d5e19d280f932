import { isRouteErrorResponse, useRouteError } from '@remix-run/react'

const messages: Record<number, { title: string; text: string }> = {
	400: {
		title: 'Bad request',
		text: 'Something in the request was not right. Please check it and try again.',
	},
	403: { title: 'Not allowed', text: 'Your account does not have the right to see this page.' },
	404: { title: 'Not found', text: 'There is no page at this address. It may have moved.' },
	429: { title: 'Too many requests', text: 'Please wait a little and try again.' },
}

/** The error page every route shows: a message for the status, never a stack trace. */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const message = messages[status] ?? {
		title: 'Something went wrong',
		text: 'We could not show this page. The error was logged; please try again in a moment.',
	}
	if (status >= 500) console.error(error)
	return (
		<section className="error-page" aria-labelledby="error-title">
			<p className="error-status">{status}</p>
			<h1 id="error-title">{message.title}</h1>
			<p>{message.text}</p>
			<p>
				<a href="/">Back to the overview</a>
			</p>
		</section>
	)
}
