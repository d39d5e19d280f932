import { describe, expect, test } from 'vitest'
import { en } from '~/i18n/messages/en'
import { kk } from '~/i18n/messages/kk'
import { ru } from '~/i18n/messages/ru'
import type { Locale } from '~/i18n/locales'
import * as cataloguePage from './catalogue'
import * as newPledgePage from './catalogue.pledges.new'

// Issue 10, part cat: the catalogue's page titles in the staff member's language, like the other staff pages.

const messagesOf = { en, ru, kk }

function metaArgs(locale: Locale) {
	const root = {
		id: 'root',
		pathname: '/',
		params: {},
		data: { locale, messages: messagesOf[locale] },
		meta: [],
		handle: undefined,
		error: undefined,
	}
	return {
		data: undefined,
		params: {},
		location: { pathname: '/admin/catalogue', search: '', hash: '', state: null, key: 'default' },
		matches: [root],
		error: undefined,
	}
}

describe('the catalogue pages’ titles', () => {
	test.each([
		['en', 'Catalogue · Admin · Uade', 'New pledge · Catalogue · Admin · Uade'],
		['ru', 'Каталог · Администрирование · Uade', 'Новое обещание · Каталог · Администрирование · Uade'],
		['kk', 'Каталог · Әкімшілік · Uade', 'Жаңа уәде · Каталог · Әкімшілік · Uade'],
	] as const)('in %s', (locale, catalogue, newPledge) => {
		expect(cataloguePage.meta(metaArgs(locale))).toEqual([{ title: catalogue }])
		expect(newPledgePage.meta(metaArgs(locale))).toEqual([{ title: newPledge }])
	})
})
