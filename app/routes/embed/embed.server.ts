import type { PledgeStatus } from '~/.server/prisma/enums'
import { statusColours } from '~/components/charts/status-style'
import { isLocale, type Locale } from '~/i18n/locales'
import { messagesByLocale } from '~/i18n/messages.server'
import { createI18n, withTexts } from '~/i18n/translator'
import { getEmbeddedPledge, type EmbeddedPlatform, type EmbeddedPledge } from '~/models/embed.server'
import { paths } from '~/models/paths'
import { pledgeStatuses } from '~/models/status'
import { escapeXml } from '~/server/atom.server'
import { publicCacheControl } from '~/server/http-cache.server'

/**
 * The embeds (/embed/…): a pledge's card, a platform's summary and a pledge's status badge, for a
 * newsroom to put on a page of its own. Plain HTML and SVG with no script and no cookie, framable
 * anywhere (app/server/security.server.ts gives /embed/ its own policy), public and cached like the pages,
 * so an embedded status is as live as the site's. Every text is escaped (escapeXml serves HTML too).
 */

const i18nFor = (locale: Locale) => createI18n(locale, messagesByLocale[locale])

/** The language of an embed's address, or a 404. */
export function embedLocale(lang: string | undefined): Locale {
	if (!isLocale(lang)) throw new Response(null, { status: 404 })
	return lang
}

/** The pledge an embed's address names, in its language, or a 404 (unknown, or a draft's). */
export async function embeddedPledgeOf(params: { lang?: string; platform?: string; pledge?: string }) {
	const locale = embedLocale(params.lang)
	const pledge = await getEmbeddedPledge({
		platformSlug: params.platform ?? '',
		pledgeSlug: params.pledge ?? '',
		locale,
	})
	if (!pledge) throw new Response(null, { status: 404 })
	return { pledge, locale }
}

const styles = `
body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
.card{box-sizing:border-box;border:1px solid #c8c8c8;border-radius:8px;padding:12px 14px;max-width:560px}
.meta{margin:0;color:#4a4a4a;font-size:13px}
h1{margin:4px 0 8px;font-size:17px;line-height:1.3}
.status{display:inline-block;border-radius:4px;padding:2px 8px;font-weight:600;font-size:14px}
.since{margin-left:6px;color:#4a4a4a;font-size:13px}
p{margin:8px 0 0}
ul{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px}
a{color:#00568a}
`.trim()

function statusTag(status: PledgeStatus, label: string): string {
	const { colour, textColour } = statusColours[status]
	return `<span class="status" style="background:${colour};color:${textColour}">${escapeXml(label)}</span>`
}

function document(locale: Locale, title: string, body: string): string {
	return [
		'<!DOCTYPE html>',
		`<html lang="${locale}">`,
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<meta name="robots" content="noindex">',
		`<title>${escapeXml(title)}</title>`,
		`<style>${styles}</style>`,
		'</head>',
		`<body>${body}</body>`,
		'</html>',
		'',
	].join('\n')
}

/** A pledge's card: whose pledge, what it is, its status since when, its latest figure, a link to the page. */
export function pledgeCardHtml(pledge: EmbeddedPledge, locale: Locale, origin: string): string {
	const { t, format } = i18nFor(locale)
	const pageUrl = `${origin}${paths.pledge(locale, pledge.platform.slug, pledge.pledgeSlug)}`
	const since = pledge.statusSince
		? `<span class="since">${escapeXml(t('pledge.since', { date: format.date(pledge.statusSince, 'ablative') }))}</span>`
		: ''
	const { indicator } = pledge
	const figure =
		indicator?.latest && indicator
			? `<p>${escapeXml(
					t('embed.latest', {
						value: format.quantity(indicator.latest.value, indicator.unit),
						date: format.date(indicator.latest.date),
						target: format.quantity(indicator.target.value, indicator.unit),
					}),
				)}</p>`
			: ''
	const body = [
		'<article class="card">',
		`<p class="meta">${escapeXml(withTexts('{politician} · {platform}', { politician: pledge.platform.politician, platform: pledge.platform.title }))}</p>`,
		`<h1>${escapeXml(pledge.title)}</h1>`,
		`<p>${statusTag(pledge.status, t(`status.${pledge.status}`))}${since}</p>`,
		figure,
		`<p><a href="${escapeXml(pageUrl)}" target="_blank" rel="noopener">${escapeXml(
			pledge.evidenceCount > 0 ? t('embed.readMore', { count: pledge.evidenceCount }) : t('embed.open'),
		)}</a></p>`,
		'</article>',
	].join('')
	return document(locale, withTexts(t('embed.pledgeTitle'), { title: pledge.title }), body)
}

/** A platform's summary: how many of its pledges stand in each status, with a link to its page. */
export function platformCardHtml(platform: EmbeddedPlatform, locale: Locale, origin: string): string {
	const { t, format } = i18nFor(locale)
	const total = pledgeStatuses.reduce((sum, status) => sum + platform.counts[status], 0)
	const items = pledgeStatuses
		.filter((status) => platform.counts[status] > 0)
		.map(
			(status) =>
				`<li>${statusTag(status, `${t(`status.${status}`)}: ${format.number(platform.counts[status])}`)}</li>`,
		)
		.join('')
	const body = [
		'<article class="card">',
		`<p class="meta">${escapeXml(platform.politician)}</p>`,
		`<h1>${escapeXml(platform.title)}</h1>`,
		`<p>${escapeXml(t('embed.pledgeCount', { count: total }))}</p>`,
		`<ul>${items}</ul>`,
		`<p><a href="${escapeXml(`${origin}${paths.platform(locale, platform.slug)}`)}" target="_blank" rel="noopener">${escapeXml(
			t('embed.openPlatform'),
		)}</a></p>`,
		'</article>',
	].join('')
	return document(locale, withTexts(t('embed.platformTitle'), { title: platform.title }), body)
}

/** Roughly how wide a text is in the badge's 11 px sans-serif: enough that no label is cut. */
function textWidth(text: string): number {
	return Math.ceil([...text].length * 6.8) + 12
}

/** A pledge's status as a badge (an SVG image): "Uade | In progress", in the page's language. */
export function statusBadgeSvg(pledge: Pick<EmbeddedPledge, 'status' | 'title'>, locale: Locale): string {
	const { t } = i18nFor(locale)
	const label = t(`status.${pledge.status}`)
	const { colour, textColour } = statusColours[pledge.status]
	const left = 'Uade'
	const leftWidth = textWidth(left)
	const width = leftWidth + textWidth(label)
	const title = withTexts(t('embed.badgeTitle'), { title: pledge.title, status: label })
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escapeXml(title)}">`,
		`<title>${escapeXml(title)}</title>`,
		`<rect width="${leftWidth}" height="20" fill="#333333"/>`,
		`<rect x="${leftWidth}" width="${width - leftWidth}" height="20" fill="${colour}"/>`,
		'<g font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">',
		`<text x="${leftWidth / 2}" y="14" fill="#ffffff" text-anchor="middle">${left}</text>`,
		`<text x="${leftWidth + (width - leftWidth) / 2}" y="14" fill="${textColour}" text-anchor="middle">${escapeXml(label)}</text>`,
		'</g>',
		'</svg>',
		'',
	].join('\n')
}

/** An embed's answer: public and cached like a page, with the pages' headers (nothing here reads a cookie). */
export function embedResponse(body: string, contentType: string): Response {
	return new Response(body, {
		headers: { 'Content-Type': contentType, 'Cache-Control': publicCacheControl, Vary: 'Cookie' },
	})
}
