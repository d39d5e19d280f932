/**
 * Runs `prisma generate` offline. Prisma's CLI wants a native schema engine on disk even for `generate`,
 * which never runs it, and the engine's download host may be unreachable. Pointing
 * PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download; the generated client itself
 * needs no native engine (Prisma 7 with @prisma/adapter-pg).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const env = { ...process.env }
const engineVariable = 'PRISMA_SCHEMA_ENGINE_BINARY'
if (!env[engineVariable] || !existsSync(env[engineVariable])) {
	env[engineVariable] = process.execPath
}
const prismaCli = require.resolve('prisma/build/index.js')
const result = spawnSync(process.execPath, [prismaCli, 'generate'], { stdio: 'inherit', env })
process.exit(result.status ?? 1)
