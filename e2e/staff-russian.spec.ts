import type { Page } from '@playwright/test'
import { createPrismaClient } from '~/db/prisma.server'
import { expect, test } from './support/fixtures'
import { serverUrl, type E2eServer } from './support/servers'
import { uniqueSuffix } from './support/unique'

// The staff area in Russian and Kazakh (issue 10, item 3): a fact-checker who chose Russian submits
// evidence and reads labels and messages in Russian; an admin who chose Russian on their account page
// reviews it; and no staff page in Russian or Kazakh shows English outside what is marked as English.
// It writes evidence (pending, then sent back: never public), so it runs with the story specs, after the
// tests that read the seeded platform as it is (playwright.config.ts).

const pledgeSlug = 'independent-courts'

async function pledgeId(server: E2eServer): Promise<string> {
	const prisma = createPrismaClient(server.databaseUrl)
	try {
		return (await prisma.pledge.findFirstOrThrow({ where: { slug: pledgeSlug }, select: { id: true } })).id
	} finally {
		await prisma.$disconnect()
	}
}

/**
 * What people typed, which a page shows as typed (in any language): names, emails, evidence and notes.
 * The check below leaves these out, as it leaves out what is marked English.
 */
async function enteredTexts(server: E2eServer): Promise<string[]> {
	const prisma = createPrismaClient(server.databaseUrl)
	try {
		const [users, evidence] = await Promise.all([
			prisma.user.findMany({ select: { displayName: true, email: true } }),
			prisma.evidence.findMany({
				select: { title: true, publisher: true, excerpt: true, suggestionReason: true, reviewNote: true },
			}),
		])
		return [
			...users.flatMap((user) => [user.displayName, user.email]),
			...evidence.flatMap((item) => [
				item.title,
				item.publisher,
				item.excerpt,
				item.suggestionReason,
				item.reviewNote,
			]),
		].filter((text): text is string => Boolean(text))
	} finally {
		await prisma.$disconnect()
	}
}

/**
 * The visible text of the page in Latin letters outside an element marked `lang="en"` and outside code:
 * none may remain but names (Uade, IT, UTC), addresses (web, email) and what people typed.
 */
async function latinTextOf(page: Page, entered: string[]): Promise<string[]> {
	const texts = await page.evaluate(() => {
		const found: string[] = [document.title]
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement
			if (!parent || !node.textContent?.trim()) continue
			// Decorative text (the brand's "U" mark) is hidden from everyone who reads words.
			if (parent.closest('script, style, code, [hidden], [aria-hidden="true"]')) continue
			if (parent.closest('[lang]')?.getAttribute('lang')?.startsWith('en')) continue
			found.push(node.textContent)
		}
		// Words a person reads in attributes too: accessible names and hints.
		for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
			if (element.closest('[lang]')?.getAttribute('lang')?.startsWith('en')) continue
			for (const name of ['aria-label', 'placeholder', 'title']) {
				const value = element.getAttribute(name)
				if (value) found.push(value)
			}
		}
		return found
	})
	const longestFirst = [...entered].sort((a, b) => b.length - a.length)
	return texts
		.map((text) => {
			let rest = text
			for (const typed of longestFirst) rest = rest.split(typed).join(' ')
			return (
				rest
					.replace(/https?:\/\/\S*/g, ' ')
					.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
					.replace(/\b[\w-]+(\.[a-z]{2,})+\b/g, ' ')
					// Addresses other tests' sign-ins left in the security events (IPv6, IPv4): identifiers, not English.
					.replace(/\b[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}\b/gi, ' ')
					.replace(/\b\d{1,3}(\.\d{1,3}){3}\b/g, ' ')
					.replace(/\b(Uade|IT|UTC|NUL)\b/g, ' ')
			)
		})
		.filter((text) => /[A-Za-z]/.test(text))
		.map((text) => text.trim())
}

test('a fact-checker working in Russian submits evidence; an admin in Russian reviews it', async ({
	browser,
	server,
	signInAs,
}) => {
	const suffix = uniqueSuffix()
	const title = `Постановление о судебной реформе ${suffix}`
	const checkerContext = await browser.newContext()
	const checker = await signInAs('FACT_CHECKER', { context: checkerContext })
	const checkerPage = await checkerContext.newPage()

	// English until chosen (the browser asks for English); the header's switcher chooses Russian, staying here.
	await checkerPage.goto('/evidence/mine')
	await expect(
		checkerPage.getByRole('heading', { level: 1, name: 'My submissions', exact: true }),
	).toBeVisible()
	await checkerPage
		.getByRole('navigation', { name: 'Language', exact: true })
		.getByRole('link', { name: 'Русский' })
		.click()
	await expect(checkerPage).toHaveURL(/\/evidence\/mine$/)
	await expect(
		checkerPage.getByRole('heading', { level: 1, name: 'Мои источники', exact: true }),
	).toBeVisible()
	await expect(checkerPage.locator('html')).toHaveAttribute('lang', 'ru')

	// The choice is the account's: a new browser, with no cookie, opens in Russian too.
	const secondContext = await browser.newContext()
	await signInAs(checker, { context: secondContext })
	const secondPage = await secondContext.newPage()
	await secondPage.goto('/account')
	await expect(secondPage.getByRole('heading', { level: 1, name: 'Ваш аккаунт', exact: true })).toBeVisible()
	await expect(secondPage.getByRole('radio', { name: 'Русский', exact: true })).toBeChecked()
	await secondContext.close()

	await checkerPage.goto(`/evidence/new?${new URLSearchParams({ pledge: await pledgeId(server) })}`)
	await expect(checkerPage).toHaveTitle('Добавить источник · Uade')
	await expect(
		checkerPage.getByRole('heading', { level: 1, name: 'Добавить источник', exact: true }),
	).toBeVisible()
	await checkerPage.getByLabel('Тип источника', { exact: true }).selectOption('LAW_OR_DECREE')
	const source = checkerPage.getByLabel('Адрес источника', { exact: true })
	await source.fill('adilet.zan.kz/rus/docs')
	await checkerPage.getByLabel('Название', { exact: true }).fill(title)
	await checkerPage.getByLabel('Кем опубликовано', { exact: true }).fill('Министерство юстиции')
	await checkerPage.getByLabel('Полная дата', { exact: true }).fill('2025-06-02')
	await checkerPage
		.getByLabel('Цитата', { exact: true })
		.fill('Суды рассматривают дела независимо и открыто.')
	await checkerPage.getByRole('button', { name: 'Отправить источник', exact: true }).click()
	// The schema's message, in Russian at its field (checked in the browser, and by the server without it).
	await expect(source).toHaveAccessibleDescription(
		/Введите веб-адрес, начинающийся с https:\/\/ или http:\/\//,
	)
	await expect(source).toHaveAttribute('aria-invalid', 'true')
	expect(await latinTextOf(checkerPage, await enteredTexts(server))).toEqual([])

	await source.fill('https://adilet.zan.kz/rus/docs/example')
	await checkerPage.getByRole('button', { name: 'Отправить источник', exact: true }).click()
	await expect(checkerPage).toHaveURL(/\/evidence\/mine\?submitted=/)
	await expect(checkerPage.getByRole('status')).toContainText(`Спасибо: источник «${title}» записан`)
	await expect(checkerPage.getByRole('row').filter({ hasText: title })).toContainText('Ожидает проверки')

	// The admin chooses Russian on the account page.
	const adminContext = await browser.newContext()
	await signInAs('ADMIN', { context: adminContext })
	const adminPage = await adminContext.newPage()
	await adminPage.goto('/account')
	await adminPage.getByRole('radio', { name: 'Русский', exact: true }).check()
	await adminPage.getByRole('button', { name: 'Save the language', exact: true }).click()
	await expect(adminPage.getByRole('heading', { level: 1, name: 'Ваш аккаунт', exact: true })).toBeVisible()

	await adminPage.goto('/admin/review')
	await expect(adminPage).toHaveTitle('Очередь проверки · Администрирование · Uade')
	await adminPage.getByRole('link', { name: `Проверить «${title}»`, exact: true }).click()
	await expect(
		adminPage.getByRole('heading', { level: 1, name: 'Проверка источника', exact: true }),
	).toBeVisible()
	await adminPage.getByRole('radio', { name: /^Запросить правки/ }).check()
	await adminPage.getByRole('button', { name: 'Записать решение', exact: true }).click()
	// A note is required for sending it back: the server's message, in Russian.
	const note = adminPage.getByLabel('Комментарий для фактчекера', { exact: true })
	await expect(note).toHaveAccessibleDescription(/Напишите, что исправить: фактчекер прочитает это/)
	await note.fill('Добавьте ссылку на официальную публикацию постановления.')
	await adminPage.getByRole('button', { name: 'Записать решение', exact: true }).click()
	await expect(adminPage).toHaveURL(/\/admin\/review\?reviewed=changes-requested$/)
	await expect(adminPage.getByRole('status')).toContainText('Источник возвращён автору с вашим комментарием')

	// The fact-checker sees the outcome in Russian.
	await checkerPage.goto('/evidence/mine')
	await expect(checkerPage.getByRole('row').filter({ hasText: title })).toContainText('Запрошены правки')
	await adminContext.close()
	await checkerContext.close()
})

test('no staff page in Russian or Kazakh shows English outside what is marked English', async ({
	browser,
	server,
	signInAs,
}) => {
	const id = await pledgeId(server)
	for (const locale of ['ru', 'kk'] as const) {
		const visitor = await browser.newContext()
		await visitor.addCookies([{ name: 'uade_lang', value: locale, url: serverUrl(server) }])
		const visitorPage = await visitor.newPage()
		await visitorPage.goto('/sign-in')
		await expect(visitorPage.locator('html')).toHaveAttribute('lang', locale)
		// A wrong password: the refusal is in the page's language too.
		await visitorPage.locator('input[name="email"]').fill('nobody@e2e.example.org')
		await visitorPage.locator('input[name="password"]').fill('not a password at all')
		await visitorPage.locator('button[type="submit"]').click()
		await expect(visitorPage.getByRole('alert')).toBeVisible()
		expect({
			locale,
			page: '/sign-in',
			latin: await latinTextOf(visitorPage, await enteredTexts(server)),
		}).toEqual({
			locale,
			page: '/sign-in',
			latin: [],
		})
		await visitor.close()

		const context = await browser.newContext()
		await signInAs('ADMIN', { context })
		const page = await context.newPage()
		await page.goto(`/language?${new URLSearchParams({ to: locale, next: '/admin' })}`)
		for (const path of [
			'/admin',
			'/admin/review',
			`/evidence/new?pledge=${id}`,
			'/evidence/mine',
			'/account',
		]) {
			await page.goto(path)
			await expect(page.locator('html')).toHaveAttribute('lang', locale)
			const latin = await latinTextOf(page, await enteredTexts(server))
			expect({ locale, path, latin }).toEqual({ locale, path, latin: [] })
		}
		await context.close()
	}
})
