import type { PrismaClient } from '~/.server/prisma/client'
import type { PledgeStatus } from '~/.server/prisma/enums'
import {
	createEvidence,
	createFactChecker,
	pledgeIdOf,
	recordMeasurement,
	recordStatus,
} from '~/test/ledger-fixtures'

// The fictional demo dataset of `npm run db:demo` (scripts/db-demo.ts), loaded into a seeded database.
// Every record carries dates of its own story (a source's publication, a review two days later), never
// the day it was loaded: the public pages' "updated" dates and sort follow them.

type DemoStep = {
	status: PledgeStatus
	on: string
	rationale: string
	/** The rationale in Russian and in Kazakh (the ledger's translations, docs/decisions/015). */
	ru: string
	kk: string
	evidence: string
	/** What was wrong with the step before, which this one corrects (with its Russian and Kazakh). */
	correctsPrevious?: { reason: string; ru: string; kk: string }
}

// Fictional throughout: invented sources on example.org, invented figures, invented dates.
const demoLedger: Record<string, DemoStep[]> = {
	'political-modernization': [
		{
			status: 'IN_PROGRESS',
			on: '2023-03-15',
			rationale: 'A reform package was adopted in its first reading.',
			ru: 'Пакет реформ принят в первом чтении.',
			kk: 'Реформалар топтамасы бірінші оқылымда қабылданды.',
			evidence: 'Reform package passes first reading',
		},
	],
	'efficient-state-apparatus': [
		{
			status: 'IN_PROGRESS',
			on: '2023-09-01',
			rationale: 'A civil-service reform programme was launched.',
			ru: 'Запущена программа реформы государственной службы.',
			kk: 'Мемлекеттік қызметті реформалау бағдарламасы іске қосылды.',
			evidence: 'Civil-service reform programme launched',
		},
		{
			status: 'STALLED',
			on: '2025-10-01',
			rationale: 'No step of the programme has been taken in twelve months.',
			ru: 'За двенадцать месяцев по программе не сделано ни одного шага.',
			kk: 'Он екі ай ішінде бағдарлама бойынша бірде-бір қадам жасалған жоқ.',
			evidence: 'Audit finds reform programme inactive',
		},
	],
	'independent-courts': [
		{
			status: 'IN_PROGRESS',
			on: '2024-02-01',
			rationale: 'A law on the selection of judges was signed.',
			ru: 'Подписан закон об отборе судей.',
			kk: 'Судьяларды іріктеу туралы заңға қол қойылды.',
			evidence: 'Law on the selection of judges signed',
		},
	],
	'balanced-foreign-policy': [
		{
			status: 'IN_PROGRESS',
			on: '2023-05-10',
			rationale: 'A regional security dialogue was set up.',
			ru: 'Создан региональный диалог по вопросам безопасности.',
			kk: 'Өңірлік қауіпсіздік жөніндегі диалог құрылды.',
			evidence: 'Regional security dialogue opens',
		},
	],
	'un-international-security': [
		{
			status: 'IN_PROGRESS',
			on: '2023-10-01',
			rationale: 'Peacekeeping contribution increased.',
			ru: 'Вклад в миротворческие операции увеличен.',
			kk: 'Бітімгершілік операцияларына қосылатын үлес артты.',
			evidence: 'Peacekeeping contingent enlarged',
		},
		{
			status: 'KEPT',
			on: '2025-09-20',
			rationale: 'The contribution reached the announced level.',
			ru: 'Вклад достиг объявленного уровня.',
			kk: 'Үлес жарияланған деңгейге жетті.',
			evidence: 'Ministry reports contribution target met',
		},
	],
	'new-economic-model': [
		{
			status: 'IN_PROGRESS',
			on: '2023-06-01',
			rationale: 'An anti-monopoly law was drafted.',
			ru: 'Подготовлен проект антимонопольного закона.',
			kk: 'Монополияға қарсы заңның жобасы әзірленді.',
			evidence: 'Anti-monopoly bill published for comment',
		},
		{
			status: 'STALLED',
			on: '2025-06-01',
			rationale: 'The bill has not moved for twelve months.',
			ru: 'Законопроект не продвигается уже двенадцать месяцев.',
			kk: 'Заң жобасы он екі ай бойы қаралмай жатыр.',
			evidence: 'Bill still in committee a year on',
		},
	],
	'competitive-agriculture': [
		{
			status: 'IN_PROGRESS',
			on: '2024-04-01',
			rationale: 'A rural development programme was funded.',
			ru: 'Программа развития села получила финансирование.',
			kk: 'Ауылды дамыту бағдарламасына қаржы бөлінді.',
			evidence: 'Budget line for rural development approved',
		},
	],
	'open-transport-corridors': [
		{
			status: 'IN_PROGRESS',
			on: '2023-04-01',
			rationale: 'Construction of a new freight corridor began.',
			ru: 'Началось строительство нового грузового коридора.',
			kk: 'Жаңа жүк тасымалы дәлізінің құрылысы басталды.',
			evidence: 'Freight corridor construction starts',
		},
		{
			status: 'KEPT',
			on: '2026-03-01',
			rationale: 'The corridor opened to traffic.',
			ru: 'Коридор открыт для движения.',
			kk: 'Дәліз арқылы қозғалыс ашылды.',
			evidence: 'Freight corridor opens',
		},
	],
	'reliable-energy': [
		{
			status: 'BROKEN',
			on: '2024-11-01',
			rationale: 'Recorded as abandoned after a misread report.',
			ru: 'Записано как отказ от обещания из-за неверно понятого сообщения.',
			kk: 'Хабарлама қате түсінілгендіктен, уәдеден бас тартылды деп жазылды.',
			evidence: 'Report on power-plant programme',
		},
		{
			status: 'IN_PROGRESS',
			on: '2024-11-01',
			rationale: 'Correction: the report described a delay, not an abandonment.',
			ru: 'Исправление: в сообщении говорилось о задержке, а не об отказе.',
			kk: 'Түзету: хабарламада бас тарту емес, кешігу туралы айтылған.',
			evidence: 'Ministry clarifies power-plant timetable',
			correctsPrevious: {
				reason: 'The report described a delay of the programme, which was misread as its abandonment.',
				ru: 'В сообщении говорилось о задержке программы, а её ошибочно поняли как отказ от неё.',
				kk: 'Хабарламада бағдарламаның кешіктірілгені айтылған, ал бұл одан бас тарту деп қате түсінілген.',
			},
		},
	],
	'it-jobs': [
		{
			status: 'IN_PROGRESS',
			on: '2023-07-01',
			rationale: 'Official figures show IT employment rising.',
			ru: 'Официальные данные показывают рост занятости в IT.',
			kk: 'Ресми деректер IT саласында жұмыспен қамтудың өсіп жатқанын көрсетеді.',
			evidence: 'IT employment statistics, first half of 2023',
		},
	],
	'digital-economy-share': [
		{
			status: 'IN_PROGRESS',
			on: '2024-01-15',
			rationale: 'The digital economy’s share is growing, slowly.',
			ru: 'Доля цифровой экономики растёт, но медленно.',
			kk: 'Цифрлық экономиканың үлесі баяу болса да өсіп келеді.',
			evidence: 'Digital economy share, 2023',
		},
	],
	'drinking-water': [
		{
			status: 'IN_PROGRESS',
			on: '2023-08-01',
			rationale: 'A water-supply programme was approved.',
			ru: 'Утверждена программа водоснабжения.',
			kk: 'Сумен жабдықтау бағдарламасы бекітілді.',
			evidence: 'Water-supply programme approved',
		},
		{
			status: 'BROKEN',
			on: '2026-05-01',
			rationale: 'The programme was cancelled and its funds moved.',
			ru: 'Программа отменена, её средства перераспределены.',
			kk: 'Бағдарлама тоқтатылып, қаражаты басқа мақсатқа бұрылды.',
			evidence: 'Water-supply programme cancelled',
		},
	],
	'education-investment': [
		{
			status: 'IN_PROGRESS',
			on: '2023-02-01',
			rationale: 'Education spending rose in the budget.',
			ru: 'Расходы на образование в бюджете выросли.',
			kk: 'Бюджеттегі білім беру шығыстары өсті.',
			evidence: 'Education budget increased',
		},
		{
			status: 'KEPT',
			on: '2025-12-01',
			rationale: 'Spending rose every year of the term so far.',
			ru: 'Расходы росли каждый год нынешнего срока.',
			kk: 'Шығыстар осы мерзімнің әр жылында өсіп отырды.',
			evidence: 'Three-year education spending review',
		},
	],
	'social-infrastructure': [
		{
			status: 'IN_PROGRESS',
			on: '2023-05-01',
			rationale: 'A school and hospital building programme began.',
			ru: 'Началась программа строительства школ и больниц.',
			kk: 'Мектептер мен ауруханалар салу бағдарламасы басталды.',
			evidence: 'Building programme begins',
		},
	],
	'lower-morbidity-longer-life': [
		{
			status: 'IN_PROGRESS',
			on: '2024-06-01',
			rationale: 'A health-care reform was adopted.',
			ru: 'Принята реформа здравоохранения.',
			kk: 'Денсаулық сақтау реформасы қабылданды.',
			evidence: 'Health-care reform adopted',
		},
	],
	'national-fund-for-children': [
		{
			status: 'IN_PROGRESS',
			on: '2023-03-01',
			rationale: 'The law creating the programme was signed.',
			ru: 'Подписан закон о создании программы.',
			kk: 'Бағдарламаны құру туралы заңға қол қойылды.',
			evidence: 'Children’s savings law signed',
		},
		{
			status: 'KEPT',
			on: '2024-02-01',
			rationale: 'Half of the annual investment income was transferred.',
			ru: 'Перечислена половина годового инвестиционного дохода.',
			kk: 'Жылдық инвестициялық табыстың жартысы аударылды.',
			evidence: 'First transfer to children’s accounts',
		},
	],
	'youth-policy-law': [
		{
			status: 'IN_PROGRESS',
			on: '2023-04-01',
			rationale: 'The youth policy concept was adopted; the law is pending.',
			ru: 'Концепция молодёжной политики принята, закон пока не принят.',
			kk: 'Жастар саясатының тұжырымдамасы қабылданды, заң әлі қабылданған жоқ.',
			evidence: 'Youth policy concept adopted',
		},
	],
}

const demoIndicators: Record<string, { baseline: [string, number]; measurements: Array<[string, number]> }> =
	{
		'it-jobs': {
			baseline: ['2022-11-26', 50_000],
			measurements: [
				['2023-06-30', 61_000],
				['2024-06-30', 76_500],
				['2025-06-30', 90_000],
				['2026-06-30', 101_500],
			],
		},
		'digital-economy-share': {
			baseline: ['2022-11-26', 0.3],
			measurements: [
				['2023-12-31', 0.34],
				['2024-12-31', 0.39],
				['2025-12-31', 0.43],
			],
		},
		// The indicator is the amount accrued to each child's account for a year, in USD (the seed): made-up
		// amounts of the same size as the real ones, which the launch dataset holds.
		'national-fund-for-children': {
			baseline: ['2022-11-26', 0],
			measurements: [
				['2024-01-31', 95],
				['2025-01-31', 120],
				['2026-01-31', 128],
			],
		},
	}

function daysAfter(date: string, days: number): string {
	const next = new Date(date)
	next.setUTCDate(next.getUTCDate() + days)
	return next.toISOString()
}

/** Loads the demo data into a seeded database holding no evidence or ledger yet, and marks the platform. */
export async function loadDemoData(prisma: PrismaClient) {
	// Two people, as the four-eyes rule wants: a fact-checker submits the evidence; the editor (an admin)
	// approves it and records the statuses resting on it.
	const editor = await createFactChecker(prisma, 'demo-editor@uade.invalid', 'Demo editor (fictional)')
	const userId = editor.id
	const checker = await prisma.user.create({
		data: {
			email: 'demo-fact-checker@uade.invalid',
			displayName: 'Demo fact-checker (fictional)',
			role: 'FACT_CHECKER',
		},
		select: { id: true },
	})
	let sources = 0
	for (const [slug, steps] of Object.entries(demoLedger)) {
		const pledgeId = await pledgeIdOf(prisma, slug)
		let previous: string | undefined
		for (const step of steps) {
			const evidence = await createEvidence(prisma, {
				pledgeId,
				userId: checker.id,
				reviewerId: userId,
				title: `[Demo] ${step.evidence}`,
				publishedOn: step.on,
				type: 'MEDIA_REPORT',
				publisher: 'Demo Gazette (fictional)',
				excerpt: `Fictional demo text: ${step.rationale}`,
				sourceUrl: `https://example.org/demo/${slug}/${++sources}`,
				archiveUrl: `https://example.org/demo-archive/${slug}/${sources}`,
				reviewedAt: daysAfter(step.on, 1),
			})
			const entry = await recordStatus(prisma, {
				pledgeId,
				userId,
				status: step.status,
				effectiveDate: step.on,
				rationale: step.rationale,
				evidenceIds: [evidence.id],
				correctsId: step.correctsPrevious ? previous : undefined,
				correctionReason: step.correctsPrevious?.reason,
				translations: {
					RU: { rationale: step.ru, correctionReason: step.correctsPrevious?.ru },
					KK: { rationale: step.kk, correctionReason: step.correctsPrevious?.kk },
				},
				recordedAt: daysAfter(step.on, step.correctsPrevious ? 9 : 2),
			})
			previous = entry.id
		}
	}
	for (const [slug, indicator] of Object.entries(demoIndicators)) {
		const pledgeId = await pledgeIdOf(prisma, slug)
		await prisma.indicator.update({
			where: { pledgeId },
			data: { baselineDate: new Date(indicator.baseline[0]), baselineValue: indicator.baseline[1] },
		})
		for (const [asOf, value] of indicator.measurements) {
			await recordMeasurement(prisma, {
				pledgeId,
				userId: checker.id,
				reviewerId: userId,
				value,
				asOf,
				title: `[Demo] Official figure as of ${asOf}`,
				publisher: 'Demo Statistics Bureau (fictional)',
				// Official figures come out a month after the date they describe.
				recordedAt: daysAfter(asOf, 30),
			})
		}
	}
	await prisma.milestoneStep.updateMany({
		where: { pledgeId: await pledgeIdOf(prisma, 'youth-policy-law'), position: 0 },
		data: { doneOn: new Date('2023-04-01') },
	})
	await prisma.platform.updateMany({ where: { slug: 'fair-kazakhstan-2022' }, data: { hasDemoData: true } })
}
