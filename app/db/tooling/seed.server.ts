import { fairKazakhstan } from '../../../prisma/seed/fair-kazakhstan'
import { Prisma } from '~/.server/prisma/client'
import type { IndicatorDirection, Locale, PrismaClient } from '~/.server/prisma/client'

/** A calendar date as `YYYY-MM-DD`, for the schema's `@db.Date` columns. */
export type IsoDate = `${number}-${number}-${number}`

/** English is the record itself; translations carry the other languages. */
type TranslationLocale = Exclude<Locale, 'EN'>

export type CategoryTranslationSeed = { locale: TranslationLocale; title: string; summary: string | null }
export type PledgeTranslationSeed = { locale: TranslationLocale; title: string; summary: string }

export type PoliticianTranslationSeed = { locale: TranslationLocale; name: string; office: string }
export type PlatformTranslationSeed = { locale: TranslationLocale; title: string; summary: string | null }
export type IndicatorTranslationSeed = { locale: TranslationLocale; name: string; unit: string }
export type MilestoneStepSeed = {
	title: string
	translations: Array<{ locale: TranslationLocale; title: string }>
}

export type IndicatorSeed = {
	name: string
	unit: string
	translations: IndicatorTranslationSeed[]
	baselineValue: number | null
	baselineDate: IsoDate | null
	targetValue: number
	targetDate: IsoDate
	direction: IndicatorDirection
}

type PledgeSeedCommon = {
	slug: string
	title: string
	summary: string
	/** The source's own words, verbatim. */
	quote: string
	sourceUrl: string
	sourceDate: IsoDate
	deadline: IsoDate
	/** A seed never rates a pledge: ratings come only from the ledger, with evidence. */
	status: 'NOT_RATED'
	translations: PledgeTranslationSeed[]
}

// The kind decides what else a pledge needs, so a quantitative pledge without an indicator does not type-check.
export type PledgeSeed = PledgeSeedCommon &
	(
		| { kind: 'QUANTITATIVE'; indicator: IndicatorSeed }
		| { kind: 'MILESTONE'; milestoneSteps: MilestoneStepSeed[] }
		| { kind: 'QUALITATIVE' }
	)

export type CategorySeed = {
	slug: string
	title: string
	summary: string | null
	translations: CategoryTranslationSeed[]
	pledges: PledgeSeed[]
}

export type PlatformSeed = {
	politician: { slug: string; name: string; office: string; translations: PoliticianTranslationSeed[] }
	slug: string
	title: string
	summary: string | null
	translations: PlatformTranslationSeed[]
	electionDate: IsoDate
	termStart: IsoDate
	termEnd: IsoDate
	sourceUrl: string
	sourceTitle: string
	sourcePublisher: string
	sourcePublishedAt: IsoDate | null
	categories: CategorySeed[]
}

/** The platforms `seed` writes. A second platform is a second data file added here. */
export const seedPlatforms: PlatformSeed[] = [fairKazakhstan]

export type SeedCounts = { created: number; unchanged: number; differs: number }

export type SeededTable =
	| 'politician'
	| 'politicianTranslation'
	| 'platform'
	| 'platformTranslation'
	| 'category'
	| 'categoryTranslation'
	| 'pledge'
	| 'pledgeTranslation'
	| 'indicator'
	| 'indicatorTranslation'
	| 'milestoneStep'
	| 'milestoneStepTranslation'

/**
 * A stored record that no longer matches the seed data and was kept as it is. `key` is its natural key:
 * `<politician>` or `<platform>` (slugs), `<platform>/<category>`, `<platform>/<category>/<locale>`,
 * `<platform>/<pledge>` (for the pledge and its indicator), `<platform>/<pledge>/<locale>` and
 * `<platform>/<pledge>/steps/<position>`. `fields` are the seeded fields whose stored value differs.
 */
export type SeedDifference = { table: SeededTable; key: string; fields: string[] }

export type SeedResult = SeedCounts & {
	byTable: Record<SeededTable, SeedCounts>
	differences: SeedDifference[]
}

/**
 * Creates whatever records of the seed platforms are missing, matched by their natural keys, in one
 * transaction, and never writes to a record that exists.
 *
 * Once a record exists the app (its audited admin forms) is its source of truth, so running the seed on
 * a live database never reverts an edit: an existing record that no longer equals the seed data is kept
 * as it is and reported in `differences`. A second run creates nothing and writes no row (no `updatedAt`
 * or `version` moves). Nothing is deleted, and rows the seed does not know (added by admins) are left
 * alone. A seeded pledge whose stored kind is no longer the seeded one (reported as a difference in
 * `kind`) gets no missing indicator or milestone steps, since they would not fit its kind.
 */
export async function seed(prisma: PrismaClient): Promise<SeedResult> {
	const result = emptyResult()
	// Generous because a first run on a slow CI machine makes about a hundred round trips.
	await prisma.$transaction(
		async (tx) => {
			for (const platform of seedPlatforms) await seedPlatform(tx, platform, result)
		},
		{ timeout: 60_000 },
	)
	return result
}

type SeededValue = string | number | null | Date | Prisma.Decimal

/**
 * Returns the stored record when there is one (counting it unchanged, or reporting how it differs from
 * `wanted`), and otherwise creates it. Never writes to a stored record.
 */
async function keepOrCreate<Stored extends Record<string, unknown>, Created>(
	result: SeedResult,
	{
		table,
		key,
		stored,
		wanted,
		create,
	}: {
		table: SeededTable
		key: string
		stored: Stored | null | undefined
		wanted: Record<string, SeededValue>
		create: () => Promise<Created>
	},
): Promise<Stored | Created> {
	const count = (outcome: keyof SeedCounts) => {
		result[outcome]++
		result.byTable[table][outcome]++
	}
	if (!stored) {
		const created = await create()
		count('created')
		return created
	}
	const fields = differingFields(stored, wanted)
	if (fields.length === 0) count('unchanged')
	else {
		count('differs')
		result.differences.push({ table, key, fields })
	}
	return stored
}

async function seedPlatform(tx: Prisma.TransactionClient, seedData: PlatformSeed, result: SeedResult) {
	const wantedPolitician = { name: seedData.politician.name, office: seedData.politician.office }
	const politician = await keepOrCreate(result, {
		table: 'politician',
		key: seedData.politician.slug,
		stored: await tx.politician.findUnique({
			where: { slug: seedData.politician.slug },
			include: { translations: true },
		}),
		wanted: wantedPolitician,
		create: async () => ({
			...(await tx.politician.create({ data: { slug: seedData.politician.slug, ...wantedPolitician } })),
			translations: [],
		}),
	})
	for (const translation of seedData.politician.translations) {
		const wanted = { name: translation.name, office: translation.office }
		await keepOrCreate(result, {
			table: 'politicianTranslation',
			key: `${seedData.politician.slug}/${translation.locale}`,
			stored: politician.translations.find((candidate) => candidate.locale === translation.locale),
			wanted,
			create: () =>
				tx.politicianTranslation.create({
					data: { politicianId: politician.id, locale: translation.locale, ...wanted },
				}),
		})
	}

	const wantedPlatform = {
		politicianId: politician.id,
		title: seedData.title,
		summary: seedData.summary,
		electionDate: toDate(seedData.electionDate),
		termStart: toDate(seedData.termStart),
		termEnd: toDate(seedData.termEnd),
		sourceUrl: seedData.sourceUrl,
		sourceTitle: seedData.sourceTitle,
		sourcePublisher: seedData.sourcePublisher,
		sourcePublishedAt: seedData.sourcePublishedAt === null ? null : toDate(seedData.sourcePublishedAt),
	}
	const platform = await keepOrCreate(result, {
		table: 'platform',
		key: seedData.slug,
		stored: await tx.platform.findUnique({ where: { slug: seedData.slug }, include: { translations: true } }),
		wanted: wantedPlatform,
		// A seeded platform is public from the start (a new one an admin enters begins as a draft).
		create: async () => ({
			...(await tx.platform.create({
				data: { slug: seedData.slug, ...wantedPlatform, publishedAt: new Date() },
			})),
			translations: [],
		}),
	})
	const platformId = platform.id
	for (const translation of seedData.translations) {
		const wanted = { title: translation.title, summary: translation.summary }
		await keepOrCreate(result, {
			table: 'platformTranslation',
			key: `${seedData.slug}/${translation.locale}`,
			stored: platform.translations.find((candidate) => candidate.locale === translation.locale),
			wanted,
			create: () =>
				tx.platformTranslation.create({ data: { platformId, locale: translation.locale, ...wanted } }),
		})
	}

	// One read per table for the whole platform, so a run that creates nothing is a handful of queries.
	// At most one relation per `include`: Prisma reads the relations of one `include` at the same time,
	// which inside this transaction means two queries at once on its one pg connection (deprecated by pg).
	const existingCategories = await tx.category.findMany({
		where: { platformId },
		include: { translations: true },
	})
	const storedPledges = await tx.pledge.findMany({ where: { platformId }, include: { translations: true } })
	const storedIndicators = await tx.indicator.findMany({
		where: { pledge: { platformId } },
		include: { translations: true },
	})
	const storedSteps = await tx.milestoneStep.findMany({
		where: { pledge: { platformId } },
		include: { translations: true },
	})
	const existingPledges: ExistingPledge[] = storedPledges.map((pledge) => ({
		...pledge,
		indicator: storedIndicators.find((indicator) => indicator.pledgeId === pledge.id) ?? null,
		milestoneSteps: storedSteps.filter((step) => step.pledgeId === pledge.id),
	}))

	for (const [categoryPosition, categorySeed] of seedData.categories.entries()) {
		const categoryKey = `${seedData.slug}/${categorySeed.slug}`
		const wantedCategory = {
			parentId: null,
			title: categorySeed.title,
			summary: categorySeed.summary,
			position: categoryPosition,
		}
		const existingCategory = existingCategories.find((category) => category.slug === categorySeed.slug)
		const category = await keepOrCreate(result, {
			table: 'category',
			key: categoryKey,
			stored: existingCategory,
			wanted: wantedCategory,
			create: () => tx.category.create({ data: { platformId, slug: categorySeed.slug, ...wantedCategory } }),
		})
		const categoryId = category.id

		for (const translation of categorySeed.translations) {
			const wantedTranslation = { title: translation.title, summary: translation.summary }
			await keepOrCreate(result, {
				table: 'categoryTranslation',
				key: `${categoryKey}/${translation.locale}`,
				stored: existingCategory?.translations.find((candidate) => candidate.locale === translation.locale),
				wanted: wantedTranslation,
				create: () =>
					tx.categoryTranslation.create({
						data: { categoryId, locale: translation.locale, ...wantedTranslation },
					}),
			})
		}

		for (const [pledgePosition, pledgeSeed] of categorySeed.pledges.entries()) {
			await seedPledge(tx, result, {
				platformId,
				categoryId,
				position: pledgePosition,
				pledgeKey: `${seedData.slug}/${pledgeSeed.slug}`,
				pledgeSeed,
				existing: existingPledges.find((pledge) => pledge.slug === pledgeSeed.slug),
			})
		}
	}
}

type ExistingPledge = Prisma.PledgeGetPayload<{
	include: {
		translations: true
		indicator: { include: { translations: true } }
		milestoneSteps: { include: { translations: true } }
	}
}>

async function seedPledge(
	tx: Prisma.TransactionClient,
	result: SeedResult,
	{
		platformId,
		categoryId,
		position,
		pledgeKey,
		pledgeSeed,
		existing,
	}: {
		platformId: string
		categoryId: string
		position: number
		pledgeKey: string
		pledgeSeed: PledgeSeed
		existing: ExistingPledge | undefined
	},
) {
	// `status` is deliberately absent: it is derived from the ledger, so a rated pledge does not differ.
	const wantedPledge = {
		categoryId,
		title: pledgeSeed.title,
		summary: pledgeSeed.summary,
		quote: pledgeSeed.quote,
		sourceUrl: pledgeSeed.sourceUrl,
		sourceDate: toDate(pledgeSeed.sourceDate),
		kind: pledgeSeed.kind,
		deadline: toDate(pledgeSeed.deadline),
		position,
	}
	const pledge = await keepOrCreate(result, {
		table: 'pledge',
		key: pledgeKey,
		stored: existing,
		wanted: wantedPledge,
		create: () =>
			tx.pledge.create({
				data: { platformId, slug: pledgeSeed.slug, status: pledgeSeed.status, ...wantedPledge },
			}),
	})
	const pledgeId = pledge.id

	for (const translation of pledgeSeed.translations) {
		const wantedTranslation = { title: translation.title, summary: translation.summary }
		await keepOrCreate(result, {
			table: 'pledgeTranslation',
			key: `${pledgeKey}/${translation.locale}`,
			stored: existing?.translations.find((candidate) => candidate.locale === translation.locale),
			wanted: wantedTranslation,
			create: () =>
				tx.pledgeTranslation.create({ data: { pledgeId, locale: translation.locale, ...wantedTranslation } }),
		})
	}

	// An indicator or steps are created only for a pledge still of the seeded kind (see `seed`).
	if (pledgeSeed.kind === 'QUANTITATIVE' && pledge.kind === 'QUANTITATIVE') {
		const indicatorSeed = pledgeSeed.indicator
		const wantedIndicator = {
			name: indicatorSeed.name,
			unit: indicatorSeed.unit,
			baselineValue:
				indicatorSeed.baselineValue === null ? null : new Prisma.Decimal(indicatorSeed.baselineValue),
			baselineDate: indicatorSeed.baselineDate === null ? null : toDate(indicatorSeed.baselineDate),
			targetValue: new Prisma.Decimal(indicatorSeed.targetValue),
			targetDate: toDate(indicatorSeed.targetDate),
			direction: indicatorSeed.direction,
		}
		const indicator = await keepOrCreate(result, {
			table: 'indicator',
			key: pledgeKey,
			stored: existing?.indicator,
			wanted: wantedIndicator,
			create: async () => ({
				...(await tx.indicator.create({ data: { pledgeId, ...wantedIndicator } })),
				translations: [],
			}),
		})
		for (const translation of indicatorSeed.translations) {
			const wanted = { name: translation.name, unit: translation.unit }
			await keepOrCreate(result, {
				table: 'indicatorTranslation',
				key: `${pledgeKey}/${translation.locale}`,
				stored: indicator.translations.find((candidate) => candidate.locale === translation.locale),
				wanted,
				create: () =>
					tx.indicatorTranslation.create({
						data: { indicatorId: indicator.id, locale: translation.locale, ...wanted },
					}),
			})
		}
	}

	if (pledgeSeed.kind === 'MILESTONE' && pledge.kind === 'MILESTONE') {
		for (const [stepPosition, stepSeed] of pledgeSeed.milestoneSteps.entries()) {
			// `doneOn` is not seed data: marking a step done is a later fact, so a done step does not differ.
			const wantedStep = { title: stepSeed.title }
			const stepKey = `${pledgeKey}/steps/${stepPosition}`
			const step = await keepOrCreate(result, {
				table: 'milestoneStep',
				key: stepKey,
				stored: existing?.milestoneSteps.find((candidate) => candidate.position === stepPosition),
				wanted: wantedStep,
				create: async () => ({
					...(await tx.milestoneStep.create({ data: { pledgeId, position: stepPosition, ...wantedStep } })),
					translations: [],
				}),
			})
			for (const translation of stepSeed.translations) {
				const wanted = { title: translation.title }
				await keepOrCreate(result, {
					table: 'milestoneStepTranslation',
					key: `${stepKey}/${translation.locale}`,
					stored: step.translations.find((candidate) => candidate.locale === translation.locale),
					wanted,
					create: () =>
						tx.milestoneStepTranslation.create({
							data: { milestoneStepId: step.id, locale: translation.locale, ...wanted },
						}),
				})
			}
		}
	}
}

/** The wanted fields whose stored value differs (Dates and Decimals compared by value), in seed order. */
function differingFields(stored: Record<string, unknown>, wanted: Record<string, SeededValue>): string[] {
	return Object.entries(wanted)
		.filter(([field, wantedValue]) => !sameValue(stored[field], wantedValue))
		.map(([field]) => field)
}

function sameValue(stored: unknown, wanted: SeededValue): boolean {
	if (wanted instanceof Date) return stored instanceof Date && stored.getTime() === wanted.getTime()
	if (Prisma.Decimal.isDecimal(wanted)) return Prisma.Decimal.isDecimal(stored) && wanted.equals(stored)
	return stored === wanted
}

/** Midnight UTC, which is how Prisma reads and writes `@db.Date` columns. */
function toDate(isoDate: IsoDate): Date {
	const date = new Date(`${isoDate}T00:00:00.000Z`)
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) {
		throw new Error(`Seed data holds an invalid date: ${isoDate}`)
	}
	return date
}

function emptyResult(): SeedResult {
	const zero = (): SeedCounts => ({ created: 0, unchanged: 0, differs: 0 })
	return {
		...zero(),
		byTable: {
			politician: zero(),
			politicianTranslation: zero(),
			platform: zero(),
			platformTranslation: zero(),
			category: zero(),
			categoryTranslation: zero(),
			pledge: zero(),
			pledgeTranslation: zero(),
			indicator: zero(),
			indicatorTranslation: zero(),
			milestoneStep: zero(),
			milestoneStepTranslation: zero(),
		},
		differences: [],
	}
}
