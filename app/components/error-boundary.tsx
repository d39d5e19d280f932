import { isRouteErrorResponse, useRouteError } from '@remix-run/react'
import type { MessageKey } from '~/i18n/translator'
import { useI18n } from '~/i18n/use-i18n'

const messages: Record<number, { title: string; text: string }> = {
	400: {
		title: 'Bad request',
		text: 'Something in the request was not right. Please check it and try again.',
	},
	403: { title: 'Not allowed', text: 'Your account does not have the right to see this page.' },
	404: { title: 'Not found', text: 'There is no page at this address. It may have moved.' },
	429: { title: 'Too many requests', text: 'Please wait a little and try again.' },
}

const messageKeys: Record<number, { title: MessageKey; text: MessageKey }> & {
	500: { title: MessageKey; text: MessageKey }
} = {
	400: { title: 'error.400.title', text: 'error.400.text' },
	403: { title: 'error.403.title', text: 'error.403.text' },
	404: { title: 'error.404.title', text: 'error.404.text' },
	429: { title: 'error.429.title', text: 'error.429.text' },
	500: { title: 'error.500.title', text: 'error.500.text' },
}

/** The error page every route shows: a message for the status, never a stack trace. */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const { t, locale } = useI18n()
	const english = messages[status] ?? {
		title: 'Something went wrong',
		text: 'We could not show this page. The error was logged; please try again in a moment.',
	}
	const keys = messageKeys[status] ?? messageKeys[500]
	// In the reader's language; in English if even the UI strings could not be loaded.
	const localized = (key: MessageKey, fallback: string) => (t(key) === key ? fallback : t(key))
	const message = { title: localized(keys.title, english.title), text: localized(keys.text, english.text) }
	// In the browser only: on the server, entry.server.tsx's handleError has already reported it, once per cause.
	if (status >= 500 && typeof document !== 'undefined') console.error(error)
	return (
		<section className="error-page" aria-labelledby="error-title">
			<p className="error-status">{status}</p>
			<h1 id="error-title">{message.title}</h1>
			<p>{message.text}</p>
			<p>
				<a href={`/${locale}`}>{localized('error.backHome', 'Back to the overview')}</a>
			</p>
		</section>
	)
}
