/**
 * Translations of the English form error messages, keyed by their English text (gettext style); part D
 * owns this file and renders them at the field. Entries are appended per part.
 */
export type FormErrorEntry = { en: string; ru: string; kk: string }

export const formErrorCatalogue: FormErrorEntry[] = [
	// issue 10, part ledger
	{
		en: 'Translate the rationale into Russian too, or clear the Russian reason.',
		ru: 'Переведите на русский и обоснование или очистите русский текст причины.',
		kk: 'Негіздемені де орысшаға аударыңыз немесе себептің орысша мәтінін өшіріңіз.',
	},
	{
		en: 'Translate the rationale into Kazakh too, or clear the Kazakh reason.',
		ru: 'Переведите на казахский и обоснование или очистите казахский текст причины.',
		kk: 'Негіздемені де қазақшаға аударыңыз немесе себептің қазақша мәтінін өшіріңіз.',
	},
	{
		en: 'Translate what was wrong into Russian too, or clear the Russian rationale.',
		ru: 'Переведите на русский и то, что было неверно, или очистите русское обоснование.',
		kk: 'Не қате болғанын да орысшаға аударыңыз немесе орысша негіздемені өшіріңіз.',
	},
	{
		en: 'Translate what was wrong into Kazakh too, or clear the Kazakh rationale.',
		ru: 'Переведите на казахский и то, что было неверно, или очистите казахское обоснование.',
		kk: 'Не қате болғанын да қазақшаға аударыңыз немесе қазақша негіздемені өшіріңіз.',
	},
	{
		en: 'This entry is not a correction: it has no reason to translate.',
		ru: 'Эта запись не исправление: у неё нет причины, которую нужно переводить.',
		kk: 'Бұл жазба түзету емес: онда аударатын себеп жоқ.',
	},
	{
		en: 'Translate the title into Russian too, or clear the Russian translation of the excerpt.',
		ru: 'Переведите на русский и название или очистите русский перевод выдержки.',
		kk: 'Атауын да орысшаға аударыңыз немесе үзіндінің орысша аудармасын өшіріңіз.',
	},
	{
		en: 'Translate the title into Kazakh too, or clear the Kazakh translation of the excerpt.',
		ru: 'Переведите на казахский и название или очистите казахский перевод выдержки.',
		kk: 'Атауын да қазақшаға аударыңыз немесе үзіндінің қазақша аудармасын өшіріңіз.',
	},
]
