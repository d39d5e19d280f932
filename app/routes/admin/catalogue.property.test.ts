import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { formFieldsOf, stepIntent, storedPledge } from '~/test/catalogue'
import { useTestDatabaseForApp } from '~/test/db'
import { pledgeIdOf } from '~/test/ledger-fixtures'
import * as editPage from './catalogue.pledges.$pledgeId'
import * as newPage from './catalogue.pledges.new'

// Random field values thrown at the catalogue's pledge forms: every answer is a redirect (saved), a 400
// (refused, with messages) or a 409 (stale), never an error, and a refusal changes nothing. The values
// come from a fixed seed, so that every run tries the same ones.

const seeded = { seed: 20261201 }

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let adminCookie: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const admin = await createTestAccount({ role: 'ADMIN' })
	adminCookie = await sessionCookieFor(admin.id)
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

const pledgeFields = [
	'version',
	'platformId',
	'slug',
	'kind',
	'categoryId',
	'title',
	'summary',
	'quote',
	'sourceUrl',
	'sourceDate',
	'deadline',
	'ruTitle',
	'ruSummary',
	'kkTitle',
	'kkSummary',
	'indicatorName',
	'indicatorUnit',
	'baselineValue',
	'baselineDate',
	'targetValue',
	'targetDate',
	'direction',
	'steps',
	'steps[0]',
	'steps[0].title',
	'steps[0].doneOn',
	'steps[1].title',
	'steps[1].doneOn',
	'steps[29].title',
	'steps[30].title',
	'steps[100].doneOn',
	'steps[101].title',
	'__intent__',
] as const

/** Values a form field might hold: plausible, hostile, and anything at all. */
const fieldValue = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom(
		'',
		' ',
		'\u0000',
		'2029-11-30',
		'2029-02-30',
		'0000-01-01',
		'9999-12-31',
		'150000',
		'150,000',
		'-1',
		'1e9',
		'12345678901234567.5',
		'0.00001',
		'NaN',
		'INCREASE',
		'DECREASE',
		'QUANTITATIVE',
		'MILESTONE',
		'QUALITATIVE',
		'https://example.org/a',
		'javascript:alert(1)',
		'it-jobs',
		'new-pledge',
		'Water Law',
		'\'; DROP TABLE "Pledge"; --',
		'x'.repeat(6000),
		stepIntent.insert,
		stepIntent.remove(0),
		stepIntent.remove(5),
		'{"type":"insert","payload":{}}',
		'{}',
	),
	fc.integer().map(String),
)

/** Some fields replaced, some left out, some repeated. */
const changes = fc.array(
	fc.record({
		name: fc.constantFrom(...pledgeFields),
		values: fc.array(fieldValue, { minLength: 0, maxLength: 3 }),
	}),
	{ minLength: 1, maxLength: 8 },
)

function applyChanges(base: Array<[string, string]>, edits: Array<{ name: string; values: string[] }>) {
	const names = new Set(edits.map((edit) => edit.name))
	const kept = base.filter(([name]) => !names.has(name))
	return [
		...kept,
		...edits.flatMap((edit) => edit.values.map((value): [string, string] => [edit.name, value])),
	]
}

function post(path: string, fields: Array<[string, string]>) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { Cookie: adminCookie },
		body: new URLSearchParams(fields),
	})
}

describe('random values in the pledge forms', () => {
	test.each(['it-jobs', 'youth-policy-law', 'independent-courts'])(
		'editing %s: 302, 400 or 409 only; nothing changes on a refusal',
		async (slug) => {
			const pledgeId = await pledgeIdOf(prisma, slug)
			await fc.assert(
				fc.asyncProperty(changes, async (edits) => {
					const before = await storedPledge(pledgeId)
					const audits = await prisma.auditEntry.count()
					const outcome = await outcomeOf(() =>
						editPage.action({
							request: post(
								`/admin/catalogue/pledges/${pledgeId}`,
								applyChanges(formFieldsOf(before), edits),
							),
							params: { pledgeId },
							context: testContext,
						}),
					)
					// 200: a list button's intent, answered with the form again.
					expect([200, 302, 400, 409]).toContain(outcome.status)
					if (outcome.status !== 302) {
						expect(await storedPledge(pledgeId)).toEqual(before)
						expect(await prisma.auditEntry.count()).toBe(audits)
					} else {
						const after = await storedPledge(pledgeId)
						expect(after.version).toBe(String(Number(before.version) + 1))
						expect(await prisma.auditEntry.count()).toBe(audits + 1)
					}
				}),
				{ numRuns: 60, ...seeded },
			)
		},
		60_000,
	)

	test('creating: 302 or 400 only; nothing is created on a refusal', async () => {
		const platform = await prisma.platform.findUniqueOrThrow({ where: { slug: 'fair-kazakhstan-2022' } })
		const category = await prisma.category.findFirstOrThrow({ where: { platformId: platform.id } })
		const valid: Array<[string, string]> = [
			['platformId', platform.id],
			['slug', 'generated'],
			['kind', 'QUALITATIVE'],
			['categoryId', category.id],
			['title', 'A pledge'],
			['summary', 'What it says.'],
			['quote', 'Its words.'],
			['sourceUrl', 'https://example.org'],
			['sourceDate', '2022-10-01'],
			['deadline', '2029-11-30'],
		]
		let run = 0
		await fc.assert(
			fc.asyncProperty(changes, async (edits) => {
				run += 1
				const fields = applyChanges(
					valid.map(([name, value]): [string, string] => [
						name,
						name === 'slug' ? `generated-${run}` : value,
					]),
					edits,
				)
				const pledges = await prisma.pledge.count()
				const audits = await prisma.auditEntry.count()
				const outcome = await outcomeOf(() =>
					newPage.action({
						request: post('/admin/catalogue/pledges/new', fields),
						params: {},
						context: testContext,
					}),
				)
				expect([200, 302, 400]).toContain(outcome.status)
				const created = outcome.status === 302 ? 1 : 0
				expect(await prisma.pledge.count()).toBe(pledges + created)
				expect(await prisma.auditEntry.count()).toBe(audits + created)
			}),
			{ numRuns: 100, ...seeded },
		)
	}, 60_000)
})
