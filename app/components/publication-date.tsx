import type { PublicationDate } from '~/forms/evidence-dates'
import { useI18n } from '~/i18n/use-i18n'

/**
 * "Published 31 March 2024", "Published March 2024", "Published in 2024" or "Publication date not printed"
 * on a public page, as precise as the source: a month or a year is never shown as its first day. The
 * `<time>` carries as much of the date as is known (`2024-03`, `2024`).
 */
export function PublishedDate({ published }: { published: PublicationDate }) {
	const { t, format } = useI18n()
	const on = published.on
	if (published.precision === 'NONE' || on === null) return <span>{t('pledge.evidence.dateNotPrinted')}</span>
	// The year as text, so that it is never formatted as a number ("2 024").
	const [text, dateTime] =
		published.precision === 'YEAR'
			? [t('pledge.evidence.publishedYear', { year: on.slice(0, 4) }), on.slice(0, 4)]
			: published.precision === 'MONTH'
				? [t('pledge.evidence.publishedMonth', { date: format.longMonthYear(on) }), on.slice(0, 7)]
				: [t('pledge.evidence.published', { date: format.date(on) }), on]
	return (
		<span>
			<time dateTime={dateTime}>{text}</time>
		</span>
	)
}
