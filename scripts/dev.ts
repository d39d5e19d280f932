/** `npm run dev`: the same database preparation as `npm start`, then Vite's dev server with HMR. */
import { createServer } from 'vite'
import { prepareDatabase } from './lib/prepare-database'

const log = (line: string) => console.log(`[uade] ${line}`)
const database = await prepareDatabase(log)
process.env.DATABASE_URL = database.url

const vite = await createServer({ server: { port: Number(process.env.PORT ?? 3000) } })
await vite.listen()
vite.printUrls()

let stopping = false
async function shutdown() {
	if (stopping) return
	stopping = true
	await vite.close()
	await database.stop()
	process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
