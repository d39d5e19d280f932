/**
 * A suffix that no other record of this run carries, for names, emails and slugs that tests write: the
 * worker's index (unique in the run, even for a worker that replaces one in the same slot) and a counter.
 * Fixed width, so one suffix is never part of another ("w001n0001" is not inside "w001n0012"), and made
 * of no English word, so it never matches a label or a button by accident.
 */
let counter = 0

export function uniqueSuffix(): string {
	counter += 1
	const worker = Number(process.env.TEST_WORKER_INDEX ?? 0)
	return `w${String(worker).padStart(3, '0')}n${String(counter).padStart(4, '0')}`
}
