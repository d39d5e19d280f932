import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, test } from 'vitest'
import { importJsonSchema, importSchemaPath, importSchemaText } from './format'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

describe('the JSON Schema of the import format', () => {
	test('the checked-in file is the one the format makes (npm run data:schema writes it)', () => {
		expect(read(importSchemaPath)).toBe(importSchemaText())
	})

	test('a JSON Schema validator accepts the example and the launch file, and refuses what the format refuses', () => {
		const validate = new Ajv2020({ strict: false, allErrors: true }).compile(importJsonSchema())
		for (const file of ['docs/examples/example-platform.json', 'prisma/seed/launch/fair-kazakhstan.json']) {
			expect(validate(JSON.parse(read(file))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true)
		}
		expect(validate({ format: 'uade', version: 2 })).toBe(false)
		expect(validate({ format: 'uade', version: 1, pledges: [{ slug: 'Not A Slug' }] })).toBe(false)
		expect(validate({ format: 'uade', version: 1, colour: 'red' })).toBe(false)
	})
})
