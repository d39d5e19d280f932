import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { loader } from '~/routes/data/uade[.]json'
import { runAsOwner, useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { DatasetBuildFailed, publicDatasetFile, stopDatasetBuilds } from './dataset-file.server'
import { exportDocument, serializeExport } from './export.server'

let database: TestDatabase
let prisma: PrismaClient

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
}, 60_000)

afterAll(async () => {
	await stopDatasetBuilds()
	await prisma?.$disconnect()
	await database?.drop()
})

/** A public write: the next request needs a new file. */
async function bumpVersion() {
	await runAsOwner(database, `UPDATE "PublicDataVersion" SET version = version + 1 WHERE id = 1`)
}

/** The export's reads refused to the app role, as a broken grant would: the builder fails on its first one. */
async function withExportRefused(run: () => Promise<void>) {
	// The app's roles have their grants through uade_app (prisma/migrations/20261201110000_app_role).
	await runAsOwner(database, 'REVOKE SELECT ON "Platform" FROM uade_app')
	try {
		await run()
	} finally {
		await runAsOwner(database, 'GRANT SELECT ON "Platform" TO uade_app')
	}
}

const builders = () => globalThis.uadeDatasetBuilders ?? new Set()

describe('the public dataset file', () => {
	test('is written by a child process of its own and holds the public export, byte for byte', async () => {
		await bumpVersion()
		const file = await publicDatasetFile(prisma)
		expect(await readFile(file, 'utf8')).toBe(
			serializeExport(await exportDocument(prisma, { audience: 'public' })),
		)
		expect(builders().size).toBe(0)
	}, 60_000)

	test('a failed build rejects every request waiting on it with its cause, and the next request builds again', async () => {
		await bumpVersion()
		await withExportRefused(async () => {
			const results = await Promise.allSettled([publicDatasetFile(prisma), publicDatasetFile(prisma)])
			const [first, second] = results
			expect(first?.status).toBe('rejected')
			expect(second?.status).toBe('rejected')
			const reason = first?.status === 'rejected' ? first.reason : undefined
			// One build for both: the same error.
			expect(second?.status === 'rejected' ? second.reason : undefined).toBe(reason)
			expect(reason).toBeInstanceOf(DatasetBuildFailed)
			expect((reason as Error).message).toContain('permission denied for table Platform')
		})
		const file = await publicDatasetFile(prisma)
		expect(await readFile(file, 'utf8')).toBe(
			serializeExport(await exportDocument(prisma, { audience: 'public' })),
		)
	}, 60_000)

	test('a reader of a failed build is answered with a 503 problem', async () => {
		await bumpVersion()
		await withExportRefused(async () => {
			const response = await loader({
				request: new Request('http://localhost/data/uade.json'),
				params: {},
				context: {},
			})
			expect(response.status).toBe(503)
			expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8')
			expect(response.headers.get('Retry-After')).toBe('60')
			expect(response.headers.get('Cache-Control')).toBe('no-store')
			expect(await response.json()).toMatchObject({ status: 503, instance: '/data/uade.json' })
		})
	}, 60_000)

	test('one build at a time: requests under newer versions meanwhile share one next build, of the newest', async () => {
		await bumpVersion()
		// The first build waits on this lock while editors write twice and readers ask under each version.
		const owner = new pg.Client({ connectionString: database.url })
		await owner.connect()
		let released = false
		try {
			await owner.query('BEGIN')
			await owner.query('LOCK TABLE "Platform" IN ACCESS EXCLUSIVE MODE')
			const first = publicDatasetFile(prisma)
			const deadline = Date.now() + 30_000
			for (;;) {
				const rows = await owner.query<{ count: string }>(
					`SELECT count(*) FROM pg_locks WHERE relation = '"Platform"'::regclass AND NOT granted`,
				)
				if (Number(rows.rows[0]?.count) > 0) break
				if (Date.now() > deadline) throw new Error('the builder never reached the export')
				await new Promise((resolve) => setTimeout(resolve, 50))
			}
			await bumpVersion()
			const second = publicDatasetFile(prisma)
			await bumpVersion()
			const third = publicDatasetFile(prisma)
			// The first build's child alone: the others wait behind it.
			expect(builders().size).toBe(1)
			await owner.query('ROLLBACK')
			released = true
			await first
			const [secondFile, thirdFile] = await Promise.all([second, third])
			expect(secondFile).toBe(thirdFile)
			expect(await readFile(thirdFile, 'utf8')).toBe(
				serializeExport(await exportDocument(prisma, { audience: 'public' })),
			)
			expect(builders().size).toBe(0)
		} finally {
			if (!released) await owner.query('ROLLBACK')
			await owner.end()
		}
	}, 90_000)

	test('the server’s stop ends a build under way: its child does not outlive it', async () => {
		await bumpVersion()
		// The export waits on this lock, so the build is certainly under way when the server stops.
		const owner = new pg.Client({ connectionString: database.url })
		await owner.connect()
		try {
			await owner.query('BEGIN')
			await owner.query('LOCK TABLE "Platform" IN ACCESS EXCLUSIVE MODE')
			const made = publicDatasetFile(prisma)
			const outcome = made.then(
				() => 'written',
				(error: unknown) => error,
			)
			const waiting = async () => {
				const rows = await owner.query<{ count: string }>(
					`SELECT count(*) FROM pg_locks WHERE relation = '"Platform"'::regclass AND NOT granted`,
				)
				return Number(rows.rows[0]?.count) > 0
			}
			const deadline = Date.now() + 30_000
			while (!(await waiting())) {
				if (Date.now() > deadline) throw new Error('the builder never reached the export')
				await new Promise((resolve) => setTimeout(resolve, 50))
			}
			const [child] = [...builders()]
			expect(child?.pid).toBeGreaterThan(0)
			await stopDatasetBuilds()
			const error = await outcome
			expect(error).toBeInstanceOf(DatasetBuildFailed)
			expect((error as Error).message).toContain('SIGTERM')
			expect(child?.signalCode).toBe('SIGTERM')
			expect(builders().size).toBe(0)
		} finally {
			await owner.query('ROLLBACK')
			await owner.end()
		}
	}, 60_000)
})
