/** `npm run build`: the production build, with the fingerprint `npm start` checks. */
import { build } from './lib/build'
import { startScript } from './lib/start-script'

startScript()
await build()
