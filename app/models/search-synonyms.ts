/**
 * Words and abbreviations that name the same thing, in Kazakh, Russian and English: a query containing one
 * of them also finds the others (app/models/search-text.ts). Kept small and by hand: every entry is a term a
 * reader of the platforms would type. Case, Kazakh and Russian letters (ә/а, ё/е …) and the forms of words
 * are handled by the search itself, so each term is written once, in its dictionary form.
 */
export const searchSynonyms: readonly (readonly string[])[] = [
	[
		'IT',
		'ИТ',
		'АТ',
		'айти',
		'information technology',
		'информационные технологии',
		'ақпараттық технологиялар',
	],
	['нацфонд', 'Национальный фонд', 'Ұлттық қор', 'National Fund'],
	['ВВП', 'ЖІӨ', 'GDP', 'валовой внутренний продукт', 'жалпы ішкі өнім', 'gross domestic product'],
	['молодёжь', 'молодёжный', 'жастар', 'youth'],
	['детский сад', 'детсад', 'балабақша', 'kindergarten'],
	['ЖКХ', 'коммунальные услуги', 'коммуналдық қызметтер', 'utilities'],
	['ООН', 'БҰҰ', 'UN', 'United Nations', 'Организация Объединённых Наций', 'Біріккен Ұлттар Ұйымы'],
	[
		'АПК',
		'агропромышленный комплекс',
		'агроөнеркәсіптік кешен',
		'agriculture',
		'сельское хозяйство',
		'ауыл шаруашылығы',
	],
	['вуз', 'университет', 'жоғары оқу орны', 'university'],
]
