import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { env } from '~/env.server'

/** What the production build is made from; tests and the generated client are left out on purpose. */
const inputs = [
	'app',
	'public',
	'prisma/schema.prisma',
	'vite.config.ts',
	'tsconfig.json',
	'package-lock.json',
]
const ignored = (file: string) =>
	file.endsWith('.test.ts') || file.includes(`${path.sep}.server${path.sep}prisma`)

/** Where the build records what it was made from (`sourceFingerprint`), inside UADE_BUILD_DIR. */
export function fingerprintFile(): string {
	return path.join(env().UADE_BUILD_DIR, '.source-fingerprint')
}

/** A SHA-256 over the paths and contents of every build input: equal fingerprints, equal builds. */
export async function sourceFingerprint(root = process.cwd()): Promise<string> {
	const hash = createHash('sha256')
	for (const input of inputs) {
		for (const file of await listFiles(path.join(root, input))) {
			if (ignored(file)) continue
			hash
				.update(path.relative(root, file))
				.update('\0')
				.update(await readFile(file))
				.update('\0')
		}
	}
	return hash.digest('hex')
}

async function listFiles(target: string): Promise<string[]> {
	if (!existsSync(target)) return []
	const entries = await readdir(target, { withFileTypes: true, recursive: true }).catch(() => null)
	if (!entries) return [target]
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort()
}
