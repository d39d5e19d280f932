import { randomBytes } from 'node:crypto'
import { chmod, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { ConfigurationError } from '~/env.server'

/**
 * The server's database role (docs/decisions/010-database-roles.md). Migration 20261201110000_app_role makes
 * the group `uade_app` (rows: read and write; tables: nothing); the server signs in as a LOGIN member of it,
 * made here from the owner's connection.
 */
export const appGroupRole = 'uade_app'

/** The embedded database's login role for the server. */
export const embeddedAppRole = 'uade_server'

/** Where the embedded database keeps its login role's generated password: inside its data folder. */
export function appRolePasswordFile(dataDir: string): string {
	return path.join(dataDir, 'uade-app-role-password')
}

/**
 * The embedded database's app URL: `ownerUrl` signed in as `uade_server` with the password kept in the data
 * folder (generated on first use, readable by this user only).
 */
export async function embeddedAppUrl(ownerUrl: string, dataDir: string): Promise<string> {
	const file = appRolePasswordFile(dataDir)
	let password: string
	try {
		password = (await readFile(file, 'utf8')).trim()
	} catch {
		password = ''
	}
	if (!password) {
		password = randomBytes(24).toString('base64url')
		await writeFile(file, `${password}\n`, { mode: 0o600 })
		await chmod(file, 0o600)
	}
	const url = new URL(ownerUrl)
	url.username = embeddedAppRole
	url.password = password
	return url.toString()
}

type RoleFacts = { superuser: boolean; ownsTables: boolean; canTruncate: boolean; member: boolean }

// Invalid password, or no such role (PostgreSQL answers both before a session exists).
const signInRefused = new Set(['28P01', '28000'])

/**
 * Makes `appUrl` work for the server: when its role cannot sign in yet (missing, or another password), it is
 * created or updated as a LOGIN member of `uade_app` with that password, from `ownerUrl`. Then refuses a role
 * that could alter the tables after all (a superuser, an owner, one that may TRUNCATE), since the server would
 * then not be held by the append-only triggers.
 */
export async function ensureAppRole(ownerUrl: string, appUrl: string): Promise<void> {
	const app = new URL(appUrl)
	const role = decodeURIComponent(app.username)
	const password = decodeURIComponent(app.password)
	if (!role) throw new ConfigurationError('UADE_APP_DATABASE_URL names no user.')
	let facts = await appRoleFacts(appUrl)
	if (!facts || !facts.member) {
		if (!password) throw new ConfigurationError(`UADE_APP_DATABASE_URL has no password for ${role}.`)
		await createOrUpdateLoginRole(ownerUrl, role, password)
		facts = await appRoleFacts(appUrl)
	}
	if (!facts) throw new ConfigurationError(`The app's role ${role} still cannot sign in after being set up.`)
	const power = facts.superuser
		? 'is a superuser'
		: facts.ownsTables
			? 'owns tables (or is a member of their owner)'
			: facts.canTruncate
				? 'may TRUNCATE tables'
				: undefined
	if (power) {
		throw new ConfigurationError(
			`The app's database role ${role} ${power}, so it could disable the append-only triggers: give the ` +
				`server a role of its own, a member of ${appGroupRole} (docs/decisions/010-database-roles.md).`,
		)
	}
}

async function appRoleFacts(appUrl: string): Promise<RoleFacts | null> {
	const client = new pg.Client({ connectionString: appUrl })
	try {
		await client.connect()
	} catch (error) {
		if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
			if (signInRefused.has(error.code)) return null
		}
		throw error
	}
	try {
		const { rows } = await client.query<RoleFacts>(
			`SELECT r.rolsuper AS superuser,
				EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = current_schema() AND pg_has_role(current_user, c.relowner, 'USAGE')) AS "ownsTables",
				EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = current_schema() AND c.relkind = 'r'
						AND has_table_privilege(current_user, c.oid, 'TRUNCATE')) AS "canTruncate",
				pg_has_role(current_user, $1, 'MEMBER') AS member
			FROM pg_roles r WHERE r.rolname = current_user`,
			[appGroupRole],
		)
		const [facts] = rows
		if (!facts) throw new Error('pg_roles has no row for the current user')
		return facts
	} finally {
		await client.end()
	}
}

async function createOrUpdateLoginRole(ownerUrl: string, role: string, password: string): Promise<void> {
	const client = new pg.Client({ connectionString: ownerUrl })
	await client.connect()
	try {
		const name = pg.escapeIdentifier(role)
		// CREATE/ALTER ROLE take no bind parameters; escapeLiteral quotes the password for the statement.
		const literal = client.escapeLiteral(password)
		const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])
		try {
			if (rowCount === 0) await client.query(`CREATE ROLE ${name} WITH LOGIN PASSWORD ${literal}`)
			else await client.query(`ALTER ROLE ${name} WITH LOGIN PASSWORD ${literal}`)
			await client.query(`GRANT ${pg.escapeIdentifier(appGroupRole)} TO ${name}`)
		} catch (error) {
			const code = error instanceof Error && 'code' in error ? error.code : undefined
			if (code === '42501') {
				throw new ConfigurationError(
					`The database owner may not create or change the role ${role}: create it yourself ` +
						`(CREATE ROLE ${name} LOGIN PASSWORD '…' IN ROLE ${appGroupRole}) with the password in ` +
						'UADE_APP_DATABASE_URL (docs/decisions/010-database-roles.md).',
				)
			}
			throw error
		}
	} finally {
		await client.end()
	}
}
