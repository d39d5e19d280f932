import type { Prisma } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { SettingsInput } from '~/forms/settings'
import { recordAudit } from './audit.server'
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

/** Why a settings change was refused: another active admin exists to review, so the rule stays on. */
export type SettingsProblem = 'other-admin'

/**
 * Locks the settings row (writing it with its defaults first if it was never saved). Turning the rule off
 * and making a second active admin both take this lock before they count the active admins, so they
 * happen one after the other: either the rule is off before the second admin arrives (and turns back on
 * with them), or the second admin is there when the rule is turned off (and that is refused).
 */
async function lockSettings(tx: Prisma.TransactionClient) {
	// ON CONFLICT DO NOTHING: a first save running at the same moment makes this wait for its row.
	await tx.installationSettings.createMany({ data: [{ id: settingsId }], skipDuplicates: true })
	const rows = await tx.$queryRaw<Array<{ fourEyes: boolean }>>`
		SELECT "fourEyes" FROM "InstallationSettings" WHERE id = ${settingsId} FOR UPDATE`
	return rows[0]?.fourEyes ?? defaults.fourEyes
}

function countActiveAdmins(tx: Prisma.TransactionClient) {
	return tx.user.count({ where: { role: 'ADMIN', disabled: false } })
}

/**
 * An admin's change of the settings: the versioned save (a stale form is a conflict), audited as
 * `settings.update`. The row is written with its defaults first if it was never saved, so the first save
 * is versioned like any other. The four-eyes rule can be turned off only by the only active admin
 * (`other-admin` otherwise): the issue allows it for an installation with nobody else to review.
 */
export async function updateInstallationSettings({ actor, input }: { actor: Actor; input: SettingsInput }) {
	assertAdmin(actor)
	return updateVersioned<InstallationSettings, SettingsProblem>({
		id: String(settingsId),
		version: input.version,
		actor,
		read: async (tx) => {
			// ON CONFLICT DO NOTHING: two first saves at once both find the row, and one of them conflicts.
			await tx.installationSettings.createMany({ data: [{ id: settingsId }], skipDuplicates: true })
			return getInstallationSettings(tx)
		},
		unchanged: (before) => before.fourEyes === input.fourEyes,
		check: async (tx) => {
			if (input.fourEyes) return null
			await lockSettings(tx)
			return (await countActiveAdmins(tx)) > 1 ? { fourEyes: 'other-admin' } : null
		},
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
 * Turns the four-eyes rule back on when an account change leaves more than one active admin (an admin
 * created, enabled, or an account promoted to admin) while it is off: it was off only because nobody else
 * could review. Called inside that change's transaction, after its write, and audited as `settings.update`
 * with the reason, so the audit log says why the rule came back and the admin home stops warning.
 */
export async function restoreFourEyesForSecondAdmin(
	tx: Prisma.TransactionClient,
	{ actorId, ipAddress, account }: { actorId: string | null; ipAddress: string | null; account: string },
): Promise<void> {
	// Locked before reading, or a rule turned off at the same moment could miss this admin.
	if (await lockSettings(tx)) return
	if ((await countActiveAdmins(tx)) <= 1) return
	const { count } = await tx.installationSettings.updateMany({
		where: { id: settingsId },
		data: { fourEyes: true, version: { increment: 1 } },
	})
	if (count === 0) throw new Error('The settings row vanished while locked')
	await recordAudit(tx, {
		actorId,
		action: 'settings.update',
		entityType: 'InstallationSettings',
		entityId: String(settingsId),
		before: { fourEyes: false },
		after: { fourEyes: true, reason: `${account} became a second active admin, who can review` },
		ipAddress,
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
