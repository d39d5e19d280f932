import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { createPageRenderer } from '~/test/render-page'

// Issue 10: a Kazakh or Russian reader meets no English outside quotes and marked fallbacks. Every public
// page is rendered whole (layout, <title>, error page) on the seed, in kk and ru, and every visible text in
// Latin letters must sit inside an element marked lang="en" (a marked fallback or a quote in English).

let database: TestDatabase
let prisma: PrismaClient
let renderer: Awaited<ReturnType<typeof createPageRenderer>>
const platform = 'fair-kazakhstan-2022'

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	renderer = await createPageRenderer()
}, 300_000)

afterAll(async () => {
	await renderer?.close()
	await prisma?.$disconnect()
	await database?.drop()
})

/**
 * What may be written in Latin letters in any language: the project's name, IT (as Kazakh and Russian
 * write it), web and e-mail addresses. Anything else in Latin letters is English left untranslated.
 */
const allowed = [
	/\bUade\b/g,
	/\bIT\b/g,
	/\bhttps?:\/\/\S+/g,
	/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g,
	/\b[\w-]+(\.[\w-]+)*\.(kz|org|com|net|gov)\b\S*/g,
]
const latin = /\p{Script=Latin}/u
/** Attributes a reader sees or hears as text. */
const visibleAttributes = ['title', 'alt', 'aria-label', 'placeholder']

type Finding = { page: string; text: string; path: string }

/** What this test reads of an element (happy-dom's, not the browser's type). */
type PageElement = {
	tagName: string
	classList: Iterable<string>
	parentElement: PageElement | null
	getAttribute: (name: string) => string | null
	closest: (selector: string) => PageElement | null
}

function latinLeft(text: string): boolean {
	let rest = text
	for (const pattern of allowed) rest = rest.replace(pattern, ' ')
	return latin.test(rest)
}

/** "main#content > article.pledge > p.rationale": enough of the element's place to find it. */
function cssPath(element: PageElement | null): string {
	const parts: string[] = []
	for (let node = element; node && parts.length < 6; node = node.parentElement) {
		const id = node.getAttribute('id')
		const classes = [...node.classList].slice(0, 2).map((name) => `.${name}`)
		parts.unshift(`${node.tagName.toLowerCase()}${id ? `#${id}` : ''}${classes.join('')}`)
		if (id) break
	}
	return parts.join(' > ')
}

/** Inside an element marked as English (the closest `lang` wins: a Kazakh label inside English is Kazakh). */
function markedEnglish(element: PageElement | null): boolean {
	const lang = element?.closest('[lang]')?.getAttribute('lang') ?? ''
	return lang === 'en' || lang.startsWith('en-')
}

/** The decorative "U" of the logo: the project's name, as a letter. */
function isBrandMark(element: PageElement): boolean {
	return element.closest('.brand-mark') !== null
}

function latinTextOf(page: string, html: string): Finding[] {
	const window = new Window({ url: 'http://uade.test/' })
	const document = window.document
	document.write(html)
	const findings: Finding[] = []
	const title = document.querySelector('title')?.textContent ?? ''
	if (latinLeft(title)) findings.push({ page, text: title, path: 'head > title' })
	const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */)
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const parent = node.parentElement
		if (!parent || parent.closest('script, style, template')) continue
		const text = (node.textContent ?? '').trim()
		if (!text || !latinLeft(text) || markedEnglish(parent) || isBrandMark(parent)) continue
		findings.push({ page, text, path: cssPath(parent) })
	}
	for (const element of document.body.querySelectorAll('*')) {
		for (const attribute of visibleAttributes) {
			const value = element.getAttribute(attribute)
			if (!value || !latinLeft(value) || markedEnglish(element)) continue
			findings.push({ page, text: `[${attribute}] ${value}`, path: cssPath(element) })
		}
	}
	window.close()
	return findings
}

async function publicPages(lang: string): Promise<Array<{ path: string; status: number }>> {
	const pledges = await prisma.pledge.findMany({
		where: { platform: { slug: platform } },
		select: { slug: true },
		orderBy: { slug: 'asc' },
	})
	const politician = await prisma.politician.findFirstOrThrow({ select: { slug: true } })
	const list = `/${lang}/platforms/${platform}/pledges`
	return [
		{ path: `/${lang}`, status: 200 },
		{ path: `/${lang}/platforms`, status: 200 },
		{ path: `/${lang}/platforms/${platform}`, status: 200 },
		{ path: list, status: 200 },
		{ path: `${list}?principle=fair-economy&status=NOT_RATED&kind=QUANTITATIVE&sort=deadline`, status: 200 },
		{ path: `${list}?q=${encodeURIComponent(lang === 'kk' ? 'жастар' : 'молодёжь')}`, status: 200 },
		{ path: `${list}?q=${encodeURIComponent('нет такого слова')}`, status: 200 },
		{ path: `${list}?page=2`, status: 200 },
		...pledges.map((pledge) => ({ path: `${list}/${pledge.slug}`, status: 200 })),
		{ path: `/${lang}/politicians/${politician.slug}`, status: 200 },
		{ path: `/${lang}/corrections`, status: 200 },
		{ path: `/${lang}/about`, status: 200 },
		{ path: `/${lang}/methodology`, status: 200 },
		{ path: `/${lang}/no-such-page`, status: 404 },
		{ path: `${list}/no-such-pledge`, status: 404 },
		{ path: `${list}?status=ALMOST`, status: 400 },
	]
}

describe('no English outside lang="en" on the public pages', () => {
	for (const lang of ['kk', 'ru'] as const) {
		test(`every public page in ${lang}`, async () => {
			const findings: Finding[] = []
			const statuses: Array<{ path: string; status: number }> = []
			const expected = await publicPages(lang)
			for (const page of expected) {
				const { status, html } = await renderer.render(page.path)
				statuses.push({ path: page.path, status })
				findings.push(...latinTextOf(page.path, html))
			}
			// Every page was really rendered (not an error page in place of the page).
			expect(statuses).toEqual(expected)
			const report = findings.map((finding) => `${finding.page}\n  ${finding.path}\n  “${finding.text}”`)
			expect(report, `${findings.length} texts in Latin letters:\n${report.join('\n')}`).toEqual([])
		}, 240_000)
	}

	test('the demo banner, in kk and ru', async () => {
		await prisma.platform.update({ where: { slug: platform }, data: { hasDemoData: true } })
		try {
			for (const lang of ['kk', 'ru']) {
				const { html } = await renderer.render(`/${lang}/methodology`)
				expect(html).toContain('class="demo-banner"')
				expect(latinTextOf(`/${lang}/methodology`, html)).toEqual([])
			}
		} finally {
			await prisma.platform.update({ where: { slug: platform }, data: { hasDemoData: false } })
		}
	})
})
