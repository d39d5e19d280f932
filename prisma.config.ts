import { defineConfig } from 'prisma/config'

// Prisma's CLI reads this file. Only `prisma generate` runs here (see docs/decisions/002); where the
// schema engine can be downloaded, `prisma migrate status` and `deploy` use the same migrations folder.
export default defineConfig({
	schema: 'prisma/schema.prisma',
	migrations: {
		path: 'prisma/migrations',
		seed: 'tsx scripts/db-seed.ts',
	},
	// process.env, not app/env.server.ts: `npm ci` loads this file (postinstall) before the app's sources are
	// copied in (Dockerfile), and a bad unrelated setting must not stop an install.
	datasource: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : undefined,
})
