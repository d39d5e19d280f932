/**
 * The project's editorial layer over the launch research (research/fair-kazakhstan-evidence.json, see
 * PROVENANCE.md): which research items the launch file keeps and where, their Russian and Kazakh titles,
 * a public note where the source printed no date, the figures the charts plot, and the four status entries.
 * Plain data only: scripts/launch-build.ts turns it and the research into fair-kazakhstan.json.
 *
 * Research ids ("N-18", "P3-6") appear only here, to point at research items; the build never copies one
 * into the launch file, and launch.test.ts checks that no public text carries one.
 */
import type { PledgeStatus } from '~/.server/prisma/enums'

export type TitleTranslations = { ru: { title: string }; kk: { title: string } }

export type EditorialItem = {
	/** The research item's id. */
	id: string
	/** The pledge the item is filed under, when not the research's own (an item about two pledges). */
	pledge?: string
	/**
	 * For a research item whose excerpt (fragments joined by " … ") reports two figures: which fragment
	 * this entry keeps, so that each figure has an evidence item of its own (a measurement is one value).
	 */
	fragment?: number
	/** The public English title, when the research's title does not suit the entry (a split item). */
	title?: string
	translations: TitleTranslations
	/** What is known of the date, for the public, where the source printed none. */
	publishedNote?: string
	/** The figure the pledge's chart plots (see the indicator in prisma/seed/fair-kazakhstan.ts). */
	measurement?: { value: number; asOf: string }
}

export type EditorialStatus = {
	pledge: string
	status: PledgeStatus
	effectiveDate: string
	rationale: { en: string; ru: string; kk: string }
	/** Research ids of the evidence the entry rests on, all filed under the same pledge. */
	restsOn: string[]
}

export const platformSlug = 'fair-kazakhstan-2022'
export const researchAccount = 'research@uade.invalid'
export const editorialAccount = 'editorial@uade.invalid'

/** Items about the implementation programme as a whole: the platform's implementation sources. */
export const platformSources: EditorialItem[] = [
	{
		id: 'C-1',
		translations: {
			ru: {
				title:
					'Премьер-министр Смаилов провёл первое заседание Республиканского штаба по реализации предвыборной программы на 2023–2029 годы: дорожная карта из 117 пунктов, первый отчёт — к 20 апреля 2023 года',
			},
			kk: {
				title:
					'Премьер-министр Смайылов сайлауалды бағдарламаны іске асыру жөніндегі Республикалық штабтың алғашқы отырысын өткізді: 117 тармақтан тұратын жол картасы, алғашқы есеп 2023 жылғы 20 сәуірге дейін',
			},
		},
		publishedNote: 'The page prints no date. Kazinform dates the same meeting to 30 December 2022.',
	},
	{
		id: 'N-01',
		translations: {
			ru: {
				title:
					'Казинформ: Смаилов провёл первое заседание штаба по реализации предвыборной программы Президента (дорожная карта из 117 пунктов)',
			},
			kk: {
				title:
					'Kazinform: Смайылов Президенттің сайлауалды бағдарламасын іске асыру жөніндегі штабтың алғашқы отырысын өткізді (117 тармақтан тұратын жол картасы)',
			},
		},
	},
	{
		id: 'N-25',
		translations: {
			ru: {
				title:
					'Фракция «Аманат» заслушала отчёт Правительства о реализации посланий и предвыборной программы Президента (сентябрь 2025 года)',
			},
			kk: {
				title:
					'«Аманат» фракциясы Үкіметтің Жолдаулар мен Президенттің сайлауалды бағдарламасын іске асыру туралы есебін тыңдады (2025 жылғы қыркүйек)',
			},
		},
	},
]

/** Evidence items, filed under their pledges, in the research file's order. */
export const evidence: EditorialItem[] = [
	// it-jobs: no measurement anywhere. Every national figure counts people working in IT (a stock, with
	// shifting definitions), not jobs created in IT companies, so none of them is the indicator.
	{
		id: 'P1-1',
		translations: {
			ru: {
				title:
					'Новый профессиональный праздник для работников цифровизации и IT; в сфере цифровизации работают «не менее 155 000 человек»',
			},
			kk: {
				title:
					'Цифрландыру және IT саласы қызметкерлерінің жаңа кәсіби мерекесі; цифрландыру саласында «кемінде 155 000 адам» жұмыс істейді',
			},
		},
		publishedNote:
			"The page prints no date. It cites the 2022 UN e-government ranking as this year's, so it dates from late 2022.",
	},
	{
		id: 'P1-2',
		translations: {
			ru: {
				title: 'Премьер-министр Смаилов: в 2023 году в IT-компаниях откроется 25 000 новых рабочих мест',
			},
			kk: { title: 'Премьер-министр Смайылов: 2023 жылы IT компанияларында 25 000 жаңа жұмыс орны ашылады' },
		},
		publishedNote:
			'The page prints no date. The plan it reports is for 2023, the year after the statement, so it was made in late 2022.',
	},
	{
		id: 'P1-4',
		translations: {
			ru: {
				title:
					'Министр Мадиев на заседании Правительства: более 18 000 IT-компаний (+16 % за три года), в IT работают 187 000 человек',
			},
			kk: {
				title:
					'Министр Мәдиев Үкімет отырысында: IT компанияларының саны 18 000-нан асты (үш жылда 16%-ға өсті), IT саласында 187 000 адам жұмыс істейді',
			},
		},
		publishedNote:
			"The page prints no date. The speaker's title places the statement between late 2023 and late 2025.",
	},
	{
		id: 'P1-5',
		translations: {
			ru: {
				title:
					'Запрос депутата Смышляевой премьер-министру Бектенову: в Astana Hub более 1 500 компаний-участников, в которых работают более 26 000 специалистов',
			},
			kk: {
				title:
					'Депутат Смышляеваның Премьер-министр Бектеновке депутаттық сауалы: Astana Hub-тың 1 500-ден астам қатысушы компаниясында 26 000-нан астам маман жұмыс істейді',
			},
		},
	},
	{
		id: 'P1-6',
		translations: {
			ru: {
				title:
					'Вице-премьер Мадиев: за прошлый год число участников Astana Hub выросло до 2 000, его стартапы и IT-компании создали более 30 000 рабочих мест',
			},
			kk: {
				title:
					'Премьер-министрдің орынбасары Мәдиев: өткен жылы Astana Hub қатысушыларының саны 2 000-ға жетті, оның стартаптары мен IT компаниялары 30 000-нан астам жұмыс орнын ашты',
			},
		},
		publishedNote:
			'The page prints no date. The speaker refers to 2025 as last year, so the statement dates from early 2026.',
	},
	// The minister's statement is about both digital pledges (the 25,000 ICT jobs and the 1% contribution).
	{
		id: 'P2-1',
		pledge: 'it-jobs',
		translations: {
			ru: {
				title:
					'Министр Мусин на заседании Правительства: вклад ИКТ в ежегодный рост экономики вырастет с 0,3 % до 1 %; 25 000 рабочих мест в сфере ИКТ',
			},
			kk: {
				title:
					'Министр Мусин Үкімет отырысында: АКТ-ның жыл сайынғы экономикалық өсімге қосатын үлесі 0,3%-дан 1%-ға дейін артады; АКТ саласында 25 000 жұмыс орны',
			},
		},
		publishedNote:
			'The page prints no date. It speaks of programmes starting in 2023 as still to come, so the statement was made in 2022.',
	},
	// digital-economy-share: nothing plotted. No value of the indicator (the contribution of digital
	// technologies, as a share of GDP or of GDP growth) has been published since the pledge; the figures
	// below are proxies or background, not the indicator.
	{
		id: 'P2-1',
		translations: {
			ru: {
				title:
					'Министр Мусин на заседании Правительства: вклад ИКТ в ежегодный рост экономики вырастет с 0,3 % до 1 %; 25 000 рабочих мест в сфере ИКТ',
			},
			kk: {
				title:
					'Министр Мусин Үкімет отырысында: АКТ-ның жыл сайынғы экономикалық өсімге қосатын үлесі 0,3%-дан 1%-ға дейін артады; АКТ саласында 25 000 жұмыс орны',
			},
		},
		publishedNote:
			'The page prints no date. It speaks of programmes starting in 2023 as still to come, so the statement was made in 2022.',
	},
	{
		id: 'P2-2',
		translations: {
			ru: {
				title:
					'Премьер-министр Смаилов на коллегии министерства цифрового развития: доля цифровых технологий в экономике к 2029 году должна вырасти более чем вдвое',
			},
			kk: {
				title:
					'Премьер-министр Смайылов цифрлық даму министрлігінің алқа отырысында: 2029 жылға қарай экономикадағы цифрлық технологиялардың үлесі екі еседен астам артуға тиіс',
			},
		},
		publishedNote:
			'The page prints no date. It mentions a roadmap due by 1 March and a 2029 horizon, which suggests early 2023.',
	},
	{
		id: 'N-04',
		translations: {
			ru: { title: 'Первый вице-премьер Сагинтаев (2014): доля отрасли связи — около 2,5 % ВВП' },
			kk: {
				title:
					'Премьер-министрдің бірінші орынбасары Сағынтаев (2014): байланыс саласының үлесі ЖІӨ-нің шамамен 2,5%-ы',
			},
		},
	},
	{
		id: 'P2-3',
		translations: {
			ru: {
				title:
					'Finprom/Ranking.kz: объём IT-услуг в первом полугодии 2023 года — 476,8 млрд тенге, реальный рост за год — 37,2 %',
			},
			kk: {
				title:
					'Finprom/Ranking.kz: 2023 жылдың бірінші жартыжылдығында IT қызметтерінің көлемі 476,8 млрд теңге, бір жылдағы нақты өсім 37,2 %',
			},
		},
		publishedNote: 'The page prints no date. A syndicated copy of the same analysis is dated 2 October 2023.',
	},
	{
		id: 'P2-4',
		translations: {
			ru: {
				title:
					'Краткосрочный экономический индикатор БНС за январь–май 2025 года: связь растёт медленнее других основных отраслей (102,8 %)',
			},
			kk: {
				title:
					'ҰСБ-ның 2025 жылғы қаңтар–мамырдағы қысқамерзімді экономикалық индикаторы: байланыс негізгі салалардың ішінде ең баяу өсті (102,8 %)',
			},
		},
		publishedNote: 'The page prints no release date. Its figures cover January to May 2025.',
	},
	{
		id: 'P2-5',
		translations: {
			ru: {
				title:
					'Вице-премьер Мадиев на заседании Правительства: выручка IT-рынка за 2025 год оценивается в 2 трлн тенге, экспорт IT-услуг — около 1 млрд долларов США',
			},
			kk: {
				title:
					'Премьер-министрдің орынбасары Мәдиев Үкімет отырысында: 2025 жылғы IT нарығының табысы 2 трлн теңге деп бағаланады, IT қызметтерінің экспорты шамамен 1 млрд АҚШ доллары',
			},
		},
		publishedNote:
			'The page prints no date. The speaker refers to 2025 as last year, so the statement dates from early 2026.',
	},
	{
		id: 'P2-7',
		translations: {
			ru: {
				title:
					'Предыстория (2016): проект программы «Цифровой Казахстан» обещал дополнительный 1 % доли ИКТ в ВВП',
			},
			kk: {
				title:
					'Бұрынғы бағдарлама (2016): «Цифрлық Қазақстан» бағдарламасының жобасы АКТ-ның ЖІӨ-дегі үлесін қосымша 1%-ға арттыруды көздеді',
			},
		},
	},
	{
		id: 'N-03',
		translations: {
			ru: {
				title:
					'Концепция цифровой трансформации, развития отрасли информационно-коммуникационных технологий и кибербезопасности на 2023–2029 годы (постановление Правительства № 269 от 28 марта 2023 года)',
			},
			kk: {
				title:
					'Цифрлық трансформацияның, ақпараттық-коммуникациялық технологиялар саласын дамытудың және киберқауіпсіздіктің 2023–2029 жылдарға арналған тұжырымдамасы (Үкіметтің 2023 жылғы 28 наурыздағы № 269 қаулысы)',
			},
		},
	},
	{
		id: 'P2-8',
		translations: {
			ru: {
				title:
					'Новый документ: стратегия «Digital Qazaqstan» до 2029 года утверждена Указом Президента № 1311 от 9 июня 2026 года',
			},
			kk: {
				title:
					'Жаңа құжат: 2029 жылға дейінгі «Digital Qazaqstan» стратегиясы Президенттің 2026 жылғы 9 маусымдағы № 1311 Жарлығымен бекітілді',
			},
		},
		publishedNote:
			'The page prints no date. It says the decree was published on 10 June 2026, so it appeared after that day.',
	},
	// national-fund-for-children: the chart plots the amount credited to each child's account for a
	// reporting year, dated the last day of that year (the accrual made early in year t is for year t-1, as
	// the pension fund's notice states). One point a year, from the best source of each amount.
	{
		id: 'P3-1',
		translations: {
			ru: {
				title:
					'Послание Токаева 1 сентября 2022 года объявляет программу «Национальный фонд – детям»: 50 % ежегодного инвестиционного дохода, с 2024 года',
			},
			kk: {
				title:
					'Тоқаевтың 2022 жылғы 1 қыркүйектегі Жолдауы «Ұлттық қор – балаларға» бағдарламасын жариялады: жылдық инвестициялық табыстың 50%-ы, 2024 жылдан бастап',
			},
		},
	},
	{
		id: 'N-05',
		translations: {
			ru: {
				title:
					'Русский текст Послания (сентябрь 2022 года): 50 % ежегодного инвестиционного дохода Национального фонда — на накопительные счета детей с 1 января 2024 года',
			},
			kk: {
				title:
					'Жолдаудың орысша мәтіні (2022 жылғы қыркүйек): Ұлттық қордың жыл сайынғы инвестициялық табысының 50%-ы 2024 жылғы 1 қаңтардан бастап балалардың жинақ шоттарына',
			},
		},
		publishedNote:
			'The page prints no date. Its address dates it to September 2022; the address it reports was delivered on 1 September 2022.',
	},
	{
		id: 'N-07',
		translations: {
			ru: {
				title:
					'Токаев подписал указ об изменениях в Концепцию управления государственными финансами до 2030 года: целевые требования исчисляются от инвестиционного дохода Национального фонда, усреднённого за 18 лет',
			},
			kk: {
				title:
					'Тоқаев 2030 жылға дейінгі мемлекеттік қаржыны басқару тұжырымдамасына өзгерістер енгізу туралы Жарлыққа қол қойды: нысаналы талаптар Ұлттық қордың 18 жылғы орташа инвестициялық табысынан есептеледі',
			},
		},
	},
	{
		id: 'N-08',
		translations: {
			ru: {
				title:
					'Мажилис одобрил поправки Сената к законопроекту о выплатах детям из Национального фонда (18 октября 2023 года)',
			},
			kk: {
				title:
					'Мәжіліс Ұлттық қордан балаларға төлемдер туралы заң жобасына Сенат енгізген түзетулерді мақұлдады (2023 жылғы 18 қазан)',
			},
		},
	},
	{
		id: 'P3-2',
		translations: {
			ru: {
				title:
					'Закон № 40-VIII от 16 ноября 2023 года о начислении, выплате и использовании средств Национального фонда для детей (действует с 1 января 2024 года)',
			},
			kk: {
				title:
					'Ұлттық қордан балаларға арналған қаражатты есептеу, төлеу және пайдалану мәселелері жөніндегі 2023 жылғы 16 қарашадағы № 40-VIII Заң (2024 жылғы 1 қаңтардан бастап қолданылады)',
			},
		},
	},
	{
		id: 'N-10',
		translations: {
			ru: {
				title:
					'Акорда (через Sputnik): Президент подписал закон; с 1 января 2024 года 50 % ежегодного инвестиционного дохода — на специальные накопительные счета детей',
			},
			kk: {
				title:
					'Ақорда (Sputnik арқылы): Президент заңға қол қойды; 2024 жылғы 1 қаңтардан бастап жыл сайынғы инвестициялық кірістің 50%-ы балалардың арнайы жинақтау шоттарына аударылады',
			},
		},
	},
	{
		id: 'P3-4',
		translations: {
			ru: {
				title:
					'Постановление Правительства № 16 от 18 января 2024 года: Правила формирования и учёта целевых требований, целевых накоплений и их выплат',
			},
			kk: {
				title:
					'Үкіметтің 2024 жылғы 18 қаңтардағы № 16 қаулысы: нысаналы талаптарды, нысаналы жинақтарды және олардың төлемдерін қалыптастыру мен есепке алу қағидалары',
			},
		},
	},
	{
		id: 'P3-5',
		translations: {
			ru: {
				title:
					'Первое начисление: по 100,52 доллара США каждому из 6 919 131 ребёнка — участника программы (зачислено с 1 февраля 2024 года)',
			},
			kk: {
				title:
					'Алғашқы есептеу: бағдарламаға қатысатын 6 919 131 баланың әрқайсысына 100,52 АҚШ доллары (2024 жылғы 1 ақпаннан бастап есептелді)',
			},
		},
		// For reporting year 2023 (credited in February 2024).
		measurement: { value: 100.52, asOf: '2023-12-31' },
	},
	{
		id: 'N-11',
		translations: {
			ru: {
				title:
					'ЕНПФ: первые целевые требования начислены в феврале 2024 года за 2023 отчётный год — по 100,52 доллара США каждому получателю',
			},
			kk: {
				title:
					'БЖЗҚ: алғашқы нысаналы талаптар 2023 есепті жыл үшін 2024 жылғы ақпанда есептелді, әр алушыға 100,52 АҚШ доллары',
			},
		},
		publishedNote: 'The page prints no date. Its content dates it to 2024.',
	},
	{
		id: 'N-09',
		translations: {
			ru: {
				title:
					'Национальный банк: таблица программы «Национальный фонд – детям» (2024 год: начислено 696 млн долларов США, 31 млн передан в ЕНПФ, целевые требования — 665 млн) и определение из закона',
			},
			kk: {
				title:
					'Ұлттық банк: «Ұлттық қор – балаларға» бағдарламасының кестесі (2024 жыл: 696 млн АҚШ доллары есептелді, 31 млн БЖЗҚ-ға аударылды, нысаналы талаптар – 665 млн) және заңдағы анықтама',
			},
		},
		publishedNote: 'The page prints no date. The version checked shows only the row for 2024.',
	},
	{
		id: 'N-12',
		translations: {
			ru: {
				title:
					'Официальный спикер: 695 519 269 долларов США (средний инвестиционный доход Национального фонда за 18 лет) поровну распределены между 6 919 131 ребёнком — по 100,52 доллара каждому',
			},
			kk: {
				title:
					'Ресми спикер: 695 519 269 АҚШ доллары (Ұлттық қордың 18 жылғы орташа инвестициялық кірісі) 6 919 131 балаға тең бөлінді, әрқайсысына 100,52 доллардан',
			},
		},
		publishedNote:
			'The page prints no date. Its content and the number in its address point to February 2024.',
	},
	{
		id: 'N-13',
		translations: {
			ru: {
				title:
					'Прежняя официальная оценка: вице-министр финансов Темирбеков в феврале 2023 года говорил, что каждому ребёнку ежегодно будет поступать около 150–160 долларов США',
			},
			kk: {
				title:
					'Бұрынғы ресми болжам: қаржы вице-министрі Темірбеков 2023 жылғы ақпанда әр балаға жыл сайын шамамен 150–160 АҚШ доллары түсетінін айтқан',
			},
		},
		publishedNote:
			'The page prints no date. Its address dates it to May 2023; the statement it reports was made in February 2023.',
	},
	{
		id: 'N-14',
		translations: {
			ru: {
				title:
					'Вице-министр Темирбеков объясняет, почему дети получили 100,52 доллара вместо обещанных около 160: детей больше (6,917 млн вместо 6,4 млн), общая сумма — 695 млн долларов',
			},
			kk: {
				title:
					'Вице-министр Темірбеков балалардың шотына уәде етілген 160 доллардың орнына неге 100,52 доллар түскенін түсіндірді: балалар саны көп (6,4 млн емес, 6,917 млн), жалпы сома 695 млн доллар',
			},
		},
		publishedNote: 'The page prints no date. Its content dates it to February 2024.',
	},
	{
		id: 'P3-6',
		fragment: 0,
		title: 'National Bank via Forbes: USD 130.71 accrued per child for 2025 (6,918,656 participants)',
		translations: {
			ru: {
				title:
					'Национальный банк (через Forbes): по итогам 2025 года на счёт каждого ребёнка начислено по 130,71 доллара США (6 918 656 участников)',
			},
			kk: {
				title:
					'Ұлттық банк (Forbes арқылы): 2025 жылдың қорытындысы бойынша әр баланың шотына 130,71 АҚШ доллары есептелді (6 918 656 қатысушы)',
			},
		},
		publishedNote:
			'The page prints no date. The National Bank release it reports was published in early February 2026 (Otyrar, 3 February 2026).',
		// For reporting year 2025 (credited at the end of January 2026).
		measurement: { value: 130.71, asOf: '2025-12-31' },
	},
	{
		id: 'P3-6',
		fragment: 1,
		title: 'National Bank via Forbes: USD 129.38 accrued per child in 2025, after USD 100.52 in 2024',
		translations: {
			ru: {
				title:
					'Национальный банк (через Forbes): в 2025 году на каждого ребёнка начислено по 129,38 доллара США, в 2024 году — по 100,52',
			},
			kk: {
				title:
					'Ұлттық банк (Forbes арқылы): 2025 жылы әр балаға 129,38 АҚШ доллары, 2024 жылы 100,52 доллар есептелді',
			},
		},
		publishedNote:
			'The page prints no date. The National Bank release it reports was published in early February 2026 (Otyrar, 3 February 2026).',
		// Accrued in 2025, so for reporting year 2024. The only source of this amount (no dated original found).
		measurement: { value: 129.38, asOf: '2024-12-31' },
	},
	{
		id: 'N-15',
		translations: {
			ru: {
				title:
					'Национальный банк сообщил о третьем начислении; на конец 2025 года в программе участвуют 6 918 656 детей',
			},
			kk: {
				title:
					'Ұлттық банк үшінші есептеу туралы хабарлады; 2025 жылдың соңында бағдарламаға 6 918 656 бала қатысады',
			},
		},
	},
	{
		id: 'P3-8',
		translations: {
			ru: {
				title:
					'Статья премьер-министра Бектенова («Егемен Қазақстан»): за три года на счета около 7 млн детей зачислено более 2,5 млрд долларов США',
			},
			kk: {
				title:
					'Премьер-министр Бектеновтің мақаласы («Егемен Қазақстан»): үш жылда 7 миллионға жуық баланың шотына 2,5 млрд АҚШ долларынан астам қаражат аударылды',
			},
		},
	},
	{
		id: 'P3-9',
		translations: {
			ru: {
				title:
					'Разъяснение eGov: ежегодно начисляется 50 % инвестиционного дохода Национального фонда, усреднённого за 18 лет',
			},
			kk: {
				title:
					'eGov түсіндірмесі: жыл сайын Ұлттық қордың 18 жылғы орташа инвестициялық табысының 50%-ы есептеледі',
			},
		},
		publishedNote: 'The page prints no date, and nothing in its text fixes one.',
	},
	// youth-policy-law: a milestone pledge, nothing plotted.
	{
		id: 'N-16',
		translations: {
			ru: {
				title:
					'Концепция проекта закона о внесении изменений по вопросам государственной молодёжной политики, подготовленного по поручению Президента от 10 декабря 2019 года',
			},
			kk: {
				title:
					'Президенттің 2019 жылғы 10 желтоқсандағы тапсырмасы бойынша әзірленген мемлекеттік жастар саясаты мәселелері жөніндегі өзгерістер туралы заң жобасының тұжырымдамасы',
			},
		},
		publishedNote:
			'The page prints no date. It still defines youth as aged 14 to 29, which places it in 2020 or 2021.',
	},
	{
		id: 'N-17',
		translations: {
			ru: {
				title:
					'Декабрь 2019 года: Токаев поручил разработать новую программу молодёжной политики, а Правительству — подготовить соответствующий законопроект в 2021 году',
			},
			kk: {
				title:
					'2019 жылғы желтоқсан: Тоқаев жастар саясатының жаңа бағдарламасын әзірлеуді, ал Үкіметке 2021 жылы тиісті заң жобасын дайындауды тапсырды',
			},
		},
	},
	{
		id: 'P4-1',
		translations: {
			ru: {
				title:
					'Мажилис принял во втором чтении поправки о государственной молодёжной политике, повышающие возрастной предел молодёжи с 29 до 35 лет, и направил их в Сенат',
			},
			kk: {
				title:
					'Мәжіліс жастардың жас шегін 29-дан 35-ке дейін ұлғайтатын мемлекеттік жастар саясаты жөніндегі түзетулерді екінші оқылымда қабылдап, Сенатқа жолдады',
			},
		},
		publishedNote:
			'The page prints no date. A minister spoke of the law as recently adopted in January 2023, so the vote came before that.',
	},
	{
		id: 'P4-2',
		translations: {
			ru: {
				title:
					'Министр Кыдырали: закон о государственной молодёжной политике недавно принят (молодёжь — до 35 лет, это 6 млн человек); проект Концепции вынесен на обсуждение',
			},
			kk: {
				title:
					'Министр Қыдырәлі: «Мемлекеттік жастар саясаты туралы» заң жақында қабылданды (жастар – 35 жасқа дейінгілер, 6 миллион адам); Тұжырымдама жобасы талқылауға шығарылды',
			},
		},
	},
	{
		id: 'P4-3',
		translations: {
			ru: {
				title: 'Совет по молодёжной политике при Президенте рассмотрел проект Концепции молодёжной политики',
			},
			kk: {
				title:
					'Президент жанындағы Жастар саясаты жөніндегі кеңес жастар саясаты тұжырымдамасының жобасын қарады',
			},
		},
	},
	{
		id: 'N-18',
		translations: {
			ru: {
				title:
					'Правительство на заседании поддержало проект Концепции государственной молодёжной политики (цели: 2,3 млн занятых молодых людей, доля NEET — до 3,5 %)',
			},
			kk: {
				title:
					'Үкімет отырысында мемлекеттік жастар саясаты тұжырымдамасының жобасы қолдау тапты (мақсаттар: 2,3 млн жас жұмыспен қамтылады, NEET үлесі 3,5%-ға дейін төмендейді)',
			},
		},
	},
	{
		id: 'P4-4',
		translations: {
			ru: {
				title:
					'Концепция молодёжной политики на 2023–2029 годы: запланировано 492,1 млрд тенге (385,6 млрд — из республиканского бюджета)',
			},
			kk: {
				title:
					'2023–2029 жылдарға арналған жастар саясаты тұжырымдамасы: 492,1 млрд теңге жоспарланған (оның 385,6 млрд-ы – республикалық бюджеттен)',
			},
		},
	},
	{
		id: 'P4-5',
		translations: {
			ru: {
				title:
					'Концепция государственной молодёжной политики на 2023–2029 годы утверждена постановлением Правительства № 247 от 28 марта 2023 года',
			},
			kk: {
				title:
					'2023–2029 жылдарға арналған мемлекеттік жастар саясатының тұжырымдамасы Үкіметтің 2023 жылғы 28 наурыздағы № 247 қаулысымен бекітілді',
			},
		},
	},
	{
		id: 'P4-6',
		translations: {
			ru: {
				title:
					'Цели Концепции (по данным прессы): 1 000 грантов в год для молодых учёных, занятость 1 млн сельских молодых людей к 2029 году',
			},
			kk: {
				title:
					'Тұжырымдаманың мақсаттары (баспасөз деректері): жас ғалымдарға жылына 1 000 грант, 2029 жылға қарай ауылдағы 1 миллион жасты жұмыспен қамту',
			},
		},
	},
	{
		id: 'N-19',
		translations: {
			ru: {
				title:
					'Официальный текст (ИПС «Әділет»): Закон «О государственной молодёжной политике» от 9 февраля 2015 года № 285-V, молодёжь теперь — от 14 до 35 лет',
			},
			kk: {
				title:
					'Ресми мәтін («Әділет» АҚЖ): «Мемлекеттік жастар саясаты туралы» 2015 жылғы 9 ақпандағы № 285-V Заң, енді жастарға 14 бен 35 жас аралығындағы азаматтар жатады',
			},
		},
	},
	{
		id: 'N-20',
		translations: {
			ru: {
				title:
					'Министерство культуры и информации (октябрь 2025 года): возрастные границы молодёжи расширены до 14–35 лет «в 2023 году»; главный документ молодёжной политики — Концепция на 2023–2029 годы',
			},
			kk: {
				title:
					'Мәдениет және ақпарат министрлігі (2025 жылғы қазан): жастардың жас шегі 2023 жылы 14–35 жасқа дейін кеңейтілді; жастар саясатының негізгі құжаты – 2023–2029 жылдарға арналған тұжырымдама',
			},
		},
	},
	// drinking-water and lower-morbidity-longer-life: qualitative pledges, so their figures are context in
	// the excerpts, not measurements.
	{
		id: 'W-1',
		translations: {
			ru: {
				title:
					'Премьер-министр Мамин: доступ к централизованному водоснабжению — 97,2 % в городах и 86,4 % в сёлах',
			},
			kk: {
				title:
					'Премьер-министр Мамин: орталықтандырылған сумен жабдықтауға қолжетімділік қалаларда 97,2 %, ауылдарда 86,4 %',
			},
		},
	},
	{
		id: 'W-2',
		translations: {
			ru: {
				title:
					'Итоги 2020 года: питьевой водой обеспечены 94,1 % населения (97,5 % в городах, 90,1 % в сёлах)',
			},
			kk: {
				title:
					'2020 жылдың қорытындысы: халықтың 94,1%-ы ауыз сумен қамтамасыз етілген (қалаларда 97,5 %, ауылдарда 90,1 %)',
			},
		},
	},
	{
		id: 'N-21',
		translations: {
			ru: {
				title:
					'Цель, поставленная до выборов: премьер-министр Смаилов — к концу 2025 года обеспечить питьевой водой 100 % населения',
			},
			kk: {
				title:
					'Сайлауға дейін қойылған мақсат: Премьер-министр Смайылов 2025 жылдың соңына дейін халықтың 100%-ын ауыз сумен қамтамасыз етуді тапсырды',
			},
		},
	},
	{
		id: 'W-3',
		translations: {
			ru: { title: '2021 год: доступ к питьевой воде — 96 % по стране, 93 % в сёлах' },
			kk: { title: '2021 жыл: ауыз суға қолжетімділік ел бойынша 96 %, ауылдарда 93 %' },
		},
	},
	{
		id: 'W-4',
		translations: {
			ru: {
				title:
					'Весна 2023 года: 98 % в городах и 94 % в сёлах; услуги водоснабжения есть в 4 900 из 6 295 сёл',
			},
			kk: {
				title:
					'2023 жылдың көктемі: қалаларда 98 %, ауылдарда 94 %; 6 295 ауылдың 4 900-інде сумен жабдықтау қызметі бар',
			},
		},
	},
	{
		id: 'N-22',
		translations: {
			ru: { title: 'Конец 2023 года: доступ к услугам водоснабжения — 98,9 % в городах и 96,6 % в сёлах' },
			kk: {
				title:
					'2023 жылдың соңы: сумен жабдықтау қызметтеріне қолжетімділік қалаларда 98,9 %, ауылдарда 96,6 %',
			},
		},
	},
	{
		id: 'W-5',
		translations: {
			ru: {
				title:
					'Конец 2024 года: доступ к централизованному водоснабжению — 99,4 % в городах и 97,8 % в сёлах (председатель комитета Жунисбеков)',
			},
			kk: {
				title:
					'2024 жылдың соңы: орталықтандырылған сумен жабдықтауға қолжетімділік қалаларда 99,4 %, ауылдарда 97,8 % (комитет төрағасы Жүнісбеков)',
			},
		},
		publishedNote: 'The page prints no date. It reports results for the end of 2024, so it dates from 2025.',
	},
	{
		id: 'W-6',
		translations: {
			ru: {
				title:
					'Середина 2025 года (Министерство промышленности и строительства): 99,3 % в городах и 97,5 % в сёлах; услуги водоснабжения есть в 5 679 из 6 148 сёл',
			},
			kk: {
				title:
					'2025 жылдың ортасы (Өнеркәсіп және құрылыс министрлігі): қалаларда 99,3 %, ауылдарда 97,5 %; 6 148 ауылдың 5 679-ында сумен жабдықтау қызметі бар',
			},
		},
	},
	{
		id: 'W-7',
		translations: {
			ru: {
				title:
					'Январь 2026 года: Правительство объявило о стопроцентном доступе; 4 747 сёл на централизованном водоснабжении — это 96 % сельского населения (по данным местных исполнительных органов)',
			},
			kk: {
				title:
					'2026 жылғы қаңтар: Үкімет 100 % қолжетімділікке қол жеткізілгенін мәлімдеді; орталықтандырылған сумен жабдықталған 4 747 ауыл – ауыл халқының 96%-ы (жергілікті атқарушы органдардың деректері бойынша)',
			},
		},
	},
	{
		id: 'N-23',
		translations: {
			ru: {
				title:
					'Министерство здравоохранения: ожидаемая продолжительность жизни в 2022 году — 74,44 года (до пандемии — 73,18)',
			},
			kk: {
				title:
					'Денсаулық сақтау министрлігі: 2022 жылы күтілетін өмір сүру ұзақтығы 74,44 жыл (пандемияға дейін – 73,18)',
			},
		},
	},
	{
		id: 'LE-3',
		translations: {
			ru: {
				title: 'БНС: ожидаемая продолжительность жизни в 2023 году — 75,09 года, самая высокая за 25 лет',
			},
			kk: {
				title: 'ҰСБ: 2023 жылы күтілетін өмір сүру ұзақтығы 75,09 жыл, соңғы 25 жылдағы ең жоғары көрсеткіш',
			},
		},
	},
	{
		id: 'LE-4',
		translations: {
			ru: {
				title:
					'БНС: ожидаемая продолжительность жизни в 2024 году — 75,44 года (у женщин — 79,42, у мужчин — 71,33)',
			},
			kk: {
				title: 'ҰСБ: 2024 жылы күтілетін өмір сүру ұзақтығы 75,44 жыл (әйелдерде – 79,42, ерлерде – 71,33)',
			},
		},
		publishedNote:
			'The page prints 28 March without a year. It reports the figures for 2024, so the year is 2025.',
	},
	{
		id: 'N-24',
		translations: {
			ru: {
				title:
					'БНС (отчёт от 27 марта 2025 года): ожидаемая продолжительность жизни в 2024 году — 75,4 года, годом ранее — 75,09',
			},
			kk: {
				title:
					'ҰСБ (2025 жылғы 27 наурыздағы есеп): 2024 жылы күтілетін өмір сүру ұзақтығы 75,4 жыл, бір жыл бұрын 75,09 болған',
			},
		},
		publishedNote:
			'The page prints no date. Its address dates it to March 2025, and the report it cites was released on 27 March 2025.',
	},
	{
		id: 'LE-5',
		translations: {
			ru: { title: 'Ожидаемая продолжительность жизни в 2025 году: новый рекорд — 76 лет (округлённо)' },
			kk: { title: '2025 жылғы күтілетін өмір сүру ұзақтығы: жаңа рекорд – 76 жыл (дөңгелектелген)' },
		},
		publishedNote: 'The page prints no date. It reports figures for 2025, so it dates from 2026.',
	},
]

/** Research items the launch file leaves out, and why (also in PROVENANCE.md). */
/**
 * Milestone steps the launch evidence shows reached, which the seed (holding no evidence) leaves open: the
 * launch file carries their pledge with the step's date, resting on the item that dates it.
 */
export type EditorialMilestone = { pledge: string; step: string; doneOn: string; restsOn: string }

export const milestonesReached: EditorialMilestone[] = [
	// The Concept of State Youth Policy 2023–2029, approved by Government Decree No. 247 (Adilet).
	{ pledge: 'youth-policy-law', step: 'Youth policy concept adopted', doneOn: '2023-03-28', restsOn: 'P4-5' },
]

export const leftOut: Array<{ id: string; reason: string }> = [
	{
		id: 'P2-6',
		reason:
			'A GDP total for 2023, with no word on digital technologies: only a denominator, and dividing IT revenue or output by it would misstate the pledge.',
	},
	{
		id: 'LE-2',
		reason:
			"The same 2022 figure as the Ministry of Healthcare's report via Kazinform (27 April 2023), in an undated secondary copy.",
	},
]

// All four entries take effect on 1 December 2026, when the editors checked the research: after every
// source they rest on was published (the newest, of early 2026, and the Prime Minister's article of
// 3 March 2026), and not after the day the launch file was made (2 December 2026).
const checkedOn = '2026-12-01'

export const statusUpdates: EditorialStatus[] = [
	{
		pledge: 'it-jobs',
		// The research's proposal. No source shows the pledge halted or out of reach, so STALLED and BROKEN
		// have nothing to rest on; the annual targets show it is being pursued, though its progress cannot be
		// measured (the rationale says so, and the chart plots nothing).
		status: 'IN_PROGRESS',
		effectiveDate: checkedOn,
		rationale: {
			en: 'The government turned the pledge into yearly targets: the Prime Minister said 25,000 new jobs would open in IT companies in 2023 (Abai.kz, late 2022), and the Minister of Digital Development promised 25,000 jobs in the ICT sector (Aqmeshit zhastary, 2022). No source reports how many jobs IT companies have created against the target of 150,000, so the chart shows no figures. The national figures that exist count people working in the sector, not jobs created: at least 155,000 people in the digitalisation sphere (Orda.kz, late 2022), and 187,000 in IT (Kazinform, between late 2023 and late 2025). The figures of Astana Hub, over 26,000 specialists (Kursiv, February 2025) and over 30,000 jobs created by its companies (Kazinform, early 2026), cover one technology park only. The pledge is due at the end of the term in 2029 and nothing shows it was dropped, so it is rated in progress; its progress can be measured once an official count is published.',
			ru: 'Правительство разбило обещание на годовые цели: премьер-министр заявил, что в 2023 году в IT-компаниях откроется 25 000 новых рабочих мест (Abai.kz, конец 2022 года), а министр цифрового развития пообещал 25 000 рабочих мест в сфере ИКТ (Aqmeshit zhastary, 2022 год). Ни один источник не сообщает, сколько рабочих мест IT-компании создали в счёт цели в 150 000, поэтому на графике нет значений. Имеющиеся общенациональные данные учитывают людей, занятых в отрасли, а не созданные рабочие места: не менее 155 000 человек в сфере цифровизации (Orda.kz, конец 2022 года) и 187 000 человек в IT (Казинформ, между концом 2023 и концом 2025 года). Данные Astana Hub — более 26 000 специалистов (Kursiv, февраль 2025 года) и более 30 000 рабочих мест, созданных его компаниями (Казинформ, начало 2026 года), — относятся только к одному технопарку. Срок обещания — конец полномочий в 2029 году, и ничто не говорит об отказе от него, поэтому статус обещания — «В процессе»; измерить продвижение можно будет, когда появится официальный подсчёт.',
			kk: 'Үкімет уәдені жылдық мақсаттарға бөлді: Премьер-министр 2023 жылы IT компанияларында 25 000 жаңа жұмыс орны ашылатынын айтты (Abai.kz, 2022 жылдың соңы), ал цифрлық даму министрі АКТ саласында 25 000 жұмыс орнын ашуға уәде берді (Aqmeshit zhastary, 2022 жыл). IT компаниялары 150 000 жұмыс орны деген мақсатқа қарай нақты қанша жұмыс орнын ашқанын бірде-бір дереккөз хабарламайды, сондықтан графикте мән көрсетілмейді. Қолда бар жалпыұлттық деректер ашылған жұмыс орындарын емес, салада жұмыс істейтін адамдарды есептейді: цифрландыру саласында кемінде 155 000 адам (Orda.kz, 2022 жылдың соңы) және IT саласында 187 000 адам (Kazinform, 2023 жылдың соңы мен 2025 жылдың соңы аралығы). Astana Hub деректері – 26 000-нан астам маман (Kursiv, 2025 жылғы ақпан) және оның компаниялары ашқан 30 000-нан астам жұмыс орны (Kazinform, 2026 жылдың басы) – бір ғана технопаркке қатысты. Уәденің мерзімі – өкілеттік аяқталатын 2029 жыл, одан бас тартылғанын көрсететін ешнәрсе жоқ, сондықтан уәденің мәртебесі – «Орындалу үстінде»; ресми есеп жарияланғанда ілгерілеуді өлшеуге болады.',
		},
		restsOn: ['P1-2', 'P2-1', 'P1-1', 'P1-4', 'P1-5', 'P1-6'],
	},
	{
		pledge: 'digital-economy-share',
		// The research's proposal: the indicator is read two ways and no value of either has been published.
		status: 'NOT_RATED',
		effectiveDate: checkedOn,
		rationale: {
			en: "Not yet rated: officials read the pledge in two ways, and no value of either reading has been published since. The Minister of Digital Development spoke of raising the ICT sector's contribution to annual economic growth from 0.3% to 1% (Aqmeshit zhastary, 2022); the Prime Minister spoke of more than doubling the share of digital technologies in the economy by 2029 (Silk Way TV, probably early 2023). Read as a share of GDP, 1% was passed long before the pledge: communications alone made up about 2.5% of GDP in 2014 (Zakon.kz, July 2014). The Government adopted a Concept of digital transformation for 2023 to 2029 (Decree No. 269, Adilet legal information system, March 2023), and the Digital Qazaqstan strategy followed in June 2026 (TALAP), but their target indicators were not found. IT services output, IT market revenue and the growth of the communication sector (Ranking.kz, 2023; Kazinform, early 2026; the Bureau of National Statistics, 2025) do not measure the pledge, so the chart shows no figures. The pledge will be rated once an official value of its indicator is published.",
			ru: 'Пока не оценено: официальные лица понимают обещание по-разному, и с тех пор ни по одному из толкований не опубликовано ни одного значения. Министр цифрового развития говорил о росте вклада ИКТ в ежегодный рост экономики с 0,3 % до 1 % (Aqmeshit zhastary, 2022 год), премьер-министр — о более чем двукратном росте доли цифровых технологий в экономике к 2029 году (Silk Way TV, вероятно, начало 2023 года). Если понимать 1 % как долю ВВП, этот уровень был пройден задолго до обещания: одна только отрасль связи в 2014 году составляла около 2,5 % ВВП (Zakon.kz, июль 2014 года). Правительство утвердило Концепцию цифровой трансформации на 2023–2029 годы (постановление № 269, ИПС «Әділет», март 2023 года), а в июне 2026 года появилась стратегия Digital Qazaqstan (TALAP), но их целевые показатели найти не удалось. Объём IT-услуг, выручка IT-рынка и рост отрасли связи (Ranking.kz, 2023 год; Казинформ, начало 2026 года; Бюро национальной статистики, 2025 год) не измеряют обещанное, поэтому на графике нет значений. Обещание будет оценено, когда будет опубликовано официальное значение его показателя.',
			kk: 'Әлі бағаланбаған: лауазымды тұлғалар уәдені екі түрлі түсіндіреді, ал содан бері бұл түсіндірмелердің бірде-біреуі бойынша мән жарияланған жоқ. Цифрлық даму министрі АКТ-ның жыл сайынғы экономикалық өсімге қосатын үлесін 0,3%-дан 1%-ға дейін арттыру туралы айтты (Aqmeshit zhastary, 2022 жыл), ал Премьер-министр 2029 жылға қарай экономикадағы цифрлық технологиялардың үлесін екі еседен астам арттыру туралы айтты (Silk Way TV, шамамен 2023 жылдың басы). Егер 1%-ды ЖІӨ-дегі үлес деп түсінсек, бұл деңгейге уәдеден көп бұрын жеткен: 2014 жылы байланыс саласының өзі ЖІӨ-нің шамамен 2,5%-ын құраған (Zakon.kz, 2014 жылғы шілде). Үкімет 2023–2029 жылдарға арналған цифрлық трансформация тұжырымдамасын бекітті (№ 269 қаулы, «Әділет» АҚЖ, 2023 жылғы наурыз), 2026 жылғы маусымда Digital Qazaqstan стратегиясы қабылданды (TALAP), бірақ олардың нысаналы көрсеткіштері табылған жоқ. IT қызметтерінің көлемі, IT нарығының табысы және байланыс саласының өсімі (Ranking.kz, 2023 жыл; Kazinform, 2026 жылдың басы; Ұлттық статистика бюросы, 2025 жыл) уәдені өлшемейді, сондықтан графикте мән көрсетілмейді. Көрсеткіштің ресми мәні жарияланғанда уәде бағаланады.',
		},
		restsOn: ['P2-1', 'P2-2', 'N-04', 'N-03', 'P2-8', 'P2-3', 'P2-4', 'P2-5', 'P2-7'],
	},
	{
		pledge: 'national-fund-for-children',
		// The research's proposal. KEPT would read the enacted rule as the promise; the rule takes half of an
		// 18-year average instead of half of each year's income, and the money is not transferred to the
		// children until they turn 18, so the promise is kept in a changed form.
		status: 'PARTIAL',
		effectiveDate: checkedOn,
		rationale: {
			en: "Partially kept. The programme is in law and pays out every year. The President announced it in his address of 1 September 2022 (The Astana Times, September 2022); Law No. 40-VIII of 16 November 2023 put it in force from 1 January 2024, and Government Decree No. 16 of 18 January 2024 set its rules (Adilet legal information system). Each child's account was credited USD 100.52 for 2023, in February 2024 (The Astana Times, February 2024), then USD 129.38 for 2024 (credited in 2025) and USD 130.71 for 2025 (Forbes Kazakhstan, citing the National Bank, early 2026). But the core of the promise changed: the pledge and the address promised 50% of the National Fund's annual investment income, while the rule in force takes 50% of the income averaged over the 18 preceding years (Zakon.kz, July 2023; the National Bank of Kazakhstan). No source reports what share of the actual annual income this is, so the chart plots the amount accrued per child, not the 50% share. The money also stays in the National Fund as obligations of the Government until a child turns 18: of USD 696 million accrued in 2024, USD 31 million went to the pension fund for those who turned 18 (the National Bank of Kazakhstan). The amounts are below the USD 150 to 160 a year that officials expected before the launch (The Astana Times, May 2023). The accruals have to continue every year to the end of the term in 2029.",
			ru: 'Выполнено частично. Программа закреплена законом и действует каждый год. Президент объявил её в Послании 1 сентября 2022 года (The Astana Times, сентябрь 2022 года); Закон № 40-VIII от 16 ноября 2023 года ввёл её в действие с 1 января 2024 года, а постановление Правительства № 16 от 18 января 2024 года установило её правила (ИПС «Әділет»). На счёт каждого ребёнка в феврале 2024 года начислено 100,52 доллара США за 2023 год (The Astana Times, февраль 2024 года), затем 129,38 доллара за 2024 год (начислено в 2025 году) и 130,71 доллара за 2025 год (Forbes Kazakhstan со ссылкой на Национальный банк, начало 2026 года). Но суть обещания изменилась: обещание и Послание говорили о 50 % ежегодного инвестиционного дохода Национального фонда, а действующее правило берёт 50 % дохода, усреднённого за 18 предыдущих лет (Zakon.kz, июль 2023 года; Национальный банк Казахстана). Ни один источник не сообщает, какую долю фактического годового дохода это составляет, поэтому график показывает сумму, начисленную на одного ребёнка, а не долю в 50 %. Кроме того, деньги остаются в Национальном фонде как обязательства Правительства, пока ребёнку не исполнится 18 лет: из 696 млн долларов, начисленных в 2024 году, 31 млн передан в пенсионный фонд для выплат тем, кому исполнилось 18 (Национальный банк Казахстана). Суммы ниже 150–160 долларов в год, которых официальные лица ожидали до запуска программы (The Astana Times, май 2023 года). Начисления должны продолжаться каждый год до конца полномочий в 2029 году.',
			kk: 'Ішінара орындалды. Бағдарлама заңмен бекітілген және жыл сайын жүзеге асырылып келеді. Оны Президент 2022 жылғы 1 қыркүйектегі Жолдауында жариялады (The Astana Times, 2022 жылғы қыркүйек); 2023 жылғы 16 қарашадағы № 40-VIII Заң оны 2024 жылғы 1 қаңтардан бастап қолданысқа енгізді, ал Үкіметтің 2024 жылғы 18 қаңтардағы № 16 қаулысы оның қағидаларын белгіледі («Әділет» АҚЖ). Әр баланың шотына 2024 жылғы ақпанда 2023 жыл үшін 100,52 АҚШ доллары есептелді (The Astana Times, 2024 жылғы ақпан), кейін 2024 жыл үшін 129,38 доллар (2025 жылы есептелді), ал 2025 жыл үшін 130,71 доллар есептелді (Forbes Kazakhstan, Ұлттық банкке сілтеме жасап, 2026 жылдың басы). Алайда уәденің мәні өзгерді: уәде мен Жолдауда Ұлттық қордың жылдық инвестициялық табысының 50%-ы айтылған, ал қолданыстағы қағида алдыңғы 18 жылдағы орташа табыстың 50%-ын алады (Zakon.kz, 2023 жылғы шілде; Қазақстан Ұлттық банкі). Бұл нақты жылдық табыстың қандай үлесі екенін бірде-бір дереккөз көрсетпейді, сондықтан графикте 50 % үлес емес, бір балаға есептелген сома көрсетіледі. Сонымен қатар қаражат бала 18 жасқа толғанға дейін Үкіметтің міндеттемесі ретінде Ұлттық қорда қалады: 2024 жылы есептелген 696 млн доллардың 31 млн-ы 18 жасқа толғандарға төлеу үшін зейнетақы қорына аударылды (Қазақстан Ұлттық банкі). Бұл сомалар бағдарлама басталғанға дейін ресми тұлғалар күткен жылына 150–160 доллардан төмен (The Astana Times, 2023 жылғы мамыр). Есептеу өкілеттік аяқталатын 2029 жылға дейін жыл сайын жалғасуға тиіс.',
		},
		restsOn: [
			'P3-1',
			'N-05',
			'P3-2',
			'N-10',
			'P3-4',
			'P3-5',
			'N-11',
			'N-12',
			'P3-6',
			'N-15',
			'N-07',
			'N-09',
			'P3-9',
			'N-13',
			'N-14',
			'P3-8',
		],
	},
	{
		pledge: 'youth-policy-law',
		// The research's proposal: the concept is adopted; whether a law on youth policy was adopted after
		// the pledge is not known (the only law found amends the 2015 one, signing date not found).
		status: 'IN_PROGRESS',
		effectiveDate: checkedOn,
		rationale: {
			en: "In progress: the concept is adopted, the law is not settled. The Government backed the draft State Youth Policy Concept for 2023 to 2029 on 14 March 2023 (Kazinform, March 2023) and approved it by Decree No. 247 of 28 March 2023 (Adilet legal information system), with 492.1 billion tenge planned for it (Kazinform, March 2023). The only youth-policy legislation found amends the 2015 Law on State Youth Policy, raising the upper age of youth from 29 to 35 (Ernur.kz; Adilet legal information system). That bill goes back to a presidential instruction of December 2019 (Kazinform, December 2019) and had passed the Mazhilis by January 2023; in January 2023 the minister called it recently adopted (Kazinform, January 2023), but its signing date was not found, so it is not known whether it was adopted after the pledge. In October 2025 the ministry's own summary named the Concept and the 2023 change of the age limit, but no new law (Zakon.kz, October 2025). The term runs to 2029 and nothing shows the law was dropped, so the pledge is rated in progress.",
			ru: 'В процессе: концепция принята, вопрос о законе не решён. Правительство поддержало проект Концепции государственной молодёжной политики на 2023–2029 годы 14 марта 2023 года (Казинформ, март 2023 года) и утвердило её постановлением № 247 от 28 марта 2023 года (ИПС «Әділет»), запланировав на неё 492,1 млрд тенге (Казинформ, март 2023 года). Единственный найденный закон в этой сфере вносит изменения в Закон «О государственной молодёжной политике» 2015 года и поднимает верхнюю возрастную границу молодёжи с 29 до 35 лет (Ernur.kz; ИПС «Әділет»). Этот законопроект восходит к поручению Президента от декабря 2019 года (Казинформ, декабрь 2019 года) и прошёл Мажилис до января 2023 года; в январе 2023 года министр назвал его недавно принятым (Казинформ, январь 2023 года), но дата подписания не найдена, поэтому неизвестно, был ли он принят после обещания. В октябре 2025 года в собственной справке министерства названы Концепция и изменение возрастной границы в 2023 году, но не новый закон (Zakon.kz, октябрь 2025 года). Полномочия длятся до 2029 года, и ничто не говорит об отказе от закона, поэтому статус обещания — «В процессе».',
			kk: 'Орындалу үстінде: тұжырымдама қабылданды, ал заң мәселесі әлі шешілген жоқ. Үкімет 2023–2029 жылдарға арналған мемлекеттік жастар саясаты тұжырымдамасының жобасын 2023 жылғы 14 наурызда қолдап (Kazinform, 2023 жылғы наурыз), оны 2023 жылғы 28 наурыздағы № 247 қаулымен бекітті («Әділет» АҚЖ); оған 492,1 млрд теңге жоспарланды (Kazinform, 2023 жылғы наурыз). Осы салада табылған жалғыз заң 2015 жылғы «Мемлекеттік жастар саясаты туралы» Заңға өзгерістер енгізіп, жастардың жоғарғы жас шегін 29-дан 35-ке дейін көтереді (Ernur.kz; «Әділет» АҚЖ). Бұл заң жобасы Президенттің 2019 жылғы желтоқсандағы тапсырмасынан бастау алады (Kazinform, 2019 жылғы желтоқсан) және Мәжілістен 2023 жылғы қаңтарға дейін өткен; 2023 жылғы қаңтарда министр оны жақында қабылданған заң деп атады (Kazinform, 2023 жылғы қаңтар), бірақ оған қол қойылған күн табылмады, сондықтан оның уәдеден кейін қабылданған-қабылданбағаны белгісіз. 2025 жылғы қазанда министрліктің өз анықтамасында тұжырымдама мен 2023 жылы жас шегінің өзгергені аталды, бірақ жаңа заң туралы айтылмады (Zakon.kz, 2025 жылғы қазан). Өкілеттік мерзімі 2029 жылға дейін созылады және заңнан бас тартылғанын көрсететін ешнәрсе жоқ, сондықтан уәденің мәртебесі – «Орындалу үстінде».',
		},
		restsOn: ['P4-5', 'N-18', 'P4-4', 'P4-3', 'P4-2', 'P4-1', 'N-16', 'N-17', 'N-19', 'N-20'],
	},
]
