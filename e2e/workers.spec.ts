import http from 'node:http'
import pg from 'pg'
import { expect, test } from './support/fixtures'
import { serverUrl, workersServer } from './support/servers'
import { uniqueSuffix } from './support/unique'

// npm start's processes each keep a page cache of their own (scripts/start.ts, scripts/lib/serve.ts), fresh
// by the database's notifications of the public data version. This server runs two of them (UADE_WORKERS=2,
// scripts/test-e2e.ts) on a database only this file uses. node:cluster hands each new connection to the next
// process in turn, so answers on connections of their own come from both.
// One test at a time writes to that database.
test.describe.configure({ mode: 'serial' })

const page = '/en/platforms/fair-kazakhstan-2022/pledges/it-jobs'

type Answer = { status: number; body: string; rendered: boolean }

/**
 * One GET on a connection of its own (no keep-alive: the next one may go to the other process). `rendered`:
 * the page was rendered for this request, not served from a process's memory (its Cache-Status, RFC 9211).
 */
function get(path: string): Promise<Answer> {
	const url = new URL(path, serverUrl(workersServer()))
	return new Promise((resolve, reject) => {
		const request = http.get(url, { agent: false, headers: { Connection: 'close' } }, (response) => {
			const chunks: Buffer[] = []
			response.on('data', (chunk: Buffer) => chunks.push(chunk))
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					body: Buffer.concat(chunks).toString('utf8'),
					rendered: response.headers['cache-status'] === 'uade; fwd=miss',
				}),
			)
			response.on('error', reject)
		})
		request.on('error', reject)
		request.setTimeout(10_000, () => request.destroy(new Error(`GET ${path} took over 10 s`)))
	})
}

async function answers(count: number): Promise<Answer[]> {
	const all: Answer[] = []
	// One after the other: each connection goes to the process after the previous one's.
	for (let index = 0; index < count; index++) all.push(await get(page))
	return all
}

/** Renames the pledge from outside either process (an editor's change, another machine's): a public change. */
async function rename(title: string) {
	const client = new pg.Client({ connectionString: workersServer().databaseUrl })
	await client.connect()
	try {
		await client.query(`UPDATE "Pledge" SET title = $1 WHERE slug = 'it-jobs'`, [title])
	} finally {
		await client.end()
	}
}

/**
 * The answers from just after a change until four in a row (both processes, twice each) show `title`; fails
 * after 5 s. Before a process hears of the change it may still answer its old copy.
 */
async function answersUntilEveryProcessShows(title: string): Promise<Answer[]> {
	const seen: Answer[] = []
	const deadline = Date.now() + 5_000
	while (Date.now() < deadline) {
		const four = await answers(4)
		seen.push(...four)
		if (four.every((answer) => answer.body.includes(title))) return seen
	}
	throw new Error(`Some process still answered without "${title}" 5 s after the change`)
}

test('a public change made anywhere reaches every process: each renders the page once, none keeps its old copy', async () => {
	test.skip(test.info().project.name !== 'desktop', 'HTTP only: one browser project is enough')
	// From a state this test knows, whatever ran before it: both processes past a change of its own.
	await rename(`At least 150,000 IT jobs (${uniqueSuffix()})`)
	await answersUntilEveryProcessShows('At least 150,000 IT jobs (')

	const title = `At least 150,000 IT jobs (${uniqueSuffix()})`
	await rename(title)
	const seen = await answersUntilEveryProcessShows(title)
	expect(seen.map((answer) => answer.status)).toEqual(seen.map(() => 200))
	// Each process renders the new page once, for the first reader after it hears of the change; it
	// answers the rest from its memory. An old copy is never rendered again.
	const rendered = seen.filter((answer) => answer.rendered)
	expect(rendered).toHaveLength(2)
	expect(rendered.every((answer) => answer.body.includes(title))).toBe(true)

	// And then only from memory: the same bytes for every reader, from both processes.
	const after = await answers(6)
	expect(after.every((answer) => answer.body.includes(title) && !answer.rendered)).toBe(true)
	expect(new Set(after.map((answer) => answer.body)).size).toBe(1)
})
