import { type RouteConfig, index, route } from '@remix-run/route-config'

// Every URL of the site, in one place (v3_routeConfig, as React Router 7 does it).
export default [
	// `/` redirects to the visitor's language; every public page lives under it.
	index('routes/_index.tsx'),
	route('language', 'routes/language.ts'),
	route('sitemap.xml', 'routes/sitemap[.]xml.ts'),
	route('robots.txt', 'routes/robots[.]txt.ts'),
	// Sign-in, accounts and the admin area (English only). Who may use each: app/auth/route-access.ts.
	route('sign-in', 'routes/sign-in.tsx'),
	route('sign-out', 'routes/sign-out.tsx'),
	route('account', 'routes/account.tsx'),
	route('admin', 'routes/admin/layout.tsx', [
		index('routes/admin/index.tsx'),
		route('accounts', 'routes/admin/accounts.tsx'),
		route('accounts/new', 'routes/admin/accounts.new.tsx'),
		route('accounts/:userId', 'routes/admin/accounts.$userId.tsx'),
	]),
	route(':lang', 'routes/$lang.tsx', [
		index('routes/$lang._index.tsx'),
		route('platforms/:platform', 'routes/$lang.platforms.$platform._index.tsx'),
		route('platforms/:platform/pledges', 'routes/$lang.platforms.$platform.pledges._index.tsx'),
		route('platforms/:platform/pledges/:pledge', 'routes/$lang.platforms.$platform.pledges.$pledge.tsx'),
		route('methodology', 'routes/$lang.methodology.tsx'),
		route('about', 'routes/$lang.about.tsx'),
		route('corrections', 'routes/$lang.corrections.tsx'),
	]),
] satisfies RouteConfig
