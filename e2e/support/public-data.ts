import { createPrismaClient } from '~/db/prisma.server'
import { createEvidence, createFactChecker, recordMeasurement, recordStatus } from '~/test/ledger-fixtures'
import type { E2eServer } from './servers'
import { uniqueSuffix } from './unique'

/**
 * A small platform of the browser tests' own, written straight to the server's database (never through
 * the seed): an older election than the seeded platform, so the home page still shows "A Fair Kazakhstan".
 * It has ledger entries (with a correction), evidence, an indicator with measurements and a milestone.
 * Published unless `published: false` (a draft, which only signed-in staff can see).
 */
export type TestPlatform = Awaited<ReturnType<typeof createTestPlatform>>

export async function createTestPlatform(server: E2eServer, { published = true } = {}) {
	const prisma = createPrismaClient(server.databaseUrl)
	const suffix = uniqueSuffix()
	const slug = `e2e-platform-${suffix}`
	try {
		const politician = await prisma.politician.create({
			data: { slug: `e2e-politician-${suffix}`, name: 'Test Candidate', office: 'Mayor of Testville' },
		})
		const platform = await prisma.platform.create({
			data: {
				slug,
				politicianId: politician.id,
				title: `Testville Forward ${suffix}`,
				summary: 'A platform made up for the browser tests.',
				electionDate: new Date('2019-06-09'),
				termStart: new Date('2019-06-12'),
				termEnd: new Date('2030-06-12'),
				sourceUrl: 'https://example.org/testville',
				sourceTitle: 'Testville Forward, the programme',
				sourcePublisher: 'Testville Herald',
				publishedAt: published ? new Date() : null,
			},
		})
		const [economy, society] = await Promise.all([
			prisma.category.create({
				data: {
					platformId: platform.id,
					slug: 'economy',
					title: 'Economy',
					position: 1,
					translations: {
						create: [
							{ locale: 'RU', title: 'Экономика' },
							{ locale: 'KK', title: 'Экономика' },
						],
					},
				},
			}),
			// No Kazakh translation: the Kazakh pages fall back to English and say so.
			prisma.category.create({
				data: {
					platformId: platform.id,
					slug: 'society',
					title: 'Society',
					position: 2,
					translations: { create: [{ locale: 'RU', title: 'Общество' }] },
				},
			}),
		])
		const pledge = (
			categoryId: string,
			pledgeSlug: string,
			title: string,
			kind: 'QUANTITATIVE' | 'MILESTONE' | 'QUALITATIVE',
			translations: Array<{ locale: 'RU' | 'KK'; title: string; summary: string }>,
		) =>
			prisma.pledge.create({
				data: {
					platformId: platform.id,
					categoryId,
					slug: pledgeSlug,
					title,
					summary: `${title}, as promised.`,
					quote: `We promise: ${title.toLowerCase()}.`,
					sourceUrl: 'https://example.org/testville',
					sourceDate: new Date('2019-05-01'),
					kind,
					deadline: new Date('2030-06-12'),
					translations: { create: translations },
				},
			})
		const jobs = await pledge(economy.id, 'ten-thousand-jobs', 'Ten thousand new jobs', 'QUANTITATIVE', [
			{ locale: 'RU', title: 'Десять тысяч новых рабочих мест', summary: 'Создать 10 000 рабочих мест.' },
			{ locale: 'KK', title: 'Он мың жаңа жұмыс орны', summary: '10 000 жұмыс орнын құру.' },
		])
		const library = await pledge(society.id, 'new-library', 'A new city library', 'MILESTONE', [
			{ locale: 'RU', title: 'Новая городская библиотека', summary: 'Построить библиотеку.' },
		])
		const parks = await pledge(society.id, 'greener-parks', 'Greener parks', 'QUALITATIVE', [])
		await pledge(economy.id, 'lower-taxes', 'Lower local taxes', 'QUALITATIVE', [
			{ locale: 'RU', title: 'Снижение местных налогов', summary: 'Снизить местные налоги.' },
			{ locale: 'KK', title: 'Жергілікті салықтарды азайту', summary: 'Жергілікті салықтарды азайту.' },
		])
		await prisma.indicator.create({
			data: {
				pledgeId: jobs.id,
				name: 'New jobs in Testville',
				unit: 'jobs',
				baselineValue: 0,
				baselineDate: new Date('2019-06-12'),
				targetValue: 10_000,
				targetDate: new Date('2030-06-12'),
				direction: 'INCREASE',
			},
		})
		await prisma.milestoneStep.createMany({
			data: [
				{ pledgeId: library.id, position: 0, title: 'Site chosen', doneOn: new Date('2020-03-01') },
				{ pledgeId: library.id, position: 1, title: 'Library opened' },
			],
		})

		const { id: userId } = await createFactChecker(prisma, `e2e-editor-${suffix}@example.org`)
		const jobsFigure = await recordMeasurement(prisma, {
			pledgeId: jobs.id,
			userId,
			value: 1_500,
			asOf: '2021-06-30',
			title: 'Testville jobs report 2021',
		})
		await recordMeasurement(prisma, {
			pledgeId: jobs.id,
			userId,
			value: 3_200,
			asOf: '2023-06-30',
			title: 'Testville jobs report 2023',
		})
		await recordStatus(prisma, {
			pledgeId: jobs.id,
			userId,
			status: 'IN_PROGRESS',
			effectiveDate: '2021-07-01',
			rationale: 'The jobs report shows hiring under way.',
			evidenceIds: [jobsFigure.id],
		})
		const libraryDecision = await createEvidence(prisma, {
			pledgeId: library.id,
			userId,
			title: 'Council picks library site',
			publishedOn: '2020-03-01',
			type: 'LAW_OR_DECREE',
			archiveUrl: 'https://example.org/archive/library',
		})
		const wrongEntry = await recordStatus(prisma, {
			pledgeId: library.id,
			userId,
			status: 'KEPT',
			effectiveDate: '2020-03-01',
			rationale: 'Recorded as kept by mistake.',
			evidenceIds: [libraryDecision.id],
		})
		await recordStatus(prisma, {
			pledgeId: library.id,
			userId,
			status: 'IN_PROGRESS',
			effectiveDate: '2020-03-01',
			rationale: 'Correction: a site was chosen, the library is not built yet.',
			evidenceIds: [libraryDecision.id],
			correctsId: wrongEntry.id,
			correctionReason: 'The entry took the choice of a site for the library itself.',
		})
		const parkReport = await createEvidence(prisma, {
			pledgeId: parks.id,
			userId,
			title: 'Park budget frozen',
			publishedOn: '2022-01-10',
			type: 'BUDGET',
		})
		await recordStatus(prisma, {
			pledgeId: parks.id,
			userId,
			status: 'STALLED',
			effectiveDate: '2022-01-10',
			rationale: 'The park budget was frozen.',
			evidenceIds: [parkReport.id],
		})
		return { id: platform.id, slug, title: platform.title, politicianSlug: politician.slug }
	} finally {
		await prisma.$disconnect()
	}
}
