/**
 * `npm run db:seed`: loads "A Fair Kazakhstan" into the app's database (migrating it first if needed).
 * Only creates what is missing and never overwrites a record that exists, so admin edits survive; a
 * second run changes nothing. Records that differ from the seed data are listed, and kept as they are.
 */
import { openDatabase } from '~/db/tooling/database.server'
import { migrate } from '~/db/tooling/migrate.server'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { startScript } from './lib/start-script'

startScript()
const database = await openDatabase()
const prisma = createPrismaClient(database.url)
try {
	await migrate(database.url)
	const result = await seed(prisma)
	console.log(
		`Seed: ${result.created} created, ${result.unchanged} unchanged, ${result.differs} differ from the seed data and were kept as they are`,
	)
	for (const { table, key, fields } of result.differences)
		console.log(`  ${table} ${key}: ${fields.join(', ')}`)
} catch (error) {
	console.error(error)
	process.exitCode = 1
} finally {
	await prisma.$disconnect()
	await database.stop()
}
