import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { migrate, MigrationError } from './migrate.server'

// Issue 9's migrations on an installation that already holds data. 20261201120000_integrity_rules meets
// what it forbids (ADR 012): it names the rows to fix and changes nothing, and once they are fixed it
// carries old corrections over; the migrations after it carry the platform, evidence and pledge over too.

const before = '20261201110000_app_role'

const databases: TestDatabase[] = []
afterEach(async () => {
	await Promise.all(databases.splice(0).map((database) => database.drop()))
})

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return await work(client)
	} finally {
		await client.end()
	}
}

/** A database at the schema before the rules, holding a pledge whose deadline is before it was made. */
async function databaseBeforeTheRules() {
	const database = await createTestDatabase({ migrate: false })
	databases.push(database)
	await migrate(database.url, { until: before })
	await withClient(database.url, async (client) => {
		await client.query(`
			INSERT INTO "Politician" (id, slug, name, office, "updatedAt") VALUES ('pol', 'someone', 'Someone', 'President', now());
			INSERT INTO "Platform" (id, slug, "politicianId", title, "electionDate", "termStart", "termEnd", "sourceUrl",
				"sourceTitle", "sourcePublisher", "updatedAt")
				VALUES ('plat', 'old-platform', 'pol', 'Old platform', '2022-11-20', '2022-11-26', '2029-11-26',
				'https://example.org/p', 'Platform', 'Example', now());
			INSERT INTO "Category" (id, "platformId", slug, title, "updatedAt") VALUES ('cat', 'plat', 'all', 'All', now());
			INSERT INTO "Pledge" (id, "platformId", "categoryId", slug, title, summary, quote, "sourceUrl", "sourceDate",
				kind, deadline, "updatedAt")
				VALUES ('pl', 'plat', 'cat', 'overdue-before-made', 'A pledge', 'Summary', 'Quote', 'https://example.org/q',
				'2022-10-26', 'QUALITATIVE', '2020-01-01', now());
			INSERT INTO "User" (id, email, "displayName", role, "updatedAt") VALUES ('u', 'a@example.org', 'A', 'ADMIN', now());
			INSERT INTO "Evidence" (id, "pledgeId", type, "sourceUrl", title, publisher, "publishedOn", excerpt,
				"submittedById", "reviewState", "reviewedById", "reviewedAt", "updatedAt")
				VALUES ('e', 'pl', 'OFFICIAL_STATEMENT', 'https://example.org/e', 'A statement', 'Example', '2023-03-30',
				'The programme was adopted.', 'u', 'APPROVED', 'u', '2023-04-02T10:00:00Z', now());
			INSERT INTO "StatusUpdate" (id, "pledgeId", "fromStatus", status, "effectiveDate", rationale, "authorId")
				VALUES ('s1', 'pl', 'NOT_RATED', 'IN_PROGRESS', '2023-04-01', 'The programme was adopted in April.', 'u');
			INSERT INTO "StatusUpdate" (id, "pledgeId", "fromStatus", status, "effectiveDate", rationale, "correctsId", "authorId")
				VALUES ('s2', 'pl', 'IN_PROGRESS', 'IN_PROGRESS', '2024-04-01', 'The programme was adopted in 2024, not 2023.', 's1', 'u');
		`)
	})
	return database
}

describe('the integrity rules’ migration on an installation with old data', () => {
	test('stops, naming the pledge to fix, and changes nothing', async () => {
		const database = await databaseBeforeTheRules()
		const failure = await migrate(database.url).catch((error: unknown) => error)
		expect(failure).toBeInstanceOf(MigrationError)
		expect(failure).toMatchObject({ migrationName: '20261201120000_integrity_rules' })
		expect(String(failure)).toContain('pledge overdue-before-made (made 2022-10-26, deadline 2020-01-01)')
		const columns = await withClient(database.url, async (client) =>
			client.query(
				`SELECT 1 FROM information_schema.columns WHERE table_name = 'StatusUpdate' AND column_name = 'correctionReason'`,
			),
		)
		expect(columns.rows).toEqual([])
	})

	test('once the row is fixed it applies; an old correction’s one text becomes its reason; the ledger stays append-only', async () => {
		const database = await databaseBeforeTheRules()
		await withClient(database.url, (client) =>
			client.query(`UPDATE "Pledge" SET deadline = '2029-11-26' WHERE id = 'pl'`),
		)
		await migrate(database.url)
		await withClient(database.url, async (client) => {
			const { rows } = await client.query<{ id: string; correctionReason: string | null }>(
				`SELECT id, "correctionReason" FROM "StatusUpdate" ORDER BY id`,
			)
			expect(rows).toEqual([
				{ id: 's1', correctionReason: null },
				{ id: 's2', correctionReason: 'The programme was adopted in 2024, not 2023.' },
			])
			await expect(client.query(`UPDATE "StatusUpdate" SET rationale = 'x' WHERE id = 's1'`)).rejects.toThrow(
				/append-only/,
			)
			await expect(
				client.query(`UPDATE "Pledge" SET deadline = '2020-01-01' WHERE id = 'pl'`),
			).rejects.toThrow(/Pledge_deadline_not_before_source/)
			// The platform stays public, the evidence's date is a full date, the pledge's activity is its ledger.
			const platform = await client.query(`SELECT "publishedAt" IS NOT NULL AS published FROM "Platform"`)
			expect(platform.rows).toEqual([{ published: true }])
			const evidence = await client.query(`SELECT "publishedPrecision" FROM "Evidence"`)
			expect(evidence.rows).toEqual([{ publishedPrecision: 'DAY' }])
			const pledge = await client.query(`SELECT "activityAt" IS NOT NULL AS active FROM "Pledge"`)
			expect(pledge.rows).toEqual([{ active: true }])
		})
	})
})
