import { defineConfig } from 'prisma/config'
import { env } from './app/env.server'

// Prisma's CLI reads this file. Only `prisma generate` runs here (see docs/decisions/002); where the
// schema engine can be downloaded, `prisma migrate status` and `deploy` use the same migrations folder.
export default defineConfig({
	schema: 'prisma/schema.prisma',
	migrations: {
		path: 'prisma/migrations',
		seed: 'tsx scripts/db-seed.ts',
	},
	datasource: env().DATABASE_URL ? { url: env().DATABASE_URL } : undefined,
})
