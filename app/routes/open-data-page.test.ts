import { Window } from 'happy-dom'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { csvDownloads, downloadPath } from '~/data/download-files'
import { seed } from '~/db/tooling/seed.server'
import { dataPage } from '~/i18n/content/data.server'
import { messagesByLocale } from '~/i18n/messages.server'
import { createI18n } from '~/i18n/translator'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { createPageRenderer } from '~/test/render-page'

// Issue 12, part 2: the open data page, /{lang}/data. Every file to download, per platform too, the data
// dictionary of each file's columns (the very names of the files' header rows), the licence, how to cite,
// and schema.org Dataset JSON-LD listing every file. Nothing of a draft platform.

let database: TestDatabase
let prisma: PrismaClient
let renderer: Awaited<ReturnType<typeof createPageRenderer>>
const seeded = 'fair-kazakhstan-2022'
const draft = 'open-data-draft-platform'
const originalOrganization = process.env.UADE_ORG_NAME

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const politician = await prisma.politician.create({
		data: { slug: 'open-data-draft-politician', name: 'Draft Candidate', office: 'Mayor' },
	})
	await prisma.platform.create({
		data: {
			slug: draft,
			politicianId: politician.id,
			title: 'A platform still in draft',
			summary: 'Not public yet.',
			electionDate: new Date('2031-06-09'),
			termStart: new Date('2031-06-12'),
			termEnd: new Date('2036-06-12'),
			sourceUrl: 'https://example.org/draft',
			sourceTitle: 'Draft',
			sourcePublisher: 'Nobody yet',
			publishedAt: null,
		},
	})
	renderer = await createPageRenderer()
}, 300_000)

afterEach(() => {
	if (originalOrganization === undefined) delete process.env.UADE_ORG_NAME
	else process.env.UADE_ORG_NAME = originalOrganization
})

afterAll(async () => {
	await renderer?.close()
	await prisma?.$disconnect()
	await database?.drop()
})

async function documentAt(path: string) {
	const { status, html } = await renderer.render(path)
	expect(status, path).toBe(200)
	const window = new Window({ url: 'http://uade.test/' })
	window.document.write(html)
	return window.document
}

const textOf = (element: { textContent: string | null } | null | undefined) =>
	(element?.textContent ?? '').replace(/\s+/g, ' ').trim()

describe.each(['en', 'ru', 'kk'] as const)('/%s/data', (lang) => {
	test('links every file, for everything and for each published platform, and no draft', async () => {
		const document = await documentAt(`/${lang}/data`)
		expect(textOf(document.querySelector('h1'))).toBe(messagesByLocale[lang]['data.title'])
		const downloads = [...document.querySelectorAll('a[download]')].map((link) => link.getAttribute('href'))
		expect(downloads).toEqual([
			...csvDownloads.map((file) => downloadPath(file.fileName)),
			downloadPath('uade.json'),
			...csvDownloads.map((file) => downloadPath(file.fileName, seeded)),
		])
		expect(downloads).toEqual([
			'/data/pledges.csv',
			'/data/status-ledger.csv',
			'/data/evidence.csv',
			'/data/measurements.csv',
			'/data/uade.json',
			`/data/platforms/${seeded}/pledges.csv`,
			`/data/platforms/${seeded}/status-ledger.csv`,
			`/data/platforms/${seeded}/evidence.csv`,
			`/data/platforms/${seeded}/measurements.csv`,
		])
		const platformRows = [...document.querySelectorAll('[aria-labelledby="platforms-title"] tbody tr')]
		expect(platformRows.map((row) => row.id)).toEqual([`platform-${seeded}`])
		expect(document.body.innerHTML).not.toContain(draft)
		// The footer of every page leads here.
		expect(document.querySelector(`footer a[href="/${lang}/data"]`)?.textContent).toBe(
			messagesByLocale[lang]['footer.data'],
		)
	})

	test('the dictionary lists each file’s columns in its header row’s order, described in the page’s language', async () => {
		const document = await documentAt(`/${lang}/data`)
		for (const file of csvDownloads) {
			const section = document.querySelector(`[aria-labelledby="columns-${file.name}"]`)
			expect(textOf(section?.querySelector('h3'))).toBe(file.fileName)
			expect(textOf(section?.querySelector('p'))).toBe(file.description[lang])
			const rows = [...(section?.querySelectorAll('tbody tr') ?? [])]
			expect(rows.map((row) => textOf(row.querySelector('th')))).toEqual(
				file.columns.map((column) => column.name),
			)
			expect(rows.map((row) => textOf(row.querySelector('td')))).toEqual(
				file.columns.map((column) => column.description[lang].replace(/\s+/g, ' ').trim()),
			)
		}
	})

	test('says the licence and how to cite, with the organization that runs the site', async () => {
		process.env.UADE_ORG_NAME = 'Civic Data Kazakhstan'
		const document = await documentAt(`/${lang}/data`)
		const licence = document.querySelector('[aria-labelledby="licence-title"] a')
		expect(licence?.getAttribute('href')).toMatch(/^https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//)
		expect(textOf(licence)).toContain('CC BY 4.0')
		const citation = textOf(document.querySelector('.citation'))
		expect(citation).toMatch(/^Civic Data Kazakhstan\. Uade: /)
		expect(citation).toContain(`http://uade.test/${lang}/data`)
		expect(citation).toContain('CC BY 4.0')
		expect(citation).not.toMatch(/\{(organization|url|date)\}/)
		// Today's date, in the page's language (the year at least, whatever the format).
		expect(citation).toContain(String(new Date().getUTCFullYear()))
		// The pledge page's embed section, by the name it has there.
		const elsewhere = textOf(document.querySelector('[aria-labelledby="elsewhere-title"]'))
		expect(elsewhere).toContain(messagesByLocale[lang]['embed.snippet.title'])
		expect(
			document.querySelector('[aria-labelledby="elsewhere-title"] a[href="/api/v1/openapi.json"]'),
		).not.toBeNull()
		expect(
			document.querySelector(`[aria-labelledby="elsewhere-title"] a[href="/${lang}/feed.xml"]`),
		).not.toBeNull()
	})

	test('describes itself as a schema.org Dataset with every file as a download', async () => {
		const { t } = createI18n(lang, messagesByLocale[lang])
		process.env.UADE_ORG_NAME = 'Civic Data Kazakhstan'
		const document = await documentAt(`/${lang}/data`)
		const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
			JSON.parse(script.textContent ?? ''),
		)
		const dataset = blocks.find((block) => block['@type'] === 'Dataset')
		expect(dataset).toMatchObject({
			'@context': 'https://schema.org',
			name: t('data.title'),
			description: t('data.description'),
			url: `http://uade.test/${lang}/data`,
			license: 'https://creativecommons.org/licenses/by/4.0/',
			isAccessibleForFree: true,
			inLanguage: ['kk', 'ru', 'en'],
			creator: { '@type': 'Organization', name: 'Civic Data Kazakhstan' },
		})
		expect(dataset.distribution).toEqual([
			...csvDownloads.map((file) => ({
				'@type': 'DataDownload',
				name: file.fileName,
				contentUrl: `http://uade.test${downloadPath(file.fileName)}`,
				encodingFormat: 'text/csv',
			})),
			{
				'@type': 'DataDownload',
				name: 'uade.json',
				contentUrl: 'http://uade.test/data/uade.json',
				encodingFormat: 'application/json',
			},
		])
	})
})

test('a platform’s page links to its downloads on the data page; a draft’s preview does not', async () => {
	const document = await documentAt(`/ru/platforms/${seeded}`)
	const link = document.querySelector('.data-link a')
	expect(link?.getAttribute('href')).toBe(`/ru/data#platform-${seeded}`)
	expect(textOf(link)).toBe(messagesByLocale.ru['data.platformLink'])
})

describe('the data page’s own text in Russian and Kazakh', () => {
	// Beside the product's name: the formats', the standard's and the licence's names, which have no other.
	const allowed = [
		'Uade',
		'CSV',
		'JSON',
		'RFC',
		'UTF',
		'CR',
		'LF',
		'Creative',
		'Commons',
		'CC',
		'BY',
		'OpenAPI',
		'Atom',
	]
	test.each(['ru', 'kk'] as const)('%s: no other Latin word', (lang) => {
		const strings = (value: unknown): string[] =>
			typeof value === 'string' ? [value] : Object.values(value as object).flatMap(strings)
		const texts = strings(dataPage[lang])
			.join('\n')
			.replace(/\{(organization|url|date|section)\}/g, '')
		const latin = (texts.match(/[A-Za-z]+/g) ?? []).filter((word) => !allowed.includes(word))
		expect(latin).toEqual([])
	})
})
