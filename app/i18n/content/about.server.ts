import type { Locale } from '../locales'
import type { AboutContent } from './types'

export const about: Record<Locale, AboutContent> = {
	en: {
		intro: [
			'Uade (Kazakh уәде, “promise”) tracks what politicians pledged and what became of it. For each pledge it shows the words of the source, its status, the history of that status and the evidence behind it, and a chart of the platform’s progress.',
			'Uade is open-source software. It is not about one politician: a platform belongs to a politician and an election, and more platforms can be added as they come.',
		],
		sections: [
			{
				heading: 'Where the pledges come from',
				paragraphs: [
					'Each pledge is quoted word for word from its source, with a link to it. We invent no evidence and no status: every pledge starts as “Not yet rated”, and changes only when reviewed, public evidence supports a change.',
				],
			},
			{
				heading: 'Corrections',
				paragraphs: [
					'We make mistakes too. When a status turns out to be wrong, we do not rewrite it: a new entry in the status ledger corrects it, the original stays visible in the pledge’s history, and the correction is listed on the Corrections page.',
					'If you think a status, a quote or a translation is wrong, tell us, with a link to a public source if you have one.',
				],
			},
			{
				heading: 'Contributing',
				paragraphs: [
					'Fact-checkers with an account submit evidence — the source, a verbatim excerpt, a figure where there is one, and the status they suggest. An editor reviews every item; only approved evidence is published and can change a status. Anyone can read the code and propose improvements to it.',
				],
			},
		],
	},
	ru: {
		intro: [
			'Uade (по-казахски уәде — «обещание») отслеживает, что обещали политики и что из этого вышло. Для каждого обещания показаны слова источника, его статус, история статуса и источники, на которых он основан, а также график выполнения программы в целом.',
			'Uade — программа с открытым исходным кодом. Она не посвящена одному политику: программа принадлежит политику и выборам, и новые программы можно добавлять по мере их появления.',
		],
		sections: [
			{
				heading: 'Откуда берутся обещания',
				paragraphs: [
					'Каждое обещание приводится дословно по источнику, со ссылкой на него. Мы не выдумываем ни источников, ни статусов: каждое обещание начинается со статуса «Ещё не оценено» и меняется только тогда, когда изменение подтверждают проверенные публичные источники.',
				],
			},
			{
				heading: 'Исправления',
				paragraphs: [
					'Мы тоже ошибаемся. Если статус оказался неверным, мы не переписываем его: его исправляет новая запись в журнале статусов, исходная запись остаётся видна в истории обещания, а исправление появляется на странице «Исправления».',
					'Если вы считаете, что статус, цитата или перевод неверны, сообщите нам — по возможности со ссылкой на публичный источник.',
				],
			},
			{
				heading: 'Как помочь',
				paragraphs: [
					'Фактчекеры с учётной записью предлагают источники: ссылку, дословную цитату, цифру, если она есть, и статус, который они считают верным. Редактор проверяет каждый источник; публикуются и могут изменить статус только одобренные. Код открыт: любой может его прочитать и предложить улучшения.',
				],
			},
		],
	},
	kk: {
		intro: [
			'Uade саясаткерлердің не уәде бергенін және оның не болғанын бақылайды. Әр уәде үшін дереккөздің сөзі, оның мәртебесі, мәртебе тарихы және ол сүйенетін дереккөздер, сондай-ақ бүкіл бағдарламаның орындалу графигі көрсетіледі.',
			'Uade — ашық бастапқы кодты бағдарлама. Ол бір ғана саясаткерге арналмаған: бағдарлама саясаткер мен сайлауға тиесілі, жаңа бағдарламаларды пайда болған сайын қосуға болады.',
		],
		sections: [
			{
				heading: 'Уәделер қайдан алынады',
				paragraphs: [
					'Әр уәде дереккөзден сөзбе-сөз, сілтемесімен келтіріледі. Біз дереккөзді де, мәртебені де ойдан шығармаймыз: әр уәде «Әлі бағаланбаған» мәртебесінен басталады және өзгерісті тексерілген, жария дереккөздер растағанда ғана өзгереді.',
				],
			},
			{
				heading: 'Түзетулер',
				paragraphs: [
					'Біз де қателесеміз. Мәртебе қате болып шықса, біз оны қайта жазбаймыз: оны мәртебелер журналындағы жаңа жазба түзетеді, бастапқы жазба уәденің тарихында көрініп тұрады, ал түзету «Түзетулер» бетінде пайда болады.',
					'Мәртебе, дәйексөз немесе аударма қате деп ойласаңыз, бізге хабарлаңыз — мүмкін болса, жария дереккөзге сілтеме беріңіз.',
				],
			},
			{
				heading: 'Қалай көмектесуге болады',
				paragraphs: [
					'Тіркелгісі бар фактчекерлер дереккөз ұсынады: сілтеме, сөзбе-сөз үзінді, бар болса сан және өздері дұрыс деп санайтын мәртебе. Редактор әр дереккөзді тексереді; тек мақұлданғандары жарияланады және мәртебені өзгерте алады. Код ашық: кез келген адам оны оқып, жақсартуды ұсына алады.',
				],
			},
		],
	},
}
