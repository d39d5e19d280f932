import { Prisma } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import { recordAudit } from './audit.server'
import {
	stepsOf,
	type CategoryCreateInput,
	type CategoryEditInput,
	type PledgeCreateInput,
	type PledgeEditInput,
	type PlatformCreateInput,
	type PlatformEditInput,
	type PoliticianCreateInput,
	type PoliticianEditInput,
} from './catalogue-schemas'
import { isoDateOf } from '~/forms/fields'

/** Who makes a catalogue change, for the audit log. */
export type CatalogueActor = { id: string; ipAddress: string | null }

export const cataloguePledgePageSize = 100

/** The catalogue's overview: platforms with their categories, and one bounded page of pledges. */
export async function listCatalogue({ page = 1 }: { page?: number } = {}) {
	const prisma = getPrisma()
	const [politicians, categories, platforms, pledges, pledgeCount] = await Promise.all([
		prisma.politician.findMany({
			orderBy: [{ name: 'asc' }, { id: 'asc' }],
			take: 200,
			select: { id: true, name: true, office: true },
		}),
		prisma.category.findMany({
			orderBy: [{ platformId: 'asc' }, { parentId: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }],
			take: 500,
			select: {
				id: true,
				title: true,
				slug: true,
				platform: { select: { title: true } },
				parent: { select: { title: true } },
			},
		}),
		prisma.platform.findMany({
			orderBy: [{ electionDate: 'desc' }, { id: 'asc' }],
			take: 100,
			select: {
				id: true,
				slug: true,
				title: true,
				politician: { select: { name: true } },
				_count: { select: { pledges: true, categories: true } },
			},
		}),
		prisma.pledge.findMany({
			orderBy: [{ platformId: 'asc' }, { categoryId: 'asc' }, { position: 'asc' }, { id: 'asc' }],
			skip: (page - 1) * cataloguePledgePageSize,
			take: cataloguePledgePageSize,
			select: {
				id: true,
				slug: true,
				title: true,
				kind: true,
				status: true,
				platform: { select: { slug: true } },
				category: { select: { title: true } },
			},
		}),
		prisma.pledge.count(),
	])
	return {
		politicians,
		categories,
		platforms,
		pledges,
		pledgeCount,
		pageCount: Math.max(1, Math.ceil(pledgeCount / cataloguePledgePageSize)),
	}
}

/**
 * Platforms with their categories, for choosing where a pledge belongs (bounded: staff data, not public);
 * only `platformId`'s when given, for editing a pledge, which stays on its platform.
 */
export async function listPledgePlacements({ platformId }: { platformId?: string } = {}) {
	return getPrisma().platform.findMany({
		where: platformId ? { id: platformId } : {},
		orderBy: [{ electionDate: 'desc' }, { id: 'asc' }],
		take: 100,
		select: {
			id: true,
			title: true,
			categories: {
				orderBy: [{ parentId: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }, { id: 'asc' }],
				take: 500,
				select: { id: true, title: true, parent: { select: { title: true } } },
			},
		},
	})
}

const pledgeEditSelect = {
	id: true,
	platformId: true,
	categoryId: true,
	slug: true,
	title: true,
	summary: true,
	quote: true,
	sourceUrl: true,
	sourceDate: true,
	kind: true,
	deadline: true,
	status: true,
	version: true,
	platform: { select: { slug: true, title: true } },
	translations: { orderBy: { locale: 'asc' }, select: { locale: true, title: true, summary: true } },
	indicator: {
		select: {
			name: true,
			unit: true,
			baselineValue: true,
			baselineDate: true,
			targetValue: true,
			targetDate: true,
			direction: true,
		},
	},
	milestoneSteps: { orderBy: { position: 'asc' }, select: { position: true, title: true, doneOn: true } },
} satisfies Prisma.PledgeSelect

type PledgeRecord = Prisma.PledgeGetPayload<{ select: typeof pledgeEditSelect }>

/** A pledge as its edit form shows it: every value as the text a field holds. */
function pledgeFormValues(pledge: PledgeRecord) {
	const translation = (locale: 'RU' | 'KK') => pledge.translations.find((t) => t.locale === locale)
	const indicator = pledge.indicator
	return {
		id: pledge.id,
		slug: pledge.slug,
		kind: pledge.kind,
		status: pledge.status,
		platformId: pledge.platformId,
		platform: pledge.platform,
		version: String(pledge.version),
		categoryId: pledge.categoryId,
		title: pledge.title,
		summary: pledge.summary,
		quote: pledge.quote,
		sourceUrl: pledge.sourceUrl,
		sourceDate: isoDateOf(pledge.sourceDate),
		deadline: isoDateOf(pledge.deadline),
		ruTitle: translation('RU')?.title ?? '',
		ruSummary: translation('RU')?.summary ?? '',
		kkTitle: translation('KK')?.title ?? '',
		kkSummary: translation('KK')?.summary ?? '',
		indicatorName: indicator?.name ?? '',
		indicatorUnit: indicator?.unit ?? '',
		baselineValue: indicator?.baselineValue?.toString() ?? '',
		baselineDate: indicator?.baselineDate ? isoDateOf(indicator.baselineDate) : '',
		targetValue: indicator?.targetValue.toString() ?? '',
		targetDate: indicator ? isoDateOf(indicator.targetDate) : '',
		direction: indicator?.direction ?? '',
		steps: pledge.milestoneSteps.map((step) => ({
			title: step.title,
			doneOn: step.doneOn ? isoDateOf(step.doneOn) : '',
		})),
	}
}

export type PledgeForm = ReturnType<typeof pledgeFormValues>

/** The pledge as the audit log keeps it: its form values without what the form does not change. */
function auditSnapshot(form: PledgeForm) {
	const { platform: _platform, status: _status, version: _version, ...snapshot } = form
	return snapshot
}

export async function getPledgeForm(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	const pledge = await tx.pledge.findUnique({ where: { id }, select: pledgeEditSelect })
	return pledge ? pledgeFormValues(pledge) : null
}

type PledgeContent = Omit<PledgeEditInput, 'version'>

function translationRows(input: PledgeContent) {
	return [
		{ locale: 'RU' as const, title: input.ruTitle, summary: input.ruSummary },
		{ locale: 'KK' as const, title: input.kkTitle, summary: input.kkSummary },
	]
}

/** Writes a pledge's translations, indicator and steps to match the form (the pledge row is written already). */
async function writePledgeParts(
	tx: Prisma.TransactionClient,
	pledgeId: string,
	kind: PledgeRecord['kind'],
	input: PledgeContent,
) {
	for (const row of translationRows(input)) {
		if (row.title !== undefined && row.summary !== undefined) {
			await tx.pledgeTranslation.upsert({
				where: { pledgeId_locale: { pledgeId, locale: row.locale } },
				create: { pledgeId, locale: row.locale, title: row.title, summary: row.summary },
				update: { title: row.title, summary: row.summary },
			})
		} else {
			await tx.pledgeTranslation.deleteMany({ where: { pledgeId, locale: row.locale } })
		}
	}
	if (
		kind === 'QUANTITATIVE' &&
		input.indicatorName !== undefined &&
		input.indicatorUnit !== undefined &&
		input.targetValue !== undefined &&
		input.targetDate !== undefined &&
		input.direction !== undefined
	) {
		const indicator = {
			name: input.indicatorName,
			unit: input.indicatorUnit,
			baselineValue: input.baselineValue ?? null,
			baselineDate: input.baselineDate ?? null,
			targetValue: input.targetValue,
			targetDate: input.targetDate,
			direction: input.direction,
		}
		await tx.indicator.upsert({
			where: { pledgeId },
			create: { pledgeId, ...indicator },
			update: { ...indicator, version: { increment: 1 } },
		})
	}
	if (kind === 'MILESTONE') {
		// Steps carry nothing but their text and date, so the form's list replaces the stored one.
		await tx.milestoneStep.deleteMany({ where: { pledgeId } })
		await tx.milestoneStep.createMany({
			data: stepsOf(input).map((step, index) => ({
				pledgeId,
				position: index + 1,
				title: step.title,
				doneOn: step.doneOn,
			})),
		})
	}
}

export type PledgeSaveResult =
	| { status: 'saved'; pledge: PledgeForm }
	| { status: 'conflict'; pledge: PledgeForm }
	| { status: 'invalid'; fieldErrors: Record<string, string[]> }
	| { status: 'not-found' }

async function categoryProblem(tx: Prisma.TransactionClient, platformId: string, categoryId: string) {
	const category = await tx.category.findUnique({ where: { id: categoryId }, select: { platformId: true } })
	return category?.platformId === platformId ? null : { categoryId: ['Choose a category of this platform.'] }
}

/**
 * Saves an edit of a pledge with its translations, indicator and steps, in one transaction with its audit
 * entry. Refused (nothing written) when the pledge changed since the form was loaded. The status is never
 * written here: the ledger owns it.
 */
export async function updatePledge(
	id: string,
	input: PledgeEditInput,
	actor: CatalogueActor,
): Promise<PledgeSaveResult> {
	return getPrisma().$transaction(async (tx) => {
		const before = await getPledgeForm(id, tx)
		if (!before) return { status: 'not-found' }
		if (before.version !== String(input.version)) return { status: 'conflict', pledge: before }
		const problem = await categoryProblem(tx, before.platformId, input.categoryId)
		if (problem) return { status: 'invalid', fieldErrors: problem }
		const { count } = await tx.pledge.updateMany({
			where: { id, version: input.version },
			data: {
				categoryId: input.categoryId,
				title: input.title,
				summary: input.summary,
				quote: input.quote,
				sourceUrl: input.sourceUrl,
				sourceDate: input.sourceDate,
				deadline: input.deadline,
				version: { increment: 1 },
			},
		})
		if (count === 0) return { status: 'conflict', pledge: before }
		await writePledgeParts(tx, id, before.kind, input)
		const after = await getPledgeForm(id, tx)
		if (!after) throw new Error('The pledge vanished inside its own transaction')
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'pledge.update',
			entityType: 'Pledge',
			entityId: id,
			before: auditSnapshot(before),
			after: auditSnapshot(after),
			ipAddress: actor.ipAddress,
		})
		return { status: 'saved', pledge: after }
	})
}

/** Creates a pledge (status NOT_RATED until the ledger says otherwise) with its parts and audit entry. */
export async function createPledge(
	input: PledgeCreateInput,
	actor: CatalogueActor,
): Promise<PledgeSaveResult> {
	try {
		return await getPrisma().$transaction(async (tx) => {
			const platform = await tx.platform.findUnique({ where: { id: input.platformId }, select: { id: true } })
			if (!platform)
				return { status: 'invalid', fieldErrors: { platformId: ['Choose a platform from the list.'] } }
			const problem = await categoryProblem(tx, input.platformId, input.categoryId)
			if (problem) return { status: 'invalid', fieldErrors: problem }
			const position = await tx.pledge.count({ where: { categoryId: input.categoryId } })
			const created = await tx.pledge.create({
				data: {
					platformId: input.platformId,
					categoryId: input.categoryId,
					slug: input.slug,
					kind: input.kind,
					title: input.title,
					summary: input.summary,
					quote: input.quote,
					sourceUrl: input.sourceUrl,
					sourceDate: input.sourceDate,
					deadline: input.deadline,
					position,
				},
				select: { id: true },
			})
			await writePledgeParts(tx, created.id, input.kind, input)
			const after = await getPledgeForm(created.id, tx)
			if (!after) throw new Error('The pledge vanished inside its own transaction')
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'pledge.create',
				entityType: 'Pledge',
				entityId: created.id,
				after: auditSnapshot(after),
				ipAddress: actor.ipAddress,
			})
			return { status: 'saved', pledge: after }
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			return { status: 'invalid', fieldErrors: { slug: ['Another pledge of this platform has this slug.'] } }
		}
		throw error
	}
}

/** What saving a politician or a category answers; `record` is the stored one, as its form shows it. */
export type RecordSaveResult<Form> =
	| { status: 'saved'; record: Form }
	| { status: 'conflict'; record: Form }
	| { status: 'invalid'; fieldErrors: Record<string, string[]> }
	| { status: 'not-found' }

function isUniqueViolation(error: unknown) {
	return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

// Politicians

const politicianSelect = { id: true, slug: true, name: true, office: true, version: true } as const

export async function listPoliticians() {
	return getPrisma().politician.findMany({
		orderBy: [{ name: 'asc' }, { id: 'asc' }],
		take: 200,
		select: politicianSelect,
	})
}

export async function getPoliticianForm(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	const politician = await tx.politician.findUnique({ where: { id }, select: politicianSelect })
	return politician ? { ...politician, version: String(politician.version) } : null
}

export type PoliticianForm = NonNullable<Awaited<ReturnType<typeof getPoliticianForm>>>

export async function createPolitician(
	input: PoliticianCreateInput,
	actor: CatalogueActor,
): Promise<RecordSaveResult<PoliticianForm>> {
	try {
		return await getPrisma().$transaction(async (tx) => {
			const created = await tx.politician.create({ data: input, select: politicianSelect })
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'politician.create',
				entityType: 'Politician',
				entityId: created.id,
				after: { slug: created.slug, name: created.name, office: created.office },
				ipAddress: actor.ipAddress,
			})
			return { status: 'saved', record: { ...created, version: String(created.version) } }
		})
	} catch (error) {
		if (isUniqueViolation(error)) {
			return { status: 'invalid', fieldErrors: { slug: ['Another politician has this slug.'] } }
		}
		throw error
	}
}

export async function updatePolitician(
	id: string,
	input: PoliticianEditInput,
	actor: CatalogueActor,
): Promise<RecordSaveResult<PoliticianForm>> {
	return getPrisma().$transaction(async (tx) => {
		const before = await getPoliticianForm(id, tx)
		if (!before) return { status: 'not-found' }
		const { count } = await tx.politician.updateMany({
			where: { id, version: input.version },
			data: { name: input.name, office: input.office, version: { increment: 1 } },
		})
		if (count === 0) return { status: 'conflict', record: before }
		const after = await getPoliticianForm(id, tx)
		if (!after) throw new Error('The politician vanished inside its own transaction')
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'politician.update',
			entityType: 'Politician',
			entityId: id,
			before: { name: before.name, office: before.office },
			after: { name: after.name, office: after.office },
			ipAddress: actor.ipAddress,
		})
		return { status: 'saved', record: after }
	})
}

// Categories

const categorySelect = {
	id: true,
	platformId: true,
	parentId: true,
	slug: true,
	title: true,
	summary: true,
	position: true,
	version: true,
	platform: { select: { title: true } },
	translations: { select: { locale: true, title: true, summary: true } },
} satisfies Prisma.CategorySelect

export async function getCategoryForm(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	const category = await tx.category.findUnique({ where: { id }, select: categorySelect })
	if (!category) return null
	const translation = (locale: 'RU' | 'KK') => category.translations.find((t) => t.locale === locale)
	return {
		id: category.id,
		platformId: category.platformId,
		platform: category.platform,
		slug: category.slug,
		version: String(category.version),
		parentId: category.parentId ?? '',
		title: category.title,
		summary: category.summary ?? '',
		position: String(category.position),
		ruTitle: translation('RU')?.title ?? '',
		ruSummary: translation('RU')?.summary ?? '',
		kkTitle: translation('KK')?.title ?? '',
		kkSummary: translation('KK')?.summary ?? '',
	}
}

export type CategoryForm = NonNullable<Awaited<ReturnType<typeof getCategoryForm>>>

/** The principles (top-level categories) of each platform, the only possible parents of a category. */
export async function listCategoryParents({ platformId }: { platformId?: string } = {}) {
	return getPrisma().platform.findMany({
		where: platformId ? { id: platformId } : {},
		orderBy: [{ electionDate: 'desc' }, { id: 'asc' }],
		take: 100,
		select: {
			id: true,
			title: true,
			categories: {
				where: { parentId: null },
				orderBy: [{ position: 'asc' }, { id: 'asc' }],
				take: 200,
				select: { id: true, title: true },
			},
		},
	})
}

function categorySnapshot(form: CategoryForm) {
	const { platform: _platform, version: _version, ...snapshot } = form
	return snapshot
}

/** A parent must be a principle of the same platform, and a principle with topics cannot become a topic. */
async function parentProblem(
	tx: Prisma.TransactionClient,
	{ platformId, parentId, categoryId }: { platformId: string; parentId?: string; categoryId?: string },
) {
	if (parentId === undefined) return null
	const parent = await tx.category.findUnique({
		where: { id: parentId },
		select: { platformId: true, parentId: true },
	})
	if (!parent || parent.platformId !== platformId || parent.parentId !== null || parentId === categoryId) {
		return { parentId: ['Choose a principle of this platform, or none.'] }
	}
	if (categoryId && (await tx.category.count({ where: { parentId: categoryId } })) > 0) {
		return { parentId: ['This principle has topics under it, so it cannot become a topic itself.'] }
	}
	return null
}

async function writeCategoryTranslations(
	tx: Prisma.TransactionClient,
	categoryId: string,
	input: CategoryEditInput | CategoryCreateInput,
) {
	for (const row of [
		{ locale: 'RU' as const, title: input.ruTitle, summary: input.ruSummary ?? null },
		{ locale: 'KK' as const, title: input.kkTitle, summary: input.kkSummary ?? null },
	]) {
		if (row.title === undefined) {
			await tx.categoryTranslation.deleteMany({ where: { categoryId, locale: row.locale } })
		} else {
			await tx.categoryTranslation.upsert({
				where: { categoryId_locale: { categoryId, locale: row.locale } },
				create: { categoryId, locale: row.locale, title: row.title, summary: row.summary },
				update: { title: row.title, summary: row.summary },
			})
		}
	}
}

export async function createCategory(
	input: CategoryCreateInput,
	actor: CatalogueActor,
): Promise<RecordSaveResult<CategoryForm>> {
	try {
		return await getPrisma().$transaction(async (tx) => {
			const platform = await tx.platform.findUnique({ where: { id: input.platformId }, select: { id: true } })
			if (!platform)
				return { status: 'invalid', fieldErrors: { platformId: ['Choose a platform from the list.'] } }
			const problem = await parentProblem(tx, { platformId: input.platformId, parentId: input.parentId })
			if (problem) return { status: 'invalid', fieldErrors: problem }
			const created = await tx.category.create({
				data: {
					platformId: input.platformId,
					parentId: input.parentId ?? null,
					slug: input.slug,
					title: input.title,
					summary: input.summary ?? null,
					position: input.position,
				},
				select: { id: true },
			})
			await writeCategoryTranslations(tx, created.id, input)
			const after = await getCategoryForm(created.id, tx)
			if (!after) throw new Error('The category vanished inside its own transaction')
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'category.create',
				entityType: 'Category',
				entityId: created.id,
				after: categorySnapshot(after),
				ipAddress: actor.ipAddress,
			})
			return { status: 'saved', record: after }
		})
	} catch (error) {
		if (isUniqueViolation(error)) {
			return {
				status: 'invalid',
				fieldErrors: { slug: ['Another category of this platform has this slug.'] },
			}
		}
		throw error
	}
}

export async function updateCategory(
	id: string,
	input: CategoryEditInput,
	actor: CatalogueActor,
): Promise<RecordSaveResult<CategoryForm>> {
	return getPrisma().$transaction(async (tx) => {
		const before = await getCategoryForm(id, tx)
		if (!before) return { status: 'not-found' }
		if (before.version !== String(input.version)) return { status: 'conflict', record: before }
		const problem = await parentProblem(tx, {
			platformId: before.platformId,
			parentId: input.parentId,
			categoryId: id,
		})
		if (problem) return { status: 'invalid', fieldErrors: problem }
		const { count } = await tx.category.updateMany({
			where: { id, version: input.version },
			data: {
				parentId: input.parentId ?? null,
				title: input.title,
				summary: input.summary ?? null,
				position: input.position,
				version: { increment: 1 },
			},
		})
		if (count === 0) return { status: 'conflict', record: before }
		await writeCategoryTranslations(tx, id, input)
		const after = await getCategoryForm(id, tx)
		if (!after) throw new Error('The category vanished inside its own transaction')
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'category.update',
			entityType: 'Category',
			entityId: id,
			before: categorySnapshot(before),
			after: categorySnapshot(after),
			ipAddress: actor.ipAddress,
		})
		return { status: 'saved', record: after }
	})
}

// Platforms

const platformSelect = {
	id: true,
	slug: true,
	politicianId: true,
	title: true,
	summary: true,
	electionDate: true,
	termStart: true,
	termEnd: true,
	sourceUrl: true,
	sourceTitle: true,
	sourcePublisher: true,
	sourcePublishedAt: true,
	version: true,
} satisfies Prisma.PlatformSelect

export async function getPlatformForm(id: string, tx: Prisma.TransactionClient = getPrisma()) {
	const platform = await tx.platform.findUnique({ where: { id }, select: platformSelect })
	if (!platform) return null
	return {
		id: platform.id,
		slug: platform.slug,
		version: String(platform.version),
		politicianId: platform.politicianId,
		title: platform.title,
		summary: platform.summary ?? '',
		electionDate: isoDateOf(platform.electionDate),
		termStart: isoDateOf(platform.termStart),
		termEnd: isoDateOf(platform.termEnd),
		sourceUrl: platform.sourceUrl,
		sourceTitle: platform.sourceTitle,
		sourcePublisher: platform.sourcePublisher,
		sourcePublishedAt: platform.sourcePublishedAt ? isoDateOf(platform.sourcePublishedAt) : '',
	}
}

export type PlatformForm = NonNullable<Awaited<ReturnType<typeof getPlatformForm>>>

function platformData(input: PlatformCreateInput | PlatformEditInput) {
	return {
		politicianId: input.politicianId,
		title: input.title,
		summary: input.summary ?? null,
		electionDate: input.electionDate,
		termStart: input.termStart,
		termEnd: input.termEnd,
		sourceUrl: input.sourceUrl,
		sourceTitle: input.sourceTitle,
		sourcePublisher: input.sourcePublisher,
		sourcePublishedAt: input.sourcePublishedAt ?? null,
	}
}

function platformSnapshot(form: PlatformForm) {
	const { version: _version, ...snapshot } = form
	return snapshot
}

async function politicianProblem(tx: Prisma.TransactionClient, politicianId: string) {
	const politician = await tx.politician.findUnique({ where: { id: politicianId }, select: { id: true } })
	return politician ? null : { politicianId: ['Choose a politician from the list.'] }
}

export async function createPlatform(
	input: PlatformCreateInput,
	actor: CatalogueActor,
): Promise<RecordSaveResult<PlatformForm>> {
	try {
		return await getPrisma().$transaction(async (tx) => {
			const problem = await politicianProblem(tx, input.politicianId)
			if (problem) return { status: 'invalid', fieldErrors: problem }
			const created = await tx.platform.create({
				data: { slug: input.slug, ...platformData(input) },
				select: { id: true },
			})
			const after = await getPlatformForm(created.id, tx)
			if (!after) throw new Error('The platform vanished inside its own transaction')
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'platform.create',
				entityType: 'Platform',
				entityId: created.id,
				after: platformSnapshot(after),
				ipAddress: actor.ipAddress,
			})
			return { status: 'saved', record: after }
		})
	} catch (error) {
		if (isUniqueViolation(error)) {
			return { status: 'invalid', fieldErrors: { slug: ['Another platform has this slug.'] } }
		}
		throw error
	}
}

export async function updatePlatform(
	id: string,
	input: PlatformEditInput,
	actor: CatalogueActor,
): Promise<RecordSaveResult<PlatformForm>> {
	return getPrisma().$transaction(async (tx) => {
		const before = await getPlatformForm(id, tx)
		if (!before) return { status: 'not-found' }
		if (before.version !== String(input.version)) return { status: 'conflict', record: before }
		const problem = await politicianProblem(tx, input.politicianId)
		if (problem) return { status: 'invalid', fieldErrors: problem }
		const { count } = await tx.platform.updateMany({
			where: { id, version: input.version },
			data: { ...platformData(input), version: { increment: 1 } },
		})
		if (count === 0) return { status: 'conflict', record: before }
		const after = await getPlatformForm(id, tx)
		if (!after) throw new Error('The platform vanished inside its own transaction')
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'platform.update',
			entityType: 'Platform',
			entityId: id,
			before: platformSnapshot(before),
			after: platformSnapshot(after),
			ipAddress: actor.ipAddress,
		})
		return { status: 'saved', record: after }
	})
}
