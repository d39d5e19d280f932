import { CsvError, parse } from 'csv-parse/sync'
import { importLimits, readImportDocument, type ImportProblem, type ReadResult } from './import.server'

/**
 * The CSV files of the import (docs/import-format.md, "CSV files"): what newsrooms keep in spreadsheets, a
 * pledges file or an evidence file, one record a row. A file is turned into a document of the format and
 * read by `readImportDocument` like any JSON file, so the checks and messages are the same; only the
 * places differ: a problem is placed at the row's line and the cell's column of the user's own file.
 */

type CellKind = 'text' | 'number' | 'steps'

export type CsvColumn = {
	name: string
	/** Where the cell goes in the record: `['indicator', 'targetValue']`. */
	path: readonly string[]
	/** The header must have it (the cell may still be empty where the record allows). */
	required: boolean
	cell: CellKind
}

function column(name: string, path: string, options: { required?: boolean; cell?: CellKind } = {}) {
	return { name, path: path.split('/'), required: options.required ?? false, cell: options.cell ?? 'text' }
}

export const pledgeColumns: readonly CsvColumn[] = [
	column('platform', 'platform', { required: true }),
	column('slug', 'slug', { required: true }),
	column('category', 'category', { required: true }),
	column('kind', 'kind', { required: true }),
	column('title', 'title', { required: true }),
	column('summary', 'summary', { required: true }),
	column('quote', 'quote', { required: true }),
	column('sourceUrl', 'sourceUrl', { required: true }),
	column('sourceDate', 'sourceDate', { required: true }),
	column('deadline', 'deadline', { required: true }),
	column('position', 'position', { cell: 'number' }),
	column('ruTitle', 'translations/ru/title'),
	column('ruSummary', 'translations/ru/summary'),
	column('kkTitle', 'translations/kk/title'),
	column('kkSummary', 'translations/kk/summary'),
	column('indicatorName', 'indicator/name'),
	column('indicatorUnit', 'indicator/unit'),
	column('indicatorBaselineValue', 'indicator/baselineValue', { cell: 'number' }),
	column('indicatorBaselineDate', 'indicator/baselineDate'),
	column('indicatorTargetValue', 'indicator/targetValue', { cell: 'number' }),
	column('indicatorTargetDate', 'indicator/targetDate'),
	column('indicatorDirection', 'indicator/direction'),
	column('ruIndicatorName', 'indicator/translations/ru/name'),
	column('ruIndicatorUnit', 'indicator/translations/ru/unit'),
	column('kkIndicatorName', 'indicator/translations/kk/name'),
	column('kkIndicatorUnit', 'indicator/translations/kk/unit'),
	column('milestoneSteps', 'milestoneSteps', { cell: 'steps' }),
]

export const evidenceColumns: readonly CsvColumn[] = [
	column('platform', 'platform', { required: true }),
	column('pledge', 'pledge', { required: true }),
	column('type', 'type', { required: true }),
	column('sourceUrl', 'sourceUrl', { required: true }),
	column('archiveUrl', 'archiveUrl'),
	column('title', 'title', { required: true }),
	column('publisher', 'publisher', { required: true }),
	column('publishedOn', 'publishedOn'),
	column('publishedNote', 'publishedNote'),
	column('excerpt', 'excerpt', { required: true }),
	column('excerptLanguage', 'excerptLanguage'),
	column('excerptInEnglish', 'excerptInEnglish'),
	column('ruTitle', 'translations/ru/title'),
	column('ruExcerpt', 'translations/ru/excerpt'),
	column('kkTitle', 'translations/kk/title'),
	column('kkExcerpt', 'translations/kk/excerpt'),
	column('measurementValue', 'measurement/value', { cell: 'number' }),
	column('measurementAsOf', 'measurement/asOf'),
	column('suggestedStatus', 'suggestedStatus'),
	column('suggestionReason', 'suggestionReason'),
	column('submittedBy', 'submittedBy'),
	column('reviewState', 'review/state'),
	column('reviewBy', 'review/by'),
	column('reviewNote', 'review/note'),
]

const fileKinds = [
	{ list: 'pledges', label: 'pledges', columns: pledgeColumns },
	{ list: 'evidence', label: 'evidence', columns: evidenceColumns },
] as const
type FileKind = (typeof fileKinds)[number]

// Far more than the longest record the format allows (its texts and translations at their limits), so
// reaching it means a quote left open, which would otherwise swallow the rest of the file slowly.
const maxRecordSize = 200_000

/** Steps of a milestone in one cell: `Concept adopted | Law adopted`. */
export const stepSeparator = '|'

// Plain decimal with a point: what a spreadsheet writes for a number cell in an English locale. A comma, a
// space or an exponent would each be a guess (thousands or decimals?), so they are refused, not read.
const numberPattern = /^-?\d+(?:\.\d+)?$/
const numberMessage =
	'Give a plain number with a point for decimals, no spaces or thousands separators: for example 150000 or 1.5.'

/**
 * A read CSV file. When read, `placeOf` also places the pointers of the import's own problems
 * (`runImport`'s `where`) in this file.
 */
export type CsvReadResult =
	| (Extract<ReadResult, { status: 'read' }> & { placeOf: (pointer: string) => string })
	| Extract<ReadResult, { status: 'refused' }>

/** `line` is where the row begins, `end` where it ends. */
type Row = { line: number; end: number; cells: string[] }

/**
 * A pledges file or an evidence file as bytes: at most `importLimits.bytes`, UTF-8 (a byte-order mark is
 * allowed), RFC 4180 with a header row naming the columns; which kind it is, the header says. `name` is
 * how the places of problems name the file: `pledges.csv line 5, column indicatorTargetValue`.
 */
export function readCsvFile(bytes: Uint8Array, name: string): CsvReadResult {
	if (bytes.byteLength > importLimits.bytes) {
		return refused(
			name,
			`The file is ${megabytes(bytes.byteLength)}; an import takes at most ${megabytes(importLimits.bytes)}. Split it into several files.`,
		)
	}
	let text: string
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
		return refused(
			name,
			`The file is not UTF-8 text${utf16 ? ' (it is UTF-16, which some spreadsheets call "Unicode text")' : ''}. Save it as "CSV UTF-8" and try again.`,
		)
	}
	if (text.startsWith('\uFEFF')) text = text.slice(1)
	// One line break, so line numbers are counted once per break whatever the spreadsheet wrote (csv-parse
	// counts a CRLF inside a quoted cell as two lines); a cell's own line breaks become \n.
	text = text.replace(/\r\n?/g, '\n')
	if (text.trim() === '')
		return refused(name, 'The file is empty: it needs a header row and a row for each record.')

	const rows: Row[] = []
	try {
		parse(text, {
			relax_column_count: true,
			skip_empty_lines: true,
			max_record_size: maxRecordSize,
			on_record: (record, { lines }) => {
				// `lines` is the line the record ends on; its cells' own line breaks say where it began.
				const breaks = record.reduce((count, cell) => count + cell.split('\n').length - 1, 0)
				rows.push({ line: lines - breaks, end: lines, cells: record })
				return record
			},
		})
	} catch (error) {
		if (!(error instanceof CsvError)) throw error
		// A quote left open is found where the file or the patience ends; the user needs where it began:
		// the first line with content after the last whole record.
		const open = error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE'
		const line = open ? firstFilledLine(text, rows.at(-1)?.end ?? 0) : error.lines
		return refused(`${name} line ${line}`, csvErrorMessage(error))
	}
	const [header, ...records] = rows
	if (!header) return refused(name, 'The file is empty: it needs a header row and a row for each record.')

	const names = header.cells.map((cell) => cell.trim())
	const kind = kindOf(names)
	if (!kind) return refused(`${name} line ${header.line}`, unknownKindMessage(names))
	const known = new Map(kind.columns.map((column) => [column.name, column]))
	const headerProblems: ImportProblem[] = []
	const at = (line: number, column: string) => `${name} line ${line}, column ${column}`
	names.forEach((columnName, index) => {
		if (columnName === '') {
			// A spreadsheet often saves a blank column after the last one; it is left out, unless it holds data.
			const holdsData = records.some((row) => (row.cells[index] ?? '').trim() !== '')
			if (holdsData)
				headerProblems.push({
					where: `${name} line ${header.line}, column ${index + 1}`,
					message:
						'This column has no name but holds data: name it (see docs/import-format.md) or delete it.',
				})
			return
		}
		if (names.indexOf(columnName) !== index)
			headerProblems.push({
				where: at(header.line, columnName),
				message: `The column ${columnName} is in the header twice: keep one.`,
			})
		else if (!known.has(columnName)) {
			const sameLetters = kind.columns.find(
				(column) => column.name.toLowerCase() === columnName.toLowerCase(),
			)
			headerProblems.push({
				where: at(header.line, columnName),
				message: sameLetters
					? `Unknown column ${columnName}: did you mean ${sameLetters.name}? Column names are case-sensitive.`
					: `Unknown column ${columnName} for ${article(kind.label)} file. Its columns are: ${kind.columns.map((column) => column.name).join(', ')}.`,
			})
		}
	})
	for (const column of kind.columns)
		if (column.required && !names.includes(column.name))
			headerProblems.push({
				where: `${name} line ${header.line}`,
				message: `The header has no column ${column.name}: ${article(kind.label)} file needs ${requiredNames(kind)}.`,
			})
	// Every row would repeat a problem of the header, so the header is fixed first.
	if (headerProblems.length > 0) return { status: 'refused', problems: headerProblems }

	const columns = names.map((columnName) => known.get(columnName))
	// A row of empty cells is a spreadsheet's blank row, not a record.
	const filled = records.filter((row) => row.cells.some((cell) => cell.trim() !== ''))
	if (filled.length === 0)
		return refused(name, `The file has no rows: only a header. Add a row for each ${kind.label} record.`)

	const cellProblems: ImportProblem[] = []
	const lines: number[] = []
	const list = filled.map((row) => {
		lines.push(row.line)
		// Empty cells after the last column are a spreadsheet's leftovers; anything else shifted the row.
		const extra = row.cells.slice(names.length).some((cell) => cell.trim() !== '')
		if (row.cells.length < names.length || extra)
			cellProblems.push({
				where: `${name} line ${row.line}`,
				message: `This row has ${row.cells.length} cells but the header has ${names.length} columns: check for a missing or extra comma, or a cell with a comma that is not in quotes.`,
			})
		const record: Record<string, unknown> = {}
		row.cells.forEach((cell, index) => {
			const column = columns[index]
			const value = cell.trim()
			// An empty cell is an absent value: the record's own rules say whether it may be.
			if (!column || value === '') return
			if (column.cell === 'number') {
				if (!numberPattern.test(value)) {
					cellProblems.push({ where: at(row.line, column.name), message: numberMessage })
					return
				}
				return put(record, column.path, Number(value))
			}
			if (column.cell === 'steps')
				return put(
					record,
					column.path,
					value.split(stepSeparator).map((title) => ({ title: title.trim() })),
				)
			// The text as typed: the format trims it, and a cell starting with = + - @ is kept as it is, since
			// formulas are a concern of a file opened in a spreadsheet, not of one read here.
			put(record, column.path, cell)
		})
		return record
	})

	const placeOf = (pointer: string) => placeIn(pointer, kind, names, lines, name)
	const read = readImportDocument({ format: 'uade', version: 1, [kind.list]: list }, placeOf)
	if (cellProblems.length === 0) return read.status === 'read' ? { ...read, placeOf } : read
	// A cell refused here was left out of its record; the document's "missing" for it says nothing new.
	const placed = new Set(cellProblems.map((problem) => problem.where))
	const documentProblems =
		read.status === 'refused' ? read.problems.filter((problem) => !placed.has(problem.where)) : []
	return { status: 'refused', problems: [...cellProblems, ...documentProblems] }
}

function refused(where: string, message: string): CsvReadResult {
	return { status: 'refused', problems: [{ where, message }] }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function put(target: Record<string, unknown>, path: readonly string[], value: unknown) {
	const [key, ...rest] = path
	if (key === undefined) return
	if (rest.length === 0) {
		target[key] = value
		return
	}
	const existing = target[key]
	const child = isRecord(existing) ? existing : {}
	target[key] = child
	put(child, rest, value)
}

/** The kind whose own columns (those the other kind has not) the header names more of. */
function kindOf(names: readonly string[]): FileKind | undefined {
	const scores = fileKinds.map((kind) => {
		const others = fileKinds.filter((other) => other !== kind).flatMap((other) => other.columns)
		const own = kind.columns.filter((column) => !others.some((other) => other.name === column.name))
		return { kind, score: own.filter((column) => names.includes(column.name)).length }
	})
	const best = Math.max(...scores.map(({ score }) => score))
	const winners = scores.filter(({ score }) => score === best)
	return best > 0 && winners.length === 1 ? winners[0]?.kind : undefined
}

const requiredNames = (kind: FileKind) =>
	kind.columns
		.filter((column) => column.required)
		.map((column) => column.name)
		.join(', ')

function unknownKindMessage(names: readonly string[]): string {
	const separator = [';', '\t'].find((candidate) => names.length === 1 && names[0]?.includes(candidate))
	if (separator)
		return `The header's columns are separated by ${separator === ';' ? 'semicolons' : 'tabs'}: save the file as CSV with commas ("CSV UTF-8").`
	return `The header row does not say whether this is a pledges file or an evidence file. A pledges file has the columns ${requiredNames(fileKinds[0])} (and optional ones); an evidence file has ${requiredNames(fileKinds[1])} (and optional ones). See docs/import-format.md, "CSV files".`
}

/** The number of the first line after line `after` that is not blank. */
function firstFilledLine(text: string, after: number): number {
	const lines = text.split('\n')
	let index = after
	while (index < lines.length - 1 && lines[index]?.trim() === '') index += 1
	return index + 1
}

function csvErrorMessage(error: CsvError): string {
	switch (error.code) {
		case 'CSV_MAX_RECORD_SIZE':
			return `A row longer than ${maxRecordSize.toLocaleString('en')} characters starts here, more than any record holds: most likely a quoted cell is not closed.`
		case 'CSV_QUOTE_NOT_CLOSED':
			return 'A quoted cell that starts here is never closed: add the closing double quote (").'
		case 'INVALID_OPENING_QUOTE':
		case 'CSV_INVALID_CLOSING_QUOTE':
			return 'A double quote (") inside a cell: put the whole cell in double quotes and write each quote in it twice ("").'
		default:
			return `The file is not valid CSV here: ${error.message}`
	}
}

/**
 * A JSON pointer of the document (`/pledges/3/indicator/targetValue`) as a place in the file
 * (`pledges.csv line 5, column indicatorTargetValue`): the row's line and the column its value came from.
 */
function placeIn(
	pointer: string,
	kind: FileKind,
	names: readonly string[],
	lines: readonly number[],
	name: string,
): string {
	const [list, index, ...path] = pointer
		.split('/')
		.slice(1)
		.map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
	const line = index !== undefined && /^\d+$/.test(index) ? lines[Number(index)] : undefined
	if (list !== kind.list || line === undefined) return `${name} ${pointer}`
	if (path.length === 0) return `${name} line ${line}`
	const startsWith = (whole: readonly string[], start: readonly string[]) =>
		start.every((part, position) => whole[position] === part)
	// The column of that value; or, for a part of a record (`/indicator`, `/milestoneSteps/1/title`), the
	// first column of the file that fills it.
	const column =
		kind.columns.find((column) => column.path.join('/') === path.join('/')) ??
		kind.columns.find((column) => startsWith(path, column.path)) ??
		kind.columns.find((column) => startsWith(column.path, path) && names.includes(column.name)) ??
		kind.columns.find((column) => startsWith(column.path, path))
	return column ? `${name} line ${line}, column ${column.name}` : `${name} line ${line} (${path.join('/')})`
}

/** "a pledges", "an evidence". */
function article(word: string): string {
	return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`
}
