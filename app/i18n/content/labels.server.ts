import type { Locale } from '../locales'
import { messagesByLocale } from '../messages.server'
import type { MessageKey } from '../translator'

/** Reads a UI message by its key: a status, a chart or a page as the reader sees it named on the site. */
export type UiLabel = (key: MessageKey) => string

/**
 * The long-form pages quote the site's own labels («Выполнено частично», the chart's title…) through this,
 * so that they name them by the very words the pages around them show, whatever those become.
 */
export function uiLabels(locale: Locale): UiLabel {
	const messages = messagesByLocale[locale]
	return (key) => {
		const message = messages[key]
		return typeof message === 'string' ? message : message.other
	}
}
