import { describe, expect, test } from 'vitest'
import { EvidenceType, IndicatorDirection, PledgeKind, PledgeStatus, Role } from '~/.server/prisma/enums'
import { evidenceTypes } from './evidence'
import { indicatorDirections, pledgeKinds } from './pledge'
import { statuses } from './status-update'
import { roles } from './user'

// The forms list the database's enums by hand (they run in the browser, which the generated client does
// not): each list must hold every value of its enum, so a value added to the schema cannot be missing from
// a select, a chart's legend or a form's check.
describe('the choices of the forms are the database’s enums, every value of each', () => {
	test.each([
		['statuses', statuses, PledgeStatus],
		['evidence types', evidenceTypes, EvidenceType],
		['pledge kinds', pledgeKinds, PledgeKind],
		['indicator directions', indicatorDirections, IndicatorDirection],
		['roles', roles, Role],
	] as const)('%s', (_, listed, stored) => {
		expect([...listed].sort()).toEqual(Object.values(stored).sort())
		expect(new Set(listed).size).toBe(listed.length)
	})
})
