import { Link, useSearchParams } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useI18n } from '~/i18n/use-i18n'
import { FormMessage, SavedMeanwhileProvider, type Refused, type SavedMeanwhile } from './forms'

/** What a record's form says above its fields when the server refused it (translated where it is shown). */
export const nothingSaved = 'Nothing was saved: please correct the fields marked below.'

/**
 * What a record's page got back from saving (see `answerSave`): a refusal, a conflict (with the editor's
 * values on the newer version as its `result`), or nothing yet.
 */
export type SaveAnswer<Values> =
	Refused | (Refused & { conflict: SavedMeanwhile & { message: string; values: Values } }) | undefined

/**
 * A save's answer as the page uses it: the reply the form shows (a refusal's, or after a conflict the
 * editor's values on the newer version), the conflict, and the stored values (the newer version after a
 * conflict, whose version remounts the form).
 */
export function answerOf<Values>(answer: SaveAnswer<Values>, stored: Values) {
	const conflict = answer && 'conflict' in answer ? answer.conflict : null
	return {
		lastResult: answer ? answer.result : null,
		conflict,
		values: conflict ? conflict.values : stored,
		answered: answer !== undefined,
	}
}

/**
 * The page of one catalogue record (a politician, platform, category or pledge), new or being edited: the
 * way back to the catalogue, its heading, what the last save did, then the form.
 */
export function RecordPage({
	title,
	intro,
	saved,
	conflict,
	answered,
	children,
}: {
	title: ReactNode
	/** What the page says of the record before the form (its fixed facts, what a new one starts as). */
	intro?: ReactNode
	/** What "saved" means for this record, shown after the save's redirect (`?saved=1`). */
	saved: string
	/** Someone else saved first: why, and what they saved where it differs (shown at each field). */
	conflict: (SavedMeanwhile & { message: string }) | null
	/** Whether this page is the answer to a post (so the `?saved` of the address is an older save's). */
	answered: boolean
	children: ReactNode
}) {
	const [search] = useSearchParams()
	const { t } = useI18n()
	return (
		<>
			<p>
				<Link to="/admin/catalogue">{t('staff.adminNav.catalogue')}</Link>
			</p>
			<h1>{title}</h1>
			{intro}
			{conflict ? <FormMessage tone="error">{conflict.message}</FormMessage> : null}
			{!answered && search.get('saved') ? <FormMessage tone="success">{saved}</FormMessage> : null}
			<SavedMeanwhileProvider value={conflict}>{children}</SavedMeanwhileProvider>
		</>
	)
}
