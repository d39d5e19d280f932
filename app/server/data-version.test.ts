import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { findFreePort } from '~/db/tooling/embedded-postgres.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { createEvidence, createFactChecker, pledgeIdOf } from '~/test/ledger-fixtures'
import {
	listenForPublicDataVersion,
	publicDataChannel,
	type PublicDataVersionSource,
} from './data-version.server'
import { readPublicDataVersion } from './http-cache.server'

// The version is pushed by the database (migration 20261202180000_public_data_notify) and kept by each
// process: these tests run a real listener against a real PostgreSQL.

let database: TestDatabase
let prisma: PrismaClient
let userId: string
let pledgeId: string
let draftPledgeId: string

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.appUrl)
	await seed(prisma)
	userId = (await createFactChecker(prisma, 'checker@example.org')).id
	pledgeId = await pledgeIdOf(prisma, 'it-jobs')
	const politician = await prisma.politician.create({
		data: { slug: 'draft-only', name: 'Dana Draftova', office: 'Candidate for mayor' },
	})
	const draft = await prisma.platform.create({
		data: {
			slug: 'draft-2030',
			politicianId: politician.id,
			title: 'Draft platform',
			electionDate: new Date('2030-03-01'),
			termStart: new Date('2030-04-01'),
			termEnd: new Date('2035-04-01'),
			sourceUrl: 'https://example.org/platform',
			sourceTitle: 'The platform',
			sourcePublisher: 'Example Publisher',
			categories: { create: { slug: 'everything', title: 'Everything' } },
		},
		select: { id: true, categories: { select: { id: true } } },
	})
	draftPledgeId = (
		await prisma.pledge.create({
			data: {
				platformId: draft.id,
				categoryId: draft.categories[0]?.id ?? '',
				slug: 'zebra-crossings',
				title: 'Build zebra crossings',
				summary: 'Only staff may read this yet.',
				quote: 'We will build zebra crossings.',
				sourceUrl: 'https://example.org/platform',
				sourceDate: new Date('2030-02-01'),
				kind: 'QUALITATIVE',
				deadline: new Date('2035-04-01'),
				position: 0,
			},
			select: { id: true },
		})
	).id
})
afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

const version = async () => (await readPublicDataVersion(prisma)) ?? 0n

describe('the public data version moves only for what the public can see', () => {
	const moves = async (change: () => Promise<unknown>) => {
		const before = await version()
		await change()
		return (await version()) !== before
	}

	test('a pending submission and its rejection do not move it; an approval and a withdrawal do', async () => {
		let evidenceId = ''
		expect(
			await moves(async () => {
				evidenceId = (
					await createEvidence(prisma, {
						pledgeId,
						userId,
						title: 'A pending claim',
						publishedOn: '2025-01-01',
						reviewState: 'PENDING',
					})
				).id
			}),
		).toBe(false)
		expect(
			await moves(() =>
				prisma.evidenceTranslation.create({
					data: { evidenceId, locale: 'RU', title: 'Заявка на проверке' },
				}),
			),
		).toBe(false)
		const review = { reviewedById: userId, reviewedAt: new Date() }
		expect(
			await moves(() =>
				prisma.evidence.update({ where: { id: evidenceId }, data: { reviewState: 'APPROVED', ...review } }),
			),
		).toBe(true)
		expect(
			await moves(() =>
				prisma.evidence.update({ where: { id: evidenceId }, data: { reviewState: 'WITHDRAWN' } }),
			),
		).toBe(true)

		const rejected = await createEvidence(prisma, {
			pledgeId,
			userId,
			title: 'A claim to reject',
			publishedOn: '2025-01-01',
			reviewState: 'PENDING',
		})
		expect(
			await moves(() =>
				prisma.evidence.update({ where: { id: rejected.id }, data: { reviewState: 'REJECTED', ...review } }),
			),
		).toBe(false)
	})

	test('a draft platform’s pledges and evidence do not move it; publishing the platform does', async () => {
		expect(
			await moves(() =>
				prisma.pledge.update({ where: { id: draftPledgeId }, data: { title: 'Zebra crossings' } }),
			),
		).toBe(false)
		expect(
			await moves(() =>
				createEvidence(prisma, {
					pledgeId: draftPledgeId,
					userId,
					title: 'Draft evidence',
					publishedOn: '2030-05-01',
				}),
			),
		).toBe(false)
		expect(
			await moves(() => prisma.pledge.update({ where: { id: pledgeId }, data: { summary: 'Jobs.' } })),
		).toBe(true)
		const draft = await prisma.platform.findUniqueOrThrow({ where: { slug: 'draft-2030' } })
		expect(
			await moves(() =>
				prisma.platform.update({ where: { id: draft.id }, data: { publishedAt: new Date() } }),
			),
		).toBe(true)
		// Published now: its pledges are public.
		expect(
			await moves(() => prisma.pledge.update({ where: { id: draftPledgeId }, data: { title: 'Zebras' } })),
		).toBe(true)
		expect(
			await moves(() => prisma.platform.update({ where: { id: draft.id }, data: { publishedAt: null } })),
		).toBe(true)
	})

	test('an account moves it only by its display name, the one thing about it a page shows', async () => {
		expect(
			await moves(() =>
				prisma.user.create({
					data: { email: 'new@example.org', displayName: 'New editor', role: 'FACT_CHECKER' },
				}),
			),
		).toBe(false)
		expect(
			await moves(() => prisma.user.update({ where: { id: userId }, data: { email: 'moved@example.org' } })),
		).toBe(false)
		expect(
			await moves(() =>
				prisma.user.update({ where: { id: userId }, data: { displayName: 'Renamed editor' } }),
			),
		).toBe(true)
	})
})

describe('a process keeps the version in memory, moved by notifications', () => {
	let reads = 0
	const read = async () => {
		reads++
		return readPublicDataVersion(prisma)
	}
	let source: PublicDataVersionSource
	// Each event the listener reports, in order, for the test to wait on.
	const waiters: Array<{ kind: 'listening' | 'notified'; resolve: (version: bigint | null) => void }> = []
	const next = (kind: 'listening' | 'notified') =>
		new Promise<bigint | null>((resolve) => waiters.push({ kind, resolve }))
	const tell = (kind: 'listening' | 'notified', value: bigint | null) => {
		const index = waiters.findIndex((waiter) => waiter.kind === kind)
		if (index >= 0) waiters.splice(index, 1)[0]?.resolve(value)
	}

	beforeAll(async () => {
		const listening = next('listening')
		source = listenForPublicDataVersion({
			url: database.appUrl,
			read,
			onListening: (value) => tell('listening', value),
			onNotified: (value) => tell('notified', value),
			retryMs: 20,
		})
		expect(await listening).toBe(await version())
	})
	afterAll(async () => {
		await source?.close()
	})

	test('answers from memory, without a query, and hears each public change', async () => {
		reads = 0
		expect(await source.current()).toBe(await version())
		const notified = next('notified')
		await prisma.pledge.update({ where: { id: pledgeId }, data: { summary: 'Heard by every process.' } })
		const moved = await notified
		expect(moved).toBe(await version())
		expect(await source.current()).toBe(moved)
		expect(reads).toBe(0)
	})

	test('after its connection drops and comes back, it reads the version again', async () => {
		const admin = new pg.Client({ connectionString: database.url })
		await admin.connect()
		try {
			// A version moved without a notification (by hand): the listener cannot know of it...
			const before = await source.current()
			await admin.query('UPDATE "PublicDataVersion" SET "version" = "version" + 5 WHERE "id" = 1')
			const moved = await version()
			expect(await source.current()).toBe(before)
			// ...until it reconnects, and reads the version before it says it is listening again.
			const back = next('listening')
			const { rowCount } = await admin.query(
				`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				 WHERE application_name = 'uade-data-version' AND datname = current_database()`,
			)
			expect(rowCount).toBe(1)
			expect(await back).toBe(moved)
			expect(source.listening).toBe(true)
			expect(await source.current()).toBe(moved)
			// And it hears changes again.
			const notified = next('notified')
			await prisma.pledge.update({ where: { id: pledgeId }, data: { summary: 'Heard again.' } })
			expect(await notified).toBe(await version())
		} finally {
			await admin.end()
		}
	})

	test('a NOTIFY from anyone on the channel is a version, anything else is ignored', async () => {
		const admin = new pg.Client({ connectionString: database.url })
		await admin.connect()
		try {
			const current = await version()
			const notified = next('notified')
			await admin.query(`SELECT pg_notify('${publicDataChannel}', 'not a number')`)
			await admin.query(`SELECT pg_notify('${publicDataChannel}', '${current + 1000n}')`)
			expect(await notified).toBe(current + 1000n)
			expect(await source.current()).toBe(current + 1000n)
		} finally {
			await admin.end()
		}
	})
})

test('a listener that cannot connect reads the version on every request', async () => {
	// A port nothing listens on: the listener keeps trying, and meanwhile every answer is read.
	const port = await findFreePort()
	let reads = 0
	const source = listenForPublicDataVersion({
		url: `postgres://nobody@127.0.0.1:${port}/none`,
		read: async () => {
			reads++
			return 7n
		},
		retryMs: 20,
	})
	try {
		expect(source.listening).toBe(false)
		expect(await source.current()).toBe(7n)
		expect(await source.current()).toBe(7n)
		expect(reads).toBe(2)
	} finally {
		await source.close()
	}
})
