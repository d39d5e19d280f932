import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import type { Actor } from '~/models/save.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import type { ImportDocumentInput } from './format'
import {
	countChanges,
	importLimits,
	readImportDocument,
	readImportFile,
	runImport,
	type ImportResult,
} from './import.server'

let database: TestDatabase
let prisma: PrismaClient
let admin: Actor
let otherAdmin: Actor
let checker: Actor

const now = new Date('2026-12-02T10:00:00Z')
const platform = 'fair-kazakhstan-2022'

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
	await seed(prisma)
	const account = async (email: string, role: 'ADMIN' | 'FACT_CHECKER') => {
		const user = await prisma.user.create({ data: { email, displayName: email, role }, select: { id: true } })
		return { id: user.id, role, ipAddress: '203.0.113.9' }
	}
	admin = await account('importer@example.org', 'ADMIN')
	otherAdmin = await account('reviewer@example.org', 'ADMIN')
	checker = await account('checker@example.org', 'FACT_CHECKER')
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

const bytes = (text: string) => new TextEncoder().encode(text)

/** A document as a file would hold it, read the way the CLI and the upload read it. */
function read(document: unknown) {
	const result = readImportFile(bytes(JSON.stringify(document)), 'test.json')
	if (result.status !== 'read') throw new Error(`unreadable: ${JSON.stringify(result.problems)}`)
	return result.document
}

async function run(document: unknown, options: { dryRun?: boolean; actor?: Actor } = {}) {
	return runImport(prisma, read(document), {
		actor: options.actor ?? admin,
		dryRun: options.dryRun ?? false,
		now,
	})
}

function problemsOf(result: ImportResult) {
	if (result.status !== 'refused') throw new Error(`expected a refusal, got ${result.status}`)
	return result.problems
}

/** What an import may have written: every table it writes, counted. */
async function footprint() {
	const [politicians, platforms, categories, pledges, sources, evidence, ledger, measurements, audit] =
		await Promise.all([
			prisma.politician.count(),
			prisma.platform.count(),
			prisma.category.count(),
			prisma.pledge.count(),
			prisma.platformSource.count(),
			prisma.evidence.count(),
			prisma.statusUpdate.count(),
			prisma.measurement.count(),
			prisma.auditEntry.count(),
		])
	return { politicians, platforms, categories, pledges, sources, evidence, ledger, measurements, audit }
}

let sequence = 0
/** A new platform with one pledge of each kind, under a new politician: slugs unique per call. */
function catalogue() {
	const n = ++sequence
	const platformSlug = `import-test-platform-${n}`
	return {
		platformSlug,
		document: {
			format: 'uade',
			version: 1,
			politicians: [
				{
					slug: `import-test-politician-${n}`,
					name: 'Aigerim Example',
					office: 'Mayor of Example City',
					translations: { ru: { name: 'Айгерим Пример', office: 'Аким города Пример' } },
				},
			],
			platforms: [
				{
					slug: platformSlug,
					politician: `import-test-politician-${n}`,
					title: 'A test platform',
					summary: null,
					electionDate: '2025-03-01',
					termStart: '2025-03-10',
					termEnd: '2030-03-10',
					source: { url: 'https://example.org/platform', title: 'The platform', publisher: 'Example Party' },
				},
			],
			categories: [
				{ platform: platformSlug, slug: 'economy', title: 'Economy', position: 0 },
				{ platform: platformSlug, slug: 'jobs', parent: 'economy', title: 'Jobs', position: 0 },
			],
			pledges: [
				{
					platform: platformSlug,
					slug: 'new-jobs',
					category: 'jobs',
					title: 'Ten thousand new jobs',
					summary: 'Create ten thousand new jobs in the city by 2030.',
					quote: 'We will create 10,000 jobs',
					sourceUrl: 'https://example.org/platform',
					sourceDate: '2025-02-01',
					deadline: '2030-03-10',
					kind: 'QUANTITATIVE',
					indicator: {
						name: 'New jobs created',
						unit: 'jobs',
						baselineValue: 0,
						baselineDate: '2025-03-10',
						targetValue: 10000,
						targetDate: '2030-03-10',
						direction: 'INCREASE',
					},
				},
				{
					platform: platformSlug,
					slug: 'city-law',
					category: 'economy',
					title: 'A new city charter',
					summary: 'Adopt a new city charter.',
					quote: 'A new charter will be adopted',
					sourceUrl: 'https://example.org/platform',
					sourceDate: '2025-02-01',
					deadline: '2027-03-10',
					kind: 'MILESTONE',
					milestoneSteps: [{ title: 'Draft published' }, { title: 'Charter adopted' }],
				},
			],
		} satisfies ImportDocumentInput,
	}
}

function evidenceFor(pledge: string, overrides: Record<string, unknown> = {}) {
	return {
		platform,
		pledge,
		type: 'OFFICIAL_STATEMENT',
		sourceUrl: `https://example.org/${pledge}/statement`,
		title: 'The ministry reports progress',
		publisher: 'Ministry of Examples',
		publishedOn: '2025-02-05',
		excerpt: `A verbatim sentence about ${pledge}.`,
		submittedBy: 'checker@example.org',
		review: { state: 'APPROVED', by: 'importer@example.org' },
		...overrides,
	}
}

describe('reading a file', () => {
	test('refuses what is not JSON, saying where', () => {
		const result = readImportFile(bytes('{\n  "format": "uade",\n  "version": 1,\n}'), 'broken.json')
		expect(result).toEqual({
			status: 'refused',
			problems: [
				{ where: 'broken.json', message: expect.stringMatching(/^The file is not JSON \(.*line 4/) },
			],
		})
	})

	test('refuses another format and another version, as such', () => {
		expect(readImportDocument({ hello: 'world' })).toMatchObject({
			problems: [
				{ where: '/format', message: 'This is not a Uade import document: "format" must be "uade".' },
			],
		})
		expect(readImportDocument({ format: 'uade', version: 2, pledges: [{ anything: true }] })).toEqual({
			status: 'refused',
			problems: [
				{
					where: '/version',
					message: 'Version 2 of the format is not supported: this Uade reads version 1.',
				},
			],
		})
		expect(readImportDocument([1, 2])).toMatchObject({ problems: [{ where: '/' }] })
	})

	test('refuses a file over the size limit before reading it', () => {
		const big = new Uint8Array(importLimits.bytes + 1).fill(0x20)
		expect(readImportFile(big, 'big.json')).toEqual({
			status: 'refused',
			problems: [{ where: 'big.json', message: expect.stringContaining('an import takes at most 20.0 MB') }],
		})
	})

	test('refuses a file that is not UTF-8', () => {
		expect(readImportFile(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'latin.json')).toMatchObject({
			problems: [
				{ where: 'latin.json', message: 'The file is not UTF-8 text. Save it as UTF-8 and try again.' },
			],
		})
	})

	test('reports every problem at its JSON pointer: HTML, an unknown field, a bad date, a missing text', () => {
		const { document } = catalogue()
		const [pledge] = document.pledges
		const result = readImportDocument({
			...document,
			pledges: [
				{ ...pledge, title: 'Jobs <script>alert(1)</script>', colour: 'red' },
				{ ...pledge, slug: 'other', deadline: '2030-02-30', summary: '' },
			],
		})
		expect(result.status).toBe('refused')
		const problems = result.status === 'refused' ? result.problems : []
		expect(problems).toEqual(
			expect.arrayContaining([
				{ where: '/pledges/0/title', message: expect.stringContaining('Remove the HTML') },
				{ where: '/pledges/0', message: expect.stringContaining('colour') },
				{ where: '/pledges/1/deadline', message: 'This date does not exist in the calendar.' },
				{ where: '/pledges/1/summary', message: 'Give the summary.' },
			]),
		)
	})
})

describe('an import', () => {
	test('a dry run reports what it would create and writes nothing, not even an audit entry', async () => {
		const before = await footprint()
		const { document } = catalogue()
		const result = await run(document, { dryRun: true })
		expect(result.status).toBe('checked')
		if (result.status !== 'checked') return
		expect(countChanges(result.changes)).toMatchObject({
			politician: { create: 1, change: 0, unchanged: 0 },
			platform: { create: 1 },
			category: { create: 2 },
			pledge: { create: 2 },
		})
		expect(await footprint()).toEqual(before)
	})

	test('applies a catalogue, audited as the importing admin; the same file again changes nothing', async () => {
		const { document, platformSlug } = catalogue()
		const auditBefore = await prisma.auditEntry.count()
		const first = await run(document)
		expect(first.status).toBe('applied')

		const stored = await prisma.platform.findUniqueOrThrow({
			where: { slug: platformSlug },
			include: { pledges: { include: { indicator: true, milestoneSteps: true }, orderBy: { slug: 'asc' } } },
		})
		// A new platform is a draft until someone publishes it.
		expect(stored.publishedAt).toBeNull()
		expect(stored.pledges.map((pledge) => [pledge.slug, pledge.kind, pledge.status])).toEqual([
			['city-law', 'MILESTONE', 'NOT_RATED'],
			['new-jobs', 'QUANTITATIVE', 'NOT_RATED'],
		])
		expect(stored.pledges[1]?.indicator?.targetValue.toNumber()).toBe(10000)
		expect(stored.pledges[0]?.milestoneSteps.map((step) => step.title).sort()).toEqual([
			'Charter adopted',
			'Draft published',
		])
		const entries = await prisma.auditEntry.findMany({
			where: { id: { gt: '' } },
			orderBy: { createdAt: 'asc' },
			skip: auditBefore,
		})
		expect(entries.map((entry) => entry.action).sort()).toEqual([
			'category.create',
			'category.create',
			'data.import',
			'platform.create',
			'pledge.create',
			'pledge.create',
			'politician.create',
		])
		expect(new Set(entries.map((entry) => entry.actorId))).toEqual(new Set([admin.id]))

		const before = await footprint()
		const second = await run(document)
		expect(second.status).toBe('applied')
		if (second.status !== 'applied') return
		expect(second.changes.every((change) => change.action === 'unchanged')).toBe(true)
		expect(await footprint()).toEqual(before)
	})

	test('a changed field is an audited edit; publishing follows "published"', async () => {
		const { document, platformSlug } = catalogue()
		await run(document)
		const [pledge, ...others] = document.pledges
		const edited = {
			...document,
			platforms: [{ ...document.platforms[0], published: true }],
			pledges: [{ ...pledge, title: 'Twelve thousand new jobs' }, ...others],
		}
		const result = await run(edited)
		expect(result.status).toBe('applied')
		if (result.status !== 'applied') return
		expect(countChanges(result.changes)).toMatchObject({
			platform: { change: 1 },
			pledge: { change: 1, unchanged: 1 },
			category: { unchanged: 2 },
		})
		const stored = await prisma.platform.findUniqueOrThrow({ where: { slug: platformSlug } })
		expect(stored.publishedAt).not.toBeNull()
		const audit = await prisma.auditEntry.findMany({
			where: { action: { in: ['pledge.update', 'platform.publish'] }, actorId: admin.id },
		})
		expect(audit.map((entry) => entry.action).sort()).toEqual(['platform.publish', 'pledge.update'])
	})

	test('refuses an unknown pledge, a duplicate key and an account that does not exist, writing nothing', async () => {
		const before = await footprint()
		const result = await run({
			format: 'uade',
			version: 1,
			evidence: [
				evidenceFor('no-such-pledge'),
				evidenceFor('drinking-water', { submittedBy: 'nobody@example.org' }),
			],
		})
		expect(problemsOf(result)).toEqual([
			{
				where: '/evidence/0/pledge',
				message: expect.stringContaining('no pledge with the slug no-such-pledge'),
			},
			{
				where: '/evidence/1/submittedBy',
				message: expect.stringContaining('No account has the email nobody@example.org'),
			},
		])
		const twice = await run({
			format: 'uade',
			version: 1,
			evidence: [evidenceFor('it-jobs'), evidenceFor('it-jobs')],
		})
		expect(problemsOf(twice)).toEqual([
			{ where: '/evidence/1', message: expect.stringContaining('is listed twice (first at /evidence/0)') },
		])
		expect(await footprint()).toEqual(before)
	})

	test('all or nothing: a problem in the last record leaves nothing of the records before it', async () => {
		const before = await footprint()
		const { document } = catalogue()
		const result = await run({
			...document,
			evidence: [evidenceFor('drinking-water')],
			statusUpdates: [
				{
					platform,
					pledge: 'drinking-water',
					status: 'IN_PROGRESS',
					effectiveDate: '2025-03-01',
					rationale: 'The ministry reports that the work has started.',
					evidence: [{ sourceUrl: 'https://example.org/not-in-the-file', excerpt: 'Nothing like it.' }],
				},
			],
		})
		expect(problemsOf(result)).toEqual([
			{
				where: '/statusUpdates/0/evidence/0',
				message: expect.stringContaining('has no evidence with the source'),
			},
		])
		expect(await footprint()).toEqual(before)
	})

	test('evidence and a status entry as the forms would write them: reviewed, measured, resting on it', async () => {
		const pledge = 'it-jobs'
		const item = evidenceFor(pledge, { measurement: { value: 12000, asOf: '2025-01-31' } })
		const result = await run({
			format: 'uade',
			version: 1,
			evidence: [item],
			statusUpdates: [
				{
					platform,
					pledge,
					status: 'IN_PROGRESS',
					effectiveDate: '2025-02-05',
					rationale: 'The ministry reports 12,000 jobs created by January 2025.',
					translations: {
						ru: { rationale: 'Министерство сообщает о 12 000 рабочих мест к январю 2025 года.' },
					},
					evidence: [{ sourceUrl: item.sourceUrl, excerpt: item.excerpt }],
				},
			],
		})
		expect(result.status).toBe('applied')
		const stored = await prisma.pledge.findFirstOrThrow({
			where: { slug: pledge, platform: { slug: platform } },
			include: {
				evidence: { include: { measurement: true } },
				statusUpdates: { include: { evidence: true, translations: true } },
			},
		})
		expect(stored.status).toBe('IN_PROGRESS')
		expect(stored.evidence).toHaveLength(1)
		expect(stored.evidence[0]).toMatchObject({
			reviewState: 'APPROVED',
			submittedById: checker.id,
			reviewedById: admin.id,
		})
		expect(stored.evidence[0]?.measurement?.value.toNumber()).toBe(12000)
		expect(stored.statusUpdates).toHaveLength(1)
		expect(stored.statusUpdates[0]?.evidence.map((link) => link.evidenceId)).toEqual([stored.evidence[0]?.id])
		expect(stored.statusUpdates[0]?.translations.map((row) => row.locale)).toEqual(['RU'])
		const actions = await prisma.auditEntry.findMany({
			where: { entityId: { in: [stored.evidence[0]?.id ?? '', stored.statusUpdates[0]?.id ?? ''] } },
			select: { action: true, actorId: true },
		})
		expect(actions).toEqual(
			expect.arrayContaining([
				{ action: 'evidence.submit', actorId: admin.id },
				{ action: 'evidence.approve', actorId: admin.id },
				{ action: 'status_update.create', actorId: admin.id },
			]),
		)
	})

	test('a record already imported with other content is a problem that names the fields, not a silent skip', async () => {
		const pledge = 'drinking-water'
		const item = evidenceFor(pledge, { archiveUrl: 'https://web.archive.org/web/2025/https://example.org/a' })
		const entry = {
			platform,
			pledge,
			status: 'IN_PROGRESS',
			effectiveDate: '2025-02-10',
			rationale: 'The ministry reports that the first pipelines are being laid.',
			translations: { ru: { rationale: 'Министерство сообщает, что прокладываются первые трубопроводы.' } },
			evidence: [{ sourceUrl: item.sourceUrl, excerpt: item.excerpt }],
		}
		expect((await run({ format: 'uade', version: 1, evidence: [item], statusUpdates: [entry] })).status).toBe(
			'applied',
		)
		const before = await footprint()
		const again = await run({
			format: 'uade',
			version: 1,
			evidence: [{ ...item, archiveUrl: null }],
			statusUpdates: [{ ...entry, translations: {} }],
		})
		expect(problemsOf(again)).toEqual([
			{ where: '/evidence/0', message: expect.stringContaining('with other content (archiveUrl)') },
			{ where: '/statusUpdates/0', message: expect.stringContaining('with another translations') },
		])
		expect(await footprint()).toEqual(before)
	})

	test('a pledge moved in its category is a change, audited', async () => {
		const { document, platformSlug } = catalogue()
		await run(document)
		const [jobs, law] = document.pledges
		const moved = await run({ ...document, pledges: [{ ...jobs, position: 5 }, law] })
		expect(moved.status).toBe('applied')
		if (moved.status !== 'applied') return
		expect(countChanges(moved.changes).pledge).toEqual({ create: 0, change: 1, unchanged: 1 })
		const stored = await prisma.pledge.findFirstOrThrow({
			where: { slug: 'new-jobs', platform: { slug: platformSlug } },
		})
		expect(stored.position).toBe(5)
		const audit = await prisma.auditEntry.findFirstOrThrow({
			where: { entityId: stored.id, action: 'pledge.update' },
		})
		expect(audit.after).toEqual({ position: 5, via: 'import' })
	})

	test('the rules of the forms hold: four eyes, a date in the future, a status without evidence, a figure on a qualitative pledge', async () => {
		const before = await footprint()
		const own = evidenceFor('food-security', { submittedBy: 'importer@example.org' })
		const result = await run({
			format: 'uade',
			version: 1,
			evidence: [
				own,
				evidenceFor('political-modernization', { measurement: { value: 3, asOf: '2025-01-01' } }),
				evidenceFor('reliable-energy', { publishedOn: '2027-01-01' }),
			],
			statusUpdates: [
				{
					platform,
					pledge: 'independent-courts',
					status: 'KEPT',
					effectiveDate: '2025-05-01',
					rationale: 'The courts are independent now, the minister said.',
				},
				{
					platform,
					pledge: 'balanced-foreign-policy',
					status: 'NOT_RATED',
					effectiveDate: '2027-05-01',
					rationale: 'Not rated until the first report is published.',
				},
			],
		})
		const problems = problemsOf(result)
		expect(problems).toEqual(
			expect.arrayContaining([
				{ where: '/evidence/0/review/by', message: expect.stringContaining('four-eyes rule') },
				{
					where: '/evidence/1/measurement/value',
					message: expect.stringContaining('Only a QUANTITATIVE pledge'),
				},
				{ where: '/evidence/2/publishedOn', message: 'The publication date cannot be in the future.' },
				{
					where: '/statusUpdates/0/evidence',
					message: 'Choose at least one approved evidence item this status rests on.',
				},
				{ where: '/statusUpdates/1/effectiveDate', message: 'A status cannot take effect in the future.' },
			]),
		)
		expect(problems).toHaveLength(5)
		expect(await footprint()).toEqual(before)
	})

	test('a status resting only on its author’s own evidence is refused while the four-eyes rule applies', async () => {
		const item = evidenceFor('targeted-social-aid', {
			submittedBy: 'importer@example.org',
			review: { state: 'APPROVED', by: 'reviewer@example.org' },
		})
		const result = await run({
			format: 'uade',
			version: 1,
			evidence: [item],
			statusUpdates: [
				{
					platform,
					pledge: 'targeted-social-aid',
					status: 'IN_PROGRESS',
					effectiveDate: '2025-03-01',
					rationale: 'The ministry reports that the work has started.',
					evidence: [{ sourceUrl: item.sourceUrl, excerpt: item.excerpt }],
				},
			],
		})
		expect(problemsOf(result)).toEqual([
			{ where: '/statusUpdates/0/evidence', message: expect.stringContaining('four-eyes rule') },
		])
		// Another admin may record it.
		const byOther = await run(
			{
				format: 'uade',
				version: 1,
				evidence: [item],
				statusUpdates: [
					{
						platform,
						pledge: 'targeted-social-aid',
						status: 'IN_PROGRESS',
						effectiveDate: '2025-03-01',
						rationale: 'The ministry reports that the work has started.',
						evidence: [{ sourceUrl: item.sourceUrl, excerpt: item.excerpt }],
						author: 'reviewer@example.org',
					},
				],
			},
			{ actor: otherAdmin },
		)
		expect(byOther.status).toBe('applied')
	})

	test('only an admin imports', async () => {
		const result = await run({ format: 'uade', version: 1 }, { actor: checker })
		expect(problemsOf(result)).toEqual([{ where: '/', message: 'Only an admin may import.' }])
	})
})
