import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { platformFormValues } from '~/forms/platform'
import { changePlatformPublication, getPlatformRecord } from '~/models/platform.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { formFieldsOf, storedPledge, translationFieldsOf, withChanges } from '~/test/catalogue'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { createPageRenderer } from '~/test/render-page'
import { replyOf } from '~/test/reply'
import * as newPledgePage from './catalogue.pledges.new'
import * as pledgePage from './catalogue.pledges.$pledgeId'
import * as platformPage from './catalogue.platforms.$platformId'
import * as politicianPage from './catalogue.politicians.$politicianId'

// Issue 10, part cat: a politician's, a platform's, an indicator's and a milestone step's Russian and
// Kazakh text, saved through the admin forms with their audit entry and read on the public pages, with the
// English (marked lang="en", with the untranslated note) once a translation is cleared. The records are
// this file's own, made through the same forms, so no other test's state matters.

let database: TestDatabase
let prisma: PrismaClient
let renderer: Awaited<ReturnType<typeof createPageRenderer>>
let adminCookie: string
let admin: { id: string; role: 'ADMIN'; ipAddress: null }
let politicianId: string
let platformId: string
let measuredId: string
let stepsId: string

type Fields = Record<string, string>

function post(path: string, fields: Fields | Array<[string, string]>) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { Cookie: adminCookie },
		body: new URLSearchParams(fields),
	})
}

function savePolitician(id: string | undefined, fields: Fields) {
	return outcomeOf(() =>
		politicianPage.action({
			request: post(`/admin/catalogue/politicians/${id ?? 'new'}`, fields),
			params: id === undefined ? {} : { politicianId: id },
			context: testContext,
		}),
	)
}

function savePlatform(id: string | undefined, fields: Fields) {
	return outcomeOf(() =>
		platformPage.action({
			request: post(`/admin/catalogue/platforms/${id ?? 'new'}`, fields),
			params: id === undefined ? {} : { platformId: id },
			context: testContext,
		}),
	)
}

function createPledge(fields: Array<[string, string]>) {
	return outcomeOf(() =>
		newPledgePage.action({
			request: post('/admin/catalogue/pledges/new', fields),
			params: {},
			context: testContext,
		}),
	)
}

function editPledge(pledgeId: string, fields: Array<[string, string]>) {
	return outcomeOf(() =>
		pledgePage.action({
			request: post(`/admin/catalogue/pledges/${pledgeId}`, fields),
			params: { pledgeId },
			context: testContext,
		}),
	)
}

async function platformForm() {
	const platform = await getPlatformRecord(platformId)
	if (!platform) throw new Error('no platform')
	return platformFormValues(platform)
}

async function pledgeFields(pledgeId: string) {
	const pledge = await storedPledge(pledgeId)
	return [...formFieldsOf(pledge), ...translationFieldsOf(pledge)]
}

function latestAudit(action: string, entityId: string) {
	return prisma.auditEntry.findFirstOrThrow({ where: { action, entityId }, orderBy: { createdAt: 'desc' } })
}

const pledgeBase = (slug: string, kind: string): Array<[string, string]> => [
	['platformId', platformId],
	['slug', slug],
	['kind', kind],
	['summary', 'A summary.'],
	['quote', 'Our words.'],
	['sourceUrl', 'https://example.org/programme'],
	['sourceDate', '2022-10-01'],
	['deadline', '2026-12-31'],
]

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	const account = await createTestAccount({ role: 'ADMIN' })
	admin = { id: account.id, role: 'ADMIN', ipAddress: null }
	adminCookie = await sessionCookieFor(account.id)
	renderer = await createPageRenderer()
}, 300_000)

afterAll(async () => {
	await renderer?.close()
	await prisma?.$disconnect()
	await database?.drop()
})

/** The opening tags of the elements whose text is exactly `text` on the page. */
function openingTagsOf(html: string, text: string): string[] {
	const tags: string[] = []
	for (let at = html.indexOf(`>${text}<`); at >= 0; at = html.indexOf(`>${text}<`, at + 1)) {
		tags.push(html.slice(html.lastIndexOf('<', at), at + 1))
	}
	return tags
}

describe('catalogue translations, saved through the forms and read on the public pages', () => {
	test('a politician’s name and office: a half pair is a 400 at the field, a whole one saved with its audit', async () => {
		const english = { slug: 'dana-test', name: 'Dana Test', office: 'Mayor of Test City' }
		const half = await savePolitician(undefined, { ...english, ruName: 'Дана Тест' })
		expect(half.status).toBe(400)
		expect(replyOf(half.body).fieldErrors).toMatchObject({
			ruOffice: ['Enter the Russian office too, or clear the Russian name.'],
		})
		expect(replyOf(half.body).values).toMatchObject({ ruName: 'Дана Тест', office: 'Mayor of Test City' })
		expect(await prisma.politician.count({ where: { slug: 'dana-test' } })).toBe(0)
		expect(await prisma.politicianTranslation.count()).toBe(0)

		const saved = await savePolitician(undefined, {
			...english,
			ruName: 'Дана Тест',
			ruOffice: 'Аким города Тест',
			kkName: 'Дана Тест',
			kkOffice: 'Тест қаласының әкімі',
		})
		expect(saved.status).toBe(302)
		politicianId = (await prisma.politician.findUniqueOrThrow({ where: { slug: 'dana-test' } })).id
		const rows = await prisma.politicianTranslation.findMany({
			where: { politicianId },
			orderBy: { locale: 'asc' },
			select: { locale: true, name: true, office: true },
		})
		expect(rows).toEqual([
			{ locale: 'RU', name: 'Дана Тест', office: 'Аким города Тест' },
			{ locale: 'KK', name: 'Дана Тест', office: 'Тест қаласының әкімі' },
		])
		const entry = await latestAudit('politician.create', politicianId)
		expect(entry).toMatchObject({ actorId: admin.id, entityType: 'Politician' })
		expect(entry.after).toMatchObject({ ruOffice: 'Аким города Тест', kkOffice: 'Тест қаласының әкімі' })
	})

	test('a platform’s title and summary, saved with its audit', async () => {
		const saved = await savePlatform(undefined, {
			slug: 'test-platform',
			politicianId,
			title: 'The Test Programme',
			summary: 'What the test programme promises.',
			electionDate: '2022-11-20',
			termStart: '2022-11-26',
			termEnd: '2029-11-26',
			sourceUrl: 'https://example.org/programme',
			sourceTitle: 'The programme',
			sourcePublisher: 'Example',
			sourcePublishedAt: '',
			ruTitle: 'Тестовая программа',
			ruSummary: 'Что обещает тестовая программа.',
			kkTitle: 'Сынақ бағдарламасы',
			kkSummary: 'Сынақ бағдарламасы не уәде етеді.',
		})
		expect(saved.status).toBe(302)
		platformId = (await prisma.platform.findUniqueOrThrow({ where: { slug: 'test-platform' } })).id
		expect(await platformForm()).toMatchObject({
			ruTitle: 'Тестовая программа',
			kkTitle: 'Сынақ бағдарламасы',
		})
		const entry = await latestAudit('platform.create', platformId)
		expect(entry).toMatchObject({ actorId: admin.id, entityType: 'Platform' })
		expect(entry.after).toMatchObject({ ruTitle: 'Тестовая программа', kkTitle: 'Сынақ бағдарламасы' })
		expect(await changePlatformPublication(platformId, 'publish', admin)).toMatchObject({ status: 'saved' })
		await prisma.category.create({ data: { platformId, slug: 'economy', title: 'Economy' } })
	})

	test('an indicator’s name and unit and a step’s title: half pairs are 400s, whole ones saved with the pledge', async () => {
		const categoryId = (await prisma.category.findFirstOrThrow({ where: { platformId } })).id
		const measured: Array<[string, string]> = [
			...pledgeBase('more-jobs', 'QUANTITATIVE'),
			['categoryId', categoryId],
			['title', 'More jobs'],
			['indicatorName', 'Jobs created'],
			['indicatorUnit', 'jobs'],
			['targetValue', '1000'],
			['targetDate', '2026-12-31'],
			['direction', 'INCREASE'],
			['kkIndicatorName', 'Ашылған жұмыс орындары'],
			['kkIndicatorUnit', 'жұмыс орны'],
		]
		const before = await prisma.auditEntry.count()
		const half = await createPledge([...measured, ['ruIndicatorUnit', 'рабочих мест']])
		expect(half.status).toBe(400)
		expect(replyOf(half.body).fieldErrors).toMatchObject({
			ruIndicatorName: ['Enter the Russian name of what is measured too, or clear the Russian unit.'],
		})
		expect(await prisma.pledge.count({ where: { platformId } })).toBe(0)
		expect(await prisma.auditEntry.count()).toBe(before)

		const created = await createPledge([
			...measured,
			['ruIndicatorName', 'Созданные рабочие места'],
			['ruIndicatorUnit', 'рабочих мест'],
		])
		expect(created.status).toBe(302)
		measuredId = (await prisma.pledge.findFirstOrThrow({ where: { slug: 'more-jobs' } })).id
		const indicator = await prisma.indicator.findUniqueOrThrow({
			where: { pledgeId: measuredId },
			select: {
				translations: { select: { locale: true, name: true, unit: true }, orderBy: { locale: 'asc' } },
			},
		})
		expect(indicator.translations).toEqual([
			{ locale: 'RU', name: 'Созданные рабочие места', unit: 'рабочих мест' },
			{ locale: 'KK', name: 'Ашылған жұмыс орындары', unit: 'жұмыс орны' },
		])
		expect((await latestAudit('pledge.create', measuredId)).after).toMatchObject({
			ruIndicatorName: 'Созданные рабочие места',
			kkIndicatorUnit: 'жұмыс орны',
		})

		const steps: Array<[string, string]> = [
			...pledgeBase('new-law', 'MILESTONE'),
			['categoryId', categoryId],
			['title', 'A new law'],
			['steps[0].title', 'Draft published'],
			['steps[0].doneOn', ''],
			['steps[0].ruTitle', 'Проект опубликован'],
			['steps[0].kkTitle', 'Жоба жарияланды'],
		]
		const untitled = await createPledge([
			...steps,
			['steps[1].title', ''],
			['steps[1].ruTitle', 'Закон принят'],
		])
		expect(untitled.status).toBe(400)
		expect(replyOf(untitled.body).fieldErrors).toMatchObject({
			'steps[1].title': ['A step with a translation needs its English title.'],
		})
		expect(await prisma.pledge.count({ where: { slug: 'new-law' } })).toBe(0)
		expect((await createPledge(steps)).status).toBe(302)
		stepsId = (await prisma.pledge.findFirstOrThrow({ where: { slug: 'new-law' } })).id
		const step = await prisma.milestoneStep.findFirstOrThrow({
			where: { pledgeId: stepsId },
			select: { translations: { select: { locale: true, title: true }, orderBy: { locale: 'asc' } } },
		})
		expect(step.translations).toEqual([
			{ locale: 'RU', title: 'Проект опубликован' },
			{ locale: 'KK', title: 'Жоба жарияланды' },
		])
	})

	test('the public pages show the Kazakh and Russian text', async () => {
		const pages = {
			kk: ['Сынақ бағдарламасы', 'Тест қаласының әкімі', 'Ашылған жұмыс орындары', 'Жоба жарияланды'],
			ru: ['Тестовая программа', 'Аким города Тест', 'Созданные рабочие места', 'Проект опубликован'],
		}
		for (const [lang, [platformTitle, office, indicatorName, stepTitle]] of Object.entries(pages)) {
			const overview = await renderer.render(`/${lang}/platforms/test-platform`)
			expect(overview.status).toBe(200)
			expect(overview.html).toContain(platformTitle)
			expect(overview.html).not.toContain('The Test Programme')
			const politician = await renderer.render(`/${lang}/politicians/dana-test`)
			expect(politician.status).toBe(200)
			expect(politician.html).toContain(office)
			expect(politician.html).not.toContain('Mayor of Test City')
			const measured = await renderer.render(`/${lang}/platforms/test-platform/pledges/more-jobs`)
			expect(measured.status).toBe(200)
			expect(measured.html).toContain(indicatorName)
			expect(measured.html).not.toContain('Jobs created')
			// The page's <title> and its meta name the platform in the page's language too.
			expect(measured.html).toMatch(new RegExp(`<title>More jobs — ${platformTitle}`))
			expect(measured.html).not.toContain('The Test Programme')
			const steps = await renderer.render(`/${lang}/platforms/test-platform/pledges/new-law`)
			expect(steps.status).toBe(200)
			expect(steps.html).toContain(stepTitle)
			expect(steps.html).not.toContain('Draft published')
		}
	})

	test('with the translations cleared through the forms, the pages show the English marked lang="en", with the note', async () => {
		const politician = await prisma.politician.findUniqueOrThrow({ where: { id: politicianId } })
		const cleared = { ruName: '', ruOffice: '', kkName: '', kkOffice: '' }
		const politicianSave = await savePolitician(politicianId, {
			version: String(politician.version),
			name: politician.name,
			office: politician.office,
			...cleared,
		})
		expect(politicianSave.status).toBe(302)
		expect((await latestAudit('politician.update', politicianId)).after).toMatchObject(cleared)
		const platform = await platformForm()
		const platformSave = await savePlatform(platformId, {
			...platform,
			ruTitle: '',
			ruSummary: '',
			kkTitle: '',
			kkSummary: '',
		})
		expect(platformSave.status).toBe(302)
		const noIndicatorText = {
			ruIndicatorName: '',
			ruIndicatorUnit: '',
			kkIndicatorName: '',
			kkIndicatorUnit: '',
		}
		expect(
			(await editPledge(measuredId, withChanges(await pledgeFields(measuredId), noIndicatorText))).status,
		).toBe(302)
		const noStepText = { 'steps[0].ruTitle': '', 'steps[0].kkTitle': '' }
		expect((await editPledge(stepsId, withChanges(await pledgeFields(stepsId), noStepText))).status).toBe(302)
		expect(await prisma.politicianTranslation.count({ where: { politicianId } })).toBe(0)
		expect(await prisma.platformTranslation.count({ where: { platformId } })).toBe(0)
		expect(await prisma.indicatorTranslation.count({ where: { indicator: { pledgeId: measuredId } } })).toBe(
			0,
		)
		expect(
			await prisma.milestoneStepTranslation.count({ where: { milestoneStep: { pledgeId: stepsId } } }),
		).toBe(0)

		const notes = {
			kk: 'Әлі аударылмаған; ағылшынша мәтін көрсетілген.',
			ru: 'Перевода пока нет; показан английский текст.',
		}
		for (const [lang, note] of Object.entries(notes)) {
			const pages: Array<[string, string]> = [
				[`/${lang}/platforms/test-platform`, 'The Test Programme'],
				[`/${lang}/politicians/dana-test`, 'Mayor of Test City'],
				[`/${lang}/platforms/test-platform/pledges/more-jobs`, 'Jobs created'],
				[`/${lang}/platforms/test-platform/pledges/new-law`, 'Draft published'],
			]
			for (const [path, english] of pages) {
				const page = await renderer.render(path)
				expect({ path, status: page.status }).toEqual({ path, status: 200 })
				const tags = openingTagsOf(page.html, english)
				expect({ path, marked: tags.length > 0 && tags.every((tag) => tag.includes('lang="en"')) }).toEqual({
					path,
					marked: true,
				})
				expect({ path, note: page.html.includes(note) }).toEqual({ path, note: true })
			}
		}
	})
})
