import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { pledgeIdOf } from '~/test/ledger-fixtures'
import { createPageRenderer } from '~/test/render-page'
import * as ownEvidencePage from '../evidence/$evidenceId'
import * as newEvidencePage from '../evidence/new'
import * as translationsPage from './evidence.$evidenceId.translations'
import * as reviewPage from './review.$evidenceId'

// Translations of evidence (issue 10, docs/decisions/015): the author gives a Russian and Kazakh title and a
// translation of the excerpt with the submission and may change them while it is theirs; an admin adds or
// fixes them later, approved evidence included; the excerpt itself always stays verbatim.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let checkerId: string
let checkerCookie: string
let adminCookie: string
let courts: string

// Rows come in the Locale enum's order (RU, KK).
// Evidence of this test only, on a pledge the seed has no evidence on being relied upon.
const pledgeSlug = 'independent-courts'
const title = 'Decree on the council of judges'
const excerpt = 'The Supreme Judicial Council shall select candidates for judges.'
const ruTitle = 'Указ о совете судей'
const ruExcerpt = 'Высший судебный совет отбирает кандидатов в судьи.'
const kkTitle = 'Судьялар кеңесі туралы жарлық'

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const checker = await createTestAccount({ role: 'FACT_CHECKER', displayName: 'Farida' })
	checkerId = checker.id
	checkerCookie = await sessionCookieFor(checker.id)
	adminCookie = await sessionCookieFor((await createTestAccount({ role: 'ADMIN', displayName: 'Ada' })).id)
	courts = await pledgeIdOf(prisma, pledgeSlug)
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

function request(path: string, cookie: string, fields?: Record<string, string>) {
	return new Request(`http://localhost${path}`, {
		method: fields ? 'POST' : 'GET',
		headers: { Cookie: cookie },
		body: fields ? new URLSearchParams(fields) : undefined,
	})
}

let sequence = 0

function evidenceFields(fields: Record<string, string> = {}): Record<string, string> {
	sequence += 1
	return {
		type: 'OFFICIAL_STATEMENT',
		sourceUrl: `https://akorda.kz/en/decree-${sequence}`,
		title,
		publisher: 'Akorda',
		publishedOn: '2026-11-20',
		excerpt,
		archiveUrl: '',
		measuredValue: '',
		measuredAsOf: '',
		suggestedStatus: '',
		suggestionReason: '',
		ruTitle: '',
		ruExcerpt: '',
		kkTitle: '',
		kkExcerpt: '',
		...fields,
	}
}

function submit(fields: Record<string, string>) {
	const url = `/evidence/new?${new URLSearchParams({ pledge: courts })}`
	return outcomeOf(() =>
		newEvidencePage.action({
			request: request(url, checkerCookie, fields),
			params: {},
			context: testContext,
		}),
	)
}

function postOwn(evidenceId: string, fields: Record<string, string>) {
	return outcomeOf(() =>
		ownEvidencePage.action({
			request: request(`/evidence/${evidenceId}`, checkerCookie, fields),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

function postTranslations(evidenceId: string, fields: Record<string, string>, cookie = adminCookie) {
	return outcomeOf(() =>
		translationsPage.action({
			request: request(`/admin/evidence/${evidenceId}/translations`, cookie, fields),
			params: { evidenceId },
			context: testContext,
		}),
	)
}

function translationsOf(evidenceId: string) {
	return prisma.evidenceTranslation.findMany({
		where: { evidenceId },
		select: { locale: true, title: true, excerpt: true },
		orderBy: { locale: 'asc' },
	})
}

async function counts() {
	return {
		evidence: await prisma.evidence.count(),
		translations: await prisma.evidenceTranslation.count(),
		audit: await prisma.auditEntry.count(),
	}
}

describe('translations of evidence', () => {
	let evidenceId = ''
	let sent: Record<string, string> = {}

	test('a translated excerpt without a title in that language is a 400 at the title, nothing written', async () => {
		const before = await counts()
		const outcome = await submit(
			evidenceFields({ kkExcerpt: 'Жоғары Сот Кеңесі судьяларға кандидаттарды іріктейді.' }),
		)
		expect(outcome.status).toBe(400)
		const body = JSON.stringify(outcome.body)
		expect(body).toContain('"kkTitle":["Translate the title into Kazakh too')
		// The values are kept for the form to show again.
		expect(body).toContain('Жоғары Сот Кеңесі судьяларға кандидаттарды іріктейді.')
		expect(await counts()).toEqual(before)
	})

	test('submitted with a Russian title and excerpt and a Kazakh title: written and audited', async () => {
		sent = evidenceFields({ ruTitle, ruExcerpt, kkTitle })
		const outcome = await submit(sent)
		expect(outcome.status).toBe(302)
		evidenceId = new URL(outcome.location ?? '', 'http://localhost').searchParams.get('submitted') ?? ''
		expect(await translationsOf(evidenceId)).toEqual([
			{ locale: 'RU', title: ruTitle, excerpt: ruExcerpt },
			{ locale: 'KK', title: kkTitle, excerpt: null },
		])
		const audit = await prisma.auditEntry.findFirstOrThrow({
			where: { entityId: evidenceId, action: 'evidence.submit' },
			select: { actorId: true, after: true },
		})
		expect(audit.actorId).toBe(checkerId)
		expect(audit.after).toMatchObject({
			translations: { KK: { title: kkTitle, excerpt: null }, RU: { title: ruTitle, excerpt: ruExcerpt } },
		})
	})

	test('the author’s edit keeps the translations it does not touch and changes the one it does', async () => {
		const kept = await postOwn(evidenceId, { ...sent, version: '1' })
		expect(kept.status).toBe(302)
		expect(await translationsOf(evidenceId)).toEqual([
			{ locale: 'RU', title: ruTitle, excerpt: ruExcerpt },
			{ locale: 'KK', title: kkTitle, excerpt: null },
		])
		const version = (await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).version
		sent = { ...sent, ruTitle: 'Указ о Высшем судебном совете' }
		const changed = await postOwn(evidenceId, { ...sent, version: String(version) })
		expect(changed.status).toBe(302)
		expect(await translationsOf(evidenceId)).toEqual([
			{ locale: 'RU', title: 'Указ о Высшем судебном совете', excerpt: ruExcerpt },
			{ locale: 'KK', title: kkTitle, excerpt: null },
		])
	})

	test('a fact-checker cannot reach the editor’s translations page', async () => {
		const before = await counts()
		const loaded = await outcomeOf(() =>
			translationsPage.loader({
				request: request(`/admin/evidence/${evidenceId}/translations`, checkerCookie),
				params: { evidenceId },
				context: testContext,
			}),
		)
		expect(loaded.status).toBe(403)
		const posted = await postTranslations(evidenceId, { ruTitle, kkTitle, version: '9' }, checkerCookie)
		expect(posted.status).toBe(403)
		expect(await counts()).toEqual(before)
	})

	test('an admin fixes the translations of approved evidence: audited, the excerpt unchanged, a stale version refused', async () => {
		const pending = await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } })
		const approved = await outcomeOf(() =>
			reviewPage.action({
				request: request(`/admin/review/${evidenceId}`, adminCookie, {
					decision: 'approve',
					version: String(pending.version),
				}),
				params: { evidenceId },
				context: testContext,
			}),
		)
		expect(approved.status).toBe(302)
		const before = await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } })
		expect(before.reviewState).toBe('APPROVED')

		const fixed = await postTranslations(evidenceId, {
			intent: 'translate',
			ruTitle,
			ruExcerpt,
			kkTitle: 'Жоғары Сот Кеңесі туралы жарлық',
			kkExcerpt: '',
			version: String(before.version),
		})
		expect(fixed.status).toBe(302)
		expect(fixed.location).toBe(`/admin/evidence/${evidenceId}/translations?saved=yes`)
		const after = await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } })
		expect(after).toMatchObject({ excerpt, title, reviewState: 'APPROVED' })
		expect(await translationsOf(evidenceId)).toEqual([
			{ locale: 'RU', title: ruTitle, excerpt: ruExcerpt },
			{ locale: 'KK', title: 'Жоғары Сот Кеңесі туралы жарлық', excerpt: null },
		])
		const audit = await prisma.auditEntry.findFirstOrThrow({
			where: { entityId: evidenceId, action: 'evidence.translate' },
			select: { before: true, after: true },
		})
		expect(audit.before).toMatchObject({
			translations: { KK: { title: kkTitle }, RU: { title: 'Указ о Высшем судебном совете' } },
		})
		expect(audit.after).toMatchObject({
			translations: { KK: { title: 'Жоғары Сот Кеңесі туралы жарлық' }, RU: { title: ruTitle } },
		})

		// The version the admin's first page showed is stale now: refused, nothing written.
		const counted = await counts()
		const stale = await postTranslations(evidenceId, {
			intent: 'translate',
			ruTitle: 'Устаревший заголовок',
			ruExcerpt: '',
			kkTitle: '',
			kkExcerpt: '',
			version: String(before.version),
		})
		expect(stale.status).toBe(409)
		expect(await counts()).toEqual(counted)
		expect((await translationsOf(evidenceId)).map((row) => row.title)).toContain(ruTitle)
	})

	describe('the public pledge page', () => {
		let renderer: Awaited<ReturnType<typeof createPageRenderer>>

		beforeAll(async () => {
			// The admin withdraws the Kazakh title, so that the Kazakh page falls back to the English.
			const { version } = await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } })
			const withdrawn = await postTranslations(evidenceId, {
				intent: 'translate',
				ruTitle,
				ruExcerpt,
				kkTitle: '',
				kkExcerpt: '',
				version: String(version),
			})
			expect(withdrawn.status).toBe(302)
			expect((await translationsOf(evidenceId)).map((row) => row.locale)).toEqual(['RU'])
			renderer = await createPageRenderer()
		}, 300_000)

		afterAll(async () => {
			await renderer?.close()
		})

		async function evidenceItem(lang: 'ru' | 'kk') {
			const { status, html } = await renderer.render(
				`/${lang}/platforms/fair-kazakhstan-2022/pledges/${pledgeSlug}`,
			)
			expect(status).toBe(200)
			const window = new Window()
			window.document.write(html)
			const item = window.document.getElementById(`evidence-${evidenceId}`)
			if (!item) throw new Error(`the ${lang} page does not list the evidence`)
			return item
		}

		test('in ru: the Russian title, the verbatim excerpt and its translation labelled «Перевод:»', async () => {
			const item = await evidenceItem('ru')
			const heading = item.querySelector('h3')
			expect(heading?.textContent).toBe(ruTitle)
			expect(heading?.getAttribute('lang')).toBeNull()
			expect(item.querySelector('blockquote')?.textContent).toBe(excerpt)
			const translation = item.querySelector('.excerpt-translation p')
			expect(translation?.querySelector('.label')?.textContent).toBe('Перевод:')
			expect(translation?.textContent).toBe(`Перевод: ${ruExcerpt}`)
		})

		test('in kk without a Kazakh translation: the English title marked lang="en", the note, no translation', async () => {
			const item = await evidenceItem('kk')
			const heading = item.querySelector('h3')
			expect(heading?.textContent).toBe(title)
			expect(heading?.getAttribute('lang')).toBe('en')
			expect(item.querySelector('.translation-note')?.textContent).toBe(
				'Әлі аударылмаған; ағылшынша мәтін көрсетілген.',
			)
			expect(item.querySelector('blockquote')?.textContent).toBe(excerpt)
			expect(item.querySelector('.excerpt-translation')).toBeNull()
		})
	})
})
