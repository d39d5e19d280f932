import type { PrismaClient } from '~/.server/prisma/client'
import { setReplicaFailover } from '~/db/read-replicas.server'
import { databaseFailure } from './outage.server'

/**
 * Whether the replicas may serve a page filed under a public data version: the page cache files a render
 * under the version the primary announced (app/server/data-version.server.ts), and a replica that has not
 * replayed that version yet would render older data under the newer version's ETag, served as current
 * until the next change. So a request reads from the replicas only when every replica has replayed at
 * least that version (the extension picks any of them for each read, and a replica only moves forward);
 * otherwise, for the few moments after a change, it reads from the primary.
 */
export type ReplicaVersions = {
	/** True when every replica has replayed `version` (asked again only of those not known to have). */
	caughtUp(version: bigint): Promise<boolean>
	/** A replica failed a read: for `retryMs`, every request reads from the primary. */
	failed(): void
}

type Known = { version: bigint | null; failedAt: number; asking: Promise<bigint | null> | undefined }

export function replicaVersions(
	replicas: PrismaClient[],
	{
		read,
		log = () => {},
		waitMs = 500,
		retryMs = 1_000,
		now = () => performance.now(),
	}: {
		/** Reads the public data version on one replica (readPublicDataVersion). */
		read: (replica: PrismaClient) => Promise<bigint | null>
		/** Told of a replica that could not be asked; its requests go to the primary meanwhile. */
		log?: (error: unknown) => void
		/** How long a request waits for a replica's answer before it reads from the primary instead. */
		waitMs?: number
		/** After a replica failed to answer, how long before it is asked again (the primary serves meanwhile). */
		retryMs?: number
		now?: () => number
	},
): ReplicaVersions {
	const known: Known[] = replicas.map(() => ({ version: null, failedAt: -Infinity, asking: undefined }))

	const ask = (replica: PrismaClient, state: Known): Promise<bigint | null> => {
		state.asking ??= read(replica)
			.then(
				(version) => {
					if (version !== null && (state.version === null || version > state.version)) state.version = version
					return state.version
				},
				(error: unknown) => {
					state.failedAt = now()
					log(error)
					return null
				},
			)
			.finally(() => {
				state.asking = undefined
			})
		return state.asking
	}

	let failedAt = -Infinity

	const hasReplayed = async (replica: PrismaClient, state: Known, version: bigint): Promise<boolean> => {
		if (now() - Math.max(failedAt, state.failedAt) < retryMs) return false
		if (state.version !== null && state.version >= version) return true
		// Being asked by another request: this one does not wait, it reads from the primary.
		if (state.asking) return false
		let timer: NodeJS.Timeout | undefined
		const answer = await Promise.race([
			ask(replica, state),
			new Promise<null>((resolve) => {
				timer = setTimeout(() => resolve(null), waitMs)
			}),
		])
		clearTimeout(timer)
		return answer !== null && answer >= version
	}

	return {
		async caughtUp(version) {
			if (replicas.length === 0) return false
			const answers = await Promise.all(
				replicas.map((replica, index) => hasReplayed(replica, known[index] as Known, version)),
			)
			return answers.every(Boolean)
		},
		failed() {
			failedAt = now()
		},
	}
}

// A replica away (down, restarting, cut off) or cancelling a read that conflicts with what it replays.
const isReplicaFailure = (error: unknown) =>
	databaseFailure(error) !== null ||
	/conflict with recovery/i.test(error instanceof Error ? error.message : String(error))

/**
 * From now on, a read that a replica fails (it is away, or cancelled the read to replay) runs again on the
 * primary, with the rest of its request, and the replicas are left alone for `retryMs`.
 */
export function failOverToPrimary(versions: ReplicaVersions, log: (error: unknown) => void = () => {}) {
	setReplicaFailover({
		isReplicaFailure,
		onFailure: (error) => {
			versions.failed()
			log(error)
		},
	})
}
