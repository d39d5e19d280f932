import type pg from 'pg'

/**
 * Generated benchmark data, written with `generate_series` in a few INSERT … SELECT statements (a few
 * seconds for 200,000 evidence items). Every row says what it is: ids start with `bench`, politicians and
 * platforms are named "Benchmark …", sources point at example.invalid, and platforms are flagged as demo
 * data so that every public page shows its demo banner. It belongs in a database of its own (the
 * benchmark's, a test's), never in one with real data.
 *
 * The generated platforms' elections come after the seed's, so the last one is the home page's platform.
 *
 * Shape per pledge: evidence items (80 % approved, 15 % pending, 5 % rejected), a ledger of status updates
 * one month apart (every 10th one a correction of the entry before it), each resting on one approved
 * evidence item; a third of the pledges are quantitative with an indicator and monthly measurements, a
 * third are milestones with steps.
 */

export type BenchmarkSize = {
	platforms: number
	pledgesPerPlatform: number
	evidencePerPledge: number
	ledgerEntriesPerPledge: number
	measurementsPerIndicator: number
}

/** The "large" dataset: 20 platforms, 2,000 pledges, 200,000 evidence items, 50,000 ledger entries. */
export const largeBenchmark: BenchmarkSize = {
	platforms: 20,
	pledgesPerPlatform: 100,
	evidencePerPledge: 100,
	ledgerEntriesPerPledge: 25,
	measurementsPerIndicator: 24,
}

const statuses = ['IN_PROGRESS', 'STALLED', 'PARTIAL', 'KEPT', 'BROKEN']

/**
 * Adds `size.platforms` new platforms with their pledges and history; with `growPlatformIds`, also adds
 * `size.pledgesPerPlatform` pledges to each of those existing platforms and gives every pledge of theirs
 * (old and new) the same history. `tag` keeps the ids of several runs apart.
 */
export async function generateBenchmarkData(
	client: pg.Client,
	size: BenchmarkSize,
	{ tag = 'bench', growPlatformIds = [] }: { tag?: string; growPlatformIds?: string[] } = {},
): Promise<void> {
	await client.query('BEGIN')
	try {
		// Without triggers while generating: the data is consistent by construction, and the public data
		// version's per-row triggers would cost more than the inserts. The version moves once, below.
		const replica = await client
			.query(`SET LOCAL session_replication_role = replica`)
			.then(() => true)
			.catch(() => false)
		if (!replica) {
			await client.query('ROLLBACK')
			await client.query('BEGIN')
		}
		await insertUsers(client, tag)
		const newPlatformIds = await insertPlatforms(client, tag, size.platforms)
		const platformIds = [...growPlatformIds, ...newPlatformIds]
		await insertPledges(client, tag, platformIds, size.pledgesPerPlatform)
		await insertHistory(client, tag, platformIds, size)
		if (replica) await bumpPublicDataVersion(client)
		await client.query('COMMIT')
	} catch (error) {
		await client.query('ROLLBACK')
		throw error
	}
	await client.query('ANALYZE')
}

async function bumpPublicDataVersion(client: pg.Client) {
	const table = await client.query(`SELECT to_regclass('"PublicDataVersion"') IS NOT NULL AS exists`)
	if (!table.rows[0]?.exists) return
	await client.query(
		`INSERT INTO "PublicDataVersion" (id, version, "changedAt") VALUES (1, 1, clock_timestamp())
		 ON CONFLICT (id) DO UPDATE SET version = "PublicDataVersion".version + 1, "changedAt" = clock_timestamp()`,
	)
}

async function insertUsers(client: pg.Client, tag: string) {
	await client.query(
		`INSERT INTO "User" (id, email, "displayName", role, "updatedAt")
		 SELECT $1 || '-user-' || n, $1 || '-user-' || n || '@example.invalid', 'Benchmark user ' || n,
		        (CASE WHEN n <= 2 THEN 'ADMIN' ELSE 'FACT_CHECKER' END)::"Role", now()
		 FROM generate_series(1, 10) AS n
		 ON CONFLICT DO NOTHING`,
		[tag],
	)
}

async function insertPlatforms(client: pg.Client, tag: string, count: number): Promise<string[]> {
	if (count === 0) return []
	await client.query(
		`INSERT INTO "Politician" (id, slug, name, office, "updatedAt")
		 SELECT $1 || '-politician-' || n, $1 || '-politician-' || n, 'Benchmark politician ' || n,
		        'Generated office (benchmark data)', now()
		 FROM generate_series(1, $2::int) AS n`,
		[tag, count],
	)
	const { rows } = await client.query<{ id: string }>(
		`INSERT INTO "Platform" (id, slug, "politicianId", title, summary, "electionDate", "termStart", "termEnd",
		                         "sourceUrl", "sourceTitle", "sourcePublisher", "hasDemoData", "publishedAt", "updatedAt")
		 SELECT $1 || '-platform-' || n, $1 || '-platform-' || n, $1 || '-politician-' || n,
		        'Benchmark platform ' || n, 'Generated benchmark data: not a real platform.',
		        date '2023-01-01' + n, date '2023-01-10' + n, date '2030-01-10' + n,
		        'https://example.invalid/benchmark/' || n, 'Benchmark source ' || n, 'Benchmark publisher', true, now(), now()
		 FROM generate_series(1, $2::int) AS n
		 RETURNING id`,
		[tag, count],
	)
	const platformIds = rows.map((row) => row.id)
	// Three principles with three topics each, translated.
	await client.query(
		`INSERT INTO "Category" (id, "platformId", "parentId", slug, title, position, "updatedAt")
		 SELECT p.id || '-principle-' || c, p.id, NULL, 'principle-' || c, 'Benchmark principle ' || c, c, now()
		 FROM unnest($1::text[]) AS p(id), generate_series(1, 3) AS c`,
		[platformIds],
	)
	await client.query(
		`INSERT INTO "Category" (id, "platformId", "parentId", slug, title, position, "updatedAt")
		 SELECT p.id || '-topic-' || c || '-' || t, p.id, p.id || '-principle-' || c, 'topic-' || c || '-' || t,
		        'Benchmark topic ' || c || '.' || t, t, now()
		 FROM unnest($1::text[]) AS p(id), generate_series(1, 3) AS c, generate_series(1, 3) AS t`,
		[platformIds],
	)
	await client.query(
		`INSERT INTO "CategoryTranslation" ("categoryId", locale, title, "updatedAt")
		 SELECT c.id, l.locale::"Locale", CASE l.locale WHEN 'RU' THEN 'Тестовая категория ' ELSE 'Сынақ санаты ' END || c.position, now()
		 FROM "Category" c, (VALUES ('RU'), ('KK')) AS l(locale)
		 WHERE c."platformId" = ANY ($1::text[])`,
		[platformIds],
	)
	return platformIds
}

// Words to make titles searchable and different from each other.
const topics = [
	['water', 'вода', 'су'],
	['schools', 'школы', 'мектептер'],
	['energy', 'энергия', 'энергия'],
	['jobs', 'рабочие места', 'жұмыс орындары'],
	['roads', 'дороги', 'жолдар'],
	['hospitals', 'больницы', 'ауруханалар'],
	['courts', 'суды', 'соттар'],
	['housing', 'жильё', 'тұрғын үй'],
]

async function insertPledges(client: pg.Client, tag: string, platformIds: string[], perPlatform: number) {
	if (perPlatform === 0 || platformIds.length === 0) return
	// Into the topics when the platform has them (generated ones do), else into its principles (the seed's).
	await client.query(
		`WITH leaf AS (
			SELECT c.id, c."platformId", row_number() OVER (PARTITION BY c."platformId" ORDER BY c.id) - 1 AS i,
			       count(*) OVER (PARTITION BY c."platformId") AS leaves
			FROM "Category" c
			WHERE c."platformId" = ANY ($2::text[]) AND NOT EXISTS (SELECT 1 FROM "Category" k WHERE k."parentId" = c.id)
		), topic AS (SELECT * FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS t(words, i))
		INSERT INTO "Pledge" (id, "platformId", "categoryId", slug, title, summary, quote, "sourceUrl", "sourceDate",
		                      kind, deadline, position, "updatedAt")
		SELECT $1 || '-pledge-' || pl.id || '-' || n, pl.id, leaf.id, $1 || '-pledge-' || n,
		       'Benchmark pledge ' || n || ': more ' || (topic.words->>0),
		       'Generated benchmark pledge number ' || n || ' about ' || (topic.words->>0) || '.',
		       'We will deliver ' || (topic.words->>0) || ' (benchmark quote ' || n || ').',
		       'https://example.invalid/benchmark/pledge/' || n, date '2022-10-26',
		       (ARRAY['QUANTITATIVE', 'MILESTONE', 'QUALITATIVE'])[1 + n % 3]::"PledgeKind",
		       date '2027-01-01' + (n * 7) % 1400, 1000 + n, now() - (n || ' minutes')::interval
		FROM unnest($2::text[]) AS pl(id), generate_series(1, $3::int) AS n, leaf, topic
		WHERE leaf."platformId" = pl.id AND leaf.i = n % leaf.leaves AND topic.i = 1 + n % jsonb_array_length($4::jsonb)`,
		[tag, platformIds, perPlatform, JSON.stringify(topics)],
	)
	// Russian for two pledges in three, Kazakh for one in two: the rest fall back to English.
	await client.query(
		`WITH topic AS (SELECT * FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(words, i))
		INSERT INTO "PledgeTranslation" ("pledgeId", locale, title, summary, "updatedAt")
		SELECT p.id, l.locale::"Locale",
		       CASE l.locale WHEN 'RU' THEN 'Тестовое обещание ' || p.position || ': ' || (topic.words->>1)
		                     ELSE 'Сынақ уәдесі ' || p.position || ': ' || (topic.words->>2) END,
		       CASE l.locale WHEN 'RU' THEN 'Сгенерированное обещание для нагрузочного теста.'
		                     ELSE 'Жүктеме сынағына арналған уәде.' END,
		       now()
		FROM "Pledge" p, (VALUES ('RU', 3), ('KK', 2)) AS l(locale, every), topic
		WHERE p.id LIKE $1 || '-pledge-%' AND p."platformId" = ANY ($2::text[])
		  AND (l.locale = 'RU' AND p.position % 3 <> 0 OR l.locale = 'KK' AND p.position % 2 = 0)
		  AND topic.i = 1 + (p.position - 1000) % jsonb_array_length($3::jsonb)`,
		[tag, platformIds, JSON.stringify(topics)],
	)
}

async function insertHistory(client: pg.Client, tag: string, platformIds: string[], size: BenchmarkSize) {
	const pledges = `SELECT p.id, p.kind, p.deadline, row_number() OVER (ORDER BY p.id) AS k FROM "Pledge" p
	                 WHERE p."platformId" = ANY ($2::text[])`
	const params = [tag, platformIds]
	// Evidence: one in five pending or rejected; approved ones were reviewed by an admin.
	await client.query(
		`INSERT INTO "Evidence" (id, "pledgeId", type, "sourceUrl", title, publisher, "publishedOn", excerpt,
		                         "submittedById", "reviewState", "reviewedById", "reviewedAt", "updatedAt", "createdAt")
		 SELECT $1 || '-evidence-' || p.k || '-' || e, p.id,
		        (ARRAY['LAW_OR_DECREE', 'BUDGET', 'OFFICIAL_STATISTIC', 'OFFICIAL_STATEMENT', 'MEDIA_REPORT', 'OTHER'])[1 + e % 6]::"EvidenceType",
		        'https://example.invalid/benchmark/evidence/' || p.k || '/' || e, 'Benchmark evidence ' || e,
		        'Benchmark publisher ' || (e % 7), date '2023-01-01' + e * 3,
		        'Generated excerpt for benchmark evidence ' || e || ' of pledge ' || p.k || '.',
		        $1 || '-user-' || (3 + e % 8),
		        (CASE WHEN e % 20 = 0 THEN 'REJECTED' WHEN e % 20 < 4 THEN 'PENDING' ELSE 'APPROVED' END)::"ReviewState",
		        CASE WHEN e % 20 >= 4 THEN $1 || '-user-1' END,
		        CASE WHEN e % 20 >= 4 THEN timestamp '2023-01-02' + (e * 3 || ' days')::interval END,
		        timestamp '2023-01-02' + (e * 3 || ' days')::interval, timestamp '2023-01-01' + (e * 3 || ' days')::interval
		 FROM (${pledges}) p, generate_series(1, $3::int) AS e`,
		[...params, size.evidencePerPledge],
	)
	// The ledger: entry s moves the pledge from the status of entry s-1; every 10th corrects its predecessor.
	await client.query(
		`INSERT INTO "StatusUpdate" (id, "pledgeId", "fromStatus", status, "effectiveDate", rationale, "correctsId",
		                             "correctionReason", "authorId", "createdAt")
		 SELECT $1 || '-update-' || p.k || '-' || s, p.id,
		        (CASE WHEN s = 1 THEN 'NOT_RATED' ELSE ($4::text[])[1 + (s - 2) % 5] END)::"PledgeStatus",
		        ($4::text[])[1 + (s - 1) % 5]::"PledgeStatus",
		        date '2023-01-01' + (s * 30), 'Generated benchmark rationale ' || s || '.',
		        CASE WHEN s % 10 = 0 THEN $1 || '-update-' || p.k || '-' || (s - 1) END,
		        CASE WHEN s % 10 = 0 THEN 'Generated benchmark correction reason ' || s || '.' END,
		        $1 || '-user-' || (1 + s % 2), timestamp '2023-01-01' + (s * 30 || ' days')::interval
		 FROM (${pledges}) p, generate_series(1, $3::int) AS s`,
		[...params, size.ledgerEntriesPerPledge, statuses],
	)
	// Each entry rests on an approved evidence item of its pledge (e % 20 >= 4 is approved).
	await client.query(
		`INSERT INTO "StatusUpdateEvidence" ("statusUpdateId", "evidenceId")
		 SELECT $1 || '-update-' || p.k || '-' || s, $1 || '-evidence-' || p.k || '-' || (20 * ((s - 1) / 16) + 4 + (s - 1) % 16)
		 FROM (${pledges}) p, generate_series(1, $3::int) AS s
		 WHERE 20 * ((s - 1) / 16) + 4 + (s - 1) % 16 <= $4::int`,
		[...params, size.ledgerEntriesPerPledge, size.evidencePerPledge],
	)
	if (size.ledgerEntriesPerPledge > 0) {
		await client.query(
			`UPDATE "Pledge" p SET status = ($4::text[])[1 + ($3::int - 1) % 5]::"PledgeStatus",
			        "statusUpdatedAt" = timestamp '2023-01-01' + ($3::int * 30 || ' days')::interval
			 FROM (${pledges}) g WHERE g.id = p.id AND $1::text <> ''`,
			[...params, size.ledgerEntriesPerPledge, statuses],
		)
	}
	// Quantitative pledges: an indicator and monthly measurements, each from its own approved evidence.
	await client.query(
		`INSERT INTO "Indicator" (id, "pledgeId", name, unit, "baselineValue", "baselineDate", "targetValue", "targetDate",
		                          direction, "updatedAt")
		 SELECT $1 || '-indicator-' || p.k, p.id, 'Benchmark indicator ' || p.k, 'units', 1000, date '2023-01-01',
		        2000 + p.k % 1000, p.deadline, 'INCREASE', now()
		 FROM (${pledges}) p
		 WHERE p.kind = 'QUANTITATIVE' AND NOT EXISTS (SELECT 1 FROM "Indicator" i WHERE i."pledgeId" = p.id)`,
		params,
	)
	await client.query(
		`INSERT INTO "Measurement" (id, "indicatorId", value, "asOf", "evidenceId", "createdById")
		 SELECT $1 || '-measurement-' || p.k || '-' || m, i.id, 1000 + m * 20 + p.k % 50, date '2023-01-15' + m * 30,
		        $1 || '-evidence-' || p.k || '-' || (20 * ((m - 1) / 16) + 4 + (m - 1) % 16), $1 || '-user-1'
		 FROM (${pledges}) p JOIN "Indicator" i ON i."pledgeId" = p.id, generate_series(1, $3::int) AS m
		 WHERE p.kind = 'QUANTITATIVE' AND 20 * ((m - 1) / 16) + 4 + (m - 1) % 16 <= $4::int`,
		[...params, size.measurementsPerIndicator, size.evidencePerPledge],
	)
	await client.query(
		`INSERT INTO "MilestoneStep" (id, "pledgeId", position, title, "doneOn", "updatedAt")
		 SELECT $1 || '-step-' || p.k || '-' || n, p.id, 100 + n, 'Benchmark step ' || n,
		        CASE WHEN n <= 2 THEN date '2024-01-01' + n * 90 END, now()
		 FROM (${pledges}) p, generate_series(1, 4) AS n
		 WHERE p.kind = 'MILESTONE'`,
		params,
	)
}
