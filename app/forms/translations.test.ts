import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { acceptedForm, errorsOf, parseForm } from '~/test/forms'
import { categoryCreateSchema, categoryEditSchema, categoryFormValues } from './category'
import { alwaysCheck } from './fields'
import { pledgeFormValues, pledgeEditSchema } from './pledge'
import {
	checkTranslations,
	translationFields,
	translationFormValues,
	translationLanguages,
	type TranslationRules,
} from './translations'

const schemaWith = (rules: TranslationRules) =>
	z
		.object(translationFields)
		.superRefine((record, context) => checkTranslations(record, context, rules), alwaysCheck)

describe('the translation fields', () => {
	test('name each language once, with its lang code, stored locale and fields', () => {
		expect(translationLanguages).toEqual([
			{ language: 'Russian', lang: 'ru', locale: 'RU', title: 'ruTitle', summary: 'ruSummary' },
			{ language: 'Kazakh', lang: 'kk', locale: 'KK', title: 'kkTitle', summary: 'kkSummary' },
		])
		expect(Object.keys(translationFields)).toEqual(translationLanguages.flatMap((l) => [l.title, l.summary]))
	})

	test('a summary always needs its title; a title needs its summary only where the record requires one', () => {
		const titleOnly = { ruTitle: 'Заголовок', kkSummary: 'Түйін' }
		expect(errorsOf(parseForm(schemaWith({ summary: 'optional' }), titleOnly))).toEqual({
			kkTitle: ['Enter the Kazakh title too, or clear the Kazakh summary.'],
		})
		expect(errorsOf(parseForm(schemaWith({ summary: 'required' }), titleOnly))).toEqual({
			ruSummary: ['Enter the Russian summary too, or clear the Russian title.'],
			kkTitle: ['Enter the Kazakh title too, or clear the Kazakh summary.'],
		})
		expect(acceptedForm(schemaWith({ summary: 'optional' }), { ruTitle: 'Заголовок' })).toEqual({
			ruTitle: 'Заголовок',
		})
	})

	test('a category keeps a translation without summary; a pledge does not', () => {
		const category = { title: 'Economy', ruTitle: 'Экономика' }
		expect(errorsOf(parseForm(categoryEditSchema, { version: '1', ...category }))).toBeNull()
		expect(
			errorsOf(parseForm(categoryCreateSchema, { platformId: 'p1', slug: 'economy', ...category })),
		).toBeNull()
		const pledge = {
			version: '1',
			categoryId: 'c1',
			title: 'Jobs',
			summary: 'More jobs.',
			quote: 'We will.',
			sourceUrl: 'https://example.org/platform',
			sourceDate: '2026-01-01',
			deadline: '2027-01-01',
			ruTitle: 'Рабочие места',
		}
		expect(
			errorsOf(parseForm(pledgeEditSchema('QUALITATIVE', new Date('2026-12-01T12:00:00Z')), pledge)),
		).toEqual({
			ruSummary: ['Enter the Russian summary too, or clear the Russian title.'],
		})
	})

	test('stored translations become form values that parse back to the same texts', () => {
		const stored = [
			{ locale: 'KK', title: 'Экономика', summary: null },
			{ locale: 'RU', title: 'Экономика', summary: 'Рост' },
		]
		const values = translationFormValues(stored)
		expect(values).toEqual({ ruTitle: 'Экономика', ruSummary: 'Рост', kkTitle: 'Экономика', kkSummary: '' })
		expect(acceptedForm(schemaWith({ summary: 'optional' }), values)).toEqual({
			ruTitle: 'Экономика',
			ruSummary: 'Рост',
			kkTitle: 'Экономика',
		})
		expect(translationFormValues([])).toEqual({ ruTitle: '', ruSummary: '', kkTitle: '', kkSummary: '' })
	})

	test('are what both records’ edit forms show of their translations', () => {
		const translations = [{ locale: 'RU', title: 'Заголовок', summary: 'Кратко' }]
		const category = categoryFormValues({
			parentId: null,
			title: 'Economy',
			summary: null,
			position: 0,
			version: 1,
			translations,
		})
		const pledge = pledgeFormValues({
			categoryId: 'c1',
			title: 'Jobs',
			summary: 'More jobs.',
			quote: 'We will.',
			sourceUrl: 'https://example.org/platform',
			sourceDate: new Date('2026-01-01'),
			deadline: new Date('2027-01-01'),
			version: 1,
			translations,
			indicator: null,
			milestoneSteps: [],
		})
		expect(category).toMatchObject(translationFormValues(translations))
		expect(pledge).toMatchObject(translationFormValues(translations))
	})
})
