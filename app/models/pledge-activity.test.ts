import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { pledgeEditSchema } from '~/forms/pledge'
import { formFieldsOf, storedPledge, withChanges } from '~/test/catalogue'
import { createPrismaClient } from '~/db/prisma.server'
import { createTestDatabase, useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { acceptedForm } from '~/test/forms'
import { createEvidence, createFactChecker, pledgeIdOf } from '~/test/ledger-fixtures'
import { loadDemoData } from '../../scripts/lib/demo-data'
import { reviewEvidence } from './evidence.server'
import { getPledgePage, updatePledge } from './pledge.server'
import { searchPledges } from './pledge-search.server'
import type { Actor } from './save.server'
import { recordStatusUpdate } from './status-update.server'

// "Updated" on the public pages is Pledge.activityAt: a status, approved evidence or a measurement, never a
// catalogue edit or the seeding day (database triggers, migration 20261201120400_pledge_activity). These
// tests write through the app's own models, connected as the app's database role.

let database: TestDatabase
let prisma: PrismaClient
let admin: Actor
let factCheckerId: string
const platformSlug = 'fair-kazakhstan-2022'

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const adminUser = await prisma.user.create({
		data: { email: 'activity-admin@example.org', displayName: 'Admin', role: 'ADMIN' },
	})
	admin = { id: adminUser.id, role: 'ADMIN', ipAddress: null }
	factCheckerId = (await createFactChecker(prisma, 'activity-checker@example.org')).id
})
afterAll(async () => {
	await database?.drop()
})

const activityOf = async (slug: string) =>
	(await prisma.pledge.findUniqueOrThrow({ where: { id: await pledgeIdOf(prisma, slug) } })).activityAt

const pledgePage = (pledgeSlug: string) =>
	getPledgePage({ platformSlug, pledgeSlug, locale: 'en', evidencePage: 1, today: new Date('2026-12-01') })

// A fixed day: the catalogue's date rules take today as a parameter, and no test reads the clock.
const today = new Date('2026-12-01T12:00:00Z')

describe('a pledge’s "updated" date', () => {
	test('a seeded pledge has none: nothing has happened to it yet, and the seeding day is not news', async () => {
		const pledges = await prisma.pledge.findMany({ select: { activityAt: true } })
		expect(pledges).toHaveLength(21)
		expect(pledges.every((pledge) => pledge.activityAt === null)).toBe(true)
		expect((await pledgePage('food-security'))?.pledge.activityAt).toBeNull()
	})

	test('a catalogue text edit does not move it', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'food-security')
		const stored = await storedPledge(pledgeId)
		const input = acceptedForm(
			pledgeEditSchema('QUALITATIVE', today),
			Object.fromEntries(
				withChanges(formFieldsOf(stored), { title: 'Strengthening food security, reworded' }),
			),
		)
		expect((await updatePledge(pledgeId, input, admin, today)).status).toBe('saved')
		expect((await prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).title).toBe(
			'Strengthening food security, reworded',
		)
		expect(await activityOf('food-security')).toBeNull()
	})

	test('approving evidence moves it to the review; a rejection does not', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'drinking-water')
		const submit = (title: string) =>
			createEvidence(prisma, {
				pledgeId,
				userId: factCheckerId,
				title,
				publishedOn: '2024-03-01',
				reviewState: 'PENDING',
			})
		const rejected = await submit('An unreliable claim')
		const rejection = await reviewEvidence({
			actor: admin,
			evidenceId: rejected.id,
			decision: { decision: 'reject', note: 'Not a primary source.', version: 1 },
			now: new Date('2024-03-04T09:00:00.000Z'),
		})
		expect(rejection.status).toBe('saved')
		expect(await activityOf('drinking-water')).toBeNull()

		const approved = await submit('A water programme adopted')
		const approval = await reviewEvidence({
			actor: admin,
			evidenceId: approved.id,
			decision: { decision: 'approve', note: null, version: 1 },
			now: new Date('2024-03-05T09:00:00.000Z'),
		})
		expect(approval.status).toBe('saved')
		expect(await activityOf('drinking-water')).toEqual(new Date('2024-03-05T09:00:00.000Z'))
		expect((await pledgePage('drinking-water'))?.pledge.activityAt).toBe('2024-03-05T09:00:00.000Z')
	})

	test('a status moves it to the moment the entry was recorded, and the list puts the pledge first', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'reliable-energy')
		const evidence = await createEvidence(prisma, {
			pledgeId,
			userId: factCheckerId,
			title: 'A power plant opened',
			publishedOn: '2024-05-01',
			reviewedAt: '2024-05-02T08:00:00.000Z',
		})
		expect(await activityOf('reliable-energy')).toEqual(new Date('2024-05-02T08:00:00.000Z'))
		const result = await recordStatusUpdate({
			actor: admin,
			pledgeId,
			input: {
				status: 'IN_PROGRESS',
				effectiveDate: new Date('2024-05-01'),
				rationale: 'A new power plant opened, the first of the programme.',
				evidenceIds: [evidence.id],
				ledgerHeadId: null,
			},
			now: new Date('2024-05-03T10:00:00.000Z'),
		})
		expect(result.status).toBe('saved')
		const entry = await prisma.statusUpdate.findFirstOrThrow({ where: { pledgeId } })
		expect(await activityOf('reliable-energy')).toEqual(entry.createdAt)

		const platform = await prisma.platform.findUniqueOrThrow({ where: { slug: platformSlug } })
		const list = await searchPledges({
			platformId: platform.id,
			locale: 'en',
			sort: 'updated',
			page: 1,
			pageSize: 100,
		})
		expect(list.items[0]?.slug).toBe('reliable-energy')
		// Pledges nothing has happened to come after every one that has.
		const firstUnchanged = list.items.findIndex((item) => item.activityAt === null)
		expect(list.items.slice(firstUnchanged).every((item) => item.activityAt === null)).toBe(true)
		expect(
			list.items
				.slice(0, firstUnchanged)
				.map((item) => item.slug)
				.sort(),
		).toEqual(['drinking-water', 'reliable-energy'])
	})

	test('a measurement recorded on approval moves it to when the figure was recorded', async () => {
		const pledgeId = await pledgeIdOf(prisma, 'it-jobs')
		const figure = await prisma.evidence.create({
			data: {
				pledgeId,
				type: 'OFFICIAL_STATISTIC',
				sourceUrl: 'https://example.org/it-jobs-2024',
				title: 'IT employment, 2024',
				publisher: 'Bureau of National Statistics',
				publishedOn: new Date('2024-08-01'),
				excerpt: 'Employment in IT companies reached 80,000.',
				measuredValue: 80_000,
				measuredAsOf: new Date('2024-06-30'),
				submittedById: factCheckerId,
			},
		})
		const approval = await reviewEvidence({
			actor: admin,
			evidenceId: figure.id,
			decision: { decision: 'approve', note: null, version: 1 },
			now: new Date('2024-08-02T09:00:00.000Z'),
		})
		expect(approval.status).toBe('saved')
		const measurement = await prisma.measurement.findUniqueOrThrow({ where: { evidenceId: figure.id } })
		const activity = await activityOf('it-jobs')
		expect(activity).toEqual(
			new Date(Math.max(measurement.createdAt.getTime(), Date.parse('2024-08-02T09:00:00.000Z'))),
		)
	})
})

describe('the demo data', () => {
	test('carries its own story’s dates, not the day it was loaded', async () => {
		const demoDatabase = await createTestDatabase()
		const demo = createPrismaClient(demoDatabase.url)
		try {
			await seed(demo)
			await loadDemoData(demo)
			const pledges = await demo.pledge.findMany({
				where: { platform: { slug: platformSlug } },
				select: { slug: true, activityAt: true },
			})
			const activity = new Map(
				pledges.map((pledge) => [pledge.slug, pledge.activityAt?.toISOString() ?? null]),
			)
			// The last status two days after it took effect; the last figure a month after its date.
			expect(activity.get('efficient-state-apparatus')).toBe('2025-10-03T00:00:00.000Z')
			expect(activity.get('it-jobs')).toBe('2026-07-30T00:00:00.000Z')
			expect(activity.get('food-security')).toBeNull()
			// Nothing dated after the latest demo date, whatever day it is loaded.
			expect(
				pledges.every((pledge) => pledge.activityAt === null || pledge.activityAt <= new Date('2026-07-30')),
			).toBe(true)
			// Every status entry has its rationale in Russian and Kazakh; the correction its reason too.
			const entries = await demo.statusUpdate.findMany({
				select: { correctsId: true, translations: { select: { locale: true, correctionReason: true } } },
			})
			expect(entries.length).toBeGreaterThan(0)
			for (const entry of entries) {
				expect(entry.translations.map((row) => row.locale).sort()).toEqual(['KK', 'RU'])
				for (const row of entry.translations) {
					expect(row.correctionReason !== null).toBe(entry.correctsId !== null)
				}
			}
		} finally {
			await demo.$disconnect()
			await demoDatabase.drop()
		}
	})
})
