import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { loader as rootLoader } from '~/root'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { action as accountAction } from './account'
import { loader as languageLoader } from './language'

// The staff area's language (issue 10, item 3): chosen with the same switcher as the public site, kept on
// the account, and used on every staff page of that account, whatever the browser says.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

async function pageLanguage(path: string, headers: Record<string, string> = {}) {
	const request = new Request(`http://localhost${path}`, { headers })
	const data = await rootLoader({ request, params: {}, context: testContext })
	return { locale: data.locale, signInLabel: data.messages['staff.menu.signIn'] }
}

function switchLanguage(to: string, next: string, cookie?: string) {
	const request = new Request(`http://localhost/language?${new URLSearchParams({ to, next })}`, {
		headers: cookie ? { Cookie: cookie } : {},
	})
	return outcomeOf(() => languageLoader({ request, params: {}, context: testContext }))
}

describe('the staff area’s language', () => {
	test('without a choice, staff pages follow the cookie, then Accept-Language, then English', async () => {
		expect((await pageLanguage('/sign-in')).locale).toBe('en')
		expect((await pageLanguage('/sign-in', { 'Accept-Language': 'ru-RU, ru;q=0.9' })).locale).toBe('ru')
		expect((await pageLanguage('/sign-in', { Cookie: 'uade_lang=kk', 'Accept-Language': 'ru' })).locale).toBe(
			'kk',
		)
		// The page's own UI strings come in its language: "Sign in" in Russian for the header.
		expect((await pageLanguage('/sign-in', { 'Accept-Language': 'ru' })).signInLabel).toBe('Войти')
	})

	test('the switcher keeps a staff page’s address, and remembers the choice on the signed-in account', async () => {
		const checker = await createTestAccount()
		const cookie = await sessionCookieFor(checker.id)
		const outcome = await switchLanguage('ru', '/evidence/mine?page=2', cookie)
		expect(outcome.status).toBe(303)
		expect(outcome.location).toBe('/evidence/mine?page=2')
		expect(outcome.setCookie).toMatch(/^uade_lang=ru;/)
		expect((await prisma.user.findUniqueOrThrow({ where: { id: checker.id } })).locale).toBe('RU')
		const audit = await prisma.auditEntry.findMany({
			where: { entityId: checker.id, action: 'user.locale_change' },
		})
		expect(audit).toMatchObject([{ actorId: checker.id, before: { locale: null }, after: { locale: 'RU' } }])

		// Choosing the language already chosen writes nothing more.
		await switchLanguage('ru', '/admin', cookie)
		expect(
			await prisma.auditEntry.count({ where: { entityId: checker.id, action: 'user.locale_change' } }),
		).toBe(1)
	})

	test('the account’s language wins on staff pages on any device, and public pages keep their own', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		await switchLanguage('kk', '/admin', await sessionCookieFor(admin.id))
		// Another browser: its cookie and its language say Russian, the account says Kazakh.
		const elsewhere = await sessionCookieFor(admin.id)
		const headers = { Cookie: `uade_lang=ru; ${elsewhere}`, 'Accept-Language': 'ru' }
		for (const path of ['/admin', '/admin/review', '/evidence/new?pledge=x', '/evidence/mine', '/account']) {
			expect({ path, locale: (await pageLanguage(path, headers)).locale }).toEqual({ path, locale: 'kk' })
		}
		// A public page is in the language of its address, whoever reads it.
		expect((await pageLanguage('/ru/about', headers)).locale).toBe('ru')
		expect((await pageLanguage('/en', headers)).locale).toBe('en')
		// Signed out, the same browser is back to its cookie.
		expect((await pageLanguage('/sign-in', { Cookie: 'uade_lang=ru' })).locale).toBe('ru')
	})

	test('a public page ships the header’s staff words, not the staff area’s', async () => {
		const request = new Request('http://localhost/ru/about')
		const { messages } = await rootLoader({ request, params: {}, context: testContext })
		expect(messages['staff.menu.signIn']).toBe('Войти')
		expect(messages['nav.about']).toBeDefined()
		expect(Object.keys(messages).filter((key) => key.startsWith('staff.admin.welcome'))).toEqual([])
		const staff = await rootLoader({
			request: new Request('http://localhost/admin'),
			params: {},
			context: testContext,
		})
		expect(staff.messages['staff.admin.welcome']).toBeDefined()
	})

	test('a visitor’s choice is a cookie only, and the switcher still never leaves the site', async () => {
		const outcome = await switchLanguage('ru', '/sign-in?redirectTo=%2Fadmin')
		expect(outcome.location).toBe('/sign-in?redirectTo=%2Fadmin')
		for (const next of [
			'//evil.example/admin',
			'/\\evil.example',
			'https://evil.example/admin',
			'/kk/about',
		]) {
			expect((await switchLanguage('ru', next)).location).toBe('/ru')
		}
	})

	test('the account page sets the language too, and refuses one that is not offered', async () => {
		const checker = await createTestAccount()
		const cookie = await sessionCookieFor(checker.id)
		const post = (fields: Record<string, string>) =>
			outcomeOf(() =>
				accountAction({
					request: new Request('http://localhost/account', {
						method: 'POST',
						headers: { Cookie: cookie },
						body: new URLSearchParams(fields),
					}),
					params: {},
					context: testContext,
				}),
			)
		const refused = await post({ intent: 'set-locale', locale: 'de' })
		expect(refused.status).toBe(400)
		expect((await prisma.user.findUniqueOrThrow({ where: { id: checker.id } })).locale).toBeNull()

		const saved = await post({ intent: 'set-locale', locale: 'kk' })
		expect(saved.status).toBe(302)
		expect(saved.location).toBe('/account')
		expect(saved.setCookie).toMatch(/^uade_lang=kk;/)
		expect((await prisma.user.findUniqueOrThrow({ where: { id: checker.id } })).locale).toBe('KK')
		expect((await pageLanguage('/account', { Cookie: cookie, 'Accept-Language': 'en' })).locale).toBe('kk')
	})
})
