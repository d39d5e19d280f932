import type { Prisma } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { PoliticianCreateInput, PoliticianEditInput } from '~/forms/politician'
import type { AuditAction } from './audit-actions'
import { createAudited, updateVersioned, type Actor } from './save.server'

const politicianSelect = { id: true, slug: true, name: true, office: true, version: true } as const

export type PoliticianRecord = Prisma.PoliticianGetPayload<{ select: typeof politicianSelect }>

export async function listPoliticians() {
	return getPrisma().politician.findMany({
		orderBy: [{ name: 'asc' }, { id: 'asc' }],
		take: 200,
		select: politicianSelect,
	})
}

export async function getPolitician(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	return tx.politician.findUnique({ where: { id }, select: politicianSelect })
}

const audit = (action: AuditAction) => ({
	action,
	entityType: 'Politician',
	snapshot: ({ slug, name, office }: PoliticianRecord) => ({ slug, name, office }),
})

export async function createPolitician(input: PoliticianCreateInput, actor: Actor) {
	return createAudited<PoliticianRecord, 'taken'>({
		actor,
		read: (tx, id) => getPolitician(id, tx),
		create: async (tx) => (await tx.politician.create({ data: input, select: { id: true } })).id,
		audit: audit('politician.create'),
		taken: { slug: 'taken' },
	})
}

export async function updatePolitician(id: string, input: PoliticianEditInput, actor: Actor) {
	return updateVersioned<PoliticianRecord, never>({
		id,
		version: input.version,
		actor,
		read: (tx, recordId) => getPolitician(recordId, tx),
		update: (tx, where) =>
			tx.politician.updateMany({
				where,
				data: { name: input.name, office: input.office, version: { increment: 1 } },
			}),
		audit: audit('politician.update'),
	})
}
