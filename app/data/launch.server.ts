import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PrismaClient } from '~/.server/prisma/client'
import { recordAudit } from '~/models/audit.server'
import { readImportFile, runImport, type ImportResult } from './import.server'

/**
 * The launch dataset (prisma/seed/launch/, ADR 017): sourced evidence and ratings of "A Fair Kazakhstan",
 * loaded after the seed by the project's own import, so it meets every rule a form would. Two accounts say
 * in the audit log and on the records where it came from: "Editorial team", which imports it, approves its
 * evidence and authors its ratings, and "Launch research", which submitted the evidence. Neither has a
 * password and both are disabled: nobody signs in as them.
 */
export const launchFile = path.join(process.cwd(), 'prisma', 'seed', 'launch', 'fair-kazakhstan.json')

export const launchAccounts = {
	editorial: { email: 'editorial@uade.invalid', displayName: 'Editorial team', role: 'ADMIN' },
	research: { email: 'research@uade.invalid', displayName: 'Launch research', role: 'FACT_CHECKER' },
} as const

/** The two launch accounts, made (audited, with no actor: the command line) when missing; the editorial one's id. */
export async function ensureLaunchAccounts(prisma: PrismaClient): Promise<string> {
	return prisma.$transaction(async (tx) => {
		for (const account of Object.values(launchAccounts)) {
			const existing = await tx.user.findUnique({ where: { email: account.email }, select: { id: true } })
			if (existing) continue
			const created = await tx.user.create({ data: { ...account, disabled: true }, select: { id: true } })
			await recordAudit(tx, {
				actorId: null,
				action: 'user.create',
				entityType: 'User',
				entityId: created.id,
				after: { ...account, disabled: true, via: 'launch dataset' },
				ipAddress: null,
			})
		}
		const editorial = await tx.user.findUniqueOrThrow({
			where: { email: launchAccounts.editorial.email },
			select: { id: true, role: true },
		})
		if (editorial.role !== 'ADMIN') {
			throw new Error(
				`${launchAccounts.editorial.email} exists but is not an admin: the launch dataset cannot be imported as it.`,
			)
		}
		return editorial.id
	})
}

/** Imports the launch file as the editorial team (see the module's comment); `file` for tests. */
export async function loadLaunch(prisma: PrismaClient, file: string = launchFile): Promise<ImportResult> {
	const editorialId = await ensureLaunchAccounts(prisma)
	const read = readImportFile(await readFile(file), path.basename(file))
	if (read.status === 'refused') return read
	return runImport(prisma, read.document, {
		actor: { id: editorialId, role: 'ADMIN', ipAddress: null },
		dryRun: false,
	})
}
