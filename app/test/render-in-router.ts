import { createElement, type ComponentType } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import type { Locale } from '~/i18n/locales'
import { messagesByLocale } from '~/i18n/messages.server'
import { sharedRouteIds } from '~/route-data'

/**
 * A component rendered to HTML as the server renders a page: inside a data router whose root route answers
 * what the root loader would (the language and its messages), so `useI18n` and the form kit work.
 */
export async function renderInRouter(Page: ComponentType, locale: Locale = 'en'): Promise<string> {
	const rootData = { locale, messages: messagesByLocale[locale], user: null }
	const routes = [
		{ id: sharedRouteIds.root, path: '/', loader: () => rootData, element: createElement(Page) },
	]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request('http://localhost/'))
	if (context instanceof Response) throw new Error('The test route answered a redirect')
	const router = createStaticRouter(handler.dataRoutes, context)
	return renderToStaticMarkup(createElement(StaticRouterProvider, { router, context, hydrate: false }))
}
