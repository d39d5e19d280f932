import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { loadLaunch } from '~/data/launch.server'
import { seed } from '~/db/tooling/seed.server'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { loader as badgeLoader } from './badge[.]svg'
import { loader as platformLoader } from './platform'
import { loader as pledgeLoader } from './pledge'

// The embeds on the launch dataset (rated pledges, figures), called as the server calls them.

let database: TestDatabase
let prisma: PrismaClient
const platform = 'fair-kazakhstan-2022'

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const launch = await loadLaunch(prisma)
	if (launch.status !== 'applied') throw new Error('the launch dataset did not load')
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

const origin = 'http://uade.test'

async function answer(
	loader: (args: LoaderFunctionArgs) => Promise<Response>,
	path: string,
	params: Record<string, string>,
) {
	try {
		return await loader({ request: new Request(`${origin}${path}`), params, context: {} })
	} catch (thrown) {
		if (thrown instanceof Response) return thrown
		throw thrown
	}
}

const pledgeCard = (lang: string, pledge: string) =>
	answer(pledgeLoader, `/embed/${lang}/platforms/${platform}/pledges/${pledge}`, { lang, platform, pledge })

describe('the embeds', () => {
	test("a pledge's card: its status since when, its latest figure against the target, a link to its page; no script", async () => {
		const response = await pledgeCard('en', 'national-fund-for-children')
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
		expect(response.headers.get('Cache-Control')).toMatch(/^public/)
		expect(response.headers.get('Set-Cookie')).toBeNull()
		const html = await response.text()
		expect(html).toContain('<html lang="en">')
		expect(html).toContain('>Partially kept</span>')
		expect(html).toContain('since 1\u00a0December 2026')
		expect(html).toMatch(/Latest figure: 130\.71\s*USD[^<]*on 31\s*December 2025; target 150\s*USD/)
		expect(html).toContain(`href="${origin}/en/platforms/${platform}/pledges/national-fund-for-children"`)
		expect(html).not.toMatch(/<script|<form|<link/i)
	})

	test('in Russian and Kazakh, the status and the texts are theirs', async () => {
		expect(await (await pledgeCard('ru', 'national-fund-for-children')).text()).toContain(
			'>Выполнено частично</span>',
		)
		const kk = await (await pledgeCard('kk', 'youth-policy-law')).text()
		expect(kk).toContain('<html lang="kk">')
		expect(kk).toContain('Жастар саясатының жаңа тұжырымдамасы мен заңы')
		// An unrated pledge without sources links to itself, not to "its 0 sources".
		const unrated = await (await pledgeCard('en', 'food-security')).text()
		expect(unrated).toContain('>Not yet rated</span>')
		expect(unrated).toContain('>This pledge on Uade</a>')
	})

	test("a platform's summary counts its pledges by status", async () => {
		const response = await answer(platformLoader, `/embed/en/platforms/${platform}`, { lang: 'en', platform })
		expect(response.status).toBe(200)
		const html = await response.text()
		expect(html).toContain('21\u00a0pledges')
		expect(html).toContain('>In progress: 2</span>')
		expect(html).toContain('>Partially kept: 1</span>')
		expect(html).toContain('>Not yet rated: 18</span>')
	})

	test("a pledge's badge is an SVG image with its status in the reader's language, every text escaped", async () => {
		const pledge = await prisma.pledge.findFirstOrThrow({ where: { slug: 'it-jobs' } })
		await prisma.pledge.update({
			where: { id: pledge.id },
			data: { title: 'Jobs <script>alert(1)</script> & "more"' },
		})
		try {
			const badge = (lang: string) =>
				answer(badgeLoader, `/embed/${lang}/platforms/${platform}/pledges/it-jobs/badge.svg`, {
					lang,
					platform,
					pledge: 'it-jobs',
				})
			const response = await badge('en')
			expect(response.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8')
			const svg = await response.text()
			expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
			expect(svg).toContain('>In progress</text>')
			expect(svg).toContain('Jobs &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;')
			expect(svg).not.toContain('<script')
			expect(await (await badge('kk')).text()).toContain('>Орындалу үстінде</text>')
			const card = await (await pledgeCard('en', 'it-jobs')).text()
			expect(card).toContain('<h1>Jobs &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;</h1>')
		} finally {
			await prisma.pledge.update({ where: { id: pledge.id }, data: { title: pledge.title } })
		}
	})

	test('an unknown language, platform or pledge, or a draft, is a 404', async () => {
		expect((await pledgeCard('de', 'it-jobs')).status).toBe(404)
		expect((await pledgeCard('en', 'no-such-pledge')).status).toBe(404)
		expect((await pledgeCard('en', 'Not A Slug')).status).toBe(404)
		const platformRow = await prisma.platform.findUniqueOrThrow({ where: { slug: platform } })
		await prisma.platform.update({ where: { id: platformRow.id }, data: { publishedAt: null } })
		try {
			expect((await pledgeCard('en', 'it-jobs')).status).toBe(404)
			const summary = await answer(platformLoader, `/embed/en/platforms/${platform}`, {
				lang: 'en',
				platform,
			})
			expect(summary.status).toBe(404)
		} finally {
			await prisma.platform.update({
				where: { id: platformRow.id },
				data: { publishedAt: platformRow.publishedAt },
			})
		}
	})
})
