import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { publicationDateLabel } from '~/components/labels'
import { seed } from '~/db/tooling/seed.server'
import { measuredAsOfProblem, readPublicationDate } from '~/forms/evidence-dates'
import { reviewSchema } from '~/forms/review'
import { createI18n } from '~/i18n/translator'
import { en } from '~/i18n/messages/en'
import { kk } from '~/i18n/messages/kk'
import { ru } from '~/i18n/messages/ru'
import type { Messages } from '~/i18n/translator'
import { reviewEvidence } from '~/models/evidence.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { acceptedForm } from '~/test/forms'
import { createEvidence, pledgeIdOf } from '~/test/ledger-fixtures'
import { replyOf } from '~/test/reply'
import * as minePage from './mine'
import * as newEvidencePage from './new'

// Item 6 of issue 9 (publication dates as precise as the source) and the as-of rules of a figure.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let checkerCookie: string
let itJobs: string
let sequence = 0

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const checker = await createTestAccount({ role: 'FACT_CHECKER' })
	checkerCookie = await sessionCookieFor(checker.id)
	itJobs = await pledgeIdOf(prisma, 'it-jobs')
	await prisma.indicator.update({
		where: { pledgeId: itJobs },
		data: { baselineDate: new Date('2023-01-01T00:00:00Z') },
	})
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

function fieldsWith(fields: Record<string, string>): Record<string, string> {
	sequence += 1
	return {
		type: 'OFFICIAL_STATISTIC',
		sourceUrl: `https://stat.gov.kz/en/news/dates-${sequence}`,
		title: `Release ${sequence}`,
		publisher: 'Bureau of National Statistics',
		excerpt: `Release ${sequence}: employment in IT reached 118 400.`,
		publishedPrecision: 'DAY',
		publishedOn: '',
		publishedMonth: '',
		publishedYear: '',
		publishedNote: '',
		...fields,
	}
}

function submit(fields: Record<string, string>) {
	const url = `http://localhost/evidence/new?${new URLSearchParams({ pledge: itJobs })}`
	return outcomeOf(() =>
		newEvidencePage.action({
			request: new Request(url, {
				method: 'POST',
				headers: { Cookie: checkerCookie },
				body: new URLSearchParams(fields),
			}),
			params: {},
			context: testContext,
		}),
	)
}

async function mySubmissions() {
	const { submissions } = await minePage.loader({
		request: new Request('http://localhost/evidence/mine', { headers: { Cookie: checkerCookie } }),
		params: {},
		context: testContext,
	})
	return submissions.items
}

async function counts() {
	const [evidence, audit] = await Promise.all([prisma.evidence.count(), prisma.auditEntry.count()])
	return { evidence, audit }
}

describe('the publication date of evidence, as precise as its source', () => {
	test.each([
		['DAY', { publishedOn: '2024-03-31' }, '2024-03-31', null, '2024-03-31'],
		['MONTH', { publishedMonth: '2024-03' }, '2024-03-01', null, 'March 2024'],
		['YEAR', { publishedYear: '2024' }, '2024-01-01', null, '2024'],
		[
			'NONE',
			{ publishedNote: 'No date on the page nor in its metadata; the archive’s first copy is of May 2024.' },
			null,
			'No date on the page nor in its metadata; the archive’s first copy is of May 2024.',
			'date not printed',
		],
	] as const)(
		'%s is saved as the start of its period, and shown so',
		async (precision, fields, on, note, shown) => {
			const title = `Dated ${precision}`
			const outcome = await submit(fieldsWith({ title, publishedPrecision: precision, ...fields }))
			expect(outcome.status).toBe(302)
			const row = await prisma.evidence.findFirstOrThrow({ where: { title } })
			expect(row.publishedPrecision).toBe(precision)
			expect(row.publishedOn).toEqual(on === null ? null : new Date(`${on}T00:00:00Z`))
			expect(row.publishedNote).toBe(note)
			const items = await mySubmissions()
			const item = items.find((candidate) => candidate.title === title)
			expect(item && publicationDateLabel(item.published)).toBe(shown)
		},
	)

	test('"not printed" needs its note; a month or year in the future, or one not written as such, is refused', async () => {
		const before = await counts()
		const cases: Array<[Record<string, string>, string, string]> = [
			[
				{ publishedPrecision: 'NONE' },
				'publishedNote',
				'Say where you looked for the date, or why the source has none.',
			],
			[
				{ publishedPrecision: 'MONTH', publishedMonth: '2199-12' },
				'publishedMonth',
				'The publication month cannot be in the future.',
			],
			[
				{ publishedPrecision: 'YEAR', publishedYear: '2199' },
				'publishedYear',
				'The publication year cannot be in the future.',
			],
			[
				{ publishedPrecision: 'MONTH', publishedMonth: '2024-13' },
				'publishedMonth',
				'Enter a month as YYYY-MM, for example 2024-03.',
			],
			[
				{ publishedPrecision: 'MONTH', publishedOn: '2024-03-31' },
				'publishedMonth',
				'Enter the month it was published.',
			],
		]
		for (const [fields, field, message] of cases) {
			const outcome = await submit(fieldsWith(fields))
			expect(outcome.status).toBe(400)
			const reply = replyOf(outcome.body)
			expect(reply.fieldErrors).toEqual({ [field]: [message] })
			// The values come back as sent.
			expect(reply.values).toMatchObject(fields)
		}
		expect(await counts()).toEqual(before)
	})

	test('a month is refused only once it has not begun anywhere on Earth', () => {
		const today = new Date('2026-12-01T00:00:00Z')
		expect(readPublicationDate({ publishedPrecision: 'MONTH', publishedMonth: '2026-12' }, today)).toEqual({
			on: new Date('2026-12-01T00:00:00Z'),
			note: null,
		})
		expect(
			readPublicationDate({ publishedPrecision: 'MONTH', publishedMonth: '2027-01' }, today),
		).toMatchObject({
			field: 'publishedMonth',
		})
		expect(readPublicationDate({ publishedPrecision: 'YEAR', publishedYear: '2026' }, today)).toMatchObject({
			on: new Date('2026-01-01T00:00:00Z'),
		})
	})

	test('the public page says it in each language', () => {
		const text = (messages: Messages, locale: 'en' | 'ru' | 'kk') => {
			const { t, format } = createI18n(locale, messages)
			return [
				t('pledge.evidence.publishedMonth', { date: format.longMonthYear('2024-03-01') }),
				t('pledge.evidence.publishedYear', { year: '2024' }),
				t('pledge.evidence.dateNotPrinted'),
			]
		}
		// No-break spaces keep a number with the word beside it (app/i18n/typography.ts).
		expect(text(en, 'en')).toEqual([
			'Published March 2024',
			'Published in 2024',
			'Publication date not printed',
		])
		expect(text(ru, 'ru')).toEqual([
			'Опубликовано: март 2024\u00a0г.',
			'Опубликовано в 2024\u00a0г.',
			'Дата публикации не указана',
		])
		expect(text(kk, 'kk')).toEqual([
			'Жарияланды: 2024\u00a0жылғы наурыз',
			'Жарияланды: 2024\u00a0ж.',
			'Жарияланған күні көрсетілмеген',
		])
	})
})

describe('the as-of date of a figure', () => {
	test('the rules, for a given today', () => {
		const today = new Date('2026-12-01T00:00:00Z')
		const baselineDate = new Date('2023-01-01T00:00:00Z')
		expect(measuredAsOfProblem(new Date('2026-12-02T00:00:00Z'), { baselineDate, today })).toBe('future')
		expect(measuredAsOfProblem(new Date('2022-12-31T00:00:00Z'), { baselineDate, today })).toBe(
			'before-baseline',
		)
		expect(measuredAsOfProblem(baselineDate, { baselineDate, today })).toBeNull()
		expect(measuredAsOfProblem(new Date('1990-01-01T00:00:00Z'), { baselineDate: null, today })).toBeNull()
	})

	test('in the future or before the baseline: 400 at the field, nothing written', async () => {
		const before = await counts()
		const cases: Array<[string, string]> = [
			['2199-01-01', 'The date of the figure cannot be in the future.'],
			['2022-12-31', 'The date of the figure cannot be before the indicator’s baseline date.'],
		]
		for (const [measuredAsOf, message] of cases) {
			const outcome = await submit(
				fieldsWith({ publishedOn: '2024-03-31', measuredValue: '118400', measuredAsOf }),
			)
			expect(outcome.status).toBe(400)
			expect(replyOf(outcome.body).fieldErrors).toEqual({ measuredAsOf: [message] })
		}
		expect(await counts()).toEqual(before)
	})

	test('approving evidence whose figure is dated before the baseline records nothing', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		// Submitted by someone else: the four-eyes rule would refuse the admin's own evidence first.
		const checker = await createTestAccount({ role: 'FACT_CHECKER' })
		const { id } = await createEvidence(prisma, {
			pledgeId: itJobs,
			userId: checker.id,
			title: 'A figure from before the baseline',
			publishedOn: '2024-01-10',
			measuredValue: 10,
			measuredAsOf: '2022-06-30',
			reviewState: 'PENDING',
		})
		const before = { ...(await counts()), measurements: await prisma.measurement.count() }
		const result = await reviewEvidence({
			actor: { id: admin.id, role: 'ADMIN', ipAddress: null },
			evidenceId: id,
			// Version 1: the evidence as created, which is what the review page showed.
			decision: acceptedForm(reviewSchema, { decision: 'approve', version: '1' }),
			now: new Date('2026-12-01T12:00:00Z'),
		})
		expect(result).toEqual({ status: 'invalid', problems: { decision: 'measured-before-baseline' } })
		expect({ ...(await counts()), measurements: await prisma.measurement.count() }).toEqual(before)
		expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).reviewState).toBe('PENDING')
	})
})
