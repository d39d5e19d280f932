import { publicOrigin } from '~/auth/public-origin.server'

/** Everything public may be crawled; the language switcher and the signed-in areas are not pages to index. */
export async function loader({ request }: { request: Request }) {
	const body = [
		'User-agent: *',
		'Allow: /',
		'Disallow: /language',
		'Disallow: /admin',
		'Disallow: /account',
		'Disallow: /sign-in',
		'',
		`Sitemap: ${publicOrigin(request)}/sitemap.xml`,
		'',
	].join('\n')
	return new Response(body, {
		headers: {
			'Content-Type': 'text/plain; charset=utf-8',
			'Cache-Control': 'public, max-age=3600, s-maxage=86400',
		},
	})
}
