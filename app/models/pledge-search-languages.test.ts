import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { searchPledges, type PledgeSearchInput, type SearchLocale } from '~/models/pledge-search.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'

// Search in Kazakh, Russian and English on pledges of the test's own (their texts fixed here, so that the
// seed's wording can change): stems, letter folding, typos, synonyms, numbers, the order of results and the
// misses that must stay misses. The pledges are written through the app role, as the admin forms would,
// so the words a typo is matched against are added as the app would add them.

type Fixture = { slug: string; en: [string, string, string?]; ru: [string, string]; kk: [string, string] }

const fixtures: Fixture[] = [
	{
		slug: 'youth-law',
		en: ['A law on youth policy', 'Adopt a new law on youth policy.'],
		ru: ['Закон о молодёжной политике', 'Принять новый закон о молодёжной политике.'],
		kk: ['Жастар саясаты туралы заң', 'Жастар саясаты туралы жаңа заң қабылдау.'],
	},
	{
		slug: 'youth-grants',
		en: ['Grants for young people', 'Grants that help young people start a business.'],
		ru: ['Гранты для молодых людей', 'Гранты, которые помогают молодым людям начать дело.'],
		kk: ['Жас кәсіпкерлерге гранттар', 'Жастарға кәсіп бастауға көмектесетін гранттар.'],
	},
	{
		slug: 'children-savings',
		en: [
			'Savings accounts for children',
			"Half of the National Fund's income to children's savings accounts.",
		],
		ru: [
			'Накопительные счета для детей',
			'Половина дохода Национального фонда — на накопительные счета детей.',
		],
		kk: ['Балалардың жинақ шоттары', 'Ұлттық қордың табысының жартысы балалардың жинақ шоттарына.'],
	},
	{
		slug: 'kindergartens',
		en: ['Kindergartens and schools', 'Build and modernize kindergartens and schools.'],
		ru: ['Детские сады и школы', 'Строить и модернизировать детские сады и школы.'],
		kk: ['Балабақшалар мен мектептер', 'Балабақшалар мен мектептер салу және жаңғырту.'],
	},
	{
		slug: 'food-security',
		en: ['Strengthening food security', 'Strengthen food security as a priority.'],
		ru: [
			'Укрепление продовольственной безопасности',
			'Укреплять продовольственную безопасность в первую очередь.',
		],
		kk: ['Азық-түлік қауіпсіздігін нығайту', 'Азық-түлік қауіпсіздігін басым тәртіппен нығайту.'],
	},
	{
		slug: 'border-security',
		en: ['Secure borders', 'Equip the border service.'],
		ru: ['Надёжная граница', 'Оснастить пограничную службу.'],
		kk: ['Шекара қауіпсіздік', 'Шекара қызметін жабдықтау.'],
	},
	{
		slug: 'it-jobs',
		en: [
			'At least 150,000 jobs in IT companies',
			'Create at least 150,000 jobs in IT companies.',
			'the creation of at least 150,000 jobs in IT companies',
		],
		ru: [
			'Не менее 150 000 рабочих мест в IT-компаниях',
			'Создать не менее 150 000 рабочих мест в IT-компаниях.',
		],
		kk: [
			'IT компанияларында кемінде 150\u00a0000 жұмыс орны',
			'IT компанияларында 150\u00a0000 жұмыс орнын құру.',
		],
	},
	{
		slug: 'work-typed-without-letters',
		en: ['Public works', 'Public works in the regions.'],
		ru: ['Общественные работы', 'Общественные работы в регионах.'],
		// Written on a Russian keyboard, as texts sometimes are.
		kk: ['Коғамдык жумыс', 'Өңірлердегі коғамдык жумыс.'],
	},
	{
		slug: 'digital-gdp',
		en: ['Digital technologies at 1% of GDP', 'Bring digital technologies to 1% of GDP.'],
		ru: ['Цифровые технологии — 1% ВВП', 'Довести вклад цифровых технологий до 1% ВВП.'],
		kk: ['Цифрлық технологиялар — ЖІӨ-нің 1%-ы', 'Цифрлық технологиялардың үлесін ЖІӨ-нің 1%-ына жеткізу.'],
	},
	{
		slug: 'education',
		en: ['More investment in education', 'Invest more in the education of the young generation.'],
		ru: ['Больше инвестиций в образование', 'Больше инвестировать в образование молодого поколения.'],
		kk: ['Білімге көбірек инвестиция', 'Жас ұрпақтың біліміне көбірек инвестиция салу.'],
	},
	{
		slug: 'drinking-water',
		en: ['Solving the drinking-water shortage', 'Solve the shortage of drinking water.'],
		ru: ['Решение проблемы нехватки питьевой воды', 'Решить проблему нехватки питьевой воды.'],
		kk: ['Ауыз су тапшылығын шешу', 'Ауыз су тапшылығы мәселесін шешу.'],
	},
]

let database: TestDatabase
let prisma: PrismaClient
let platformId: string

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.appUrl)
	const politician = await prisma.politician.create({
		data: { slug: 'search-test-politician', name: 'A Politician', office: 'An office' },
	})
	const platform = await prisma.platform.create({
		data: {
			slug: 'search-test-platform',
			politicianId: politician.id,
			title: 'A platform',
			electionDate: new Date('2022-11-20'),
			termStart: new Date('2022-11-26'),
			termEnd: new Date('2029-11-26'),
			sourceUrl: 'https://example.org/platform',
			sourceTitle: 'The platform',
			sourcePublisher: 'Example',
			publishedAt: new Date('2022-11-01T00:00:00.000Z'),
		},
	})
	platformId = platform.id
	const category = await prisma.category.create({
		data: { platformId, slug: 'all', title: 'Everything' },
	})
	for (const [position, fixture] of fixtures.entries()) {
		await prisma.pledge.create({
			data: {
				platformId,
				categoryId: category.id,
				slug: fixture.slug,
				title: fixture.en[0],
				summary: fixture.en[1],
				quote: fixture.en[2] ?? fixture.en[1],
				sourceUrl: 'https://example.org/platform',
				sourceDate: new Date('2022-10-01'),
				kind: 'QUALITATIVE',
				deadline: new Date('2029-11-26'),
				position,
				translations: {
					create: [
						{ locale: 'RU', title: fixture.ru[0], summary: fixture.ru[1] },
						{ locale: 'KK', title: fixture.kk[0], summary: fixture.kk[1] },
					],
				},
			},
		})
	}
})
afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

const search = (locale: SearchLocale, query: string, input: Partial<PledgeSearchInput> = {}) =>
	searchPledges({ platformId, locale, query, sort: 'title', page: 1, pageSize: 100, ...input }, prisma)
const found = async (locale: SearchLocale, query: string) =>
	(await search(locale, query)).items.map((item) => item.slug)
const sorted = async (locale: SearchLocale, query: string) => (await found(locale, query)).sort()

describe('Kazakh word forms find their stem', () => {
	test('case and possessive endings', async () => {
		expect(await sorted('kk', 'жастарға ')).toEqual(['youth-grants', 'youth-law'])
		expect(await found('kk', 'жастардың ')).toEqual(['youth-law', 'youth-grants'])
		expect(await found('kk', 'балаларға ')).toEqual(['children-savings'])
		expect(await found('kk', 'ұлттық қорына ')).toEqual(['children-savings'])
		expect(await found('kk', 'біліміміз')).toEqual([])
		expect(await found('kk', 'білімге ')).toEqual(['education'])
	})

	test('with the consonant at the end of the stem alternating', async () => {
		// The text has "қауіпсіздігін" (к → г before the ending) and, for the border, "қауіпсіздік".
		expect(await sorted('kk', 'қауіпсіздік ')).toEqual(['border-security', 'food-security'])
		expect(await sorted('kk', 'қауіпсіздігі ')).toEqual(['border-security', 'food-security'])
		expect(await found('kk', 'тапшылық ')).toEqual(['drinking-water'])
	})

	test('keeps the plural, so children are not kindergartens', async () => {
		expect(await found('kk', 'балаларға ')).not.toContain('kindergartens')
	})
})

describe('text typed without Kazakh or Russian letters', () => {
	test('finds the same pledges', async () => {
		expect(await sorted('kk', 'жумыс ')).toEqual(['it-jobs', 'work-typed-without-letters'])
		expect(await found('kk', 'билимге ')).toEqual(['education'])
		expect(await sorted('kk', 'кауипсиздигин ')).toEqual(['border-security', 'food-security'])
		expect(await found('kk', 'ТАПШЫЛЫГЫН ')).toEqual(['drinking-water'])
		expect(await found('ru', 'надежная ')).toEqual(['border-security'])
		// And the other way: the Kazakh text written without its letters is found by the Kazakh word.
		expect(await found('kk', 'қоғамдық ')).toEqual(['work-typed-without-letters'])
	})
})

describe('a typo of one or two letters', () => {
	test('still finds the pledge, in every language', async () => {
		expect(await sorted('en', 'yuth ')).toEqual(['youth-law'])
		expect(await found('en', 'kindergartnes ')).toEqual(['kindergartens'])
		expect(await found('ru', 'безопастность ')).toEqual(['food-security'])
		expect(await found('ru', 'пытьевой ')).toEqual(['drinking-water'])
		// Two letters from "қауіпсіздік" as well.
		expect(await sorted('kk', 'қауіпсіздгін ')).toEqual(['border-security', 'food-security'])
		expect(await found('kk', 'тапщылгын ')).toEqual(['drinking-water'])
	})

	test('but not in a short word, nor three letters off, nor a real word for another', async () => {
		expect(await found('ru', 'ваза ')).toEqual([])
		expect(await found('en', 'law ')).toEqual(['youth-law'])
		expect(await found('en', 'lax ')).toEqual([])
		expect(await found('ru', 'бизапастнасть ')).toEqual([])
		// "вода" is a word: it is not taken for "воды"'s neighbours.
		expect(await found('ru', 'года ')).toEqual([])
	})
})

describe('synonyms and abbreviations', () => {
	test('find what the other names name', async () => {
		expect(await found('ru', 'ИТ ')).toEqual(['it-jobs'])
		expect(await found('kk', 'АТ компаниялары')).toEqual(['it-jobs'])
		expect(await found('ru', 'нацфонд ')).toEqual(['children-savings'])
		expect(await found('kk', 'национальный фонд ')).toEqual(['children-savings'])
		expect(await found('en', 'ВВП ')).toEqual(['digital-gdp'])
		expect(await found('ru', 'ЖІӨ ')).toEqual(['digital-gdp'])
		expect(await found('kk', 'GDP ')).toEqual(['digital-gdp'])
		expect(await found('kk', 'молодёжь ')).toEqual(['youth-law', 'youth-grants'])
		expect(await found('ru', 'молодежь ')).toEqual(['youth-law'])
		expect(await found('en', 'детсад ')).toEqual(['kindergartens'])
	})
})

describe('numbers written with or without separators', () => {
	test('find the same number', async () => {
		for (const locale of ['en', 'ru', 'kk'] as const) {
			for (const written of ['150000', '150 000', '150,000', '150\u00a0000']) {
				expect(await found(locale, `${written} `), `${locale}: ${written}`).toEqual(['it-jobs'])
			}
			expect(await found(locale, '15000 ')).toEqual([])
			expect(await found(locale, '1500000 ')).toEqual([])
		}
	})
})

describe('ranking', () => {
	test('an exact word before a stem, a stem before a folded word', async () => {
		// youth-law has "Жастар" itself; youth-grants only "Жастарға" (and "Жас").
		expect(await found('kk', 'жастар ')).toEqual(['youth-law', 'youth-grants'])
		// border-security has the word as typed; food-security a form of it.
		expect(await found('kk', 'қауіпсіздік ')).toEqual(['border-security', 'food-security'])
		// it-jobs has "жұмыс" as written (the stem of "жұмысқа"); the other only "жумыс" (folded).
		expect(await found('kk', 'жұмысқа ')).toEqual(['it-jobs', 'work-typed-without-letters'])
	})

	test('the level decides before the chosen order', async () => {
		const byDeadline = await search('kk', 'қауіпсіздік ', { sort: 'deadline' })
		expect(byDeadline.items.map((item) => item.slug)).toEqual(['border-security', 'food-security'])
	})
})

describe('misses stay misses', () => {
	test('an unrelated word finds nothing, in any language', async () => {
		for (const locale of ['en', 'ru', 'kk'] as const) {
			for (const word of ['football', 'футбол', 'банан', 'xylophone', 'мысық']) {
				expect(await found(locale, `${word} `), `${locale}: ${word}`).toEqual([])
			}
		}
	})

	test('every word of the query must match', async () => {
		expect(await found('kk', 'жастар футбол ')).toEqual([])
		expect(await found('ru', 'молодежь вода ')).toEqual([])
	})
})
