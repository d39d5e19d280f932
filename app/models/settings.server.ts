import type { Prisma } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { SettingsInput } from '~/forms/settings'
import { assertAdmin, updateVersioned, type Actor } from './save.server'

const settingsId = 1

const settingsSelect = { id: true, fourEyes: true, version: true, updatedAt: true } as const

export type InstallationSettings = { id: string; fourEyes: boolean; version: number; updatedAt: Date | null }

/** What an installation that never saved its settings has: the column defaults (version 1, as the row's). */
const defaults = { fourEyes: true, version: 1 } as const

function present(row: Prisma.InstallationSettingsGetPayload<{ select: typeof settingsSelect }> | null) {
	return row
		? { id: String(row.id), fourEyes: row.fourEyes, version: row.version, updatedAt: row.updatedAt }
		: { id: String(settingsId), ...defaults, updatedAt: null }
}

/** The installation's settings: the stored row, or the defaults until an admin first saves them. */
export async function getInstallationSettings(
	tx: Prisma.TransactionClient = getPrisma(),
): Promise<InstallationSettings> {
	return present(
		await tx.installationSettings.findUnique({ where: { id: settingsId }, select: settingsSelect }),
	)
}

/**
 * Whether the four-eyes rule applies, read inside the transaction of the write it guards, so that a write
 * and a change of the setting happen one after the other.
 */
export async function fourEyesApplies(tx: Prisma.TransactionClient): Promise<boolean> {
	const rows = await tx.$queryRaw<Array<{ fourEyes: boolean }>>`
		SELECT "fourEyes" FROM "InstallationSettings" WHERE id = ${settingsId} FOR SHARE`
	return rows[0]?.fourEyes ?? defaults.fourEyes
}

/**
 * An admin's change of the settings: the versioned save (a stale form is a conflict), audited as
 * `settings.update`. The row is written with its defaults first if it was never saved, so the first save
 * is versioned like any other.
 */
export async function updateInstallationSettings({ actor, input }: { actor: Actor; input: SettingsInput }) {
	assertAdmin(actor)
	return updateVersioned<InstallationSettings, never>({
		id: String(settingsId),
		version: input.version,
		actor,
		read: async (tx) => {
			// ON CONFLICT DO NOTHING: two first saves at once both find the row, and one of them conflicts.
			await tx.installationSettings.createMany({ data: [{ id: settingsId }], skipDuplicates: true })
			return getInstallationSettings(tx)
		},
		unchanged: (before) => before.fourEyes === input.fourEyes,
		update: (tx, where) =>
			tx.installationSettings.updateMany({
				where: { id: settingsId, version: where.version },
				data: { fourEyes: input.fourEyes, version: { increment: 1 } },
			}),
		audit: {
			action: 'settings.update',
			entityType: 'InstallationSettings',
			snapshot: ({ fourEyes }) => ({ fourEyes }),
		},
	})
}

/**
 * The four-eyes rule for a ledger entry: whether, while the rule applies, every evidence item it rests on
 * was submitted by its author (then someone else must record it). An entry resting on no evidence (NOT
 * RATED) rests on nobody's.
 */
export async function restsOnlyOnOwnEvidence(
	tx: Prisma.TransactionClient,
	authorId: string,
	evidenceIds: readonly string[],
): Promise<boolean> {
	if (evidenceIds.length === 0 || !(await fourEyesApplies(tx))) return false
	const byOthers = await tx.evidence.count({
		where: { id: { in: [...evidenceIds] }, submittedById: { not: authorId } },
	})
	return byOthers === 0
}
