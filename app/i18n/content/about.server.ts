import type { Locale } from '../locales'
import { uiLabels, type UiLabel } from './labels.server'
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
				],
			},
		],
		operator: {
			heading: 'Who runs this site',
			intro:
				'This installation of Uade is run by the organization below, which answers for what it publishes.',
			organization: 'Run by',
			contact: 'Contact',
			source: 'Source code',
			notConfigured: { before: 'not configured — set ', after: '' },
			tellUs: {
				before: 'If you think a status, a quote or a translation is wrong, ',
				link: 'tell us',
				after: ', with a link to a public source if you have one.',
			},
		},
		laterSections: [
			{
				heading: 'Contributing',
				paragraphs: [
					'Fact-checkers with an account submit evidence — the source, a verbatim excerpt, a figure where there is one, and the status they suggest. An editor reviews every item; only approved evidence is published and can change a status. Anyone can read the code and propose improvements to it.',
				],
			},
		],
	},
	ru: aboutRu(uiLabels('ru')),
	kk: aboutKk(uiLabels('kk')),
}

function aboutRu(label: UiLabel): AboutContent {
	return {
		intro: [
			'Uade (по-казахски уәде — «обещание») отслеживает, что обещали политики и как эти обещания выполняются. Для каждого обещания показаны дословная цитата из источника, текущий статус и история его изменений вместе с источниками, на которых они основаны, а для программы в целом — график выполнения.',
			'Uade — открытое программное обеспечение. Проект не посвящён одному политику: каждая предвыборная программа относится к конкретному политику и конкретным выборам, и новые программы добавляются по мере их появления.',
		],
		sections: [
			{
				heading: 'Откуда берутся обещания',
				paragraphs: [
					`Каждое обещание приводится дословно, как в источнике, со ссылкой на него. Мы не выдумываем ни источников, ни статусов: у каждого обещания сначала статус «${label('status.NOT_RATED')}», и он меняется, только когда изменение подтверждают проверенные публичные источники.`,
				],
			},
			{
				heading: 'Исправления',
				paragraphs: [
					`Мы тоже ошибаемся. Если статус оказался неверным, мы не переписываем запись задним числом: её исправляет новая запись в журнале статусов, исходная остаётся видна в истории обещания, а исправление появляется на странице «${label('corrections.title')}».`,
				],
			},
		],
		operator: {
			heading: 'Кто ведёт этот сайт',
			intro: 'Эту копию Uade ведёт организация, указанная ниже; она отвечает за то, что здесь публикуется.',
			organization: 'Организация',
			contact: 'Контакт',
			source: 'Исходный код',
			notConfigured: { before: 'не настроено — задайте переменную ', after: '' },
			tellUs: {
				before: 'Если вы считаете, что статус, цитата или перевод неверны, ',
				link: 'сообщите нам',
				after: ' — по возможности со ссылкой на публичный источник.',
			},
		},
		laterSections: [
			{
				heading: 'Как помочь',
				paragraphs: [
					'Фактчекеры, у которых есть учётная запись, предлагают источники: ссылку, дословную цитату, числовое значение, если оно есть, и статус, который считают верным. Редактор проверяет каждый источник; публикуются и могут повлиять на статус только одобренные. Исходный код открыт: любой может его изучить и предложить улучшения.',
				],
			},
		],
	}
}

function aboutKk(label: UiLabel): AboutContent {
	return {
		intro: [
			'Uade («уәде» сөзінен) саясаткерлердің не уәде бергенін және олардың қалай орындалғанын бақылайды. Әр уәде бойынша дереккөздегі сөзбе-сөз дәйексөз, уәденің қазіргі мәртебесі, мәртебенің өзгеру тарихы мен оған негіз болған дереккөздер, ал бүкіл бағдарлама бойынша орындалу графигі көрсетіледі.',
			'Uade — ашық бастапқы кодты бағдарламалық жасақтама. Жоба бір ғана саясаткерге арналмаған: әр сайлауалды бағдарлама белгілі бір саясаткер мен сайлауға тиесілі, жаңа бағдарламалар пайда болған сайын қосылады.',
		],
		sections: [
			{
				heading: 'Уәделер қайдан алынады',
				paragraphs: [
					`Әр уәде дереккөзден сөзбе-сөз, сілтемесімен келтіріледі. Біз дереккөзді де, мәртебені де ойдан шығармаймыз: әр уәде «${label('status.NOT_RATED')}» мәртебесінен басталады, ал мәртебе тексерілген жария дереккөздер өзгерісті растағанда ғана өзгереді.`,
				],
			},
			{
				heading: 'Түзетулер',
				paragraphs: [
					`Біз де қателесеміз. Мәртебе қате болып шықса, біз бұрынғы жазбаны өзгертпейміз: оны мәртебелер журналындағы жаңа жазба түзетеді, бастапқы жазба уәденің тарихында көрініп тұрады, ал түзету «${label('corrections.title')}» бетінде жарияланады.`,
				],
			},
		],
		operator: {
			heading: 'Бұл сайтты кім жүргізеді',
			intro:
				'Uade-тің осы көшірмесін төменде көрсетілген ұйым жүргізеді және мұнда жарияланатын мазмұнға жауап береді.',
			organization: 'Ұйым',
			contact: 'Байланыс',
			source: 'Бастапқы код',
			notConfigured: { before: 'бапталмаған — ', after: ' айнымалысын орнатыңыз' },
			tellUs: {
				before: 'Мәртебе, дәйексөз немесе аударма қате деп ойласаңыз, ',
				link: 'бізге хабарлаңыз',
				after: ' — мүмкін болса, жария дереккөзге сілтеме беріңіз.',
			},
		},
		laterSections: [
			{
				heading: 'Қалай көмектесуге болады',
				paragraphs: [
					'Тіркелгісі бар фактчекерлер дереккөз ұсынады: сілтеме, сөзбе-сөз үзінді, бар болса, сандық мән және өздері дұрыс деп санайтын мәртебе. Редактор әр дереккөзді тексереді; тек мақұлданғандары жарияланады және мәртебеге әсер ете алады. Бастапқы код ашық: кез келген адам оны қарап шығып, жақсарту ұсына алады.',
				],
			},
		],
	}
}

/**
 * The organization's name as structured data and other plain text give it: the configured name, or the
 * About page's "not configured" wording in the page's language, so that nobody mistakes a default for a name.
 */
export function organizationName(locale: Locale, configured: string | null): string {
	if (configured) return configured
	const { before, after } = about[locale].operator.notConfigured
	return `${before}UADE_ORG_NAME${after}`
}
