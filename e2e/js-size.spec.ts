import path from 'node:path'
import { expect, test } from './support/fixtures'
import { reportJsSize } from '../scripts/lib/js-size'

// The build these browser tests run against (scripts/start.ts builds it first): no page that shows no
// chart may make the browser download chart code. `npm run report:js` prints the sizes.
test('pages without charts load no chart code; pages with charts load it only when a chart renders', async () => {
	test.skip(test.info().project.name !== 'desktop', 'the build is the same for every browser')
	const report = await reportJsSize(path.resolve(process.env.UADE_BUILD_DIR ?? 'build', 'client'))
	expect(report.violations).toEqual([])
	for (const page of report.pages) {
		expect(page.onLoad.chartCode, `${page.name} should load its charts lazily`).toBe(false)
		if (page.hasCharts) expect(page.lazy.chartCode, `${page.name} should have its charts`).toBe(true)
	}
})
