// Password hashing lives with the user model (`~/models/password.server`); this re-export keeps
// `e2e/support/accounts.ts` working until it imports from there (remove this file then).
export { hashPassword } from '~/models/password.server'
