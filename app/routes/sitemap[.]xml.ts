import { locales } from '~/i18n/locales'
import { publicOrigin } from '~/auth/public-origin.server'
import { listSitemapEntries } from '~/models/platform.server'

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Every public page in every language, each with its alternates (hreflang), as search engines read them.
 */
export async function loader({ request }: { request: Request }) {
	const origin = publicOrigin(request)
	const { platforms, pledges } = await listSitemapEntries()
	// Canonical addresses only: a language's home shows the current platform, whose canonical address is
	// the platform's own.
	const pages: Array<{ path: string; lastModified?: Date }> = [
		{ path: '/methodology' },
		{ path: '/about' },
		{ path: '/corrections' },
		{ path: '/data' },
		{ path: '/platforms' },
		// A politician's page exists while they have a published platform; one entry each.
		...[...new Set(platforms.map((platform) => platform.politician.slug))].map((slug) => ({
			path: `/politicians/${slug}`,
		})),
		...platforms.flatMap((platform) => [
			{ path: `/platforms/${platform.slug}`, lastModified: platform.updatedAt },
			{ path: `/platforms/${platform.slug}/pledges` },
		]),
		...pledges.map((pledge) => ({
			path: `/platforms/${pledge.platform.slug}/pledges/${pledge.slug}`,
			lastModified: pledge.updatedAt,
		})),
	]
	const urls = pages.flatMap((page) =>
		locales.map((locale) => {
			const alternates = locales
				.map(
					(other) =>
						`    <xhtml:link rel="alternate" hreflang="${other}" href="${escapeXml(`${origin}/${other}${page.path}`)}"/>`,
				)
				.join('\n')
			const lastModified = page.lastModified
				? `\n    <lastmod>${page.lastModified.toISOString().slice(0, 10)}</lastmod>`
				: ''
			return `  <url>\n    <loc>${escapeXml(`${origin}/${locale}${page.path}`)}</loc>${lastModified}\n${alternates}\n  </url>`
		}),
	)
	const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`
	return new Response(xml, {
		headers: {
			'Content-Type': 'application/xml; charset=utf-8',
			'Cache-Control': 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400',
		},
	})
}
