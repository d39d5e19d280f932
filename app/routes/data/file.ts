import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvAnswer } from './downloads.server'

/** `/data/{pledges|status-ledger|evidence|measurements}.csv`: every published platform's rows. */
export const loader = ({ request, params }: LoaderFunctionArgs) => csvAnswer(request, params.file)
