import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { env } from '~/env.server'
import { fingerprintFile, sourceFingerprint } from './build-fingerprint'

/** Runs the production build (`remix vite:build`) and records what it was built from. */
export async function build(): Promise<void> {
	const fingerprint = await sourceFingerprint()
	const remixCli = createRequire(import.meta.url).resolve('@remix-run/dev/dist/cli.js')
	const result = spawnSync(process.execPath, [remixCli, 'vite:build'], { stdio: 'inherit' })
	if (result.status !== 0) throw new Error(`The build failed (exit code ${result.status})`)
	writeFileSync(fingerprintFile(), fingerprint)
}

/** Builds only when there is no build or the sources changed since it was made. */
export async function buildIfStale(log: (line: string) => void): Promise<void> {
	const recorded = fingerprintFile()
	const built = existsSync(recorded) ? readFileSync(recorded, 'utf8') : null
	const serverBuild = path.join(env().UADE_BUILD_DIR, 'server', 'index.js')
	if (built && built === (await sourceFingerprint()) && existsSync(serverBuild)) return
	log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…')
	await build()
}
