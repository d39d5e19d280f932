import { useId, useRef, useState, useSyncExternalStore } from 'react'
import { useI18n } from '~/i18n/use-i18n'

/** The networks' own share addresses, each a plain link: no script, button or image of theirs on the page. */
export function shareTargets(url: string, text: string): Array<{ network: string; href: string }> {
	const encode = encodeURIComponent
	return [
		{ network: 'Telegram', href: `https://t.me/share/url?url=${encode(url)}&text=${encode(text)}` },
		// WhatsApp takes one text, so the address goes after the words.
		{ network: 'WhatsApp', href: `https://wa.me/?text=${encode(`${text} ${url}`)}` },
		{ network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encode(url)}` },
		{ network: 'X', href: `https://x.com/intent/post?url=${encode(url)}&text=${encode(text)}` },
	]
}

/**
 * "Share": links to share the page on Telegram, WhatsApp, Facebook and X (each opens in a new tab), and its
 * address to copy. Without script the address is a read-only field to select; with it, a button copies it
 * and says so in a status message that screen readers announce.
 */
export function ShareLinks({ url, text }: { url: string; text: string }) {
	const { t } = useI18n()
	const id = useId()
	// The network's name is English in every language, and marked so; the rest of the label is for screen
	// readers, which read the whole "Share on Telegram (opens in a new tab)".
	const [before = '', after = ''] = t('share.via').split('{network}')
	return (
		<section className="share-links" aria-labelledby={`${id}-title`}>
			<h2 id={`${id}-title`} className="label">
				{t('share.title')}
			</h2>
			<ul>
				{shareTargets(url, text).map(({ network, href }) => (
					<li key={network}>
						<a href={href} target="_blank" rel="noopener noreferrer">
							{before ? <span className="visually-hidden">{before}</span> : null}
							<span lang="en">{network}</span>
							{after ? <span className="visually-hidden">{after}</span> : null}
						</a>
					</li>
				))}
			</ul>
			<CopyLink url={url} id={`${id}-link`} />
		</section>
	)
}

const noSubscription = () => () => {}
const isBrowser = () => true
const isServer = () => false

function CopyLink({ url, id }: { url: string; id: string }) {
	const { t } = useI18n()
	const field = useRef<HTMLInputElement>(null)
	// The button needs script, so it appears only once the page has it (never in the server's HTML).
	const canCopy = useSyncExternalStore(noSubscription, isBrowser, isServer)
	const [message, setMessage] = useState('')

	const copy = async () => {
		setMessage('')
		try {
			await navigator.clipboard.writeText(url)
			setMessage(t('share.copied'))
		} catch {
			// No clipboard (an insecure origin, a refusal): the address is selected, ready for Ctrl+C.
			field.current?.select()
			setMessage(t('share.copyFailed'))
		}
	}

	return (
		<div className="share-copy">
			<label htmlFor={id}>{t('share.linkLabel')}</label>
			<div className="share-copy-row">
				<input
					id={id}
					ref={field}
					type="url"
					lang="en"
					readOnly
					value={url}
					onFocus={(event) => event.currentTarget.select()}
				/>
				{canCopy ? (
					<button type="button" className="button button-quiet" onClick={() => void copy()}>
						{t('share.copy')}
					</button>
				) : null}
			</div>
			{/* Present from the start, so that the message put in it is announced. */}
			<p className="share-status" role="status">
				{message}
			</p>
		</div>
	)
}
