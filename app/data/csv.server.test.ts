import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { evidenceColumns, pledgeColumns, readCsvFile } from './csv.server'
import { importLimits, readImportFile, type ReadResult } from './import.server'

const examples = new URL('../../docs/examples/', import.meta.url)
const example = (name: string) => readFileSync(new URL(name, examples))
const bytes = (text: string) => new TextEncoder().encode(text)

const pledgeHeader = 'platform,slug,category,kind,title,summary,quote,sourceUrl,sourceDate,deadline'
const pledgeRow = (slug: string, changes: { title?: string; summary?: string; deadline?: string } = {}) =>
	[
		'fair-kazakhstan-2022',
		slug,
		'fair-economy',
		'QUALITATIVE',
		changes.title ?? 'A title',
		changes.summary ?? 'A summary.',
		'A quote.',
		'https://example.org/a',
		'2022-10-26',
		changes.deadline ?? '2029-11-26',
	].join(',')

function problemsOf(result: ReadResult) {
	if (result.status !== 'refused') throw new Error('expected the file to be refused')
	return result.problems
}
function documentOf(result: ReadResult) {
	if (result.status !== 'read') throw new Error(`refused: ${JSON.stringify(result.problems)}`)
	return result.document
}

describe('the examples in docs/examples', () => {
	test('pledges.csv reads to three pledges of the example platform, one of each kind', () => {
		const pledges = documentOf(readCsvFile(example('pledges.csv'), 'pledges.csv')).pledges ?? []
		expect(pledges.map((pledge) => [pledge.slug, pledge.kind])).toEqual([
			['park-every-district', 'QUALITATIVE'],
			['new-school-places', 'QUANTITATIVE'],
			['cycle-network', 'MILESTONE'],
		])
		const [qualitative, quantitative, milestone] = pledges
		expect(qualitative?.title).toBe('A park in every district')
		expect(qualitative?.translations?.ru?.title).toBe('Парк в каждом районе')
		expect(qualitative?.translations?.kk).toBeUndefined()
		expect(qualitative?.indicator).toBeUndefined()
		expect(quantitative?.indicator).toEqual({
			name: 'School places added since the election',
			unit: 'places',
			translations: { ru: { name: 'Школьные места, добавленные после выборов', unit: 'мест' } },
			baselineValue: 0,
			baselineDate: '2026-04-01',
			targetValue: 3000,
			targetDate: '2030-04-01',
			direction: 'INCREASE',
		})
		expect(milestone?.milestoneSteps).toEqual([
			{ title: 'Network plan published' },
			{ title: 'First 20 km open' },
			{ title: 'Every district linked' },
		])
		for (const pledge of pledges) expect(pledge.platform).toBe('example-platform-2030')
	})

	test('evidence.csv reads to three pending evidence items of the example pledges', () => {
		const evidence = documentOf(readCsvFile(example('evidence.csv'), 'evidence.csv')).evidence ?? []
		expect(evidence.map((item) => [item.pledge, item.type, item.publishedOn ?? null])).toEqual([
			['kindergarten-places', 'BUDGET', '2026-05'],
			['bus-lanes', 'OFFICIAL_STATEMENT', '2026-10-02'],
			['open-council-meetings', 'MEDIA_REPORT', null],
		])
		for (const item of evidence) expect(item.review).toBeUndefined()
		expect(evidence[0]?.suggestedStatus).toBe('IN_PROGRESS')
		expect(evidence[1]?.excerptLanguage).toBe('kk')
		expect(evidence[1]?.excerptInEnglish).toMatch(/^A tender to build the first bus lane/)
		expect(evidence[2]?.publishedNote).toBe('The page prints no date; it was found in October 2026.')
	})

	test('example-platform.json reads, a draft of a new platform with nothing dated in the future', () => {
		const document = documentOf(readImportFile(example('example-platform.json'), 'example-platform.json'))
		expect(document.platforms?.map((platform) => [platform.slug, platform.published])).toEqual([
			['example-platform-2030', false],
		])
		expect(new Set(document.pledges?.map((pledge) => pledge.kind))).toEqual(
			new Set(['QUANTITATIVE', 'MILESTONE', 'QUALITATIVE']),
		)
		for (const record of [
			...(document.categories ?? []),
			...(document.pledges ?? []),
			...(document.evidence ?? []),
			...(document.statusUpdates ?? []),
		])
			expect(record.platform).toBe('example-platform-2030')
		expect(document.evidence?.length).toBeGreaterThan(0)
		expect(document.statusUpdates?.length).toBeGreaterThan(0)
		const today = new Date().toISOString().slice(0, 10)
		const past = [
			...(document.platforms ?? []).flatMap((platform) => [platform.electionDate, platform.termStart]),
			...(document.pledges ?? []).flatMap((pledge) => [
				pledge.sourceDate,
				pledge.indicator?.baselineDate,
				...(pledge.milestoneSteps ?? []).map((step) => step.doneOn),
			]),
			...(document.evidence ?? []).flatMap((item) => [item.publishedOn, item.measurement?.asOf]),
			...(document.statusUpdates ?? []).map((entry) => entry.effectiveDate),
		].filter((date) => typeof date === 'string')
		expect(past.length).toBeGreaterThan(5)
		for (const date of past) expect(date <= today, date).toBe(true)
	})
})

describe("places of the import's own problems", () => {
	test('a pointer of a part of a record is placed at the first column of that part', () => {
		const pledges = readCsvFile(example('pledges.csv'), 'pledges.csv')
		if (pledges.status !== 'read') throw new Error('the example is refused')
		expect(pledges.placeOf('/pledges/1/indicator')).toBe('pledges.csv line 3, column indicatorName')
		expect(pledges.placeOf('/pledges/2/milestoneSteps/1/title')).toBe(
			'pledges.csv line 4, column milestoneSteps',
		)
		expect(pledges.placeOf('/pledges/0/translations/ru/summary')).toBe('pledges.csv line 2, column ruSummary')
		// Not a record of this file: the pointer as it is.
		expect(pledges.placeOf('/pledges/3/title')).toBe('pledges.csv /pledges/3/title')
		expect(pledges.placeOf('/evidence/0')).toBe('pledges.csv /evidence/0')
		const evidence = readCsvFile(example('evidence.csv'), 'evidence.csv')
		if (evidence.status !== 'read') throw new Error('the example is refused')
		expect(evidence.placeOf('/evidence/2/review')).toBe('evidence.csv line 4, column reviewState')
		expect(evidence.placeOf('/evidence/0/measurement/asOf')).toBe(
			'evidence.csv line 2, column measurementAsOf',
		)
	})
})

describe('reading CSV', () => {
	test('a quoted cell keeps its commas, line breaks and doubled quotes; CRLF, a BOM and blank rows are fine', () => {
		const file = [
			pledgeHeader,
			pledgeRow('first', {
				title: '"Jobs, homes and ""fair"" pay"',
				summary: '"One line,\r\nanother line."',
			}),
			',,,,,,,,,',
			'',
			pledgeRow('second', { title: '=1+1' }),
			'',
		].join('\r\n')
		const result = readCsvFile(bytes(`\uFEFF${file}`), 'pledges.csv')
		const pledges = documentOf(result).pledges ?? []
		expect(pledges.map((pledge) => [pledge.slug, pledge.title, pledge.summary])).toEqual([
			['first', 'Jobs, homes and "fair" pay', 'One line,\nanother line.'],
			// Formulas are an export's concern: a cell is read as it is.
			['second', '=1+1', 'A summary.'],
		])
		if (result.status !== 'read') return
		// The second row is on line 6: the first took two, then a row of empty cells and a blank line.
		expect(result.placeOf('/pledges/1/category')).toBe('pledges.csv line 6, column category')
		expect(result.placeOf('/pledges/0')).toBe('pledges.csv line 2')
	})

	test('a file of another kind is told by its header', () => {
		const file = [
			'pledge,platform,type,sourceUrl,title,publisher,excerpt',
			'it-jobs,fair-kazakhstan-2022,OTHER,https://example.org/b,A title,A publisher,Words.',
		].join('\n')
		expect(documentOf(readCsvFile(bytes(file), 'sheet.csv'))).toEqual({
			format: 'uade',
			version: 1,
			evidence: [
				{
					platform: 'fair-kazakhstan-2022',
					pledge: 'it-jobs',
					type: 'OTHER',
					sourceUrl: 'https://example.org/b',
					title: 'A title',
					publisher: 'A publisher',
					excerpt: 'Words.',
				},
			],
		})
	})

	test('a header of neither kind is refused, naming the columns of both', () => {
		const problems = problemsOf(readCsvFile(bytes('name,address\nA,B\n'), 'people.csv'))
		expect(problems).toHaveLength(1)
		expect(problems[0]?.where).toBe('people.csv line 1')
		expect(problems[0]?.message).toContain('platform, slug, category, kind, title')
		expect(problems[0]?.message).toContain('platform, pledge, type, sourceUrl')
	})

	test('a header separated by semicolons is refused as such', () => {
		const problems = problemsOf(readCsvFile(bytes(`${pledgeHeader.replaceAll(',', ';')}\n`), 'p.csv'))
		expect(problems[0]?.message).toContain('separated by semicolons')
	})

	test('an unknown column is a problem at the header, at that column', () => {
		const file = [`${pledgeHeader},colour,sourceurl`, `${pledgeRow('a')},red,x`].join('\n')
		const problems = problemsOf(readCsvFile(bytes(file), 'p.csv'))
		expect(problems.map((problem) => problem.where)).toEqual([
			'p.csv line 1, column colour',
			'p.csv line 1, column sourceurl',
		])
		expect(problems[0]?.message).toContain('Unknown column colour')
		expect(problems[1]?.message).toContain('did you mean sourceUrl?')
	})

	test('a missing required column and a column named twice are problems at the header', () => {
		const header = pledgeHeader.replace(',quote', '').replace('title', 'title,title')
		const problems = problemsOf(readCsvFile(bytes(`${header}\n${pledgeRow('a')}\n`), 'p.csv'))
		expect(problems).toEqual([
			{ where: 'p.csv line 1, column title', message: expect.stringContaining('twice') },
			{ where: 'p.csv line 1', message: expect.stringContaining('has no column quote') },
		])
	})

	test('a cell that is not a plain number is a problem at its line and column, and is not passed on', () => {
		const header = `${pledgeHeader},indicatorName,indicatorUnit,indicatorTargetValue,indicatorTargetDate,indicatorDirection,position`
		const quantitative = (slug: string, target: string, position: string) =>
			`${pledgeRow(slug).replace('QUALITATIVE', 'QUANTITATIVE')},Jobs,jobs,${target},2029-11-26,INCREASE,${position}`
		const file = [
			header,
			quantitative('a', '"150,000"', '1'),
			quantitative('b', '1.5', 'two'),
			quantitative('c', '150 000', ''),
			quantitative('d', '1e5', ''),
			quantitative('e', '-2.25', '0'),
		].join('\n')
		const problems = problemsOf(readCsvFile(bytes(file), 'p.csv'))
		expect(problems.map((problem) => problem.where)).toEqual([
			'p.csv line 2, column indicatorTargetValue',
			'p.csv line 3, column position',
			'p.csv line 4, column indicatorTargetValue',
			'p.csv line 5, column indicatorTargetValue',
		])
		for (const problem of problems) expect(problem.message).toContain('plain number with a point')
		// Read alone, the good rows carry numbers.
		const good = documentOf(readCsvFile(bytes([header, quantitative('e', '-2.25', '0')].join('\n')), 'p.csv'))
		expect(good.pledges?.[0]?.indicator?.targetValue).toBe(-2.25)
		expect(good.pledges?.[0]?.position).toBe(0)
	})

	test("the format's problems are placed at the row's line, counted after a multi-line cell", () => {
		const header = `${pledgeHeader},ruTitle,ruSummary,indicatorTargetValue`
		const file = [
			header,
			`${pledgeRow('a', { summary: '"Three\nlines\nhere."' })},,,`,
			`${pledgeRow('b', { deadline: '2029-02-30' })},,Only the summary.,`,
			`${pledgeRow('c', { title: '' })},,,`,
		].join('\n')
		const problems = problemsOf(readCsvFile(bytes(file), 'p.csv'))
		expect(problems).toEqual(
			expect.arrayContaining([
				{ where: 'p.csv line 5, column deadline', message: 'This date does not exist in the calendar.' },
				{ where: 'p.csv line 5, column ruTitle', message: 'Give the title.' },
				{ where: 'p.csv line 6, column title', message: 'Give the title.' },
			]),
		)
		expect(problems).toHaveLength(3)
	})

	test('a row with another number of cells than the header is a problem at its line', () => {
		const file = [
			pledgeHeader,
			pledgeRow('a'),
			`${pledgeRow('b')},extra`,
			`${pledgeRow('c')},,`,
			pledgeRow('d').replace(',A quote.', ''),
		].join('\n')
		const problems = problemsOf(readCsvFile(bytes(file), 'p.csv'))
		expect(problems).toEqual([
			{ where: 'p.csv line 3', message: expect.stringContaining('11 cells but the header has 10 columns') },
			{ where: 'p.csv line 5', message: expect.stringContaining('9 cells but the header has 10 columns') },
			// The short row lost its quote, and its last cells moved left.
			{ where: 'p.csv line 5, column sourceUrl', message: expect.any(String) },
			{ where: 'p.csv line 5, column deadline', message: expect.any(String) },
		])
	})

	test('a quote never closed is a problem at its line', () => {
		const file = [pledgeHeader, pledgeRow('a'), pledgeRow('b', { title: '"Open' })].join('\n')
		const problems = problemsOf(readCsvFile(bytes(file), 'p.csv'))
		expect(problems).toEqual([{ where: 'p.csv line 3', message: expect.stringContaining('never closed') }])
	})

	test('a file that is not UTF-8 is refused', () => {
		const latin1 = Uint8Array.from([...bytes(`${pledgeHeader}\n`), 0x43, 0x61, 0x66, 0xe9, 0x0a])
		expect(problemsOf(readCsvFile(latin1, 'p.csv'))).toEqual([
			{ where: 'p.csv', message: expect.stringContaining('not UTF-8') },
		])
		const utf16 = Uint8Array.from([0xff, 0xfe, 0x70, 0x00, 0xe9, 0xd8])
		expect(problemsOf(readCsvFile(utf16, 'p.csv'))[0]?.message).toContain('UTF-16')
	})

	test('an empty file and a header without rows are refused', () => {
		for (const empty of ['', '\uFEFF', '\r\n\n'])
			expect(problemsOf(readCsvFile(bytes(empty), 'p.csv'))).toEqual([
				{ where: 'p.csv', message: expect.stringContaining('The file is empty') },
			])
		expect(problemsOf(readCsvFile(bytes(`${pledgeHeader}\r\n,,,,,,,,,\r\n`), 'p.csv'))).toEqual([
			{ where: 'p.csv', message: expect.stringContaining('The file has no rows') },
		])
	})

	test('a file over the size limit is refused before it is read', () => {
		const big = Buffer.alloc(importLimits.bytes + 1, 'a')
		const problems = problemsOf(readCsvFile(big, 'big.csv'))
		expect(problems).toEqual([{ where: 'big.csv', message: expect.stringContaining('at most 20.0 MB') }])
		// At the limit it is read (and refused for what it holds, not for its size).
		const atLimit = Buffer.alloc(importLimits.bytes, '\n')
		atLimit.write(`${pledgeHeader}\n`)
		expect(problemsOf(readCsvFile(atLimit, 'big.csv'))).toEqual([
			{ where: 'big.csv', message: expect.stringContaining('The file has no rows') },
		])
	})

	test('a quote left open does not swallow the file: a row too long is a problem at its line', () => {
		const file = [
			pledgeHeader,
			pledgeRow('a'),
			pledgeRow('b', { title: '"Open' }),
			...Array(5000).fill(pledgeRow('c')),
		]
		const problems = problemsOf(readCsvFile(bytes(file.join('\n')), 'p.csv'))
		expect(problems).toEqual([{ where: 'p.csv line 3', message: expect.stringContaining('not closed') }])
	})
})

describe('the documentation', () => {
	const documentation = readFileSync(new URL('../../docs/import-format.md', import.meta.url), 'utf8')
	const tableOf = (heading: string) => {
		const section = documentation.split(`### ${heading}`)[1]?.split('\n### ')[0] ?? ''
		return [...section.matchAll(/^\| `(\w+)`\s*\| (yes|no)\s*\|/gm)].map(([, name, required]) => [
			name,
			required,
		])
	}

	test.each([
		['pledges.csv', pledgeColumns],
		['evidence.csv', evidenceColumns],
	])('lists the columns of %s, in order, with whether each is required', (heading, columns) => {
		expect(tableOf(heading)).toEqual(columns.map((column) => [column.name, column.required ? 'yes' : 'no']))
	})
})
