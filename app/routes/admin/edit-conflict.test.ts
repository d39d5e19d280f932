import { createElement, Fragment } from 'react'
import { renderInRouter } from '~/test/render-in-router'
import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import {
	RadioGroup,
	SavedMeanwhileProvider,
	SelectField,
	TextAreaField,
	TextField,
	useStaffForm,
} from '~/components/forms'
import { answerOf } from '~/components/record-page'
import { seed } from '~/db/tooling/seed.server'
import { pledgeEditSchema, type PledgeFormValues } from '~/forms/pledge'
import { changeRoleSchema } from '~/forms/user'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { formFieldsOf, storedPledge, withChanges } from '~/test/catalogue'
import { useTestDatabaseForApp } from '~/test/db'
import { pledgeIdOf } from '~/test/ledger-fixtures'
import { conflictOf, replyOf, submissionResultOf } from '~/test/reply'
import * as accountPage from './accounts.$userId'
import * as editPage from './catalogue.pledges.$pledgeId'

// Item 5 of issue 9: two editors save the same version of a record; the second loses nothing.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let firstEditor: { id: string; cookie: string }
let secondEditor: { id: string; cookie: string }
let pledgeId: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const editor = async (displayName: string) => {
		const account = await createTestAccount({ role: 'ADMIN', displayName })
		return { id: account.id, cookie: await sessionCookieFor(account.id) }
	}
	firstEditor = await editor('Aigerim First')
	secondEditor = await editor('Daniyar Second')
	pledgeId = await pledgeIdOf(prisma, 'it-jobs')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

function post(path: string, fields: Array<[string, string]>, cookie: string) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { Cookie: cookie },
		body: new URLSearchParams(fields),
	})
}

function editPledge(fields: Array<[string, string]>, by: { cookie: string }) {
	return outcomeOf(() =>
		editPage.action({
			request: post(`/admin/catalogue/pledges/${pledgeId}`, fields, by.cookie),
			params: { pledgeId },
			context: testContext,
		}),
	)
}

/**
 * The edit form's fields after the 409, rendered on the server as the page renders them (through the
 * kit, from the page's own reading of the answer), then read with a DOM of its own.
 */
async function renderPledgeForm(body: unknown, stored: PledgeFormValues) {
	const answer = answerOf<Record<string, unknown>>(
		{ result: submissionResultOf(body), conflict: conflictOf(body) },
		stored,
	)
	function Page() {
		const [, fields] = useStaffForm(pledgeEditSchema('QUANTITATIVE', new Date('2026-12-01T12:00:00Z')), {
			lastResult: answer.lastResult,
			defaultValue: stored,
			id: 'pledge',
		})
		return createElement(SavedMeanwhileProvider, {
			value: answer.conflict,
			children: createElement(
				Fragment,
				null,
				createElement(TextField, { label: 'Version', field: fields.version }),
				createElement(TextField, { label: 'Title', field: fields.title }),
				createElement(TextAreaField, { label: 'Summary', field: fields.summary }),
				createElement(TextField, { label: 'Unit', field: fields.indicatorUnit }),
				createElement(SelectField, {
					label: 'Direction',
					field: fields.direction,
					options: [
						{ value: 'INCREASE', label: 'Up' },
						{ value: 'DECREASE', label: 'Down' },
					],
				}),
			),
		})
	}
	const { document } = new Window()
	document.body.innerHTML = await renderInRouter(Page)
	return document
}

describe('two editors saving the same version of a pledge', () => {
	test('the second gets a 409 with their values kept beside the saved ones; saving again applies theirs', async () => {
		const loaded = await storedPledge(pledgeId)
		const first = await editPledge(
			withChanges(formFieldsOf(loaded), { title: 'Title by the first', summary: 'Summary by the first' }),
			firstEditor,
		)
		expect(first.status).toBe(302)
		const newer = await storedPledge(pledgeId)
		const audits = await prisma.auditEntry.count()

		const mine = { title: 'Title by the second', indicatorUnit: 'posts' }
		const second = await editPledge(withChanges(formFieldsOf(loaded), mine), secondEditor)
		expect(second.status).toBe(409)
		expect(await storedPledge(pledgeId)).toEqual(newer)
		expect(await prisma.auditEntry.count()).toBe(audits)

		const conflict = conflictOf(second.body)
		expect(conflict.savedBy).toBe('Aigerim First')
		expect(conflict.savedAt).not.toBeNull()
		// Only the fields that differ from what the second editor sent, with the saved value.
		expect(conflict.differences).toEqual({
			title: 'Title by the first',
			summary: 'Summary by the first',
			indicatorUnit: loaded.indicatorUnit,
		})
		// The reply holds the second editor's values, on the newer version.
		const reply = replyOf(second.body)
		expect(reply.values).toMatchObject({ ...mine, summary: loaded.summary, version: newer.version })
		expect(reply.fieldErrors).toEqual({})

		const page = await renderPledgeForm(second.body, loaded)
		const control = (name: string) => page.querySelector(`[name="${name}"]`)
		expect(control('version')?.getAttribute('value')).toBe(newer.version)
		expect(control('title')?.getAttribute('value')).toBe('Title by the second')
		expect(control('indicatorUnit')?.getAttribute('value')).toBe('posts')
		expect(control('summary')?.textContent).toBe(loaded.summary)
		const savedAt = (name: string) =>
			control(name)?.closest('.staff-field')?.querySelector('.staff-saved-meanwhile')
		expect(savedAt('title')?.textContent).toContain('Saved meanwhile by Aigerim First on ')
		expect(savedAt('title')?.querySelector('.staff-saved-meanwhile-value')?.textContent).toBe(
			'Title by the first',
		)
		expect(savedAt('summary')?.querySelector('.staff-saved-meanwhile-value')?.textContent).toBe(
			'Summary by the first',
		)
		expect(savedAt('indicatorUnit')?.querySelector('.staff-saved-meanwhile-value')?.textContent).toBe(
			loaded.indicatorUnit,
		)
		// A field that does not differ shows nothing more.
		expect(savedAt('direction')).toBeNull()
		expect(
			page.querySelector('input[name="takeSaved"][value="title"]')?.closest('.staff-choice')?.textContent,
		).toBe('Use the saved value instead of mine')

		// Save, as the page now sends it: the second editor's values on the newer version.
		const again = await editPledge(
			withChanges(formFieldsOf(loaded), { ...mine, version: newer.version }),
			secondEditor,
		)
		expect(again.status).toBe(302)
		expect(await storedPledge(pledgeId)).toMatchObject({
			...mine,
			summary: loaded.summary,
			version: String(Number(newer.version) + 1),
		})
	})

	test('a field whose box is ticked takes the saved value instead of the editor’s (without JavaScript)', async () => {
		const loaded = await storedPledge(pledgeId)
		expect(
			(await editPledge(withChanges(formFieldsOf(loaded), { title: 'Newest title' }), firstEditor)).status,
		).toBe(302)
		const newer = await storedPledge(pledgeId)
		const mine = { title: 'My title', summary: 'My summary' }
		const stale = await editPledge(withChanges(formFieldsOf(loaded), mine), secondEditor)
		expect(stale.status).toBe(409)
		expect(conflictOf(stale.body).differences).toEqual({ title: 'Newest title', summary: loaded.summary })

		const again = await editPledge(
			[...withChanges(formFieldsOf(loaded), { ...mine, version: newer.version }), ['takeSaved', 'title']],
			secondEditor,
		)
		expect(again.status).toBe(302)
		expect(await storedPledge(pledgeId)).toMatchObject({ title: 'Newest title', summary: 'My summary' })
	})
})

describe('two admins changing the same account’s role', () => {
	test('the second gets a 409 with their choice kept beside the saved role, and can apply it', async () => {
		const account = await createTestAccount({ displayName: 'Someone Checked' })
		const change = (fields: Record<string, string>, by: { cookie: string }) =>
			outcomeOf(() =>
				accountPage.action({
					request: post(`/admin/accounts/${account.id}`, Object.entries(fields), by.cookie),
					params: { userId: account.id },
					context: testContext,
				}),
			)
		const loadedVersion = String(account.version)
		const first = await change({ intent: 'change-role', version: loadedVersion, role: 'ADMIN' }, firstEditor)
		expect(first.status).toBe(200)
		// The second admin, on the page loaded before that, keeps it a fact-checker.
		const stale = await change(
			{ intent: 'change-role', version: loadedVersion, role: 'FACT_CHECKER' },
			secondEditor,
		)
		expect(stale.status).toBe(409)
		const conflict = conflictOf(stale.body)
		expect(conflict.differences).toEqual({ role: 'ADMIN' })
		expect(conflict.savedBy).toBe('Aigerim First')
		const stored = await prisma.user.findUniqueOrThrow({ where: { id: account.id } })
		expect(stored.role).toBe('ADMIN')
		expect(replyOf(stale.body).values).toMatchObject({
			intent: 'change-role',
			role: 'FACT_CHECKER',
			version: String(stored.version),
		})

		// The role form as the page renders it after the 409: the choice kept, the saved role beside it.
		function Page() {
			const [, fields] = useStaffForm(changeRoleSchema, {
				lastResult: submissionResultOf(stale.body),
			})
			return createElement(SavedMeanwhileProvider, {
				value: conflict,
				children: createElement(RadioGroup, {
					label: 'Role',
					field: fields.role,
					choices: [
						{ value: 'FACT_CHECKER', label: 'Fact-checker' },
						{ value: 'ADMIN', label: 'Admin' },
					],
				}),
			})
		}
		const { document } = new Window()
		document.body.innerHTML = await renderInRouter(Page)
		expect(document.querySelector('input[value="FACT_CHECKER"]')?.hasAttribute('checked')).toBe(true)
		expect(document.querySelector('.staff-saved-meanwhile-value')?.textContent).toBe('Admin')

		const again = await change(
			{ intent: 'change-role', version: String(stored.version), role: 'FACT_CHECKER' },
			secondEditor,
		)
		expect(again.status).toBe(200)
		expect((await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).role).toBe('FACT_CHECKER')
	})
})
