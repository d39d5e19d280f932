import type { Prisma } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { PoliticianCreateInput, PoliticianEditInput } from '~/forms/politician'
import { politicianFormValues } from '~/forms/politician'
import { politicianTranslationFieldNames, writePairedTranslations } from '~/forms/translations'
import type { AuditAction } from './audit-actions'
import { createAudited, updateVersioned, type Actor } from './save.server'

const politicianSelect = {
	id: true,
	slug: true,
	name: true,
	office: true,
	version: true,
	translations: { orderBy: { locale: 'asc' }, select: { locale: true, name: true, office: true } },
} as const satisfies Prisma.PoliticianSelect

export type PoliticianRecord = Prisma.PoliticianGetPayload<{ select: typeof politicianSelect }>

export async function listPoliticians() {
	return getPrisma().politician.findMany({
		orderBy: [{ name: 'asc' }, { id: 'asc' }],
		take: 200,
		select: { id: true, slug: true, name: true, office: true },
	})
}

export async function getPolitician(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	return tx.politician.findUnique({ where: { id }, select: politicianSelect })
}

const audit = (action: AuditAction) => ({
	action,
	entityType: 'Politician',
	/** The politician as text, as its form holds it (with the translations). */
	snapshot: (politician: PoliticianRecord) => {
		const { version: _version, ...values } = politicianFormValues(politician)
		return { slug: politician.slug, ...values }
	},
})

function writePoliticianTranslations(
	tx: Prisma.TransactionClient,
	politicianId: string,
	input: PoliticianCreateInput | PoliticianEditInput,
) {
	return writePairedTranslations(input, politicianTranslationFieldNames, {
		save: (locale, { first: name, second: office }) =>
			tx.politicianTranslation.upsert({
				where: { politicianId_locale: { politicianId, locale } },
				create: { politicianId, locale, name, office },
				update: { name, office },
			}),
		remove: (locale) => tx.politicianTranslation.deleteMany({ where: { politicianId, locale } }),
	})
}

export async function createPolitician(input: PoliticianCreateInput, actor: Actor) {
	return createAudited<PoliticianRecord, 'taken'>({
		actor,
		read: (tx, id) => getPolitician(id, tx),
		create: async (tx) => {
			const { id } = await tx.politician.create({
				data: { slug: input.slug, name: input.name, office: input.office },
				select: { id: true },
			})
			await writePoliticianTranslations(tx, id, input)
			return id
		},
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
		update: async (tx, where) => {
			const written = await tx.politician.updateMany({
				where,
				data: { name: input.name, office: input.office, version: { increment: 1 } },
			})
			if (written.count > 0) await writePoliticianTranslations(tx, id, input)
			return written
		},
		audit: audit('politician.update'),
	})
}
