import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/.server/prisma/client'
import { env } from '~/env.server'

export function createPrismaClient(url: string): PrismaClient {
	return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
}

declare global {
	var uadePrisma: PrismaClient | undefined
}

/**
 * The process's one Prisma client, created on first use from DATABASE_URL (set by scripts/start.ts
 * when it starts the embedded database). Kept on globalThis so Vite's dev reloads reuse it.
 */
export function getPrisma(): PrismaClient {
	if (!globalThis.uadePrisma) {
		const url = env().DATABASE_URL
		if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start` or `npm run dev`')
		globalThis.uadePrisma = createPrismaClient(url)
	}
	return globalThis.uadePrisma
}
