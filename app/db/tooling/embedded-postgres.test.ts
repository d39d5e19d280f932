import { mkdtemp, readdir, readlink, realpath, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.server'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A throw-away embedded server in a temporary folder, supervised with this budget. */
async function supervisedServer(maxRestarts: number) {
	const root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'uade-supervised-')))
	const dataDir = path.join(root, 'postgres')
	const lines: string[] = []
	const givenUp: string[] = []
	const running = await startEmbeddedPostgres({
		dataDir,
		port: await findFreePort(),
		database: 'uade',
		persistent: false,
		supervise: {
			maxRestarts,
			windowMs: 10 * 60_000,
			log: (line) => lines.push(line),
			onGiveUp: (reason) => givenUp.push(reason),
		},
	})
	cleanups.push(async () => {
		await running.stop()
		await rm(root, { recursive: true, force: true })
	})
	return { running, dataDir, lines, givenUp }
}

async function query(running: RunningPostgres, sql: string) {
	const client = new pg.Client({ connectionString: running.url, connectionTimeoutMillis: 2_000 })
	await client.connect()
	try {
		return (await client.query(sql)).rows
	} finally {
		await client.end()
	}
}

/** Every process whose working folder is `dataDir`: PostgreSQL's postmaster and backends all are. */
async function processesIn(dataDir: string): Promise<number[]> {
	const pids: number[] = []
	for (const entry of await readdir('/proc')) {
		if (!/^\d+$/.test(entry)) continue
		const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => null)
		if (cwd === dataDir) pids.push(Number(entry))
	}
	return pids
}

function killPostmaster(running: RunningPostgres) {
	const pid = running.pid()
	if (pid === undefined) throw new Error('no postmaster')
	process.kill(pid, 'SIGKILL')
	return pid
}

describe.skipIf(os.platform() !== 'linux')('the embedded PostgreSQL under supervision', () => {
	test('killed with SIGKILL, it is back with its data; stopped, no process of it is left', async () => {
		const { running, dataDir, lines } = await supervisedServer(3)
		await query(running, 'CREATE TABLE kept (word text); INSERT INTO kept VALUES ($$still here$$)')
		const killed = killPostmaster(running)

		await vi.waitFor(
			async () => expect(await query(running, 'SELECT word FROM kept')).toEqual([{ word: 'still here' }]),
			{
				timeout: 20_000,
				interval: 100,
			},
		)
		expect(running.pid()).not.toBe(killed)
		expect(lines[0]).toMatch(
			/^The embedded PostgreSQL stopped unexpectedly \(killed by SIGKILL\): restarting it \(1 of at most 3 within 10 minutes\)…$/,
		)
		expect(lines.at(-1)).toMatch(/^The embedded PostgreSQL is back \(\d+ ms\)\.$/)

		expect(await processesIn(dataDir)).not.toEqual([])
		await running.stop()
		await vi.waitFor(async () => expect(await processesIn(dataDir)).toEqual([]), { timeout: 10_000 })
	})

	test('past its restart budget it gives up, says why, and stays stopped', async () => {
		const { running, dataDir, lines, givenUp } = await supervisedServer(1)
		const first = killPostmaster(running)
		await vi.waitFor(() => expect(running.pid()).not.toBe(first), { timeout: 20_000, interval: 100 })
		await vi.waitFor(async () => expect(await query(running, 'SELECT 1 AS up')).toEqual([{ up: 1 }]), {
			timeout: 20_000,
			interval: 100,
		})
		killPostmaster(running)
		await vi.waitFor(() => expect(givenUp).toHaveLength(1), { timeout: 20_000, interval: 100 })
		expect(givenUp[0]).toMatch(
			/stopped \(killed by SIGKILL\) after 1 restarts within 10 minutes: giving up\.$/,
		)
		expect(
			lines.filter((line) => line.startsWith('The embedded PostgreSQL stopped unexpectedly')),
		).toHaveLength(1)
		await running.stop()
		await vi.waitFor(async () => expect(await processesIn(dataDir)).toEqual([]), { timeout: 10_000 })
	})
})
