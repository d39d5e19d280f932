/**
 * `npm run report:js`: the JavaScript each public page makes a browser download, gzip, from the production
 * build (built first if it is stale; UADE_BUILD_DIR picks the folder). Exits 1 when a page that shows no
 * chart loads chart code, on load or later. See scripts/lib/js-size.ts.
 */
import path from 'node:path'
import { buildIfStale } from './lib/build'
import { formatJsSizeReport, reportJsSize } from './lib/js-size'
import { startScript } from './lib/start-script'

const { UADE_BUILD_DIR: buildDir } = startScript()
await buildIfStale((line) => console.log(line))
const report = await reportJsSize(path.join(buildDir, 'client'))
console.log(
	`JavaScript per public page, gzip level 6, from ${path.relative(process.cwd(), buildDir)}/client:\n`,
)
console.log(formatJsSizeReport(report))
if (report.violations.length > 0) {
	console.error(
		`\nChart code where no chart is shown:\n${report.violations.map((line) => `- ${line}`).join('\n')}`,
	)
	process.exitCode = 1
} else {
	console.log('\nNo page without a chart loads chart code.')
}
