/**
 * `npm run db:demo`: loads a clearly fictional demo dataset (evidence, status updates with a correction,
 * indicator baselines and measurements, a milestone step) into a database of its own, so that the charts
 * have something to show. Every public page then carries a "demo data" banner. Never loaded by default.
 *
 *   npm run db:demo                         an embedded PostgreSQL in .data/demo-postgres (UADE_DEMO_DATA_DIR)
 *   npm run db:demo -- --database-url URL   that database, explicitly (DATABASE_URL is never used)
 *
 * Then serve it: `UADE_DATA_DIR=.data/demo-postgres npm start` (or DATABASE_URL=URL npm start).
 * It refuses a database that holds evidence or status updates that are not demo data.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startEmbeddedPostgres } from '~/db/tooling/embedded-postgres.server'
import { migrate } from '~/db/tooling/migrate.server'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { loadDemoData } from './lib/demo-data'
import { redact } from './lib/prepare-database'
import { startScript } from './lib/start-script'

const config = startScript()
const { values } = parseArgs({ options: { 'database-url': { type: 'string' } } })
const demoDataDir = config.UADE_DEMO_DATA_DIR

const embedded = values['database-url']
	? undefined
	: await startEmbeddedPostgres({
			dataDir: demoDataDir,
			port: config.UADE_DEMO_DB_PORT,
			database: 'uade',
			persistent: true,
			portVariable: 'UADE_DEMO_DB_PORT',
		})
const url = values['database-url'] ?? embedded?.url ?? ''
const prisma = createPrismaClient(url)

try {
	await migrate(url)
	await seed(prisma)
	const [demoPlatforms, evidenceCount, ledgerCount] = await Promise.all([
		prisma.platform.count({ where: { hasDemoData: true } }),
		prisma.evidence.count(),
		prisma.statusUpdate.count(),
	])
	if (demoPlatforms > 0) {
		console.log(`The demo data is already loaded in ${redact(url)}.`)
	} else if (evidenceCount > 0 || ledgerCount > 0) {
		console.error(
			`Refused: ${redact(url)} holds ${evidenceCount} evidence items and ${ledgerCount} status updates that are not demo data.`,
		)
		process.exitCode = 1
	} else {
		await loadDemoData(prisma)
		console.log(`Loaded the fictional demo data into ${redact(url)}.`)
		console.log(
			embedded
				? `Serve it with: UADE_DATA_DIR=${path.relative(process.cwd(), demoDataDir)} npm start`
				: 'Serve it with: DATABASE_URL=<that url> npm start',
		)
	}
} catch (error) {
	console.error(error)
	process.exitCode = 1
} finally {
	await prisma.$disconnect()
	await embedded?.stop()
}
