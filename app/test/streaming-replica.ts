import { chown, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import {
	embeddedServerUrl,
	findFreePort,
	runAsUser,
	startEmbeddedPostgres,
	type RunningPostgres,
} from '~/db/tooling/embedded-postgres.server'

export type StreamingPair = {
	primary: RunningPostgres
	replica: RunningPostgres
	/** Holds back the replica's replay of the primary's changes (they still arrive), or lets it go on. */
	pauseReplay: () => Promise<void>
	resumeReplay: () => Promise<void>
	/** Resolves once the replica has replayed everything the primary had committed when it was called. */
	caughtUp: () => Promise<void>
	stop: () => Promise<void>
}

const replicationRole = { name: 'uade_replicator', password: 'uade_replicator' }
const slotName = 'uade_test_standby'
const caughtUpTimeoutMs = 30_000

// What pg_basebackup leaves out of a copy: a running server's own state, rebuilt by the standby.
const skippedFiles = new Set(['postmaster.pid', 'postmaster.opts', 'pg_internal.init', 'backup_label'])
const emptiedFolders = new Set([
	'pg_wal',
	'pg_replslot',
	'pg_dynshmem',
	'pg_notify',
	'pg_serial',
	'pg_snapshots',
	'pg_stat_tmp',
	'pg_subtrans',
])

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return (await client.query<T>(sql, values)).rows
	} finally {
		await client.end()
	}
}

/** Copies a running server's data folder file by file (a file removed meanwhile is skipped), as `owner`. */
async function copyDataFolder(from: string, to: string, owner: { uid?: number; gid?: number }, top = true) {
	await mkdir(to, { mode: 0o700 })
	if (owner.uid !== undefined && owner.gid !== undefined) await chown(to, owner.uid, owner.gid)
	for (const entry of await readdir(from, { withFileTypes: true })) {
		const source = path.join(from, entry.name)
		const target = path.join(to, entry.name)
		if (entry.isDirectory()) {
			if (top && emptiedFolders.has(entry.name)) {
				await mkdir(target, { mode: 0o700 })
				if (owner.uid !== undefined && owner.gid !== undefined) await chown(target, owner.uid, owner.gid)
			} else {
				await copyDataFolder(source, target, owner, false)
			}
			continue
		}
		if (skippedFiles.has(entry.name)) continue
		try {
			await copyFile(source, target)
			if (owner.uid !== undefined && owner.gid !== undefined) await chown(target, owner.uid, owner.gid)
		} catch (error) {
			// A temporary file the server removed between listing and copying: the standby does without it.
			if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error
		}
	}
}

/**
 * A primary and a streaming hot standby of it, both real PostgreSQL servers from the embedded package's
 * binaries, on free ports and in temporary folders of their own. There is no pg_basebackup among those
 * binaries, so the standby is made as one does by hand: a replication role and its pg_hba line on the
 * primary, a physical slot that keeps the WAL, `pg_backup_start`, a copy of the data folder,
 * `pg_backup_stop` (its label file written into the copy as backup_label), standby.signal and
 * primary_conninfo; then the standby starts and replays. `database` is created on the primary first.
 */
export async function startStreamingPair({
	database,
	prepare,
}: {
	database: string
	/** Runs on the primary's `database` before the copy (migrations, fixtures). */
	prepare?: (url: string) => Promise<void>
}): Promise<StreamingPair> {
	const folder = await mkdtemp(path.join(os.tmpdir(), 'uade-replica-'))
	const owner = runAsUser()
	const stops: Array<() => Promise<void>> = []
	const stop = async () => {
		for (const stopOne of stops.reverse()) await stopOne().catch(() => {})
		await rm(folder, { recursive: true, force: true })
	}
	try {
		const primaryDir = path.join(folder, 'primary')
		const primary = await startEmbeddedPostgres({
			dataDir: primaryDir,
			port: await findFreePort(),
			database,
			persistent: false,
		})
		stops.push(primary.stop)
		const admin = `${primary.serverUrl}/postgres`
		const [walLevel] = await query<{ wal_level: string }>(admin, 'SHOW wal_level')
		if (walLevel?.wal_level !== 'replica' && walLevel?.wal_level !== 'logical') {
			throw new Error(`The primary's wal_level is ${walLevel?.wal_level}, not replica`)
		}
		await query(
			admin,
			`CREATE ROLE ${replicationRole.name} WITH REPLICATION LOGIN PASSWORD '${replicationRole.password}'`,
		)
		// Read when the configuration is reloaded; first, so no broader line decides before it.
		const hbaFile = path.join(primaryDir, 'pg_hba.conf')
		const hba = await readFile(hbaFile, 'utf8')
		await writeFile(hbaFile, `host replication ${replicationRole.name} 127.0.0.1/32 scram-sha-256\n${hba}`)
		await query(admin, 'SELECT pg_reload_conf()')
		await query(admin, 'SELECT pg_create_physical_replication_slot($1, true)', [slotName])
		await prepare?.(primary.url)

		const replicaDir = path.join(folder, 'replica')
		const backup = new pg.Client({ connectionString: admin })
		await backup.connect()
		try {
			await backup.query(`SELECT pg_backup_start('uade-test-standby', true)`)
			await copyDataFolder(primaryDir, replicaDir, owner)
			const [stopped] = (
				await backup.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(false)')
			).rows
			if (!stopped) throw new Error('pg_backup_stop returned no label file')
			await writeFile(path.join(replicaDir, 'backup_label'), stopped.labelfile)
		} finally {
			await backup.end()
		}
		const primaryPort = new URL(primary.serverUrl).port
		await writeFile(path.join(replicaDir, 'standby.signal'), '')
		const conninfo =
			`host=127.0.0.1 port=${primaryPort} user=${replicationRole.name} ` +
			`password=${replicationRole.password} application_name=uade_test_standby`
		const autoConf = path.join(replicaDir, 'postgresql.auto.conf')
		const existing = await readFile(autoConf, 'utf8').catch(() => '')
		await writeFile(
			autoConf,
			`${existing}\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${slotName}'\nhot_standby = on\n`,
		)
		for (const file of ['backup_label', 'standby.signal', 'postgresql.auto.conf']) {
			if (owner.uid !== undefined && owner.gid !== undefined) {
				await chown(path.join(replicaDir, file), owner.uid, owner.gid)
			}
		}
		await stat(path.join(replicaDir, 'PG_VERSION'))
		const replica = await startEmbeddedPostgres({
			dataDir: replicaDir,
			port: await findFreePort(),
			database,
			persistent: false,
		})
		stops.push(replica.stop)
		const replicaAdmin = `${embeddedServerUrl(Number(new URL(replica.serverUrl).port))}/postgres`

		const caughtUp = async () => {
			const [target] = await query<{ lsn: string }>(admin, 'SELECT pg_current_wal_lsn()::text AS lsn')
			const deadline = Date.now() + caughtUpTimeoutMs
			for (;;) {
				const [replayed] = await query<{ done: boolean }>(
					replicaAdmin,
					'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done',
					[target?.lsn],
				)
				if (replayed?.done) return
				if (Date.now() > deadline) throw new Error(`The replica did not replay up to ${target?.lsn}`)
				await new Promise((resolve) => setTimeout(resolve, 20))
			}
		}
		// Streaming, not merely restored from the copy: the primary sees its WAL receiver.
		const deadline = Date.now() + caughtUpTimeoutMs
		for (;;) {
			const rows = await query(admin, `SELECT 1 FROM pg_stat_replication WHERE state = 'streaming'`)
			if (rows.length > 0) break
			if (Date.now() > deadline) throw new Error('The replica never started streaming')
			await new Promise((resolve) => setTimeout(resolve, 20))
		}
		await caughtUp()
		return {
			primary,
			replica,
			pauseReplay: async () => {
				await query(replicaAdmin, 'SELECT pg_wal_replay_pause()')
			},
			resumeReplay: async () => {
				await query(replicaAdmin, 'SELECT pg_wal_replay_resume()')
			},
			caughtUp,
			stop,
		}
	} catch (error) {
		await stop()
		throw error
	}
}
