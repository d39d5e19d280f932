import type { ActionFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { createTestAccount, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { pledgeIdOf } from '~/test/ledger-fixtures'
import * as account from './account'
import * as accountDetail from './admin/accounts.$userId'
import * as newAccount from './admin/accounts.new'
import * as category from './admin/catalogue.categories.$categoryId'
import * as platform from './admin/catalogue.platforms.$platformId'
import * as pledgeEdit from './admin/catalogue.pledges.$pledgeId'
import * as newPledge from './admin/catalogue.pledges.new'
import * as politician from './admin/catalogue.politicians.$politicianId'
import * as status from './admin/pledges.$pledgeId.status'
import * as review from './admin/review.$evidenceId'
import * as newEvidence from './evidence/new'
import * as signIn from './sign-in'

// Every form action of the site, sent what no page of it sends. Conform alone would build an array as long
// as the largest list index, recurse once per dot, or throw on a malformed intent; each must be a 400
// with a short answer, and nothing written.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let cookie: string
let pledgeId: string
let adminId: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	const admin = await createTestAccount({ role: 'ADMIN', email: 'crafted.admin@example.org' })
	adminId = admin.id
	cookie = await sessionCookieFor(admin.id)
	pledgeId = await pledgeIdOf(prisma, 'it-jobs')
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

type Action = (args: ActionFunctionArgs) => Promise<unknown>
type Target = { name: string; action: Action; path: () => string; params: () => Record<string, string> }

const targets: Target[] = [
	{ name: 'sign-in', action: signIn.action, path: () => '/sign-in', params: () => ({}) },
	{ name: 'own account', action: account.action, path: () => '/account', params: () => ({}) },
	{
		name: 'an account',
		action: accountDetail.action,
		path: () => `/admin/accounts/${adminId}`,
		params: () => ({ userId: adminId }),
	},
	{ name: 'new account', action: newAccount.action, path: () => '/admin/accounts/new', params: () => ({}) },
	{
		name: 'category',
		action: category.action,
		path: () => '/admin/catalogue/categories/new',
		params: () => ({}),
	},
	{
		name: 'platform',
		action: platform.action,
		path: () => '/admin/catalogue/platforms/new',
		params: () => ({}),
	},
	{
		name: 'politician',
		action: politician.action,
		path: () => '/admin/catalogue/politicians/new',
		params: () => ({}),
	},
	{
		name: 'pledge edit',
		action: pledgeEdit.action,
		path: () => `/admin/catalogue/pledges/${pledgeId}`,
		params: () => ({ pledgeId }),
	},
	{
		name: 'new pledge',
		action: newPledge.action,
		path: () => '/admin/catalogue/pledges/new',
		params: () => ({}),
	},
	{
		name: 'status',
		action: status.action,
		path: () => `/admin/pledges/${pledgeId}/status`,
		params: () => ({ pledgeId }),
	},
	{
		name: 'review',
		action: review.action,
		path: () => '/admin/review/cm0000000000000000000000',
		params: () => ({ evidenceId: 'cm0000000000000000000000' }),
	},
	{
		name: 'evidence',
		action: newEvidence.action,
		path: () => `/evidence/new?pledge=${pledgeId}`,
		params: () => ({}),
	},
]

const crafted: Array<[string, string]> = [
	['a list index of a hundred million', 'steps[100000000].title=1'],
	['a field name of ten thousand dots', `${'a.'.repeat(10_000)}b=1`],
	['an intent that is not JSON', '__intent__=%7B'],
	['an intent no button sends', `__intent__=${encodeURIComponent('{"type":"update","payload":{}}')}`],
	['conform state', '__state__=%7B%7D'],
	// As many as fit in the largest body a form may send (256 KiB): conform would copy the list once per value.
	['eighteen thousand values of one field', Array<string>(18_000).fill('evidenceIds=cm0').join('&')],
]

/** What the action threw, as status and text; the action must throw a Response. */
async function refusalOf(run: () => Promise<unknown>) {
	try {
		await run()
	} catch (thrown) {
		if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() }
		throw thrown
	}
	throw new Error('The action answered the crafted form instead of refusing it.')
}

async function auditCount() {
	return prisma.auditEntry.count()
}

describe.each(targets)('the $name form', (target) => {
	test.each(crafted)('refuses %s with a 400 and writes nothing', async (_, body) => {
		const before = await auditCount()
		const request = new Request(`http://localhost${target.path()}`, {
			method: 'POST',
			headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `intent=change-role&${body}`,
		})
		const startedAt = performance.now()
		const refusal = await refusalOf(() =>
			target.action({ request, params: target.params(), context: testContext }),
		)
		// Refused from a count, in milliseconds (the bound leaves room for a busy machine); read by conform,
		// 18,000 values took 4.7 s.
		expect(performance.now() - startedAt).toBeLessThan(3000)
		// The guard's answer, not a 400 of the route's own (which would mean conform read the form).
		expect(refusal).toEqual({
			status: 400,
			text: 'This form cannot be read. Reload the page and send it again.',
		})
		expect(await auditCount()).toBe(before)
	})
})
