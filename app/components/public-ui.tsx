import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { PledgeStatus } from '~/.server/prisma/enums'
import type { I18n } from '~/i18n/translator'
import { keepNumbersTogether } from '~/i18n/typography'
import { useI18n } from '~/i18n/use-i18n'
import { statusColours, swatchBackground } from './charts/status-style'

/** The status as a label on its colour; the label carries the meaning, the colour repeats it. */
export function StatusBadge({ status, large = false }: { status: PledgeStatus; large?: boolean }) {
	const { t } = useI18n()
	const { colour, textColour } = statusColours[status]
	return (
		<span
			className={large ? 'status-badge status-badge-large' : 'status-badge'}
			style={{ backgroundColor: colour, color: textColour }}
		>
			{t(`status.${status}`)}
		</span>
	)
}

/** A status's colour and texture, as in the charts, next to its label. */
export function StatusSwatch({ status }: { status: PledgeStatus }) {
	return <span className="swatch" aria-hidden="true" style={{ background: swatchBackground(status) }} />
}

/** `lang="en"` for English text shown on a page in another language because its translation is missing. */
export function fallbackLang(isTranslated: boolean): { lang?: 'en' } {
	return isTranslated ? {} : { lang: 'en' }
}

/**
 * Content text (a pledge's title or summary) as it is displayed: its numbers kept in one piece on the
 * screen ("150 000" typed with a plain space never wraps as "150 / 000"), by the rules of the language it is
 * written in (English where it is a fallback).
 */
export function useTypeset(): (text: string, isTranslated?: boolean) => string {
	const { locale } = useI18n()
	return (text, isTranslated = true) => keepNumbersTogether(text, isTranslated ? locale : 'en')
}

/** The small note under text that is shown in English because it has no translation yet. */
export function UntranslatedNote({ show }: { show: boolean }) {
	const { t } = useI18n()
	if (!show) return null
	return <small className="translation-note">{t('translation.missing')}</small>
}

/**
 * The visible "Subscribe (Atom feed)" link of a page with a feed. None on a draft's preview: its feed is a
 * 404, as drafts are unknown to the public. A plain link, since a feed is no page of the app.
 */
export function FeedLink({ href, show = true }: { href: string; show?: boolean }) {
	const { t } = useI18n()
	if (!show) return null
	// The format's name is English in every language, and marked so.
	const [before = '', after = ''] = t('feed.subscribe').split('{format}')
	return (
		<p className="feed-link">
			<a href={href} type="application/atom+xml">
				{before}
				<span lang="en">Atom</span>
				{after}
			</a>
		</p>
	)
}

export function timeToDeadline({ t, format }: I18n, daysToDeadline: number): string {
	if (daysToDeadline === 0) return t('time.dueToday')
	if (daysToDeadline < 0) return t('time.overdueBy', { duration: format.duration(-daysToDeadline) })
	return t('time.left', { duration: format.duration(daysToDeadline) })
}

/** Previous/next links that keep every other search parameter, so a filtered list pages as itself. */
export function Pagination({
	page,
	pageCount,
	hrefFor,
	labels,
}: {
	page: number
	pageCount: number
	hrefFor: (page: number) => string
	labels?: { previous: string; next: string }
}) {
	const { t } = useI18n()
	if (pageCount <= 1) return null
	return (
		<nav className="pagination" aria-label={t('pagination.label')}>
			{page > 1 ? (
				<Link to={hrefFor(page - 1)} rel="prev">
					← {labels?.previous ?? t('pagination.previous')}
				</Link>
			) : (
				<span />
			)}
			<span className="pagination-position">{t('pagination.page', { page, pages: pageCount })}</span>
			{page < pageCount ? (
				<Link to={hrefFor(page + 1)} rel="next">
					{labels?.next ?? t('pagination.next')} →
				</Link>
			) : (
				<span />
			)}
		</nav>
	)
}

/** A calendar date in the reader's language, machine-readable too. */
export function DateText({ date }: { date: string }) {
	const { format } = useI18n()
	return <time dateTime={format.isoDate(date)}>{format.date(date)}</time>
}

/** The sections of a long-form page (methodology, about), each with its heading. */
export function ProseSections({
	sections,
}: {
	sections: Array<{ heading: string; paragraphs: string[]; list?: string[] }>
}) {
	return (
		<>
			{sections.map((section) => (
				<section key={section.heading} className="prose-section">
					<h2>{section.heading}</h2>
					{section.paragraphs.map((paragraph) => (
						<p key={paragraph}>{paragraph}</p>
					))}
					{section.list ? (
						<ul>
							{section.list.map((item) => (
								<li key={item}>{item}</li>
							))}
						</ul>
					) : null}
				</section>
			))}
		</>
	)
}

/** A wide table that scrolls sideways on a phone; focusable so that keyboard users can scroll it too. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
	return (
		// eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
		<div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
			{children}
		</div>
	)
}

/**
 * On a draft platform's pages, which only signed-in staff can open (a preview): says plainly that the
 * public cannot see it.
 */
export function DraftBanner({ show }: { show: boolean }) {
	const { t } = useI18n()
	if (!show) return null
	return (
		<p className="draft-banner" role="status">
			<strong>{t('draft.banner')}</strong> {t('draft.bannerDetail')}
		</p>
	)
}
