/**
 * `npm run data:launch-build`: writes the launch file (prisma/seed/launch/fair-kazakhstan.json) from the
 * research copy and the editorial layer (prisma/seed/launch/editorial.ts). Run it after changing either,
 * and commit the result: launch.test.ts fails while the checked-in file differs from what this writes.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
	buildLaunchFile,
	launchFilePath,
	parseResearch,
	researchPath,
	serializeLaunchFile,
} from '../prisma/seed/launch/build'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

const research = parseResearch(await readFile(path.resolve(repoRoot, researchPath), 'utf8'))
const file = buildLaunchFile(research)
await writeFile(path.resolve(repoRoot, launchFilePath), serializeLaunchFile(file))
console.log(
	`Launch file: ${file.platformSources.length} platform sources, ${file.evidence.length} evidence items and ` +
		`${file.statusUpdates.length} status entries written to ${launchFilePath}.`,
)
