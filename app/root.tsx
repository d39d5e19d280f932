import type { LinksFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from '@remix-run/react'
import type { ReactNode } from 'react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import appStylesHref from '~/styles/app.css?url'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: appStylesHref },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export function Layout({ children }: { children: ReactNode }) {
	return (
		<html lang="en">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				<header className="site-header">
					<a className="brand" href="/">
						<span className="brand-mark" aria-hidden="true">
							U
						</span>
						Uade
					</a>
					<span className="tagline">Tracking what was promised</span>
				</header>
				<main className="page">{children}</main>
				<footer className="site-footer">
					<p>Uade is open source. Every status rests on reviewed, public evidence.</p>
				</footer>
				<ScrollRestoration />
				<Scripts />
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
