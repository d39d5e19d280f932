import { describe, expect, test } from 'vitest'
import { en } from '~/i18n/messages/en'
import { kk } from '~/i18n/messages/kk'
import { ru } from '~/i18n/messages/ru'
import { csvDownloads, downloadPath, evidenceTypeNames, kindNames, statusNames } from './download-files'

const messages = { en, ru, kk } as Record<'en' | 'ru' | 'kk', Record<string, unknown>>

describe('the data dictionary', () => {
	test.each([
		['status', statusNames],
		['kind', kindNames],
		['evidenceType', evidenceTypeNames],
	] as const)('names each %s code as the site does, in every language', (prefix, names) => {
		for (const [code, name] of Object.entries(names)) {
			for (const language of ['en', 'ru', 'kk'] as const) {
				expect(name[language]).toBe(messages[language][`${prefix}.${code}`])
			}
		}
	})

	test('gives every file unique snake_case columns, each described in the three languages', () => {
		for (const download of csvDownloads) {
			expect(download.fileName).toBe(`${download.name}.csv`)
			const names = download.columns.map((column) => column.name)
			expect(new Set(names).size).toBe(names.length)
			for (const column of download.columns) {
				expect(column.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/)
				for (const language of ['en', 'ru', 'kk'] as const) expect(column.description[language]).toMatch(/\S/)
			}
		}
	})

	test('addresses the files', () => {
		expect(downloadPath('pledges.csv')).toBe('/data/pledges.csv')
		expect(downloadPath('status-ledger.csv', 'fair-kazakhstan-2022')).toBe(
			'/data/platforms/fair-kazakhstan-2022/status-ledger.csv',
		)
		expect(downloadPath('uade.json')).toBe('/data/uade.json')
	})
})
