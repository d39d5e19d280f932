import type { Locale } from '../locales'
import type { DataContent } from './types'

// The open data page's own text (app/routes/$lang.data.tsx). What each file and column holds is the data
// dictionary of app/data/download-files.ts, which the files' header rows are held to.
export const dataPage: Record<Locale, DataContent> = {
	en: {
		intro: [
			'Everything Uade publishes about pledges can be downloaded: the pledges themselves, every status they have held, the evidence behind those statuses and the measurements of numeric targets. The files hold exactly what the public pages show, updated with them.',
			'Nothing that is not public is in them: no draft platform, no evidence still in review or rejected.',
		],
		files: {
			heading: 'Downloads',
			intro: 'Every published platform in one file each:',
			dataset:
				'The whole published dataset in one JSON document, in the format the import of a dataset reads: platforms, principles, pledges and their translations, the ledger, evidence and measurements.',
		},
		platforms: {
			heading: 'One platform',
			intro: 'The same files, for one platform alone:',
		},
		dictionary: {
			heading: 'What each column holds',
			intro: 'The columns of each file, in the order of its header row:',
			format: [
				'The files are CSV as RFC 4180 defines it: a header row, then one record per line, lines ending in CR LF, fields holding a comma, a quote or a line break in double quotes.',
				'They are UTF-8 with a byte order mark, so that a spreadsheet shows Kazakh and Russian letters as they are: open them directly, or import them as UTF-8 text.',
				'An empty field means the value is unknown or does not apply. Identifiers and short names never change, so rows from files downloaded on different days can be joined.',
			],
		},
		licence: {
			heading: 'Licence',
			terms: {
				before: 'The data is published under the ',
				link: 'Creative Commons Attribution 4.0 International licence (CC BY 4.0)',
				after: '.',
			},
			paragraphs: [
				'You may copy, share, adapt and publish it, commercially too, as long as you credit the source and say whether you changed it. The campaign quotes and evidence excerpts belong to their authors; they are quoted here to document the pledges.',
			],
		},
		citing: {
			heading: 'How to cite',
			intro: 'Please cite the data like this, with the date you downloaded it:',
			citation:
				'{organization}. Uade: campaign pledges and what became of them [data set]. {url}. Retrieved {date}. Licence: CC BY 4.0.',
		},
		elsewhere: {
			heading: 'Other ways to use the data',
			intro: 'For a newsroom’s own pages and tools:',
			api: {
				before: 'a read-only JSON API, with an OpenAPI description of every answer: ',
				link: 'the API’s description',
				after: ';',
			},
			feeds: {
				before:
					'Atom feeds of new statuses, corrections and evidence for each platform and each pledge, linked on their pages, and ',
				link: 'one for the whole site',
				after: ';',
			},
			embeds:
				'a card with a pledge’s live status to embed in another page: “{section}” on each pledge’s page.',
		},
	},
	ru: {
		intro: [
			'Всё, что Uade публикует об обещаниях, можно скачать: сами обещания, все статусы, которые им присваивались, доказательства, на которых эти статусы основаны, и измерения числовых целей. В файлах ровно то же, что на страницах сайта, и обновляются они вместе с ним.',
			'Закрытых данных в них нет: ни черновиков программ, ни доказательств, которые ещё проверяются или были отклонены.',
		],
		files: {
			heading: 'Файлы для скачивания',
			intro: 'Все опубликованные программы, по одному файлу на каждый вид данных:',
			dataset:
				'Все опубликованные данные одним документом в формате JSON — том же, в котором набор данных загружается на сайт: программы, принципы, обещания и их переводы, журнал статусов, доказательства и измерения.',
		},
		platforms: {
			heading: 'Одна программа',
			intro: 'Те же файлы отдельно для каждой программы:',
		},
		dictionary: {
			heading: 'Что содержится в столбцах',
			intro: 'Столбцы каждого файла в том порядке, в котором они идут в строке заголовков:',
			format: [
				'Файлы записаны в формате CSV по стандарту RFC 4180: строка заголовков, затем по одной записи на строку; строки заканчиваются символами CR LF, а поля с запятой, кавычкой или переносом строки заключены в двойные кавычки.',
				'Кодировка — UTF-8 с меткой порядка байтов, поэтому электронные таблицы показывают казахские и русские буквы правильно: откройте файл напрямую или импортируйте его как текст в UTF-8.',
				'Пустое поле означает, что значение неизвестно или неприменимо. Идентификаторы и краткие имена не меняются, поэтому строки из файлов, скачанных в разные дни, можно сопоставлять.',
			],
		},
		licence: {
			heading: 'Лицензия',
			terms: {
				before: 'Данные публикуются на условиях ',
				link: 'международной лицензии Creative Commons «С указанием авторства» 4.0 (CC BY 4.0)',
				after: '.',
			},
			paragraphs: [
				'Их можно копировать, распространять, перерабатывать и публиковать, в том числе в коммерческих целях, если вы указываете источник и сообщаете, вносили ли изменения. Цитаты из предвыборных программ и фрагменты доказательств принадлежат их авторам и приводятся здесь, чтобы задокументировать обещания.',
			],
		},
		citing: {
			heading: 'Как ссылаться на данные',
			intro: 'Пожалуйста, ссылайтесь на данные так, указав дату, когда вы их скачали:',
			citation:
				'{organization}. Uade: предвыборные обещания и их выполнение [набор данных]. {url} (дата обращения: {date}). Лицензия CC BY 4.0.',
		},
		elsewhere: {
			heading: 'Другие способы получить данные',
			intro: 'Для страниц и сервисов редакций:',
			api: {
				before:
					'программный интерфейс только для чтения, отдающий данные в формате JSON, с описанием каждого ответа в формате OpenAPI: ',
				link: 'описание интерфейса',
				after: ';',
			},
			feeds: {
				before:
					'ленты Atom с новыми статусами, исправлениями и доказательствами для каждой программы и каждого обещания (ссылки на них есть на их страницах) и ',
				link: 'общая лента сайта',
				after: ';',
			},
			embeds:
				'карточка с текущим статусом обещания для вставки на другой сайт: раздел «{section}» на странице каждого обещания.',
		},
	},
	kk: {
		intro: [
			'Uade уәделер туралы жариялайтын барлық деректі жүктеп алуға болады: уәделердің өзі, оларға берілген барлық мәртебе, сол мәртебелер негізделген дәлелдер және сандық мақсаттардың өлшемдері. Файлдарда сайт беттеріндегі деректер ғана бар және олар сайтпен бірге жаңартылады.',
			'Оларда жария емес ештеңе жоқ: бағдарламалардың жобалары да, әлі тексерілмеген не қабылданбаған дәлелдер де енбейді.',
		],
		files: {
			heading: 'Жүктеп алу',
			intro: 'Жарияланған барлық бағдарлама, деректің әр түріне бір файлдан:',
			dataset:
				'Жарияланған деректердің бәрі бір JSON құжатында, сайтқа деректер жиынтығын жүктейтін пішімде: бағдарламалар, қағидаттар, уәделер мен олардың аудармалары, мәртебелер журналы, дәлелдер және өлшемдер.',
		},
		platforms: {
			heading: 'Бір бағдарлама',
			intro: 'Дәл осы файлдар әр бағдарлама үшін жеке:',
		},
		dictionary: {
			heading: 'Бағандарда не бар',
			intro: 'Әр файлдың бағандары, тақырыптар жолындағы ретімен:',
			format: [
				'Файлдар RFC 4180 стандарты бойынша CSV пішімінде: алдымен тақырыптар жолы, содан кейін әр жолға бір жазба; жолдар CR LF таңбаларымен аяқталады, ал үтір, тырнақша немесе жол ауысуы бар өрістер қос тырнақшаға алынады.',
				'Кодтамасы — байт реті белгісі бар UTF-8, сондықтан электрондық кестелер қазақ және орыс әріптерін дұрыс көрсетеді: файлды тікелей ашыңыз немесе оны UTF-8 мәтіні ретінде импорттаңыз.',
				'Бос өріс мәннің белгісіз екенін немесе қолданылмайтынын білдіреді. Идентификаторлар мен қысқа атаулар өзгермейді, сондықтан әр күні жүктелген файлдардың жолдарын өзара сәйкестендіруге болады.',
			],
		},
		licence: {
			heading: 'Лицензия',
			terms: {
				before: 'Деректер ',
				link: 'Creative Commons «Авторлықты көрсету» 4.0 халықаралық лицензиясы (CC BY 4.0)',
				after: ' бойынша жарияланады.',
			},
			paragraphs: [
				'Оларды көшіруге, таратуға, өңдеуге және жариялауға болады, соның ішінде коммерциялық мақсатта да, тек дереккөзді көрсетіп, өзгеріс енгізгеніңізді не енгізбегеніңізді хабарлауыңыз керек. Сайлауалды бағдарламалардан алынған дәйексөздер мен дәлел үзінділері авторларына тиесілі; олар мұнда уәделерді құжаттау үшін келтірілген.',
			],
		},
		citing: {
			heading: 'Деректерге қалай сілтеме жасау керек',
			intro: 'Деректерге осылай сілтеме жасаңыз, оларды жүктеп алған күнді көрсетіңіз:',
			citation:
				'{organization}. Uade: сайлауалды уәделер және олардың орындалуы [деректер жиынтығы]. {url}. Қаралған күні: {date}. Лицензиясы: CC BY 4.0.',
		},
		elsewhere: {
			heading: 'Деректерді алудың басқа жолдары',
			intro: 'Редакциялардың беттері мен құралдары үшін:',
			api: {
				before:
					'деректерді JSON пішімінде беретін, тек оқуға арналған бағдарламалық интерфейс, әр жауабы OpenAPI пішімінде сипатталған: ',
				link: 'интерфейстің сипаттамасы',
				after: ';',
			},
			feeds: {
				before:
					'әр бағдарлама мен әр уәденің жаңа мәртебелері, түзетулері мен дәлелдері бар Atom арналары (сілтемелері олардың беттерінде) және ',
				link: 'бүкіл сайттың ортақ арнасы',
				after: ';',
			},
			embeds:
				'уәденің қазіргі мәртебесі көрсетілген, басқа сайтқа орнатуға болатын карточка: әр уәде бетіндегі «{section}» бөлімі.',
		},
	},
}
