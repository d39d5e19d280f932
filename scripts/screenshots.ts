/**
 * `npx tsx scripts/screenshots.ts [base URL]`: the README's screenshots (docs/screenshots/*.png) of the
 * overview and a pledge page, on a desktop and on a phone, taken with Debian's Chromium from a running
 * server that holds the demo data (`npm run db:demo`, then `UADE_DATA_DIR=.data/demo-postgres npm start`).
 * Refuses a site without the demo banner, so that no screenshot passes fictional figures off as real.
 */
import { mkdir } from 'node:fs/promises'
import { chromium } from '@playwright/test'
import { startScript } from './lib/start-script'

const { CHROMIUM_PATH } = startScript()
const base = process.argv[2] ?? 'http://localhost:3000'
const shots = [
	{ name: 'overview-desktop', path: '/en', viewport: { width: 1280, height: 900 }, fullPage: true },
	{
		name: 'pledge-desktop',
		path: '/en/platforms/fair-kazakhstan-2022/pledges/it-jobs',
		viewport: { width: 1280, height: 900 },
		fullPage: true,
	},
	{
		name: 'overview-phone-kk',
		path: '/kk',
		viewport: { width: 390, height: 844 },
		fullPage: false,
		scrollTo: '#distribution-title',
	},
	{
		name: 'pledge-phone-ru',
		path: '/ru/platforms/fair-kazakhstan-2022/pledges/it-jobs',
		viewport: { width: 390, height: 844 },
		fullPage: false,
		scrollTo: '.reading',
	},
]

await mkdir('docs/screenshots', { recursive: true })
const browser = await chromium.launch({
	executablePath: CHROMIUM_PATH,
	args: ['--no-sandbox', '--disable-gpu'],
})
try {
	for (const shot of shots) {
		const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: shot.fullPage ? 1 : 2 })
		await page.goto(`${base}${shot.path}`, { waitUntil: 'networkidle' })
		if ((await page.locator('.demo-banner').count()) === 0) {
			throw new Error(
				`${base}${shot.path} shows no demo-data banner: load the demo data first (npm run db:demo)`,
			)
		}
		// A phone shot starts at the charts; the desktop ones show the demo banner above them.
		if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((element) => element.scrollIntoView())
		// Let the charts finish drawing.
		await page.waitForTimeout(1500)
		await page.screenshot({ path: `docs/screenshots/${shot.name}.png`, fullPage: shot.fullPage })
		console.log(`docs/screenshots/${shot.name}.png`)
		await page.close()
	}
} finally {
	await browser.close()
}
