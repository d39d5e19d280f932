import { publicOrigin } from '~/auth/public-origin.server'
import { isLocale } from '~/i18n/locales'
import { getFeed, type Feed, type FeedScope } from '~/models/feed.server'
import { publicCacheControl } from './http-cache.server'

export const atomContentType = 'application/atom+xml; charset=utf-8'

// XML 1.0 allows no other control characters, not even escaped: one in a stored text would make a reader
// reject the whole feed, so they are dropped.
// eslint-disable-next-line no-control-regex
const notXmlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/** Text for an element's content or an attribute's value (double-quoted): any text comes out as it went in. */
export function escapeXml(text: string): string {
	return text
		.replace(notXmlCharacters, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
}

const element = (name: string, text: string, attributes = '') =>
	`<${name}${attributes}>${escapeXml(text)}</${name}>`
const link = (rel: string, type: string, href: string) =>
	`<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`

/** A feed as an Atom document (RFC 4287). Texts are `type="text"`: a reader shows them, never renders them. */
export function renderAtom(feed: Feed): string {
	const entries = feed.entries.map((entry) =>
		[
			'  <entry>',
			`    ${element('id', entry.id)}`,
			`    ${element('title', entry.title, ' type="text"')}`,
			`    ${element('updated', entry.updated.toISOString())}`,
			`    ${link('alternate', 'text/html', entry.link)}`,
			`    <author>${element('name', entry.author)}</author>`,
			`    ${element('content', entry.content, ' type="text"')}`,
			'  </entry>',
		].join('\n'),
	)
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.locale}">`,
		`  ${element('id', feed.id)}`,
		`  ${element('title', feed.title, ' type="text"')}`,
		`  ${element('subtitle', feed.subtitle, ' type="text"')}`,
		`  ${element('updated', feed.updated.toISOString())}`,
		`  ${link('self', 'application/atom+xml', feed.selfUrl)}`,
		`  ${link('alternate', 'text/html', feed.alternateUrl)}`,
		// Required of a feed some of whose entries could lack one (RFC 4287 4.1.1); each has one today.
		'  <author><name>Uade</name></author>',
		'  <generator>Uade</generator>',
		...entries,
		'</feed>',
		'',
	].join('\n')
}

/**
 * A feed's answer: public like a public page, so that the page cache gives it the public data version's
 * ETag and a polling reader holding it gets a 304 without a query (app/server/http-cache.server.ts).
 * A resource route has no `headers` export, so the headers `publicPageHeaders` gives are set here.
 */
export function atomResponse(feed: Feed): Response {
	return new Response(renderAtom(feed), {
		headers: { 'Content-Type': atomContentType, 'Cache-Control': publicCacheControl, Vary: 'Cookie' },
	})
}

/**
 * A feed route's loader: an unknown language, platform or pledge (a draft's included, which the public
 * does not know of) is a 404, like the page it would belong to.
 */
export async function serveFeed(request: Request, lang: string | undefined, scope: FeedScope) {
	if (!isLocale(lang)) throw new Response(null, { status: 404 })
	const feed = await getFeed({ scope, locale: lang, origin: publicOrigin(request) })
	if (!feed) throw new Response(null, { status: 404 })
	return atomResponse(feed)
}
