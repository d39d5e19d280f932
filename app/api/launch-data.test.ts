import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { loadLaunch } from '~/data/launch.server'
import { seed } from '~/db/tooling/seed.server'
import { useTestDatabaseForApp, type TestDatabase } from '~/test/db'
import { openApiDocument } from './openapi'
import { getPlatform, getPledge, listCorrections, listPledges } from './records.server'

// The launch dataset (real sources: URLs, dates of every precision, excerpts in Kazakh and Russian, figures)
// through the API, every answer in every shape checked against the OpenAPI document.

let database: TestDatabase
let prisma: PrismaClient
const origin = 'https://uade.example'
const platform = 'fair-kazakhstan-2022'
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addSchema(openApiDocument(origin), 'uade-openapi')

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const launch = await loadLaunch(prisma)
	if (launch.status !== 'applied') throw new Error('the launch dataset did not load')
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

const pointer = (segment: string) => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))
function expectValid(template: string, body: unknown) {
	const path = ['paths', template, 'get', 'responses', '200', 'content', 'application/json', 'schema']
	const validate = ajv.compile({ $ref: `uade-openapi#/${path.map(pointer).join('/')}` })
	const valid: boolean = validate(body)
	if (!valid) throw new Error(`${template}: ${ajv.errorsText(validate.errors)}`)
}

const request = (path: string) => new Request(`${origin}${path}`)
const context = { origin }

describe('the launch dataset through the API', () => {
	test('every pledge, in each language and in all three, matches the document', async () => {
		const pledges = await prisma.pledge.findMany({
			where: { platform: { slug: platform } },
			select: { slug: true },
		})
		let evidence = 0
		for (const { slug } of pledges) {
			for (const lang of ['', '?lang=en', '?lang=ru', '?lang=kk']) {
				const path = `/api/v1/platforms/${platform}/pledges/${slug}${lang}`
				const answer = await getPledge(request(path), { platformSlug: platform, pledgeSlug: slug }, context)
				expectValid('/api/v1/platforms/{platform}/pledges/{pledge}', JSON.parse(JSON.stringify(answer)))
				evidence += answer.data.evidence.length
			}
		}
		expect(evidence).toBeGreaterThan(0)
	})

	test('the platform, its pledges and the corrections match it too', async () => {
		for (const lang of ['', '?lang=kk']) {
			const detail = await getPlatform(request(`/api/v1/platforms/${platform}${lang}`), platform, context)
			expectValid('/api/v1/platforms/{platform}', JSON.parse(JSON.stringify(detail)))
			const list = await listPledges(
				request(`/api/v1/platforms/${platform}/pledges${lang}`),
				platform,
				context,
			)
			expectValid('/api/v1/platforms/{platform}/pledges', JSON.parse(JSON.stringify(list)))
			const corrections = await listCorrections(request(`/api/v1/corrections${lang}`), context)
			expectValid('/api/v1/corrections', JSON.parse(JSON.stringify(corrections)))
		}
	})
})
