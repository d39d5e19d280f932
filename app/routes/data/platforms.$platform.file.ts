import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvAnswer } from './downloads.server'

/** `/data/platforms/{platform}/{file}.csv`: one published platform's rows (a draft's: 404). */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
	csvAnswer(request, params.file, params.platform ?? '')
