import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	type ShouldRevalidateFunction,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { getOptionalUser } from '~/auth/guards.server'
import { AccountMenu } from '~/components/account-menu'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useNonce } from '~/components/nonce'
import { Brand, DemoBanner, LanguageSwitcher, SiteFooter, SiteNav, SkipLink } from '~/components/site-chrome'
import { messagesByLocale, publicMessagesByLocale } from '~/i18n/messages.server'
import { isLocale, localeOfAccount, negotiateLocale } from '~/i18n/locales'
import { useI18n } from '~/i18n/use-i18n'
import appStylesHref from '~/styles/app.css?url'
import publicStylesHref from '~/styles/public.css?url'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: appStylesHref },
	{ rel: 'stylesheet', href: publicStylesHref },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/**
 * The page's language: the URL's first segment on public pages (so they never vary by cookie); elsewhere
 * (the staff area, sign-in) the signed-in account's own choice, else the remembered choice (cookie) or
 * Accept-Language. Only that language's UI strings are sent to the browser. A page not under a language
 * varies by cookie and account, but every such page is either a redirect or staff-only and uncached.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const firstSegment = new URL(request.url).pathname.split('/')[1]
	const user = await getOptionalUser(request)
	const locale = isLocale(firstSegment)
		? firstSegment
		: user?.locale
			? localeOfAccount(user.locale)
			: negotiateLocale(request)
	return {
		locale,
		// A public page leaves out the staff area's wording (app/i18n/messages.server.ts).
		messages: isLocale(firstSegment) ? publicMessagesByLocale[locale] : messagesByLocale[locale],
		// What the header's account menu shows (sent with every page, so nothing more).
		user: user ? { displayName: user.displayName, role: user.role } : null,
	}
}

// The UI strings only change with the language; a form submission still revalidates as usual.
export const shouldRevalidate: ShouldRevalidateFunction = ({
	currentParams,
	nextParams,
	formMethod,
	defaultShouldRevalidate,
}) => (formMethod ? defaultShouldRevalidate : currentParams.lang !== nextParams.lang)

export function Layout({ children }: { children: ReactNode }) {
	const { locale } = useI18n()
	const nonce = useNonce()
	return (
		<html lang={locale}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				<SkipLink />
				<header className="site-header">
					<div className="site-header-top">
						<Brand />
						<LanguageSwitcher />
						<AccountMenu />
					</div>
					<SiteNav />
					<DemoBanner />
				</header>
				<main className="page" id="content" tabIndex={-1}>
					{children}
				</main>
				<SiteFooter />
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	return <Outlet />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
