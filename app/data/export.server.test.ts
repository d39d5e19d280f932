import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadDemoData } from '../../scripts/lib/demo-data'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { createEvidence, pledgeIdOf } from '~/test/ledger-fixtures'
import { exportDocument, ExportRefused, serializeExport } from './export.server'

let database: TestDatabase
let prisma: PrismaClient

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
	await seed(prisma)
	await loadDemoData(prisma)
	// What the public site never shows: a pending item, and a draft platform with a pledge of its own.
	const checker = await prisma.user.findUniqueOrThrow({ where: { email: 'demo-fact-checker@uade.invalid' } })
	await createEvidence(prisma, {
		pledgeId: await pledgeIdOf(prisma, 'drinking-water'),
		userId: checker.id,
		title: 'A report still waiting for review',
		publishedOn: '2026-06-01',
		sourceUrl: 'https://example.org/pending-report',
		reviewState: 'PENDING',
	})
	const politician = await prisma.politician.findFirstOrThrow({ select: { id: true } })
	await prisma.platform.create({
		data: {
			slug: 'a-draft-platform',
			politicianId: politician.id,
			title: 'A draft platform',
			electionDate: new Date('2029-11-20'),
			termStart: new Date('2029-11-26'),
			termEnd: new Date('2036-11-26'),
			sourceUrl: 'https://example.org/draft-platform',
			sourceTitle: 'The draft platform',
			sourcePublisher: 'Example Publisher',
		},
	})
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

describe('the export', () => {
	test('public: only what the public site shows, and no staff email address', async () => {
		const document = await exportDocument(prisma, { audience: 'public' })
		expect(document.platforms.map((platform) => platform.slug)).toEqual(['fair-kazakhstan-2022'])
		expect(document.pledges).toHaveLength(21)
		expect(document.evidence.map((item) => item.review.state)).not.toContain('PENDING')
		expect(document.evidence.map((item) => item.sourceUrl)).not.toContain(
			'https://example.org/pending-report',
		)
		const text = serializeExport(document)
		expect(text).not.toContain('@uade.invalid')
		expect(text).not.toContain('"submittedBy"')
		expect(text).not.toContain('"author"')
		// The ledger with its correction, and the figures with their dates.
		const energy = document.statusUpdates.filter((entry) => entry.pledge === 'reliable-energy')
		expect(energy.map(({ status, corrects }) => ({ status, corrects }))).toEqual([
			{ status: 'BROKEN', corrects: null },
			{ status: 'IN_PROGRESS', corrects: { effectiveDate: '2024-11-01', status: 'BROKEN' } },
		])
		expect(
			document.evidence
				.filter((item) => item.pledge === 'national-fund-for-children' && item.measurement)
				.map((item) => item.measurement),
		).toEqual([
			{ value: 95, asOf: '2024-01-31' },
			{ value: 120, asOf: '2025-01-31' },
			{ value: 128, asOf: '2026-01-31' },
		])
	})

	test('full: drafts and every review state, with the accounts by email', async () => {
		const document = await exportDocument(prisma, { audience: 'full' })
		expect(document.platforms.map(({ slug, published }) => ({ slug, published }))).toEqual([
			{ slug: 'a-draft-platform', published: false },
			{ slug: 'fair-kazakhstan-2022', published: true },
		])
		const pending = document.evidence.find((item) => item.sourceUrl === 'https://example.org/pending-report')
		expect(pending).toMatchObject({
			pledge: 'drinking-water',
			submittedBy: 'demo-fact-checker@uade.invalid',
			review: { state: 'PENDING', by: null, note: null },
		})
		expect(document.statusUpdates.every((entry) => entry.author === 'demo-editor@uade.invalid')).toBe(true)
	})

	test('is the same bytes every time', async () => {
		for (const audience of ['public', 'full'] as const) {
			const first = serializeExport(await exportDocument(prisma, { audience }))
			const second = serializeExport(await exportDocument(prisma, { audience }))
			expect(second).toBe(first)
		}
	})

	test('one platform, or a clear refusal of one that is not there', async () => {
		const one = await exportDocument(prisma, { audience: 'full', platform: 'a-draft-platform' })
		expect(one.platforms.map((platform) => platform.slug)).toEqual(['a-draft-platform'])
		expect(one.pledges).toEqual([])
		await expect(
			exportDocument(prisma, { audience: 'public', platform: 'a-draft-platform' }),
		).rejects.toThrow(
			new ExportRefused(
				'There is no published platform "a-draft-platform" (a public export holds only what the public site shows).',
			),
		)
		await expect(exportDocument(prisma, { audience: 'full', platform: 'nowhere' })).rejects.toThrow(
			new ExportRefused('There is no platform "nowhere".'),
		)
	})
})
