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
		route('review', 'routes/admin/review.tsx'),
		route('review/:evidenceId', 'routes/admin/review.$evidenceId.tsx'),
		route('evidence/:evidenceId/translations', 'routes/admin/evidence.$evidenceId.translations.tsx'),
		route('pledges/:pledgeId/status', 'routes/admin/pledges.$pledgeId.status.tsx'),
		route(
			'pledges/:pledgeId/status/:entryId/translations',
			'routes/admin/pledges.$pledgeId.status.$entryId.translations.tsx',
		),
		route('audit', 'routes/admin/audit.tsx'),
		route('import', 'routes/admin/import.tsx'),
		route('settings', 'routes/admin/settings.tsx'),
		route('catalogue', 'routes/admin/catalogue.tsx'),
		route('catalogue/pledges/new', 'routes/admin/catalogue.pledges.new.tsx'),
		route('catalogue/pledges/:pledgeId', 'routes/admin/catalogue.pledges.$pledgeId.tsx'),
		route('catalogue/politicians/new', 'routes/admin/catalogue.politicians.$politicianId.tsx', {
			id: 'routes/admin/catalogue.politicians.new',
		}),
		route('catalogue/politicians/:politicianId', 'routes/admin/catalogue.politicians.$politicianId.tsx'),
		route('catalogue/platforms/new', 'routes/admin/catalogue.platforms.$platformId.tsx', {
			id: 'routes/admin/catalogue.platforms.new',
		}),
		route('catalogue/platforms/:platformId', 'routes/admin/catalogue.platforms.$platformId.tsx'),
		route('catalogue/categories/new', 'routes/admin/catalogue.categories.$categoryId.tsx', {
			id: 'routes/admin/catalogue.categories.new',
		}),
		route('catalogue/categories/:categoryId', 'routes/admin/catalogue.categories.$categoryId.tsx'),
	]),
	route('evidence', 'routes/evidence/layout.tsx', [
		route('new', 'routes/evidence/new.tsx'),
		route('mine', 'routes/evidence/mine.tsx'),
		route(':evidenceId', 'routes/evidence/$evidenceId.tsx'),
	]),
	// Embeds for other sites' pages: resource routes outside the site's layout, framable (app/server/security.server.ts).
	route('embed/:lang/platforms/:platform', 'routes/embed/platform.ts'),
	route('embed/:lang/platforms/:platform/pledges/:pledge', 'routes/embed/pledge.ts'),
	route('embed/:lang/platforms/:platform/pledges/:pledge/badge.svg', 'routes/embed/badge[.]svg.ts'),
	// The read-only JSON API (docs/api.md): resource routes; anything else under /api is a 404 problem.
	route('api/v1/politicians', 'routes/api/v1.politicians.ts'),
	route('api/v1/politicians/:politician', 'routes/api/v1.politicians.$politician.ts'),
	route('api/v1/platforms', 'routes/api/v1.platforms.ts'),
	route('api/v1/platforms/:platform', 'routes/api/v1.platforms.$platform.ts'),
	route('api/v1/platforms/:platform/pledges', 'routes/api/v1.platforms.$platform.pledges.ts'),
	route('api/v1/platforms/:platform/pledges/:pledge', 'routes/api/v1.platforms.$platform.pledges.$pledge.ts'),
	route('api/v1/corrections', 'routes/api/v1.corrections.ts'),
	route('api/v1/openapi.json', 'routes/api/v1.openapi[.]json.ts'),
	route('api/*', 'routes/api/splat.ts'),
	// The open data downloads (app/data/download-files.ts): streamed resource routes.
	route('data/uade.json', 'routes/data/uade[.]json.ts'),
	route('data/:file', 'routes/data/file.ts'),
	route('data/platforms/:platform/:file', 'routes/data/platforms.$platform.file.ts'),
	route(':lang', 'routes/$lang.tsx', [
		index('routes/$lang._index.tsx'),
		route('platforms', 'routes/$lang.platforms._index.tsx'),
		route('politicians/:politician', 'routes/$lang.politicians.$politician.tsx'),
		route('platforms/:platform', 'routes/$lang.platforms.$platform._index.tsx'),
		route('platforms/:platform/pledges', 'routes/$lang.platforms.$platform.pledges._index.tsx'),
		route('platforms/:platform/pledges/:pledge', 'routes/$lang.platforms.$platform.pledges.$pledge.tsx'),
		route('methodology', 'routes/$lang.methodology.tsx'),
		route('about', 'routes/$lang.about.tsx'),
		route('corrections', 'routes/$lang.corrections.tsx'),
		route('data', 'routes/$lang.data.tsx'),
		// Atom feeds: resource routes, so the layout's loader does not run for them.
		route('feed.xml', 'routes/$lang.feed[.]xml.ts'),
		route('platforms/:platform/feed.xml', 'routes/$lang.platforms.$platform.feed[.]xml.ts'),
		route(
			'platforms/:platform/pledges/:pledge/feed.xml',
			'routes/$lang.platforms.$platform.pledges.$pledge.feed[.]xml.ts',
		),
		// Share cards (og:image): PNG resource routes, like the feeds.
		route('platforms/:platform/card.png', 'routes/$lang.platforms.$platform.card[.]png.ts'),
		route(
			'platforms/:platform/pledges/:pledge/card.png',
			'routes/$lang.platforms.$platform.pledges.$pledge.card[.]png.ts',
		),
	]),
] satisfies RouteConfig
