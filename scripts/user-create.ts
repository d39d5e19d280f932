/**
 * `npm run user:create -- --email EMAIL --name NAME --role admin|fact-checker`: creates an account, for
 * example the first admin. The password comes from standard input when that is not a terminal
 * (`printf '%s\n' "$PASSWORD" | npm run user:create -- ...`), otherwise it is asked for twice, unechoed.
 * A weak password (under 12 characters, or the email itself) is refused and nothing is created.
 *
 * The database is the app's: DATABASE_URL's, or the embedded one (the running `npm start`'s if there is
 * one on UADE_DB_PORT with its data in UADE_DATA_DIR, otherwise started for the occasion and migrated). A
 * data folder that another server holds, or a port that another program holds, is refused in one line
 * saying what to do instead.
 */
import { parseArgs } from 'node:util'
import { openDatabaseBesideRunningServer } from '~/db/tooling/database.server'
import { migrate } from '~/db/tooling/migrate.server'
import { getPrisma } from '~/db/prisma.server'
import { passwordProblem } from '~/forms/password'
import { problemMessages } from '~/forms/problems'
import { accountFields, userProblems } from '~/forms/user'
import { roleLabels } from '~/components/labels'
import { createAccount } from '~/models/user.server'
import { startScript } from './lib/start-script'

const usage = 'Usage: npm run user:create -- --email EMAIL --name NAME --role admin|fact-checker'
const roles = { admin: 'ADMIN', 'fact-checker': 'FACT_CHECKER' } as const

function refuse(message: string): never {
	console.error(`${message}\nNothing was created.`)
	process.exit(1)
}

function parseOptions() {
	try {
		return parseArgs({
			options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
			strict: true,
			allowPositionals: false,
		}).values
	} catch (error) {
		refuse(`${error instanceof Error ? error.message : String(error)}\n${usage}`)
	}
}

const config = startScript()
const options = parseOptions()
const email = accountFields.email.safeParse(options.email ?? '')
if (!email.success) refuse(`--email: ${email.error.issues[0]?.message ?? 'not an email address'}\n${usage}`)
const name = accountFields.displayName.safeParse(options.name ?? '')
if (!name.success) refuse(`--name: ${name.error.issues[0]?.message ?? 'not a name'}\n${usage}`)
const roleOption = options.role ?? ''
const role = roleOption === 'admin' || roleOption === 'fact-checker' ? roles[roleOption] : undefined
if (!role)
	refuse(`--role must be admin or fact-checker${roleOption ? `, not "${roleOption}"` : ''}.\n${usage}`)

const password = process.stdin.isTTY ? await askForPassword() : await readFirstLineOfStandardInput()
const problem = passwordProblem(password, email.data)
if (problem) refuse(`The password is refused: ${problem}`)

const database = await openDatabaseBesideRunningServer(config)
try {
	await migrate(database.url)
	// getPrisma() reads it on first use.
	process.env.DATABASE_URL = database.url
	try {
		const result = await createAccount(
			{ email: email.data, displayName: name.data, role, password, mustChangePassword: false },
			'command line',
		)
		if (result.status === 'invalid' && result.problems.email === 'taken') {
			process.exitCode = 1
			console.error(`An account with the email ${email.data} already exists.\nNothing was created.`)
		} else if (result.status === 'invalid') {
			process.exitCode = 1
			const messages = Object.values(problemMessages(result.problems, userProblems)).flat()
			console.error(`${messages.join(' ')}\nNothing was created.`)
		} else {
			console.log(
				`Created the ${roleLabels[role].toLowerCase()} account of ${result.record.displayName} <${result.record.email}>. ` +
					'Sign in at /sign-in.',
			)
		}
	} finally {
		await getPrisma().$disconnect()
	}
} finally {
	await database.stop()
}

async function readFirstLineOfStandardInput(): Promise<string> {
	let text = ''
	for await (const chunk of process.stdin) text += String(chunk)
	return text.split(/\r?\n/)[0] ?? ''
}

async function askForPassword(): Promise<string> {
	const first = await askHidden(`Password for ${email.data} (at least 12 characters): `)
	const second = await askHidden('The same password again: ')
	if (first !== second) refuse('The two passwords are not the same.')
	return first
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
	const stdin = process.stdin
	process.stdout.write(question)
	stdin.setRawMode(true)
	stdin.setEncoding('utf8')
	stdin.resume()
	return new Promise((resolve) => {
		let typed: string[] = []
		const finish = (outcome: () => void) => {
			stdin.off('data', onData)
			stdin.setRawMode(false)
			stdin.pause()
			process.stdout.write('\n')
			outcome()
		}
		const onData = (chunk: string) => {
			for (const character of chunk) {
				if (character === '\r' || character === '\n' || character === '\u0004') {
					return finish(() => resolve(typed.join('')))
				}
				if (character === '\u0003') return finish(() => refuse('Cancelled.'))
				if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1)
				else typed.push(character)
			}
		}
		stdin.on('data', onData)
	})
}
