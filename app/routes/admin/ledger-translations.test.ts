import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { getPledgePage } from '~/models/pledge.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { createEvidence, pledgeIdOf } from '~/test/ledger-fixtures'
import * as statusPage from './pledges.$pledgeId.status'
import * as translationsPage from './pledges.$pledgeId.status.$entryId.translations'

// Translations of a ledger entry (issue 10): written with the entry through the status form's preview and
// publish, or added and fixed later on the entry's own page, audited; the entry itself never changes.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let adminCookie: string
let checkerId: string
let courts: string

const today = new Date('2026-11-30T12:00:00Z')
const english = 'The law on the selection of judges was signed.'
const russian = 'Закон об отборе судей подписан президентом.'
const kazakh = 'Судьяларды іріктеу туралы заңға қол қойылды.'

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const admin = await createTestAccount({ role: 'ADMIN', displayName: 'Ada Admin' })
	adminCookie = await sessionCookieFor(admin.id)
	checkerId = (await createTestAccount({ role: 'FACT_CHECKER' })).id
	courts = await pledgeIdOf(prisma, 'independent-courts')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

function post(path: string, fields: Record<string, string>) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { Cookie: adminCookie },
		body: new URLSearchParams(fields),
	})
}

async function counts() {
	return {
		ledger: await prisma.statusUpdate.count(),
		translations: await prisma.statusUpdateTranslation.count(),
		audit: await prisma.auditEntry.count(),
	}
}

async function recordWithRussian(fields: Record<string, string>) {
	return outcomeOf(() =>
		statusPage.action({
			request: post(`/admin/pledges/${courts}/status`, fields),
			params: { pledgeId: courts },
			context: testContext,
		}),
	)
}

describe('translations of a ledger entry', () => {
	let entryId = ''

	test('a too-short Russian rationale is a 400 at its field, nothing written', async () => {
		const evidence = await createEvidence(prisma, {
			pledgeId: courts,
			userId: checkerId,
			title: 'Judges law signed',
			publishedOn: '2026-10-01',
		})
		const before = await counts()
		const outcome = await recordWithRussian({
			intent: 'record',
			step: 'publish',
			status: 'IN_PROGRESS',
			effectiveDate: '2026-10-02',
			rationale: english,
			ruRationale: 'Подписан.',
			'evidenceIds[0]': evidence.id,
		})
		expect(outcome.status).toBe(400)
		expect(JSON.stringify(outcome.body)).toContain('Write at least a short sentence')
		expect(await counts()).toEqual(before)
	})

	test('published with a Russian rationale: the ru page shows it, the kk page the marked English', async () => {
		const evidence = await prisma.evidence.findFirstOrThrow({
			where: { pledgeId: courts, title: 'Judges law signed' },
			select: { id: true },
		})
		const fields = {
			intent: 'record',
			status: 'IN_PROGRESS',
			effectiveDate: '2026-10-02',
			rationale: english,
			ruRationale: russian,
			'evidenceIds[0]': evidence.id,
		}
		const preview = await recordWithRussian({ ...fields, step: 'preview' })
		expect(preview.status).toBe(200)
		// The preview carries the translation into its publish form.
		expect(JSON.stringify(preview.body)).toContain(russian)
		const published = await recordWithRussian({ ...fields, step: 'publish' })
		expect(published.status).toBe(302)
		const entry = await prisma.statusUpdate.findFirstOrThrow({
			where: { pledgeId: courts },
			select: { id: true, translations: { select: { locale: true, rationale: true } } },
		})
		entryId = entry.id
		expect(entry.translations).toEqual([{ locale: 'RU', rationale: russian }])
		const audit = await prisma.auditEntry.findFirstOrThrow({
			where: { entityId: entry.id, action: 'status_update.create' },
			select: { after: true },
		})
		expect(audit.after).toMatchObject({ translations: { RU: { rationale: russian } } })

		const page = (locale: 'ru' | 'kk') =>
			getPledgePage({
				platformSlug: 'fair-kazakhstan-2022',
				pledgeSlug: 'independent-courts',
				locale,
				evidencePage: 1,
				today,
			})
		const ru = await page('ru')
		expect(ru?.timeline[0]).toMatchObject({ rationale: russian, textIsTranslated: true })
		expect(ru?.pledge).toMatchObject({ rationale: russian, rationaleIsTranslated: true })
		const kk = await page('kk')
		expect(kk?.timeline[0]).toMatchObject({ rationale: english, textIsTranslated: false })
	})

	test('a Kazakh translation added later is audited; the entry itself is untouched', async () => {
		const entryBefore = await prisma.statusUpdate.findUniqueOrThrow({ where: { id: entryId } })
		const path = `/admin/pledges/${courts}/status/${entryId}/translations`
		const saved = await outcomeOf(() =>
			translationsPage.action({
				request: post(path, { ruRationale: russian, kkRationale: kazakh }),
				params: { pledgeId: courts, entryId },
				context: testContext,
			}),
		)
		expect(saved.status).toBe(302)
		expect(saved.location).toBe(`${path}?saved=yes`)
		expect(await prisma.statusUpdate.findUniqueOrThrow({ where: { id: entryId } })).toEqual(entryBefore)
		const audit = await prisma.auditEntry.findFirstOrThrow({
			where: { entityId: entryId, action: 'status_update.translate' },
			select: { before: true, after: true },
		})
		expect(audit.before).toEqual({ pledgeId: courts, translations: { RU: { rationale: russian } } })
		expect(audit.after).toEqual({
			pledgeId: courts,
			translations: { KK: { rationale: kazakh }, RU: { rationale: russian } },
		})
		const kk = await getPledgePage({
			platformSlug: 'fair-kazakhstan-2022',
			pledgeSlug: 'independent-courts',
			locale: 'kk',
			evidencePage: 1,
			today,
		})
		expect(kk?.timeline[0]).toMatchObject({ rationale: kazakh, textIsTranslated: true })
	})

	test('a bad translation on the later page is a 400, nothing written; a reason sent for a non-correction is ignored', async () => {
		const before = await counts()
		const outcome = await outcomeOf(() =>
			translationsPage.action({
				request: post(`/admin/pledges/${courts}/status/${entryId}/translations`, { kkRationale: 'Қысқа.' }),
				params: { pledgeId: courts, entryId },
				context: testContext,
			}),
		)
		expect(outcome.status).toBe(400)
		expect(await counts()).toEqual(before)
		const crafted = await outcomeOf(() =>
			translationsPage.action({
				request: post(`/admin/pledges/${courts}/status/${entryId}/translations`, {
					ruRationale: russian,
					kkRationale: kazakh,
					kkCorrectionReason: 'Бұл жазба түзету емес, бірақ себеп жазылды.',
				}),
				params: { pledgeId: courts, entryId },
				context: testContext,
			}),
		)
		// The field is not the form's for this entry: it is ignored, and the unchanged translation writes nothing.
		expect(crafted.location).toContain('saved=unchanged')
		expect(await counts()).toEqual(before)
		expect(await prisma.statusUpdateTranslation.count({ where: { correctionReason: { not: null } } })).toBe(0)
	})

	test('the database refuses a reason on a translation of an entry that is not a correction, and a short text', async () => {
		await expect(
			prisma.statusUpdateTranslation.update({
				where: { statusUpdateId_locale: { statusUpdateId: entryId, locale: 'KK' } },
				data: { correctionReason: 'Бұл жазба түзету емес, бірақ себеп жазылды.' },
			}),
		).rejects.toThrow(/correction reason exactly when the entry is a correction/)
		await expect(
			prisma.statusUpdateTranslation.update({
				where: { statusUpdateId_locale: { statusUpdateId: entryId, locale: 'KK' } },
				data: { rationale: 'Қысқа.' },
			}),
		).rejects.toThrow(/StatusUpdateTranslation_rationale_is_a_sentence/)
	})

	test('an excerpt stays verbatim on the ru page, its translation beside it; the title falls back in kk', async () => {
		await createEvidence(prisma, {
			pledgeId: courts,
			userId: checkerId,
			title: 'Decree on court reform',
			excerpt: 'The Supreme Judicial Council shall select candidates.',
			publishedOn: '2026-10-05',
		}).then(({ id }) =>
			prisma.evidenceTranslation.create({
				data: {
					evidenceId: id,
					locale: 'RU',
					title: 'Указ о судебной реформе',
					excerpt: 'Высший судебный совет отбирает кандидатов.',
				},
			}),
		)
		const page = (locale: 'ru' | 'kk') =>
			getPledgePage({
				platformSlug: 'fair-kazakhstan-2022',
				pledgeSlug: 'independent-courts',
				locale,
				evidencePage: 1,
				today,
			})
		const ru = (await page('ru'))?.evidence.items.find((item) => item.title === 'Указ о судебной реформе')
		expect(ru).toMatchObject({
			excerpt: 'The Supreme Judicial Council shall select candidates.',
			excerptTranslation: 'Высший судебный совет отбирает кандидатов.',
			titleIsTranslated: true,
		})
		const kk = (await page('kk'))?.evidence.items.find((item) => item.title === 'Decree on court reform')
		expect(kk).toMatchObject({ titleIsTranslated: false, excerptTranslation: null })
	})
})
