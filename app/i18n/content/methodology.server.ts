import type { Locale } from '../locales'
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
					'Uade is published in Kazakh, Russian and English. Quotes are always the source’s own words. Where a pledge’s title or summary has not been translated yet, the English text is shown with a note saying so.',
				],
			},
		],
	},
	ru: {
		intro:
			'Uade следит за каждым обещанием программы — словами источника — с того дня, когда оно было дано, и до конца срока полномочий. Статус обещания меняется только тогда, когда изменение подтверждают проверенные публичные источники, и каждое изменение остаётся в истории.',
		statusesHeading: 'Шесть статусов',
		statuses: {
			NOT_RATED:
				'Проверенных источников пока нет. С этого статуса начинается каждое обещание; без источников мы статус не присваиваем.',
			IN_PROGRESS:
				'Проверенные источники показывают конкретные шаги к выполнению — подготовлен закон, выделены деньги, запущена программа, — но обещание ещё не выполнено.',
			STALLED: 'Движения нет 12 месяцев, или работа официально остановлена.',
			PARTIAL: 'Обещание выполнено лишь частично или выполнено позже срока.',
			KEPT: 'Обещание выполнено так, как было обещано, и в срок.',
			BROKEN:
				'Есть свидетельства того, что обещание не будет выполнено в течение срока: от него отказались, его отменили или сделали невозможным.',
		},
		sections: [
			{
				heading: 'Правила',
				paragraphs: [],
				list: [
					'Каждый присвоенный статус опирается как минимум на один одобренный источник, указанный в истории статусов обещания.',
					'Обещание, выполненное после срока, получает статус «Выполнено частично», а не «Выполнено».',
					'Для статуса «Нарушено» нужны свидетельства того, что обещание не будет выполнено в течение срока; одного молчания недостаточно.',
					'«Застопорилось» означает, что движения нет 12 месяцев или работа официально остановлена.',
					'Если в источнике не указана другая дата, срок обещания — конец срока полномочий.',
				],
			},
			{
				heading: 'Источники',
				paragraphs: [
					'Источник — это закон или указ, бюджет, официальная статистика, официальное заявление, публикация в СМИ или другой публичный документ. Для каждого источника записываются адрес, издатель, дата публикации и дословная цитата, а также архивная копия, если она есть.',
					'Фактчекеры предлагают источники; редактор проверяет каждый и одобряет его или отклоняет с объяснением. Публикуются только одобренные источники, и только они могут служить основанием для статуса.',
				],
			},
			{
				heading: 'Измеримые цели',
				paragraphs: [
					'У обещания с числовой целью есть показатель: что измеряется, в каких единицах, исходное значение (на определённую дату) и цель к сроку. Каждое измерение берётся из одобренного источника.',
					'Оценка «по плану» или «отстаёт» сравнивает последнее измерение с прямым путём от исходного значения к цели к сроку: на уровне пути или лучше — по плану, хуже — отстаёт. Измерение после срока сравнивается с самой целью. Если измерений нет или нет исходного значения, а цель ещё не достигнута, оценка — «данных пока нет».',
					'За обещанием, результат которого либо достигнут, либо нет (например, принятие закона), мы следим по его шагам.',
				],
			},
			{
				heading: 'Журнал статусов и исправления',
				paragraphs: [
					'Каждое изменение статуса — запись в журнале, которую нельзя отредактировать или удалить, даже нам: база данных этого не допускает. В записи указаны дата вступления в силу, статус до и после, обоснование и источники.',
					'Если запись оказалась ошибочной, её исправляет новая запись. Исправленная запись остаётся видна с пометкой, а все исправления перечислены на странице «Исправления».',
					'График «Статусы во времени» показывает, сколько обещаний было в каждом статусе на конец каждого месяца с начала срока. Исправленная запись там больше не учитывается: её место занимает исправление — с даты самого исправления.',
				],
			},
			{
				heading: 'Языки',
				paragraphs: [
					'Uade выходит на казахском, русском и английском языках. Цитаты всегда приводятся словами источника. Если название или описание обещания ещё не переведены, показывается английский текст с соответствующей пометкой.',
				],
			},
		],
	},
	kk: {
		intro:
			'Uade бағдарламаның әр уәдесін — дереккөздің өз сөзімен — берілген күнінен бастап өкілеттік мерзімі аяқталғанға дейін бақылайды. Уәденің мәртебесі өзгерісті тексерілген, жария дереккөздер растағанда ғана өзгереді, және әр өзгеріс тарихта сақталады.',
		statusesHeading: 'Алты мәртебе',
		statuses: {
			NOT_RATED:
				'Тексерілген дереккөз әлі жоқ. Әр уәде осы мәртебеден басталады; дереккөзсіз біз мәртебе бермейміз.',
			IN_PROGRESS:
				'Тексерілген дереккөздер уәдені орындауға бағытталған нақты қадамдарды көрсетеді — заң жобасы дайындалды, қаржы бөлінді, бағдарлама басталды, — бірақ уәде әлі орындалған жоқ.',
			STALLED: '12 ай бойы ешқандай ілгерілеу жоқ немесе жұмыс ресми түрде тоқтатылды.',
			PARTIAL: 'Уәде тек ішінара орындалды немесе мерзімінен кейін орындалды.',
			KEPT: 'Уәде айтылғандай және мерзімінде орындалды.',
			BROKEN:
				'Уәденің өкілеттік мерзімі ішінде орындалмайтынына дәлел бар: одан бас тартылды, ол күшін жойды немесе оны орындау мүмкін болмай қалды.',
		},
		sections: [
			{
				heading: 'Ережелер',
				paragraphs: [],
				list: [
					'Берілген әр мәртебе кемінде бір мақұлданған дереккөзге сүйенеді; ол уәденің мәртебелер тарихында көрсетіледі.',
					'Мерзімінен кейін орындалған уәде «Орындалды» емес, «Ішінара орындалды» мәртебесін алады.',
					'«Орындалмады» мәртебесі үшін уәденің мерзім ішінде орындалмайтынына дәлел қажет; тек үнсіздік жеткіліксіз.',
					'«Тоқтап тұр» — 12 ай бойы ілгерілеу жоқ немесе жұмыс ресми түрде тоқтатылған деген сөз.',
					'Дереккөзде басқа күн көрсетілмесе, уәденің мерзімі — өкілеттік мерзімінің соңы.',
				],
			},
			{
				heading: 'Дереккөздер',
				paragraphs: [
					'Дереккөз — заң немесе жарлық, бюджет, ресми статистика, ресми мәлімдеме, БАҚ жарияланымы не басқа да жария құжат. Әр дереккөздің мекенжайы, жариялаушысы, жарияланған күні және сөзбе-сөз үзіндісі, бар болса мұрағаттық көшірмесі жазылады.',
					'Фактчекерлер дереккөз ұсынады; редактор әрқайсысын тексеріп, мақұлдайды немесе себебін көрсетіп қабылдамайды. Тек мақұлданған дереккөздер жарияланады және тек солар мәртебеге негіз бола алады.',
				],
			},
			{
				heading: 'Өлшенетін мақсаттар',
				paragraphs: [
					'Сандық мақсаты бар уәденің көрсеткіші болады: не өлшенетіні, өлшем бірлігі, бастапқы мән (белгілі бір күнгі) және мерзімге дейінгі мақсат. Әр өлшем мақұлданған дереккөзден алынады.',
					'«Жоспар бойынша» немесе «артта қалып отыр» деген баға соңғы өлшемді бастапқы мәннен мерзімге дейін мақсатқа апаратын түзу жолмен салыстырады: жол деңгейінде немесе одан жақсы болса — жоспар бойынша, нашар болса — артта қалып отыр. Мерзімнен кейінгі өлшем мақсаттың өзімен салыстырылады. Өлшем болмаса немесе бастапқы мән жоқ болып, мақсатқа әлі жетпесе, баға — «әзірге дерек жоқ».',
					'Нәтижесі не орындалған, не орындалмаған уәдені (мысалы, заң қабылдау) оның қадамдары арқылы бақылаймыз.',
				],
			},
			{
				heading: 'Мәртебелер журналы және түзетулер',
				paragraphs: [
					'Мәртебенің әр өзгерісі — журналдағы жазба, оны өңдеуге де, жоюға да болмайды, тіпті бізге де: дерекқор оған жол бермейді. Жазбада оның күшіне енетін күні, бұрынғы және кейінгі мәртебе, негіздеме және дереккөздер көрсетіледі.',
					'Жазба қате болып шықса, оны жаңа жазба түзетеді. Түзетілген жазба белгісімен көрініп тұрады, ал барлық түзетулер «Түзетулер» бетінде тізіледі.',
					'«Мәртебелердің уақыт бойынша өзгеруі» графигі мерзім басталғаннан бері әр айдың соңында әр мәртебеде қанша уәде болғанын көрсетеді. Түзетілген жазба онда есептелмейді: оның орнын түзету өз күнінен бастап басады.',
				],
			},
			{
				heading: 'Тілдер',
				paragraphs: [
					'Uade қазақ, орыс және ағылшын тілдерінде жарияланады. Дәйексөздер әрқашан дереккөздің өз сөзімен беріледі. Уәденің атауы немесе сипаттамасы әлі аударылмаса, ағылшынша мәтін тиісті белгімен көрсетіледі.',
				],
			},
		],
	},
}
