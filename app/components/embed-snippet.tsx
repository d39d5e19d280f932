import { useI18n } from '~/i18n/use-i18n'
import { paths } from '~/models/paths'

/**
 * "Embed this": the markup a newsroom pastes into a page of its own to show this pledge's live status, a
 * framed card or a badge image (app/routes/embed/). Shown in a closed <details>, with no script: the code
 * is selectable text.
 */
export function EmbedSnippet({
	origin,
	platform,
	pledge,
	title,
}: {
	origin: string
	platform: string
	pledge: string
	title: string
}) {
	const { t, locale } = useI18n()
	const frameTitle = t('embed.snippet.frameTitle')
	const card = `<iframe src="${origin}${paths.embedPledge(locale, platform, pledge)}" title="${attribute(frameTitle)}" width="560" height="200" style="border:0;max-width:100%" loading="lazy"></iframe>`
	const badge = `<a href="${origin}${paths.pledge(locale, platform, pledge)}"><img src="${origin}${paths.embedBadge(locale, platform, pledge)}" alt="${attribute(title)}" height="20"></a>`
	return (
		<details className="embed-snippet">
			<summary>{t('embed.snippet.title')}</summary>
			<p>{t('embed.snippet.intro')}</p>
			<p>
				<label htmlFor="embed-card">{t('embed.snippet.card')}</label>
			</p>
			{/* Markup, not prose: read as English, as its words are. */}
			<textarea id="embed-card" lang="en" readOnly rows={3} value={card} />
			<p>
				<label htmlFor="embed-badge">{t('embed.snippet.badge')}</label>
			</p>
			<textarea id="embed-badge" lang="en" readOnly rows={2} value={badge} />
		</details>
	)
}

/** A text for a double-quoted attribute of the pasted markup. */
function attribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
