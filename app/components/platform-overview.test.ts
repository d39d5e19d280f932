import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { messagesByLocale } from '~/i18n/messages.server'
import type { Locale } from '~/i18n/locales'
import { getOverviewPage, type OverviewPage } from '~/models/overview-page.server'
import { sharedRouteIds } from '~/route-data'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { createEvidence, createFactChecker, pledgeIdOf, recordStatus } from '~/test/ledger-fixtures'
import { PlatformOverview } from './platform-overview'

let database: TestDatabase
let prisma: PrismaClient
const today = new Date('2026-12-01')

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
})
afterAll(async () => {
	await database?.drop()
})

/** The overview as the server renders it (no chart: charts are drawn only in the browser). */
async function renderOverview(page: OverviewPage, locale: Locale = 'en') {
	const routes = [
		{
			id: sharedRouteIds.root,
			path: '/',
			loader: () => ({ locale, messages: messagesByLocale[locale], user: null }),
			element: createElement(PlatformOverview, { page }),
		},
	]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request('http://uade.test/'))
	if (context instanceof Response) throw new Error('unexpected redirect')
	const router = createStaticRouter(handler.dataRoutes, context)
	return renderToStaticMarkup(createElement(StaticRouterProvider, { router, context, hydrate: false }))
}

const overviewOf = async () => {
	const page = await getOverviewPage('fair-kazakhstan-2022', 'en', today)
	if (!page) throw new Error('no platform')
	return page
}

describe('the overview of a platform with nothing rated', () => {
	test('says so plainly, once per chart, instead of month after month of grey bars', async () => {
		const html = await renderOverview(await overviewOf())
		// A number and its noun are joined by a no-break space (app/i18n/typography.ts).
		const sentence = 'None of the 21\u00a0pledges has been rated yet.'
		expect(html.split(sentence)).toHaveLength(4)
		expect(html).not.toContain('Of 21')
		// No month-by-month table of zeros.
		expect(html).not.toContain('<time dateTime="2022-11">')
		// The figures that say something stay: the status counts and the links to each principle's pledges.
		expect(html).toContain('Pledges under Fair State')
	})

	test('in Russian and Kazakh too', async () => {
		const page = await overviewOf()
		expect(await renderOverview(page, 'ru')).toContain('Пока не оценено ни одно обещание (всего: 21).')
		expect(await renderOverview(page, 'kk')).toContain('21\u00a0уәденің ешқайсысы әлі бағаланбаған.')
	})

	test('draws its charts again once a pledge is rated', async () => {
		const userId = (await createFactChecker(prisma, 'overview@example.org')).id
		const pledgeId = await pledgeIdOf(prisma, 'reliable-energy')
		const evidence = await createEvidence(prisma, {
			pledgeId,
			userId,
			title: 'Plant opened',
			publishedOn: '2024-05-01',
		})
		await recordStatus(prisma, {
			pledgeId,
			userId,
			status: 'IN_PROGRESS',
			effectiveDate: '2024-05-01',
			rationale: 'A power plant opened.',
			evidenceIds: [evidence.id],
		})
		const html = await renderOverview(await overviewOf())
		expect(html).not.toContain('has been rated yet')
		expect(html).toContain('Of 21\u00a0pledges: 20\u00a0not yet rated and 1\u00a0in progress.')
		expect(html).toContain('<time dateTime="2022-11">')
	})
})
