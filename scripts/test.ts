/**
 * `npm test`: every check, in order, stopping at the first failure: lint, types, unit and integration
 * tests (Vitest, real PostgreSQL), browser tests (Playwright, production build). Ends with one line
 * counting the tests that passed and failed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const vitestReport = 'test-results/vitest.json'
const e2eReport = 'test-results/e2e.json'
rmSync(vitestReport, { force: true })
rmSync(e2eReport, { force: true })

const steps: Array<{ name: string; command: string[] }> = [
	{ name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
	{ name: 'types', command: ['npm', 'run', '--silent', 'typecheck'] },
	{
		name: 'unit and integration',
		command: [
			'npx',
			'vitest',
			'run',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${vitestReport}`,
		],
	},
	{ name: 'browser', command: ['npx', 'tsx', 'scripts/test-e2e.ts'] },
]

let failedStep: string | undefined
for (const step of steps) {
	const startedAt = performance.now()
	console.log(`\n▶ ${step.name}`)
	const [command, ...args] = step.command
	const result = spawnSync(command!, args, { stdio: 'inherit' })
	const seconds = ((performance.now() - startedAt) / 1000).toFixed(1)
	if (result.status !== 0) {
		console.log(`✘ ${step.name} failed after ${seconds} s`)
		failedStep = step.name
		break
	}
	console.log(`✔ ${step.name} passed in ${seconds} s`)
}

const counts = { passed: 0, failed: 0, skipped: 0 }
if (existsSync(vitestReport)) {
	const report = JSON.parse(readFileSync(vitestReport, 'utf8'))
	counts.passed += report.numPassedTests ?? 0
	counts.failed += report.numFailedTests ?? 0
	counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
}
if (existsSync(e2eReport)) {
	const stats = JSON.parse(readFileSync(e2eReport, 'utf8')).stats ?? {}
	counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0)
	counts.failed += stats.unexpected ?? 0
	counts.skipped += stats.skipped ?? 0
}
if (failedStep && counts.failed === 0) counts.failed = 1
console.log(failedStep ? `\nnpm test failed at: ${failedStep}` : '\nEvery check passed.')
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
process.exit(failedStep ? 1 : 0)
