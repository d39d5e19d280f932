import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { isReadableForm, onlyFormFields, parseForm, readForm, refusedForNowHeaders } from './reply.server'
import { text } from './fields'

const stepsSchema = z.object({
	title: text({ missing: 'Enter a title.', max: 200 }),
	steps: z.array(z.object({ title: text({ missing: 'Enter a title.', max: 200 }) })).max(30),
})

function form(entries: Array<[string, string]>) {
	const data = new FormData()
	for (const [name, value] of entries) data.append(name, value)
	return data
}

const insert = JSON.stringify({ type: 'insert', payload: { name: 'steps' } })
const remove = (index: unknown) => JSON.stringify({ type: 'remove', payload: { name: 'steps', index } })

/** The status and text of what parseForm threw, or null when it returned. */
async function refusalOf(run: () => unknown) {
	try {
		await run()
		return null
	} catch (thrown) {
		if (!(thrown instanceof Response)) throw thrown
		return { status: thrown.status, text: await thrown.text() }
	}
}

describe('forms a page of Uade sends', () => {
	test('plain fields, list items and the Add and Remove buttons are read', () => {
		expect(isReadableForm(form([['title', 'A pledge']]))).toBe(true)
		expect(
			isReadableForm(
				form([
					['steps[29].title', 'Step'],
					['steps[0].title', 'First'],
				]),
			),
		).toBe(true)
		expect(
			isReadableForm(
				form([
					['evidenceIds', 'a'],
					['evidenceIds', 'b'],
				]),
			),
		).toBe(true)
		expect(isReadableForm(form([['__intent__', insert]]))).toBe(true)
		expect(isReadableForm(form([['__intent__', remove(3)]]))).toBe(true)
		expect(isReadableForm(form([]))).toBe(true)
	})

	test('a list item added with the button is parsed by its schema as before', () => {
		const submission = parseForm(
			form([
				['title', 'A pledge'],
				['steps[0].title', 'First'],
				['__intent__', insert],
			]),
			stepsSchema,
		)
		expect(submission.status).toBeUndefined()
		expect(submission.payload).toMatchObject({ title: 'A pledge', steps: [{ title: 'First' }, undefined] })
	})
})

describe('forms no page sends are refused before conform reads them', () => {
	const crafted: Array<[string, Array<[string, string]>]> = [
		['a list index far beyond any list (conform would build an array that long)', [['x[1000000]', '1']]],
		['an index of a hundred million', [['steps[100000000].title', '1']]],
		['an index just past the room a list has', [['steps[101].title', '1']]],
		['two indexes in one name, one past the room', [['steps[1][101]', '1']]],
		['names nested deeper than any form', [['a.b.c.d', '1']]],
		['a thousand levels of dots', [['a.'.repeat(1000) + 'b', '1']]],
		['a name no field has the shape of', [['__proto__', '1']]],
		['an intent that is not JSON', [['__intent__', '{']]],
		['an intent of a type no button sends', [['__intent__', JSON.stringify({ type: 'reset', payload: {} })]]],
		['an intent without a payload', [['__intent__', JSON.stringify({ type: 'insert' })]]],
		['a remove intent with a huge index', [['__intent__', remove(1e9)]]],
		['a remove intent with an index that is not a number', [['__intent__', remove('1')]]],
		[
			'an intent naming a list far out',
			[['__intent__', JSON.stringify({ type: 'insert', payload: { name: 'x[99999]' } })]],
		],
		['conform state sent by hand', [['__state__', '{"validated":{}}']]],
	]

	test.each(crafted)('%s', async (_, entries) => {
		expect(isReadableForm(form(entries))).toBe(false)
		const refusal = await refusalOf(() => parseForm(form(entries), stepsSchema))
		expect(refusal).toEqual({
			status: 400,
			text: 'This form cannot be read. Reload the page and send it again.',
		})
	})

	test('more fields than any form has (repeated names cost conform a copy each)', () => {
		const many = Array.from({ length: 1001 }, (): [string, string] => ['evidenceIds', 'a'])
		expect(isReadableForm(form(many.slice(0, 1000)))).toBe(true)
		expect(isReadableForm(form(many))).toBe(false)
	})
})

describe('a filter link', () => {
	test('drops the names no field could have (a crafted index, conform state); keeps the rest for the schema', () => {
		const search = new URLSearchParams('action=auth.sign_in&utm_source=news&x[1000000]=1&__state__=1')
		expect([...onlyFormFields(search)]).toEqual([
			['action', 'auth.sign_in'],
			['utm_source', 'news'],
		])
	})
})

describe('a body that is no form', () => {
	const post = (type: string, body: string) =>
		new Request('http://localhost/sign-in', { method: 'POST', headers: { 'Content-Type': type }, body })

	test.each([
		['a broken multipart body', 'multipart/form-data; boundary=abc', 'garbage, no boundary in sight'],
		['a multipart type without its boundary', 'multipart/form-data', '--abc\r\n'],
		['text sent as text', 'text/plain', 'email=a@b.c'],
		['JSON', 'application/json', '{"email":"a@b.c"}'],
	])('%s is a 400, not a server error', async (_, type, body) => {
		expect(await refusalOf(async () => readForm(post(type, body)))).toEqual({
			status: 400,
			text: 'This form cannot be read. Reload the page and send it again.',
		})
	})

	test('a form is read whole, repeated names and all', async () => {
		const form = await readForm(post('application/x-www-form-urlencoded', 'a=1&a=2&b=%D1%8F'))
		expect([...form]).toEqual([
			['a', '1'],
			['a', '2'],
			['b', 'я'],
		])
	})
})

describe('a page refused for now', () => {
	const headersOf = (actionHeaders: Headers) =>
		new Headers(
			refusedForNowHeaders({
				actionHeaders,
				loaderHeaders: new Headers(),
				parentHeaders: new Headers(),
				errorHeaders: undefined,
			}),
		)

	test('carries its action’s Retry-After, and nothing else of the action’s', () => {
		const refused = headersOf(new Headers({ 'Retry-After': '29', 'X-Other': 'no' }))
		expect([...refused]).toEqual([['retry-after', '29']])
		expect([...headersOf(new Headers())]).toEqual([])
	})
})
