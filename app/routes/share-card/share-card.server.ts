import path from 'node:path'
import { renderAsync } from '@resvg/resvg-js'
import type { PrismaClient } from '~/.server/prisma/client'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { statusColours } from '~/components/charts/status-style'
import { requireLocale, type Locale } from '~/i18n/locales'
import { messagesByLocale } from '~/i18n/messages.server'
import { createI18n, type I18n } from '~/i18n/translator'
import { paths } from '~/models/paths'
import {
	getPlatformCard,
	getPledgeCard,
	type PlatformCard,
	type PledgeCard,
} from '~/models/share-card.server'
import { pledgeStatuses } from '~/models/status'
import { escapeXml } from '~/server/atom.server'
import { FontMetrics } from '~/server/font-metrics.server'
import { publicCacheControl, readPublicDataVersion } from '~/server/http-cache.server'

/**
 * Share cards: the 1200×630 PNG a platform's or a pledge's page names as its og:image, which Telegram,
 * WhatsApp, Facebook and X show with a shared link. Drawn as SVG, rendered by resvg with the font committed
 * in app/server/fonts (Noto Sans, which has Latin, Cyrillic and every Kazakh letter: see PROVENANCE.md
 * there) and no system font at all, so a card looks the same on every machine and never shows tofu.
 */

export const shareCardSize = { width: 1200, height: 630 } as const

// Read from the working directory, as the launch data and the migrations are: `npm start` and the image
// run from the repository's root, where the build leaves app/ as it is.
const fontDirectory = path.join(process.cwd(), 'app', 'server', 'fonts')
export const shareCardFontFiles = {
	regular: path.join(fontDirectory, 'NotoSans-Regular.ttf'),
	bold: path.join(fontDirectory, 'NotoSans-Bold.ttf'),
}
const fontFamily = 'Noto Sans'

let metrics: { regular: FontMetrics; bold: FontMetrics } | undefined
/** The committed fonts' widths, read once. */
export function shareCardMetrics() {
	metrics ??= {
		regular: new FontMetrics(shareCardFontFiles.regular),
		bold: new FontMetrics(shareCardFontFiles.bold),
	}
	return metrics
}

const margin = 72
const textWidth = shareCardSize.width - 2 * margin
const ink = '#1a1a1a'
const muted = '#4a4a4a'
const track = '#e4e4e4'

type Weight = 'regular' | 'bold'

const i18nFor = (locale: Locale) => createI18n(locale, messagesByLocale[locale])

/**
 * `text` broken into at most `maxLines` lines no wider than `width`, at spaces (a no-break space holds, as
 * in "150 000"); the last line ends in "…" when the text does not fit. A word wider than a line is cut.
 */
export function wrapText(
	text: string,
	{
		fontSize,
		width,
		maxLines,
		weight = 'regular',
	}: { fontSize: number; width: number; maxLines: number; weight?: Weight },
): string[] {
	const font = shareCardMetrics()[weight]
	const fits = (line: string) => font.width(line, fontSize) <= width
	const words = text.trim().split(/[ \t\n\r]+/)
	const lines: string[] = []
	let line = ''
	for (const word of words) {
		const candidate = line ? `${line} ${word}` : word
		if (fits(candidate)) {
			line = candidate
			continue
		}
		if (line) lines.push(line)
		line = word
		while (!fits(line)) {
			// A word longer than the line: as much of it as fits, then the rest on the next line.
			let cut = line.length - 1
			while (cut > 1 && !fits(line.slice(0, cut))) cut--
			lines.push(line.slice(0, cut))
			line = line.slice(cut)
		}
	}
	if (line) lines.push(line)
	if (lines.length <= maxLines) return lines
	const kept = lines.slice(0, maxLines)
	let last = `${kept[maxLines - 1] ?? ''} ${lines[maxLines] ?? ''}`
	while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1)
	kept[maxLines - 1] = `${last.replace(/[\s,.;:—–-]+$/, '')}…`
	return kept
}

function textLines(
	lines: string[],
	{
		x,
		y,
		fontSize,
		lineHeight,
		weight = 'regular',
		fill = ink,
	}: {
		x: number
		y: number
		fontSize: number
		lineHeight: number
		weight?: Weight
		fill?: string
	},
): string {
	return lines
		.map(
			(line, index) =>
				`<text x="${x}" y="${y + index * lineHeight}" font-size="${fontSize}" font-weight="${weight === 'bold' ? 700 : 400}" fill="${fill}">${escapeXml(line)}</text>`,
		)
		.join('')
}

const titleTop = 176

/**
 * The title at the largest size whose lines fit between the line above it and `bottom` (64 px down to
 * 40 px), cut short with "…" at the smallest size should even that not hold it.
 */
function title(text: string, bottom: number): string {
	const room = bottom - titleTop
	const sizes = [64, 56, 48, 40]
	for (const fontSize of sizes) {
		const lineHeight = Math.round(fontSize * 1.2)
		const maxLines = Math.max(1, Math.floor((room - fontSize) / lineHeight) + 1)
		const lines = wrapText(text, { fontSize, width: textWidth, maxLines: 99, weight: 'bold' })
		if (lines.length <= maxLines || fontSize === sizes.at(-1)) {
			const shown =
				lines.length <= maxLines
					? lines
					: wrapText(text, { fontSize, width: textWidth, maxLines, weight: 'bold' })
			return textLines(shown, { x: margin, y: titleTop + fontSize, fontSize, lineHeight, weight: 'bold' })
		}
	}
	return ''
}

/** The site's name and the line above the title (whose platform), with the status's colour along the top. */
function frame(
	i18n: I18n,
	{ accent, kicker, body }: { accent: string; kicker: string; body: string },
): string {
	const { t } = i18n
	const brand = t('site.name')
	const brandWidth = shareCardMetrics().bold.width(brand, 40)
	const tagline = wrapText(t('site.tagline'), {
		fontSize: 28,
		width: textWidth - brandWidth - 24,
		maxLines: 1,
	})
	const kickerLine = wrapText(kicker, { fontSize: 30, width: textWidth, maxLines: 1 })
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${shareCardSize.width}" height="${shareCardSize.height}" viewBox="0 0 ${shareCardSize.width} ${shareCardSize.height}" font-family="${fontFamily}">`,
		`<rect width="${shareCardSize.width}" height="${shareCardSize.height}" fill="#ffffff"/>`,
		`<rect width="${shareCardSize.width}" height="16" fill="${accent}"/>`,
		`<text x="${margin}" y="86" font-size="40" font-weight="700" fill="${ink}">${escapeXml(brand)}</text>`,
		textLines(tagline, { x: margin + brandWidth + 24, y: 84, fontSize: 28, lineHeight: 34, fill: muted }),
		textLines(kickerLine, { x: margin, y: 146, fontSize: 30, lineHeight: 36, fill: muted }),
		body,
		'</svg>',
	].join('')
}

/** A status as a filled label in its colour, at (x, y) for its top left; returns its width too. */
function statusPill(
	status: PledgeStatus,
	label: string,
	x: number,
	y: number,
): { svg: string; width: number } {
	const { colour, textColour } = statusColours[status]
	const fontSize = 34
	const width = Math.ceil(shareCardMetrics().bold.width(label, fontSize)) + 48
	return {
		width,
		svg: [
			`<rect x="${x}" y="${y}" width="${width}" height="60" rx="10" fill="${colour}"/>`,
			`<text x="${x + 24}" y="${y + 42}" font-size="${fontSize}" font-weight="700" fill="${textColour}">${escapeXml(label)}</text>`,
		].join(''),
	}
}

function bar(x: number, y: number, width: number, fraction: number, colour: string): string {
	const filled = Math.round(width * Math.min(1, Math.max(0, fraction)))
	return [
		`<rect x="${x}" y="${y}" width="${width}" height="24" rx="12" fill="${track}"/>`,
		filled > 0
			? `<rect x="${x}" y="${y}" width="${Math.max(filled, 24)}" height="24" rx="12" fill="${colour}"/>`
			: '',
	].join('')
}

/** How far a figure has come from the baseline (or from nothing) towards the target, 0 to 1; null if unknown. */
export function progressTowards(indicator: NonNullable<PledgeCard['indicator']>): number | null {
	const { latest, plan } = indicator
	if (!latest) return null
	const start = plan.baseline?.value ?? (plan.direction === 'INCREASE' ? 0 : null)
	if (start === null || start === plan.target.value) return null
	const fraction = (latest.value - start) / (plan.target.value - start)
	return Math.min(1, Math.max(0, fraction))
}

/** A pledge's card: whose pledge, its title, its status since when, and its progress. */
export function pledgeCardSvg(card: PledgeCard, locale: Locale): string {
	const i18n = i18nFor(locale)
	const { t, format } = i18n
	const { colour } = statusColours[card.status]
	const { indicator, steps } = card
	// From the bottom up: the progress (a bar and a line of text), the status, and the title above them.
	const pillY = indicator || steps ? 400 : 500
	const pill = statusPill(card.status, t(`status.${card.status}`), margin, pillY)
	const parts = [title(card.title, pillY - 36), pill.svg]
	if (card.statusSince) {
		const since = t('pledge.since', { date: format.date(card.statusSince, 'ablative') })
		const room = textWidth - pill.width - 24
		parts.push(
			textLines(wrapText(since, { fontSize: 30, width: room, maxLines: 1 }), {
				x: margin + pill.width + 24,
				y: pillY + 41,
				fontSize: 30,
				lineHeight: 36,
				fill: muted,
			}),
		)
	}
	const progressY = pillY + 96
	if (indicator) {
		const target = format.quantity(indicator.plan.target.value, indicator.unit)
		const text = indicator.latest
			? t('embed.latest', {
					value: format.quantity(indicator.latest.value, indicator.unit),
					date: format.date(indicator.latest.date),
					target,
				})
			: t('share.card.noFigure', { target })
		const fraction = progressTowards(indicator)
		// A figure with its date and the target may take two lines, as in Kazakh.
		const textY = fraction === null ? progressY + 24 : progressY + 60
		if (fraction !== null) parts.push(bar(margin, progressY, textWidth, fraction, colour))
		parts.push(
			textLines(wrapText(text, { fontSize: 28, width: textWidth, maxLines: 2 }), {
				x: margin,
				y: textY,
				fontSize: 28,
				lineHeight: 36,
				fill: ink,
			}),
		)
	} else if (steps) {
		const gap = 12
		const width = (textWidth - gap * (steps.count - 1)) / steps.count
		for (let index = 0; index < steps.count; index++) {
			parts.push(
				`<rect x="${(margin + index * (width + gap)).toFixed(1)}" y="${progressY}" width="${width.toFixed(1)}" height="24" rx="6" fill="${index < steps.done ? colour : track}"/>`,
			)
		}
		parts.push(
			textLines([t('pledge.milestones.summary', { done: steps.done, count: steps.count })], {
				x: margin,
				y: progressY + 60,
				fontSize: 28,
				lineHeight: 34,
			}),
		)
	}
	return frame(i18n, {
		accent: colour,
		kicker: `${card.platform.politician} · ${card.platform.title}`,
		body: parts.join(''),
	})
}

/** A platform's card: its title, whose it is, and how its pledges stand, as a bar of the statuses' counts. */
export function platformCardSvg(card: PlatformCard, locale: Locale): string {
	const i18n = i18nFor(locale)
	const { t, format } = i18n
	const total = pledgeStatuses.reduce((sum, status) => sum + card.counts[status], 0)
	// From the bottom up: two rows of the statuses' counts, the bar, the number of pledges, the title.
	const barY = 400
	const parts = [
		title(card.title, barY - 80),
		textLines([t('embed.pledgeCount', { count: total })], {
			x: margin,
			y: barY - 16,
			fontSize: 30,
			lineHeight: 36,
			weight: 'bold',
		}),
	]
	// The bar: each status's share of the pledges, in the order of the charts, with a label for each below.
	const barTop = barY + 4
	parts.push(`<rect x="${margin}" y="${barTop}" width="${textWidth}" height="40" rx="8" fill="${track}"/>`)
	if (total > 0) {
		parts.push(
			`<clipPath id="bar"><rect x="${margin}" y="${barTop}" width="${textWidth}" height="40" rx="8"/></clipPath><g clip-path="url(#bar)">`,
		)
		let x = margin
		for (const status of pledgeStatuses) {
			const width = (textWidth * card.counts[status]) / total
			if (width > 0) {
				parts.push(
					`<rect x="${x.toFixed(1)}" y="${barTop}" width="${width.toFixed(1)}" height="40" fill="${statusColours[status].colour}"/>`,
				)
			}
			x += width
		}
		parts.push('</g>')
	}
	const shown = pledgeStatuses.filter((status) => card.counts[status] > 0)
	const columnWidth = textWidth / 3
	shown.forEach((status, index) => {
		const x = margin + (index % 3) * columnWidth
		const y = barTop + 80 + Math.floor(index / 3) * 44
		const label = `${t(`status.${status}`)}: ${format.number(card.counts[status])}`
		parts.push(
			`<rect x="${x}" y="${y - 22}" width="24" height="24" rx="4" fill="${statusColours[status].colour}"/>`,
			textLines(wrapText(label, { fontSize: 26, width: columnWidth - 48, maxLines: 1 }), {
				x: x + 36,
				y,
				fontSize: 26,
				lineHeight: 30,
			}),
		)
	})
	return frame(i18n, {
		accent: '#00568a',
		kicker: card.politician,
		body: parts.join(''),
	})
}

/**
 * The SVG as a 1200×630 PNG, drawn with the committed fonts only, on a thread of libuv's pool: some 25 ms
 * of drawing that does not hold up the requests the server is answering meanwhile.
 */
export async function renderShareCard(svg: string): Promise<Buffer> {
	const rendered = await renderAsync(svg, {
		fitTo: { mode: 'width', value: shareCardSize.width },
		font: {
			fontFiles: [shareCardFontFiles.regular, shareCardFontFiles.bold],
			loadSystemFonts: false,
			defaultFontFamily: fontFamily,
			sansSerifFamily: fontFamily,
		},
	})
	return rendered.asPng()
}

/**
 * Rendered cards kept in memory, each under its address and the public data version it was drawn for, so a
 * crawler's second request costs no render; least recently used first out past `maxEntries`. A card is
 * some 30 to 60 KB, so the default holds a few megabytes.
 */
export class ShareCardCache {
	readonly #cards = new Map<string, Buffer>()
	constructor(readonly maxEntries = 200) {}

	async get(key: string, render: () => Promise<Buffer | null>): Promise<Buffer | null> {
		const stored = this.#cards.get(key)
		if (stored) {
			this.#cards.delete(key)
			this.#cards.set(key, stored)
			return stored
		}
		const png = await render()
		if (!png) return null
		this.#cards.set(key, png)
		for (const oldest of this.#cards.keys()) {
			if (this.#cards.size <= this.maxEntries) break
			this.#cards.delete(oldest)
		}
		return png
	}

	get size() {
		return this.#cards.size
	}
}

export const shareCards = new ShareCardCache()

/** A card's answer: public and cached like a page (the page cache middleware gives it the pages' ETag). */
export function shareCardResponse(png: Buffer): Response {
	return new Response(new Uint8Array(png), {
		headers: {
			'Content-Type': 'image/png',
			'Content-Length': String(png.length),
			'Cache-Control': publicCacheControl,
			Vary: 'Cookie',
		},
	})
}

/**
 * What a page puts in its card's address (`?v=`): the public data version, which moves on with every public
 * change, so that a site that keeps a shared link's image by its address (Facebook, Telegram) fetches the
 * card again once a status changes. The card route itself always draws the current data.
 */
export async function shareCardVersion(prisma?: PrismaClient): Promise<string | undefined> {
	const version = await readPublicDataVersion(prisma)
	return version === null ? undefined : String(version)
}

/**
 * A platform's or a pledge's card, as its route answers: 404 for an unknown language or record or a draft's,
 * else the PNG for the current public data version (drawn once per version and address).
 */
export async function serveShareCard(
	lang: string | undefined,
	target:
		{ kind: 'platform'; platformSlug: string } | { kind: 'pledge'; platformSlug: string; pledgeSlug: string },
	{ cache = shareCards, prisma }: { cache?: ShareCardCache; prisma?: PrismaClient } = {},
): Promise<Response> {
	const locale = requireLocale(lang)
	const version = (await readPublicDataVersion(prisma)) ?? 'none'
	const address =
		target.kind === 'platform'
			? paths.platformCard(locale, target.platformSlug)
			: paths.pledgeCard(locale, target.platformSlug, target.pledgeSlug)
	const png = await cache.get(`${version} ${address}`, async () => {
		if (target.kind === 'platform') {
			const card = await getPlatformCard({ platformSlug: target.platformSlug, locale }, prisma)
			return card ? renderShareCard(platformCardSvg(card, locale)) : null
		}
		const card = await getPledgeCard(
			{ platformSlug: target.platformSlug, pledgeSlug: target.pledgeSlug, locale },
			prisma,
		)
		return card ? renderShareCard(pledgeCardSvg(card, locale)) : null
	})
	if (!png) throw new Response(null, { status: 404 })
	return shareCardResponse(png)
}
