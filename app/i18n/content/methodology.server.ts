import type { Locale } from '../locales'
import { uiLabels, type UiLabel } from './labels.server'
import type { MethodologyContent } from './types'

// The rules of the product brief, as citizens read them. Kept here, not in the UI messages, so that only
// the methodology page carries this text, in the reader's language only.
export const methodology: Record<Locale, MethodologyContent> = {
	en: {
		intro:
			'Uade follows each pledge of a platform, in the words of its source, from the day it was made to the end of the term. A pledge’s status changes only when reviewed, public evidence supports the change, and every change stays on record.',
		statusesHeading: 'The six statuses',
		statuses: {
			NOT_RATED:
				'No reviewed evidence has been weighed yet. Every pledge starts here; we never assign a status without evidence.',
			IN_PROGRESS:
				'Reviewed evidence shows concrete steps towards the pledge — a law drafted, money allocated, a programme started — but it is not fulfilled yet.',
			STALLED: 'There has been no movement for 12 months, or the work has been officially halted.',
			PARTIAL: 'The pledge was kept only in part, or it was kept after its deadline.',
			KEPT: 'The pledge was fulfilled as promised, by its deadline.',
			BROKEN:
				'There is evidence that the pledge will not be kept within the term: it was abandoned, reversed or made impossible.',
		},
		sections: [
			{
				heading: 'The rules',
				paragraphs: [],
				list: [
					'Every rated status rests on at least one piece of approved evidence, shown in the pledge’s status history.',
					'A pledge kept after its deadline is “Partially kept”, not “Kept”.',
					'“Broken” needs evidence that the pledge will not be kept within the term; silence alone is not enough.',
					'“Stalled” means no movement in 12 months, or an official halt.',
					'Unless the source names another date, a pledge’s deadline is the end of the term.',
				],
			},
			{
				heading: 'Evidence',
				paragraphs: [
					'Evidence is a law or decree, a budget, an official statistic, an official statement, a media report or another public source. Each item records its source address, publisher, publication date and a verbatim excerpt, and an archived copy where one exists.',
					'Fact-checkers submit evidence; an editor reviews each item and approves it or rejects it with a reason. Only approved evidence is published, and only approved evidence can support a status.',
				],
			},
			{
				heading: 'Measurable targets',
				paragraphs: [
					'A pledge with a numeric target has an indicator: what is measured, its unit, a baseline (a value on a date) and a target by the deadline. Each measurement comes from approved evidence.',
					'The reading “on track” or “behind” compares the latest measurement with a straight path from the baseline to the target by the deadline: at or beyond the path is on track, short of it is behind. A measurement after the deadline is compared with the target itself. Without a measurement, or without a baseline while the target is not yet reached, the reading is “no data yet”.',
					'A pledge whose result is done or not done, such as adopting a law, is followed through its steps.',
				],
			},
			{
				heading: 'The status ledger and corrections',
				paragraphs: [
					'Every status change is an entry in a ledger that cannot be edited or deleted, not even by us: the database refuses it. An entry records the date it takes effect, the statuses before and after, the reasoning and the evidence it rests on.',
					'When an entry turns out to be wrong, a new entry corrects it. The corrected entry stays visible, marked as corrected, and every correction is listed on the Corrections page.',
					'The “status over time” chart counts, at the end of each month since the term began, how many pledges stood in each status. A corrected entry no longer counts there: its correction takes its place from the correction’s own date.',
				],
			},
			{
				heading: 'Languages',
				paragraphs: [
					'Uade is published in Kazakh, Russian and English. Quotes are always the source’s own words. Where a text, such as a pledge’s title or summary, has not been translated yet, the English is shown with a note saying so.',
				],
			},
		],
	},
	ru: methodologyRu(uiLabels('ru')),
	kk: methodologyKk(uiLabels('kk')),
}

function methodologyRu(label: UiLabel): MethodologyContent {
	return {
		intro:
			'Uade следит за каждым обещанием предвыборной программы — дословно, как в источнике, — с того дня, когда оно было дано, и до конца срока полномочий. Статус обещания меняется, только когда изменение подтверждают проверенные публичные источники, и каждое изменение остаётся в истории.',
		statusesHeading: 'Шесть статусов',
		statuses: {
			NOT_RATED:
				'Проверенных источников пока нет. С этого статуса начинается каждое обещание: без подтверждений мы статус не присваиваем.',
			IN_PROGRESS:
				'Проверенные источники показывают конкретные шаги к выполнению — разработан законопроект, выделены средства, запущена программа, — но обещание ещё не выполнено.',
			STALLED: 'За 12 месяцев дело не продвинулось или работа официально остановлена.',
			PARTIAL: 'Обещание выполнено лишь частично или выполнено позже срока.',
			KEPT: 'Обещание выполнено в полном объёме и в срок.',
			BROKEN:
				'Есть подтверждения того, что обещание не будет выполнено до конца срока полномочий: от него отказались, приняли обратное решение или его выполнение стало невозможным.',
		},
		sections: [
			{
				heading: 'Правила',
				paragraphs: [],
				list: [
					'Каждый присвоенный статус опирается как минимум на один одобренный источник, указанный в истории статусов обещания.',
					`Обещание, выполненное после срока, получает статус «${label('status.PARTIAL')}», а не «${label('status.KEPT')}».`,
					`Для статуса «${label('status.BROKEN')}» нужны подтверждения того, что обещание не будет выполнено до конца срока; одного лишь молчания недостаточно.`,
					`«${label('status.STALLED')}» означает, что за 12 месяцев дело не продвинулось или работа официально остановлена.`,
					'Если в источнике не назван другой срок, обещание должно быть выполнено к концу срока полномочий.',
				],
			},
			{
				heading: 'Источники',
				paragraphs: [
					'Источник — это закон или указ, бюджет, официальная статистика, официальное заявление, публикация в СМИ или другой публичный документ. Для каждого источника фиксируются ссылка, издатель, дата публикации и дословная цитата, а также архивная копия, если она есть.',
					'Фактчекеры предлагают источники; редактор проверяет каждый и одобряет его или отклоняет, указав причину. Публикуются только одобренные источники, и только они могут служить основанием для статуса.',
				],
			},
			{
				heading: 'Измеримые цели',
				paragraphs: [
					'У обещания с числовой целью есть показатель: что измеряется, в каких единицах, исходное значение (на определённую дату) и цель к сроку. Каждое значение берётся из одобренного источника.',
					`Оценку «${label('reading.on-track')}» или «${label('reading.behind')}» дают так: последнее значение сравнивается с линией равномерного роста от исходного значения до цели в срок. Значение на этой линии или лучше неё — «${label('reading.on-track')}», хуже — «${label('reading.behind')}». Значение, измеренное после срока, сравнивается с самой целью. Если значений нет или не зафиксировано исходное значение, а цель ещё не достигнута, оценка — «${label('reading.no-data')}».`,
					'За обещанием, результат которого либо достигнут, либо нет (например, принятие закона), мы следим по его шагам.',
				],
			},
			{
				heading: 'Журнал статусов и исправления',
				paragraphs: [
					'Каждое изменение статуса — это запись в журнале, которую нельзя ни отредактировать, ни удалить, даже нам: база данных этого не позволяет. В записи указаны дата вступления в силу, прежний и новый статус, обоснование и источники, на которых оно основано.',
					`Если запись оказалась ошибочной, её исправляет новая запись. Исправленная запись остаётся на виду с соответствующей пометкой, а все исправления перечислены на странице «${label('corrections.title')}».`,
					`График «${label('overview.overTime.title')}» показывает, сколько обещаний было в каждом статусе на конец каждого месяца с начала срока полномочий. Исправленная запись в нём больше не учитывается: её место занимает исправление — начиная с его собственной даты.`,
				],
			},
			{
				heading: 'Языки',
				paragraphs: [
					'Uade выходит на казахском, русском и английском языках. Цитаты всегда приводятся дословно, на языке источника. Если какой-либо текст, например название или описание обещания, ещё не переведён, показывается английский оригинал с соответствующей пометкой.',
				],
			},
		],
	}
}

function methodologyKk(label: UiLabel): MethodologyContent {
	return {
		intro:
			'Uade сайлауалды бағдарламаның әр уәдесін дереккөздегі сөзбе-сөз мәтінімен берілген күнінен бастап өкілеттік мерзімі аяқталғанға дейін бақылайды. Уәденің мәртебесі тексерілген жария дереккөздер өзгерісті растаған жағдайда ғана өзгереді, ал әр өзгеріс тарихта сақталады.',
		statusesHeading: 'Алты мәртебе',
		statuses: {
			NOT_RATED:
				'Тексерілген дереккөз әлі жоқ. Әр уәде осы мәртебеден басталады: дереккөзсіз ешбір мәртебе берілмейді.',
			IN_PROGRESS:
				'Тексерілген дереккөздер уәдені орындауға бағытталған нақты қадамдарды көрсетеді — заң жобасы әзірленді, қаржы бөлінді, бағдарлама іске қосылды, — бірақ уәде әлі орындалған жоқ.',
			STALLED: '12 ай бойы ешқандай ілгерілеу жоқ немесе жұмыс ресми түрде тоқтатылды.',
			PARTIAL: 'Уәде ішінара ғана орындалды немесе белгіленген мерзімнен кеш орындалды.',
			KEPT: 'Уәде толық көлемде және мерзімінде орындалды.',
			BROKEN:
				'Уәденің өкілеттік мерзімі ішінде орындалмайтынына дәлел бар: одан бас тартылды, кері шешім қабылданды немесе оны орындау мүмкін болмай қалды.',
		},
		sections: [
			{
				heading: 'Ережелер',
				paragraphs: [],
				list: [
					'Берілген әр мәртебе кемінде бір мақұлданған дереккөзге сүйенеді; ол уәденің мәртебелер тарихында көрсетіледі.',
					`Мерзімінен кейін орындалған уәде «${label('status.KEPT')}» емес, «${label('status.PARTIAL')}» мәртебесін алады.`,
					`«${label('status.BROKEN')}» мәртебесі үшін уәденің мерзім ішінде орындалмайтынына дәлел қажет; жай ғана үнсіздік оған негіз бола алмайды.`,
					`«${label('status.STALLED')}» — 12 ай бойы ешқандай ілгерілеу жоқ немесе жұмыс ресми түрде тоқтатылған деген сөз.`,
					'Дереккөзде басқа мерзім көрсетілмесе, уәде өкілеттік мерзімі аяқталғанға дейін орындалуға тиіс.',
				],
			},
			{
				heading: 'Дереккөздер',
				paragraphs: [
					'Дереккөз — заң немесе жарлық, бюджет, ресми статистика, ресми мәлімдеме, БАҚ жарияланымы не басқа да жария құжат. Әр дереккөздің сілтемесі, жариялаушысы, жарияланған күні мен сөзбе-сөз үзіндісі, бар болса, мұрағаттық көшірмесі де тіркеледі.',
					'Фактчекерлер дереккөз ұсынады; редактор әрқайсысын тексеріп, мақұлдайды немесе себебін көрсетіп қабылдамайды. Тек мақұлданған дереккөздер жарияланады және тек солар мәртебеге негіз бола алады.',
				],
			},
			{
				heading: 'Өлшенетін мақсаттар',
				paragraphs: [
					'Сандық мақсаты бар уәденің көрсеткіші болады: не өлшенетіні, өлшем бірлігі, бастапқы мән (белгілі бір күнгі) және мерзімге дейін жетуге тиіс мақсат. Әр мән мақұлданған дереккөзден алынады.',
					`«${label('reading.on-track')}» немесе «${label('reading.behind')}» деген баға былай шығарылады: соңғы мән бастапқы мәннен мерзімдегі мақсатқа дейінгі біркелкі өсу сызығымен салыстырылады. Мән осы сызықта немесе одан жақсы болса — «${label('reading.on-track')}», нашар болса — «${label('reading.behind')}». Мерзімнен кейін өлшенген мән мақсаттың өзімен салыстырылады. Мән болмаса немесе бастапқы мән тіркелмей, мақсатқа әлі жетпесе, баға — «${label('reading.no-data')}».`,
					'Нәтижесі бар не жоқ деп қана бағаланатын уәде (мысалы, заң қабылдау) қадамдары бойынша бақыланады.',
				],
			},
			{
				heading: 'Мәртебелер журналы және түзетулер',
				paragraphs: [
					'Мәртебенің әр өзгерісі журналға жазба болып түседі. Оны өңдеуге де, жоюға да болмайды, тіпті біз де мұны істей алмаймыз: дерекқор бұған жол бермейді. Жазбада оның күшіне енген күні, бұрынғы және жаңа мәртебе, негіздеме және ол сүйенетін дереккөздер көрсетіледі.',
					`Жазба қате болып шықса, оны жаңа жазба түзетеді. Түзетілген жазба тиісті белгімен көрініп тұрады, ал барлық түзету «${label('corrections.title')}» бетінде жинақталады.`,
					`«${label('overview.overTime.title')}» графигі өкілеттік мерзімі басталғаннан бері әр айдың соңында әр мәртебеде қанша уәде болғанын көрсетеді. Түзетілген жазба онда енді есептелмейді: оның орнына түзету өз күнінен бастап есептеледі.`,
				],
			},
			{
				heading: 'Тілдер',
				paragraphs: [
					'Uade қазақ, орыс және ағылшын тілдерінде жарияланады. Дәйексөздер әрқашан дереккөздің өз тілінде, сөзбе-сөз беріледі. Қандай да бір мәтін (мысалы, уәденің атауы немесе сипаттамасы) әлі аударылмаса, ағылшынша түпнұсқасы тиісті белгімен көрсетіледі.',
				],
			},
		],
	}
}
