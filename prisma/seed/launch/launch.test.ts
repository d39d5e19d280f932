import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'
import { fairKazakhstan } from '../fair-kazakhstan'
import {
	buildLaunchFile,
	fragmentSeparator,
	launchFilePath,
	parseResearch,
	researchPath,
	serializeLaunchFile,
	type LaunchFile,
	type LaunchSource,
	type Research,
} from './build'
import * as editorial from './editorial'
import { evidenceTypes } from '~/forms/evidence'
import { limits } from '~/forms/fields'
import { publicTextProblem } from '~/forms/integrity-rules'
import { pledgeStatuses } from '~/models/status'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const read = (file: string) => readFile(path.resolve(repoRoot, file), 'utf8')

const pledges = fairKazakhstan.categories.flatMap((category) => category.pledges)
const kindOf = (slug: string) => pledges.find((pledge) => pledge.slug === slug)?.kind
const pledgeMadeOn = '2022-10-26'
// The latest calendar date anywhere on Earth now: a date after it is in the future everywhere.
const today = new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10)

/** The last day a date of any precision ("2024", "2024-02", "2024-02-01") can stand for. */
function lastDayOf(date: string): string {
	if (/^\d{4}$/.test(date)) return `${date}-12-31`
	if (/^\d{4}-\d{2}$/.test(date)) {
		// Day 0 of the next month is the last day of this one.
		return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0))
			.toISOString()
			.slice(0, 10)
	}
	return date
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/
const anyPrecision = /^\d{4}(-\d{2}(-\d{2})?)?$/

let research: Research
let file: LaunchFile
let checkedIn: string
let allSources: Array<LaunchSource & { pledge?: string }>

beforeAll(async () => {
	research = parseResearch(await read(researchPath))
	checkedIn = await read(launchFilePath)
	file = JSON.parse(checkedIn)
	allSources = [...file.platformSources, ...file.evidence]
})

describe('the launch file', () => {
	test('is exactly what npm run data:launch-build writes from the research copy and the editorial layer', () => {
		expect(checkedIn).toBe(serializeLaunchFile(buildLaunchFile(research)))
	})

	test('keeps the research copy byte for byte, as PROVENANCE.md records it', async () => {
		const bytes = await readFile(path.resolve(repoRoot, researchPath))
		const provenance = await read('prisma/seed/launch/PROVENANCE.md')
		const recorded = provenance.match(/SHA-256: `([0-9a-f]{64})`/)?.[1]
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(recorded)
	})

	test('is a version 1 document holding sources, evidence, status entries and the steps they date', () => {
		expect(Object.keys(file)).toEqual([
			'format',
			'version',
			'pledges',
			'platformSources',
			'evidence',
			'statusUpdates',
		])
		expect([file.format, file.version]).toEqual(['uade', 1])
	})

	test('a pledge it carries is the seeded one but for the steps it dates, each dated by approved evidence that reports it', () => {
		for (const pledge of file.pledges) {
			const seeded = fairKazakhstan.categories
				.flatMap((category) => category.pledges)
				.find((each) => each.slug === pledge.slug)
			if (!seeded || seeded.kind !== 'MILESTONE')
				throw new Error(`${pledge.slug}: not a seeded milestone pledge`)
			expect(pledge.milestoneSteps.map((step) => step.title)).toEqual(
				seeded.milestoneSteps.map((step) => step.title),
			)
			expect([pledge.title, pledge.quote, pledge.deadline]).toEqual([
				seeded.title,
				seeded.quote,
				seeded.deadline,
			])
			for (const step of pledge.milestoneSteps.filter((each) => each.doneOn !== null)) {
				const reached = editorial.milestonesReached.find(
					(each) => each.pledge === pledge.slug && each.step === step.title,
				)
				expect(reached?.doneOn).toBe(step.doneOn)
				// The item that dates the step: of this pledge, approved, published on that day or later.
				const doneOn = step.doneOn ?? ''
				const dating = file.evidence.filter(
					(item) =>
						item.pledge === pledge.slug &&
						item.review.state === 'APPROVED' &&
						item.publishedOn !== null &&
						item.publishedOn >= doneOn,
				)
				expect(dating.length, `${pledge.slug}: ${step.title}`).toBeGreaterThan(0)
			}
		}
		expect(file.pledges.map((pledge) => pledge.slug)).toEqual(['youth-policy-law'])
	})

	test('every evidence item and platform source has an http(s) source, a type among the six and a publisher', () => {
		expect(allSources.length).toBeGreaterThan(0)
		const problems = allSources.flatMap((source) => {
			const found: string[] = []
			if (!/^https?:\/\/[^\s/]+\.[^\s/]+/.test(source.sourceUrl) || !URL.canParse(source.sourceUrl)) {
				found.push('sourceUrl')
			}
			if (!evidenceTypes.some((type) => type === source.type)) found.push('type')
			if (source.publisher.trim() === '') found.push('publisher')
			if (source.title.trim() === '') found.push('title')
			if (source.platform !== editorial.platformSlug) found.push('platform')
			return found.map((field) => `${source.sourceUrl}: ${field}`)
		})
		expect(problems).toEqual([])
	})

	test("every excerpt is its research item's excerpt verbatim, or one fragment of it where the item is split", () => {
		const splitIds = new Set(
			[...editorial.evidence, ...editorial.platformSources]
				.filter((item) => item.fragment !== undefined)
				.map((item) => item.id),
		)
		const splitUrls = new Set(research.items.filter((item) => splitIds.has(item.id)).map((item) => item.url))
		const unmatched = allSources.filter((source) => {
			const candidates = research.items.filter((item) => item.url === source.sourceUrl)
			return !candidates.some((item) => {
				const sameLanguage =
					item.language === source.excerptLanguage &&
					(item.excerpt_en === null) === (source.excerptInEnglish === null)
				if (!sameLanguage) return false
				if (item.excerpt === source.excerpt) return item.excerpt_en === source.excerptInEnglish
				if (!splitUrls.has(item.url)) return false
				const index = item.excerpt.split(fragmentSeparator).indexOf(source.excerpt)
				return (
					index >= 0 && (item.excerpt_en?.split(fragmentSeparator)[index] ?? null) === source.excerptInEnglish
				)
			})
		})
		expect(unmatched.map((source) => source.sourceUrl)).toEqual([])
		// Splitting is the exception: one research item (two figures in one excerpt), no more.
		expect(splitIds.size).toBeLessThanOrEqual(1)
	})

	test('every research item is kept under its own pledge, kept as a platform source, or left out with a reason', () => {
		const kept = new Set([...editorial.evidence, ...editorial.platformSources].map((item) => item.id))
		const leftOut = new Set(editorial.leftOut.map((item) => item.id))
		expect(
			research.items.filter((item) => !kept.has(item.id) && !leftOut.has(item.id)).map((item) => item.id),
		).toEqual([])
		expect([...leftOut].filter((id) => kept.has(id))).toEqual([])
		for (const { reason } of editorial.leftOut) expect(publicTextProblem(reason)).toBeNull()

		// Items about the programme as a whole are the platform's; drinking water and life expectancy are filed
		// under those pledges, as the research files them.
		const byId = new Map(research.items.map((item) => [item.id, item]))
		for (const item of editorial.platformSources) expect(byId.get(item.id)?.pledge).toBeNull()
		const ownPledge = editorial.evidence.filter((item) => item.pledge === undefined)
		for (const item of ownPledge) expect(byId.get(item.id)?.pledge).toEqual(expect.any(String))
		const filedPledges = new Set(file.evidence.map((item) => item.pledge))
		expect(filedPledges).toContain('drinking-water')
		expect(filedPledges).toContain('lower-morbidity-longer-life')
		for (const slug of filedPledges) expect(kindOf(slug)).toBeDefined()
	})

	test('every item is submitted by the research account and approved by the editorial account', () => {
		for (const item of file.evidence) {
			expect(item).toMatchObject({
				submittedBy: 'research@uade.invalid',
				review: { state: 'APPROVED', by: 'editorial@uade.invalid', note: null },
				suggestedStatus: null,
				suggestionReason: null,
			})
		}
		for (const update of file.statusUpdates) expect(update.author).toBe('editorial@uade.invalid')
	})

	test('every status entry other than NOT_RATED rests on approved evidence of its own pledge', () => {
		expect(file.statusUpdates.map((update) => update.pledge).sort()).toEqual([
			'digital-economy-share',
			'it-jobs',
			'national-fund-for-children',
			'youth-policy-law',
		])
		for (const update of file.statusUpdates) {
			expect(pledgeStatuses.some((status) => status === update.status)).toBe(true)
			if (update.status !== 'NOT_RATED') expect(update.evidence.length).toBeGreaterThan(0)
			const unresolved = update.evidence.filter(
				(key) =>
					!file.evidence.some(
						(item) =>
							item.pledge === update.pledge &&
							item.sourceUrl === key.sourceUrl &&
							item.excerpt === key.excerpt &&
							item.review.state === 'APPROVED',
					),
			)
			expect({ pledge: update.pledge, unresolved }).toEqual({ pledge: update.pledge, unresolved: [] })
			expect(new Set(update.evidence.map((key) => `${key.sourceUrl}\n${key.excerpt}`)).size).toBe(
				update.evidence.length,
			)
		}
	})

	test("every text fits the forms' limits", () => {
		const tooLong = [
			...allSources.flatMap((source) => [
				source.title.length > limits.title && `${source.sourceUrl} title`,
				source.translations.ru.title.length > limits.title && `${source.sourceUrl} ru title`,
				source.translations.kk.title.length > limits.title && `${source.sourceUrl} kk title`,
				source.publisher.length > limits.publisher && `${source.sourceUrl} publisher`,
				source.excerpt.length > limits.excerpt && `${source.sourceUrl} excerpt`,
				(source.excerptInEnglish ?? '').length > limits.excerpt && `${source.sourceUrl} excerptInEnglish`,
				source.sourceUrl.length > limits.url && `${source.sourceUrl} sourceUrl`,
			]),
			...file.statusUpdates.flatMap((update) =>
				[update.rationale, update.translations.ru.rationale, update.translations.kk.rationale].map(
					(rationale) => rationale.length > limits.rationale && `${update.pledge} rationale`,
				),
			),
		].filter(Boolean)
		expect(tooLong).toEqual([])
	})

	test('evidence keys (platform, pledge, source, excerpt) are unique', () => {
		const keys = file.evidence.map((item) =>
			[item.platform, item.pledge, item.sourceUrl, item.excerpt].join('\n'),
		)
		expect(new Set(keys).size).toBe(keys.length)
	})

	test('status dates: not in the future, not before the pledge, not before the evidence they rest on', () => {
		expect([lastDayOf('2024'), lastDayOf('2024-02'), lastDayOf('2024-02-10')]).toEqual([
			'2024-12-31',
			'2024-02-29',
			'2024-02-10',
		])
		for (const update of file.statusUpdates) {
			expect(update.effectiveDate).toMatch(isoDay)
			expect(update.effectiveDate <= today).toBe(true)
			expect(update.effectiveDate >= pledgeMadeOn).toBe(true)
			for (const key of update.evidence) {
				const item = file.evidence.find(
					(candidate) => candidate.sourceUrl === key.sourceUrl && candidate.excerpt === key.excerpt,
				)
				if (item?.publishedOn) expect(lastDayOf(item.publishedOn) <= update.effectiveDate).toBe(true)
			}
		}
	})

	test('publication dates: as precise as printed and never in the future; an undated source says what is known', () => {
		for (const source of allSources) {
			if (source.publishedOn === null) {
				expect(source.publishedNote && publicTextProblem(source.publishedNote)).toBeNull()
			} else {
				expect(source.publishedOn).toMatch(anyPrecision)
				expect(source.publishedOn <= today).toBe(true)
				expect(source.publishedNote).toBeNull()
			}
		}
	})

	test('figures: only on the National Fund pledge, none on the IT-jobs pledge, each as its excerpt reports it', () => {
		const measured = file.evidence.filter((item) => item.measurement !== null)
		expect(new Set(measured.map((item) => item.pledge))).toEqual(new Set(['national-fund-for-children']))
		expect(file.evidence.filter((item) => item.pledge === 'it-jobs' && item.measurement)).toEqual([])
		expect(
			file.evidence.filter((item) => item.pledge === 'digital-economy-share' && item.measurement),
		).toEqual([])
		for (const item of measured) {
			const measurement = item.measurement
			if (!measurement) continue
			expect(kindOf(item.pledge)).toBe('QUANTITATIVE')
			expect(measurement.asOf).toMatch(isoDay)
			expect(measurement.asOf <= today).toBe(true)
			expect(measurement.asOf >= pledgeMadeOn).toBe(true)
			if (item.publishedOn) expect(measurement.asOf <= lastDayOf(item.publishedOn)).toBe(true)
			// The value is printed in the excerpt, with a point or a comma for decimals.
			const printed = [String(measurement.value), String(measurement.value).replace('.', ',')]
			expect(printed.some((form) => item.excerpt.includes(form))).toBe(true)
		}
		// The figures are amounts in USD per child, the quantity the seeded indicator names.
		const fund = pledges.find((pledge) => pledge.slug === 'national-fund-for-children')
		expect(fund?.kind === 'QUANTITATIVE' ? fund.indicator.unit : null).toBe('USD per child')
		// One point per reporting year: the chart never plots two figures for the same date.
		const dates = measured.map((item) => item.measurement?.asOf)
		expect(new Set(dates).size).toBe(dates.length)
	})

	test('public texts carry no internal research id, no HTML, and are sentences', () => {
		const ids = research.items.map((item) => item.id)
		const idPattern = /(^|[^\w-])[A-Z]{1,2}\d?-\d{1,2}(?![\w-])/
		// The pattern would catch the ids the research uses.
		for (const id of ['N-18', 'P1-3', 'C-1', 'LE-2', 'W-7']) expect(idPattern.test(`see ${id}.`)).toBe(true)

		const note = (where: string, text: string): [string, string] => [`${where} note`, text]
		const texts: Array<[string, string]> = [
			...allSources.flatMap((source): Array<[string, string]> => [
				[`${source.sourceUrl} title`, source.title],
				[`${source.sourceUrl} ru title`, source.translations.ru.title],
				[`${source.sourceUrl} kk title`, source.translations.kk.title],
				...(source.publishedNote ? [note(source.sourceUrl, source.publishedNote)] : []),
			]),
			...file.statusUpdates.flatMap((update): Array<[string, string]> => [
				[`${update.pledge} rationale`, update.rationale],
				[`${update.pledge} ru rationale`, update.translations.ru.rationale],
				[`${update.pledge} kk rationale`, update.translations.kk.rationale],
			]),
		]
		const withIds = texts.filter(([, text]) => idPattern.test(text) || ids.some((id) => text.includes(id)))
		expect(withIds.map(([where]) => where)).toEqual([])
		expect(texts.filter(([, text]) => /<[a-z/!]/i.test(text)).map(([where]) => where)).toEqual([])
		expect(texts.filter(([, text]) => text.trim() === '').map(([where]) => where)).toEqual([])
		for (const update of file.statusUpdates) {
			for (const rationale of [
				update.rationale,
				update.translations.ru.rationale,
				update.translations.kk.rationale,
			]) {
				expect(publicTextProblem(rationale)).toBeNull()
			}
		}
	})

	test('Russian and Kazakh titles and rationales are written in Cyrillic, the Kazakh ones with Kazakh letters', () => {
		const cyrillic = /[А-Яа-яЁё]/
		const kazakhLetters = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/
		for (const source of allSources) {
			expect(source.translations.ru.title).toMatch(cyrillic)
			expect(source.translations.kk.title).toMatch(cyrillic)
			expect(source.translations.ru.title).not.toBe(source.translations.kk.title)
		}
		for (const update of file.statusUpdates) {
			expect(update.translations.ru.rationale).toMatch(cyrillic)
			expect(update.translations.kk.rationale).toMatch(kazakhLetters)
		}
	})
})
