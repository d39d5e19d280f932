import type { ReactNode } from 'react'
import type { EvidenceType } from '~/.server/prisma/enums'
import type { PublicationDate } from '~/forms/evidence-dates'
import { useI18n } from '~/i18n/use-i18n'
import { PublishedDate } from './publication-date'
import { fallbackLang, UntranslatedNote } from './public-ui'

/** A source as the public pages show it: an approved evidence item, or a platform's implementation source. */
export type ShownSource = {
	id: string
	type: EvidenceType
	publisher: string
	published: PublicationDate
	title: string
	titleIsTranslated: boolean
	excerpt: string
	excerptLanguage: string | null
	excerptTranslation: string | null
	excerptTranslationLang: string | null
	sourceUrl: string
	archiveUrl: string | null
}

/**
 * One source: its type, publisher and date, its title in the reader's language, the source's own words in
 * their own language, a translation beside them when they are in another, and the links. `children` come
 * between the excerpt and the links (an evidence item's figure).
 */
export function SourceItem({
	item,
	idPrefix,
	children,
}: {
	item: ShownSource
	idPrefix: string
	children?: ReactNode
}) {
	const { t } = useI18n()
	return (
		<li id={`${idPrefix}-${item.id}`} className="evidence">
			<p className="evidence-meta">
				<span className="tag">{t(`evidenceType.${item.type}`)}</span>
				<span>{item.publisher}</span>
				<PublishedDate published={item.published} />
			</p>
			<h3 {...fallbackLang(item.titleIsTranslated)}>{item.title}</h3>
			<UntranslatedNote show={!item.titleIsTranslated} />
			{/* The source's own words, whatever the page's language; a translation only beside it. */}
			<blockquote cite={item.sourceUrl} lang={item.excerptLanguage ?? undefined}>
				<p>{item.excerpt}</p>
			</blockquote>
			{item.excerptTranslation ? (
				<div className="excerpt-translation">
					<p lang={item.excerptTranslationLang ?? undefined}>
						<span className="label">{t('evidence.excerptTranslation')}</span> {item.excerptTranslation}
					</p>
					<p className="muted small">{t('evidence.excerptTranslationNote')}</p>
				</div>
			) : null}
			{children}
			<p className="evidence-links">
				<a href={item.sourceUrl} aria-label={`${t('pledge.evidence.source')}: ${item.title}`}>
					{t('pledge.evidence.source')}
				</a>
				{item.archiveUrl ? (
					<a href={item.archiveUrl} aria-label={`${t('pledge.evidence.archive')}: ${item.title}`}>
						{t('pledge.evidence.archive')}
					</a>
				) : null}
			</p>
		</li>
	)
}
