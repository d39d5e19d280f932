import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { prepareDatabase } from './prepare-database'

let database: TestDatabase
// Roles belong to the whole server, which another run may share: a name of this run's own.
const role = `uade_server_prepare_test_${randomBytes(4).toString('hex')}`
const saved = {
	DATABASE_URL: process.env.DATABASE_URL,
	UADE_APP_DATABASE_URL: process.env.UADE_APP_DATABASE_URL,
}

function setEnv(name: keyof typeof saved, value: string | undefined) {
	if (value === undefined) delete process.env[name]
	else process.env[name] = value
}

function urlAs(user: string, password: string): string {
	const url = new URL(database.url)
	url.username = user
	url.password = password
	return url.toString()
}

async function currentUser(url: string): Promise<string> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return (await client.query<{ user: string }>('SELECT current_user AS user')).rows[0]?.user ?? ''
	} finally {
		await client.end()
	}
}

beforeAll(async () => {
	database = await createTestDatabase({ migrate: false })
})

afterEach(() => {
	setEnv('DATABASE_URL', saved.DATABASE_URL)
	setEnv('UADE_APP_DATABASE_URL', saved.UADE_APP_DATABASE_URL)
})

afterAll(async () => {
	const client = new pg.Client({ connectionString: database.url })
	await client.connect()
	await client.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`).finally(() => client.end())
	await database.drop()
})

describe('npm start with DATABASE_URL', () => {
	test('migrates and seeds as the owner, and hands the server UADE_APP_DATABASE_URL, its role made in uade_app', async () => {
		const lines: string[] = []
		setEnv('DATABASE_URL', database.url)
		setEnv('UADE_APP_DATABASE_URL', urlAs(role, 'a-generated-password'))
		const prepared = await prepareDatabase((line) => lines.push(line))
		expect(prepared.url).toBe(database.url)
		expect(prepared.appUrl).toBe(urlAs(role, 'a-generated-password'))
		expect(await currentUser(prepared.appUrl)).toBe(role)
		expect(lines).toContain(`The server connects as ${role}, which may write rows but not alter tables`)
	})

	test('without UADE_APP_DATABASE_URL the server runs as the owner, and the start says so', async () => {
		const lines: string[] = []
		setEnv('DATABASE_URL', database.url)
		setEnv('UADE_APP_DATABASE_URL', undefined)
		const prepared = await prepareDatabase((line) => lines.push(line))
		expect(prepared.appUrl).toBe(database.url)
		expect(lines.filter((line) => line.startsWith('Warning:'))).toEqual([
			"Warning: the server connects as DATABASE_URL's role, which owns the tables and so could disable the " +
				'append-only triggers. Set UADE_APP_DATABASE_URL to a role of its own (docs/decisions/010-database-roles.md).',
		])
	})

	test('refuses UADE_APP_DATABASE_URL naming the owner itself', async () => {
		setEnv('DATABASE_URL', database.url)
		setEnv('UADE_APP_DATABASE_URL', database.url)
		await expect(prepareDatabase(() => {})).rejects.toThrow(
			`The app's database role ${new URL(database.url).username} is a superuser, so it could disable the append-only triggers`,
		)
	})
})
