import type { Locale } from '~/i18n/locales'

/**
 * The open data downloads (docs/decisions/019-downloads-streamed-by-copy.md): four CSV files, for every
 * published platform together and for each one alone, and the whole published dataset in the import format.
 * This module is their data dictionary: the files' names, what each holds and each column, in the site's
 * three languages. Pure data, importable anywhere (the /{lang}/data page shows it); the CSV files' header
 * rows are these column names, in this order (app/routes/downloads.test.ts holds them to it).
 */

export type CsvDownloadName = 'pledges' | 'status-ledger' | 'evidence' | 'measurements'

export type DownloadColumn = { name: string; description: Record<Locale, string> }

export type CsvDownload = {
	name: CsvDownloadName
	fileName: `${CsvDownloadName}.csv`
	description: Record<Locale, string>
	columns: DownloadColumn[]
}

type Texts = Record<Locale, string>

const column = (name: string, description: Texts): DownloadColumn => ({ name, description })

const languageName = {
	en: { en: 'English', ru: 'Russian', kk: 'Kazakh' },
	ru: { en: 'английском', ru: 'русском', kk: 'казахском' },
	kk: { en: 'ағылшын', ru: 'орыс', kk: 'қазақ' },
} as const satisfies Record<Locale, Record<Locale, string>>

/**
 * One column per language (`title_en`, `title_ru`, `title_kk`): the text in that language, empty when it
 * has not been translated into it (never another language's text in its place).
 */
function inEachLanguage(prefix: string, what: Texts): DownloadColumn[] {
	return (['en', 'ru', 'kk'] as const).map((language) =>
		column(`${prefix}_${language}`, {
			en: `${what.en} in ${languageName.en[language]}${language === 'en' ? '.' : '; empty if not translated.'}`,
			ru: `${what.ru} на ${languageName.ru[language]} языке${language === 'en' ? '.' : '; пусто, если перевода нет.'}`,
			kk: `${what.kk}, ${languageName.kk[language]} тілінде${language === 'en' ? '.' : '; аудармасы жоқ болса, бос.'}`,
		}),
	)
}

/** The status names as the site shows them (app/i18n/messages; a test holds the two together). */
export const statusNames = {
	NOT_RATED: { en: 'Not yet rated', ru: 'Ещё не оценено', kk: 'Әлі бағаланбаған' },
	IN_PROGRESS: { en: 'In progress', ru: 'В процессе', kk: 'Орындалу үстінде' },
	STALLED: { en: 'Stalled', ru: 'Без движения', kk: 'Тоқтап тұр' },
	PARTIAL: { en: 'Partially kept', ru: 'Выполнено частично', kk: 'Ішінара орындалды' },
	KEPT: { en: 'Kept', ru: 'Выполнено', kk: 'Орындалды' },
	BROKEN: { en: 'Broken', ru: 'Нарушено', kk: 'Бұзылды' },
} as const satisfies Record<string, Texts>

/** The kinds of pledge as the site names them (app/i18n/messages `kind.*`). */
export const kindNames = {
	QUANTITATIVE: { en: 'Measurable target', ru: 'Измеримая цель', kk: 'Өлшенетін мақсат' },
	MILESTONE: { en: 'Milestone', ru: 'Конкретное действие', kk: 'Кезеңдік мақсат' },
	QUALITATIVE: { en: 'Qualitative', ru: 'Без числовой цели', kk: 'Сапалық мақсат' },
} as const satisfies Record<string, Texts>

/** The types of evidence as the site names them (app/i18n/messages `evidenceType.*`). */
export const evidenceTypeNames = {
	LAW_OR_DECREE: { en: 'Law or decree', ru: 'Закон или указ', kk: 'Заң немесе жарлық' },
	BUDGET: { en: 'Budget', ru: 'Бюджет', kk: 'Бюджет' },
	OFFICIAL_STATISTIC: { en: 'Official statistic', ru: 'Официальная статистика', kk: 'Ресми статистика' },
	OFFICIAL_STATEMENT: { en: 'Official statement', ru: 'Официальное заявление', kk: 'Ресми мәлімдеме' },
	MEDIA_REPORT: { en: 'Media report', ru: 'Публикация в СМИ', kk: 'БАҚ жарияланымы' },
	OTHER: { en: 'Other', ru: 'Другое', kk: 'Басқа' },
} as const satisfies Record<string, Texts>

/** "KEPT (Kept), BROKEN (Broken)": a column's codes, each with the name the site shows for it. */
function codes(names: Record<string, Texts>, language: Locale): string {
	return Object.entries(names)
		.map(([code, name]) => `${code} (${name[language]})`)
		.join(', ')
}

const statusCodes = (language: Locale) => codes(statusNames, language)

const date: Texts = {
	en: 'a date, YYYY-MM-DD',
	ru: 'дата в формате ГГГГ-ММ-ДД',
	kk: 'күн, ЖЖЖЖ-АА-КК пішімінде',
}

const instant: Texts = {
	en: 'an instant in UTC, ISO 8601 (YYYY-MM-DDThh:mm:ss.sssZ)',
	ru: 'момент времени по UTC в формате ISO 8601 (ГГГГ-ММ-ДДTчч:мм:сс.сссZ)',
	kk: 'UTC бойынша уақыт сәті, ISO 8601 пішімінде (ЖЖЖЖ-АА-ККTсс:мм:сс.сссZ)',
}

const number: Texts = {
	en: 'a number with a full stop as the decimal separator and no thousands separator',
	ru: 'число; дробная часть отделяется точкой, разряды не разделяются',
	kk: 'сан; бөлшек бөлігі нүктемен бөлінеді, разрядтар бөлінбейді',
}

const pledgeId = column('pledge_id', {
	en: 'The pledge’s identifier: stable, never reused; the pledge_id of pledges.csv.',
	ru: 'Идентификатор обещания: постоянный, повторно не используется; совпадает с pledge_id в pledges.csv.',
	kk: 'Уәденің идентификаторы: тұрақты, қайта қолданылмайды; pledges.csv файлындағы pledge_id-мен бірдей.',
})

const pledgeSlug = column('pledge_slug', {
	en: 'The pledge’s short name in its page’s address, unique within its platform.',
	ru: 'Краткое имя обещания в адресе его страницы; уникально в пределах программы.',
	kk: 'Уәде бетінің мекенжайындағы қысқа атауы; бағдарлама ішінде қайталанбайды.',
})

const platformSlug = column('platform_slug', {
	en: 'The platform’s short name in its pages’ addresses, as in /en/platforms/{platform_slug}.',
	ru: 'Краткое имя программы в адресах её страниц, например /ru/platforms/{platform_slug}.',
	kk: 'Бағдарлама беттерінің мекенжайындағы қысқа атауы, мысалы /kk/platforms/{platform_slug}.',
})

const pledgeUrl = column('pledge_url', {
	en: 'The address of the pledge’s page on this site, in English.',
	ru: 'Адрес страницы обещания на этом сайте (английская версия).',
	kk: 'Осы сайттағы уәде бетінің мекенжайы (ағылшынша нұсқасы).',
})

const pledges: CsvDownload = {
	name: 'pledges',
	fileName: 'pledges.csv',
	description: {
		en: 'Every pledge of the published platforms, one row each: its texts in the three languages, its source, kind, deadline, current status and, for a measurable target, its indicator.',
		ru: 'Все обещания опубликованных программ, по одной строке на обещание: тексты на трёх языках, источник, тип, срок, текущий статус, а для измеримой цели — её показатель.',
		kk: 'Жарияланған бағдарламалардың барлық уәделері, әр уәдеге бір жол: үш тілдегі мәтіндері, дереккөзі, түрі, мерзімі, қазіргі мәртебесі, ал өлшенетін мақсат үшін оның көрсеткіші.',
	},
	columns: [
		pledgeId,
		pledgeSlug,
		platformSlug,
		column('politician_slug', {
			en: 'The short name of the politician whose platform it is, as in /en/politicians/{politician_slug}.',
			ru: 'Краткое имя политика, чья это программа, например /ru/politicians/{politician_slug}.',
			kk: 'Бағдарлама иесі саясаткердің қысқа атауы, мысалы /kk/politicians/{politician_slug}.',
		}),
		column('principle_slug', {
			en: 'The short name of the platform’s principle the pledge comes under.',
			ru: 'Краткое имя принципа программы, к которому относится обещание.',
			kk: 'Уәде жататын бағдарлама қағидатының қысқа атауы.',
		}),
		column('category_slug', {
			en: 'The short name of the pledge’s category: a topic under the principle, or the principle itself.',
			ru: 'Краткое имя раздела обещания: темы внутри принципа или самого принципа.',
			kk: 'Уәде бөлімінің қысқа атауы: қағидат ішіндегі тақырып немесе қағидаттың өзі.',
		}),
		...inEachLanguage('category_title', {
			en: 'The category’s title',
			ru: 'Название раздела',
			kk: 'Бөлімнің атауы',
		}),
		...inEachLanguage('title', { en: 'The pledge’s title', ru: 'Название обещания', kk: 'Уәденің атауы' }),
		...inEachLanguage('summary', {
			en: 'The pledge in a sentence or two',
			ru: 'Суть обещания в одном-двух предложениях',
			kk: 'Уәденің бір-екі сөйлеммен берілген мәні',
		}),
		column('quote', {
			en: 'The campaign’s own words, verbatim, in the language of the source.',
			ru: 'Слова из предвыборной программы, дословно, на языке источника.',
			kk: 'Сайлауалды бағдарламадағы сөздер, дәлме-дәл, дереккөздің тілінде.',
		}),
		column('source_url', {
			en: 'The address of the document the pledge is quoted from.',
			ru: 'Адрес документа, из которого взята цитата.',
			kk: 'Дәйексөз алынған құжаттың мекенжайы.',
		}),
		column('source_date', {
			en: `The date of that document: ${date.en}.`,
			ru: `Дата этого документа: ${date.ru}.`,
			kk: `Сол құжаттың күні: ${date.kk}.`,
		}),
		column('kind', {
			en: `The kind of pledge: ${codes(kindNames, 'en')}.`,
			ru: `Тип обещания: ${codes(kindNames, 'ru')}.`,
			kk: `Уәденің түрі: ${codes(kindNames, 'kk')}.`,
		}),
		column('deadline', {
			en: `The date by which the pledge was to be kept: ${date.en}.`,
			ru: `Срок, к которому обещание должно быть выполнено: ${date.ru}.`,
			kk: `Уәде орындалуға тиіс мерзім: ${date.kk}.`,
		}),
		column('status', {
			en: `The pledge’s current status: ${statusCodes('en')}.`,
			ru: `Текущий статус обещания: ${statusCodes('ru')}.`,
			kk: `Уәденің қазіргі мәртебесі: ${statusCodes('kk')}.`,
		}),
		column('status_since', {
			en: `The effective date of the ledger entry that set the current status (${date.en}); empty if the pledge has not been rated.`,
			ru: `Дата, с которой действует запись журнала, установившая текущий статус (${date.ru}); пусто, если обещание ещё не оценивали.`,
			kk: `Қазіргі мәртебені белгілеген журнал жазбасының күшіне енген күні (${date.kk}); уәде әлі бағаланбаса, бос.`,
		}),
		...inEachLanguage('indicator_name', {
			en: 'For a measurable target, what its indicator measures',
			ru: 'Для измеримой цели — что измеряет её показатель',
			kk: 'Өлшенетін мақсат үшін — оның көрсеткіші нені өлшейді',
		}),
		...inEachLanguage('indicator_unit', {
			en: 'The indicator’s unit',
			ru: 'Единица измерения показателя',
			kk: 'Көрсеткіштің өлшем бірлігі',
		}),
		column('indicator_direction', {
			en: 'Which way the indicator should move: INCREASE (higher is better) or DECREASE (lower is better); empty for other kinds.',
			ru: 'В какую сторону должен меняться показатель: INCREASE (чем больше, тем лучше) или DECREASE (чем меньше, тем лучше); пусто для других типов.',
			kk: 'Көрсеткіш қай бағытта өзгеруге тиіс: INCREASE (неғұрлым көп болса, соғұрлым жақсы) немесе DECREASE (неғұрлым аз болса, соғұрлым жақсы); басқа түрлер үшін бос.',
		}),
		column('baseline_value', {
			en: `The indicator’s value when the pledge was made: ${number.en}; empty if unknown.`,
			ru: `Значение показателя на момент обещания: ${number.ru}; пусто, если неизвестно.`,
			kk: `Уәде берілген кездегі көрсеткіштің мәні: ${number.kk}; белгісіз болса, бос.`,
		}),
		column('baseline_date', {
			en: `The date of the baseline value: ${date.en}.`,
			ru: `Дата исходного значения: ${date.ru}.`,
			kk: `Бастапқы мәннің күні: ${date.kk}.`,
		}),
		column('target_value', {
			en: `The value the pledge promises: ${number.en}.`,
			ru: `Обещанное значение: ${number.ru}.`,
			kk: `Уәде етілген мән: ${number.kk}.`,
		}),
		column('target_date', {
			en: `The date by which the target value was to be reached: ${date.en}.`,
			ru: `Дата, к которой должно быть достигнуто обещанное значение: ${date.ru}.`,
			kk: `Уәде етілген мәнге жету мерзімі: ${date.kk}.`,
		}),
		column('updated_at', {
			en: `When a status, evidence or measurement of the pledge last changed: ${instant.en}; empty if nothing has happened yet.`,
			ru: `Когда в последний раз менялись статус, доказательства или измерения обещания: ${instant.ru}; пусто, если изменений ещё не было.`,
			kk: `Уәденің мәртебесі, дәлелі не өлшемі соңғы рет қашан өзгерді: ${instant.kk}; әлі ештеңе өзгермесе, бос.`,
		}),
		...(['en', 'ru', 'kk'] as const).map((language) =>
			column(`url_${language}`, {
				en: `The address of the pledge’s page on this site, in ${languageName.en[language]}.`,
				ru: `Адрес страницы обещания на этом сайте на ${languageName.ru[language]} языке.`,
				kk: `Осы сайттағы уәде бетінің ${languageName.kk[language]} тіліндегі мекенжайы.`,
			}),
		),
	],
}

const statusLedger: CsvDownload = {
	name: 'status-ledger',
	fileName: 'status-ledger.csv',
	description: {
		en: 'The status ledger: every status recorded for a pledge of a published platform, corrections included, oldest first. Nothing in it is ever edited or deleted; a correction is a new entry naming the one it corrects.',
		ru: 'Журнал статусов: все статусы, присвоенные обещаниям опубликованных программ, включая исправления, от старых к новым. Записи в нём не меняются и не удаляются; исправление — это новая запись со ссылкой на исправляемую.',
		kk: 'Мәртебелер журналы: жарияланған бағдарламалар уәделеріне берілген барлық мәртебе, түзетулерімен қоса, ескісінен жаңасына қарай. Жазбалар өзгертілмейді де, жойылмайды да; түзету — түзетілетін жазбаны көрсететін жаңа жазба.',
	},
	columns: [
		column('entry_id', {
			en: 'The ledger entry’s identifier: stable, never reused.',
			ru: 'Идентификатор записи журнала: постоянный, повторно не используется.',
			kk: 'Журнал жазбасының идентификаторы: тұрақты, қайта қолданылмайды.',
		}),
		pledgeId,
		pledgeSlug,
		platformSlug,
		column('from_status', {
			en: `The pledge’s status before this entry: ${statusCodes('en')}.`,
			ru: `Статус обещания до этой записи: ${statusCodes('ru')}.`,
			kk: `Осы жазбаға дейінгі уәде мәртебесі: ${statusCodes('kk')}.`,
		}),
		column('status', {
			en: `The status this entry records: ${statusCodes('en')}.`,
			ru: `Статус, который устанавливает эта запись: ${statusCodes('ru')}.`,
			kk: `Осы жазба белгілейтін мәртебе: ${statusCodes('kk')}.`,
		}),
		column('effective_date', {
			en: `The date from which the status holds: ${date.en}.`,
			ru: `Дата, с которой действует статус: ${date.ru}.`,
			kk: `Мәртебенің күшіне енген күні: ${date.kk}.`,
		}),
		column('recorded_at', {
			en: `When the entry was recorded: ${instant.en}.`,
			ru: `Когда запись была внесена: ${instant.ru}.`,
			kk: `Жазба енгізілген уақыт: ${instant.kk}.`,
		}),
		...inEachLanguage('rationale', {
			en: 'Why the pledge has this status',
			ru: 'Обоснование статуса',
			kk: 'Мәртебенің негіздемесі',
		}),
		column('corrects_entry_id', {
			en: 'For a correction, the entry_id of the entry it corrects; empty otherwise.',
			ru: 'Для исправления — entry_id исправляемой записи; для остальных пусто.',
			kk: 'Түзету үшін — түзетілетін жазбаның entry_id-і; басқа жазбалар үшін бос.',
		}),
		...inEachLanguage('correction_reason', {
			en: 'For a correction, what was wrong with the corrected entry',
			ru: 'Для исправления — в чём была ошибка исправляемой записи',
			kk: 'Түзету үшін — түзетілетін жазбадағы қате неде болғаны',
		}),
		column('corrected_by_entry_id', {
			en: 'The entry_id of the latest correction of this entry; empty if it stands uncorrected.',
			ru: 'entry_id последнего исправления этой записи; пусто, если запись не исправлялась.',
			kk: 'Осы жазбаның соңғы түзетуінің entry_id-і; жазба түзетілмесе, бос.',
		}),
		column('evidence_ids', {
			en: 'The evidence the entry rests on: evidence_id values of evidence.csv, separated by spaces.',
			ru: 'Доказательства, на которых основана запись: значения evidence_id из evidence.csv через пробел.',
			kk: 'Жазба негізделген дәлелдер: evidence.csv файлындағы evidence_id мәндері, бос орынмен бөлінген.',
		}),
		pledgeUrl,
	],
}

const evidence: CsvDownload = {
	name: 'evidence',
	fileName: 'evidence.csv',
	description: {
		en: 'The evidence about the pledges of the published platforms: every source that passed review, with its excerpt and, where the source gives one, the figure it reports. Evidence still in review or rejected is never included.',
		ru: 'Доказательства по обещаниям опубликованных программ: все источники, прошедшие проверку, с цитатой и, если источник его приводит, числовым значением. Доказательства на проверке и отклонённые сюда не входят.',
		kk: 'Жарияланған бағдарламалар уәделері бойынша дәлелдер: тексеруден өткен барлық дереккөз, үзіндісімен және, дереккөзде болса, сандық мәнімен. Тексерудегі не қабылданбаған дәлелдер бұл файлға енбейді.',
	},
	columns: [
		column('evidence_id', {
			en: 'The evidence’s identifier: stable, never reused.',
			ru: 'Идентификатор доказательства: постоянный, повторно не используется.',
			kk: 'Дәлелдің идентификаторы: тұрақты, қайта қолданылмайды.',
		}),
		pledgeId,
		pledgeSlug,
		platformSlug,
		column('type', {
			en: `The kind of source: ${codes(evidenceTypeNames, 'en')}.`,
			ru: `Вид источника: ${codes(evidenceTypeNames, 'ru')}.`,
			kk: `Дереккөздің түрі: ${codes(evidenceTypeNames, 'kk')}.`,
		}),
		...inEachLanguage('title', {
			en: 'The source’s title',
			ru: 'Название источника',
			kk: 'Дереккөздің атауы',
		}),
		column('publisher', {
			en: 'Who published the source.',
			ru: 'Кто опубликовал источник.',
			kk: 'Дереккөзді жариялаған ұйым не адам.',
		}),
		column('source_url', {
			en: 'The source’s address.',
			ru: 'Адрес источника.',
			kk: 'Дереккөздің мекенжайы.',
		}),
		column('archive_url', {
			en: 'The address of an archived copy of the source; empty if none was made.',
			ru: 'Адрес архивной копии источника; пусто, если копии нет.',
			kk: 'Дереккөздің мұрағаттық көшірмесінің мекенжайы; көшірме болмаса, бос.',
		}),
		column('published_on', {
			en: `The source’s publication date (${date.en}); for a month or a year only, its first day (see published_precision); empty if the source gives none.`,
			ru: `Дата публикации источника (${date.ru}); если известен только месяц или год — их первый день (см. published_precision); пусто, если дата не указана.`,
			kk: `Дереккөздің жарияланған күні (${date.kk}); тек айы не жылы белгілі болса, олардың бірінші күні (published_precision бағанын қараңыз); күні көрсетілмесе, бос.`,
		}),
		column('published_precision', {
			en: 'How much of the date the source gives: DAY, MONTH, YEAR or NONE.',
			ru: 'Насколько точно источник указывает дату: DAY (день), MONTH (месяц), YEAR (год) или NONE (не указывает).',
			kk: 'Дереккөз күнді қаншалықты дәл көрсетеді: DAY (күні), MONTH (айы), YEAR (жылы) немесе NONE (көрсетпейді).',
		}),
		column('published_note', {
			en: 'Where the date was looked for, or why there is none; usually empty.',
			ru: 'Где искали дату или почему её нет; обычно пусто.',
			kk: 'Күн қай жерден ізделгені немесе неге жоқ екені; әдетте бос.',
		}),
		column('excerpt', {
			en: 'The passage of the source that bears on the pledge, verbatim, in the source’s language.',
			ru: 'Фрагмент источника, относящийся к обещанию, дословно, на языке источника.',
			kk: 'Дереккөздің уәдеге қатысты үзіндісі, дәлме-дәл, дереккөздің тілінде.',
		}),
		column('excerpt_language', {
			en: 'The excerpt’s language as a BCP 47 tag (kk, ru, en…); empty if not recorded.',
			ru: 'Язык фрагмента в виде тега BCP 47 (kk, ru, en…); пусто, если не указан.',
			kk: 'Үзіндінің тілі, BCP 47 тегі түрінде (kk, ru, en…); көрсетілмесе, бос.',
		}),
		...inEachLanguage('excerpt_translation', {
			en: 'A translation of the excerpt',
			ru: 'Перевод фрагмента',
			kk: 'Үзіндінің аудармасы',
		}).map((translation) =>
			translation.name === 'excerpt_translation_en'
				? column(translation.name, {
						en: 'A translation of the excerpt into English; empty if the excerpt is in English or has not been translated.',
						ru: 'Перевод фрагмента на английский язык; пусто, если фрагмент на английском или не переведён.',
						kk: 'Үзіндінің ағылшын тіліне аудармасы; үзінді ағылшынша болса не аударылмаса, бос.',
					})
				: translation,
		),
		column('measured_value', {
			en: `The figure the source reports for the pledge’s indicator: ${number.en}; empty if none.`,
			ru: `Значение показателя обещания, которое приводит источник: ${number.ru}; пусто, если его нет.`,
			kk: `Дереккөз келтіретін уәде көрсеткішінің мәні: ${number.kk}; болмаса, бос.`,
		}),
		column('measured_as_of', {
			en: `The date that figure refers to: ${date.en}.`,
			ru: `Дата, к которой относится это значение: ${date.ru}.`,
			kk: `Осы мән қатысты күн: ${date.kk}.`,
		}),
		column('reviewed_at', {
			en: `When the evidence was approved and became public: ${instant.en}.`,
			ru: `Когда доказательство было одобрено и опубликовано: ${instant.ru}.`,
			kk: `Дәлел мақұлданып, жарияланған уақыт: ${instant.kk}.`,
		}),
		pledgeUrl,
	],
}

const measurements: CsvDownload = {
	name: 'measurements',
	fileName: 'measurements.csv',
	description: {
		en: 'The measurements of the measurable targets of the published platforms: each value of an indicator, the date it refers to and the evidence it comes from, oldest first.',
		ru: 'Измерения по измеримым целям опубликованных программ: каждое значение показателя, дата, к которой оно относится, и доказательство, из которого оно взято, от старых к новым.',
		kk: 'Жарияланған бағдарламалардың өлшенетін мақсаттары бойынша өлшемдер: көрсеткіштің әр мәні, ол қатысты күн және ол алынған дәлел, ескісінен жаңасына қарай.',
	},
	columns: [
		column('measurement_id', {
			en: 'The measurement’s identifier: stable, never reused.',
			ru: 'Идентификатор измерения: постоянный, повторно не используется.',
			kk: 'Өлшемнің идентификаторы: тұрақты, қайта қолданылмайды.',
		}),
		pledgeId,
		pledgeSlug,
		platformSlug,
		column('indicator_id', {
			en: 'The indicator’s identifier: stable, one per measurable pledge.',
			ru: 'Идентификатор показателя: постоянный, по одному на каждое измеримое обещание.',
			kk: 'Көрсеткіштің идентификаторы: тұрақты, әр өлшенетін уәдеге біреу.',
		}),
		...inEachLanguage('indicator_name', {
			en: 'What the indicator measures',
			ru: 'Что измеряет показатель',
			kk: 'Көрсеткіш нені өлшейді',
		}),
		column('value', {
			en: `The measured value: ${number.en}.`,
			ru: `Измеренное значение: ${number.ru}.`,
			kk: `Өлшенген мән: ${number.kk}.`,
		}),
		...inEachLanguage('unit', {
			en: 'The value’s unit',
			ru: 'Единица измерения значения',
			kk: 'Мәннің өлшем бірлігі',
		}),
		column('as_of', {
			en: `The date the value refers to: ${date.en}.`,
			ru: `Дата, к которой относится значение: ${date.ru}.`,
			kk: `Мән қатысты күн: ${date.kk}.`,
		}),
		column('evidence_id', {
			en: 'The evidence the value comes from: an evidence_id of evidence.csv.',
			ru: 'Доказательство, из которого взято значение: evidence_id из evidence.csv.',
			kk: 'Мән алынған дәлел: evidence.csv файлындағы evidence_id.',
		}),
		column('source_url', {
			en: 'The address of that evidence’s source.',
			ru: 'Адрес источника этого доказательства.',
			kk: 'Сол дәлел дереккөзінің мекенжайы.',
		}),
		...inEachLanguage('source_title', {
			en: 'The source’s title',
			ru: 'Название источника',
			kk: 'Дереккөздің атауы',
		}),
		column('source_publisher', {
			en: 'Who published the source.',
			ru: 'Кто опубликовал источник.',
			kk: 'Дереккөзді жариялаған ұйым не адам.',
		}),
		column('source_published_on', {
			en: `The source’s publication date (${date.en}); empty if it gives none.`,
			ru: `Дата публикации источника (${date.ru}); пусто, если она не указана.`,
			kk: `Дереккөздің жарияланған күні (${date.kk}); көрсетілмесе, бос.`,
		}),
		column('recorded_at', {
			en: `When the measurement was recorded: ${instant.en}.`,
			ru: `Когда измерение было внесено: ${instant.ru}.`,
			kk: `Өлшем енгізілген уақыт: ${instant.kk}.`,
		}),
		pledgeUrl,
	],
}

/** The CSV downloads, in the order a reader should meet them. */
export const csvDownloads: CsvDownload[] = [pledges, statusLedger, evidence, measurements]

export const csvDownloadNames = csvDownloads.map((download) => download.name)

export function isCsvDownloadName(value: unknown): value is CsvDownloadName {
	return typeof value === 'string' && (csvDownloadNames as string[]).includes(value)
}

/** The whole published dataset as one JSON document in the import format (docs/import-format.md). */
export const datasetFileName = 'uade.json'

/**
 * A download's address: `/data/pledges.csv`, `/data/platforms/{platform}/pledges.csv` (one platform's
 * rows only) or `/data/uade.json`. The JSON document is the whole dataset; it has no per-platform address.
 */
export function downloadPath(file: `${CsvDownloadName}.csv` | 'uade.json', platformSlug?: string): string {
	if (platformSlug === undefined || file === datasetFileName) return `/data/${file}`
	return `/data/platforms/${encodeURIComponent(platformSlug)}/${file}`
}
