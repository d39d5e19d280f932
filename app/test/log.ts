import { Writable } from 'node:stream'
import { createLogger } from '~/server/log.server'

/**
 * A logger writing into `lines` the JSON lines it would write to stdout (secrets scrubbed as `secrets`
 * says, process.env's by default); `records()` parses them.
 */
export function capturedLogger({ secrets }: { secrets?: () => readonly string[] } = {}) {
	const lines: string[] = []
	const destination = new Writable({
		write(chunk: Buffer, _encoding, done) {
			lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
			done()
		},
	})
	const log = createLogger({ level: 'info', destination, ...(secrets ? { secrets } : {}) })
	const records = () => lines.map((line): Record<string, unknown> => JSON.parse(line))
	return { log, lines, records }
}
