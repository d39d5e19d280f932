import type { PledgeStatus } from '~/.server/prisma/enums'
import { useI18n } from '~/i18n/use-i18n'
import { fallbackLang, StatusBadge } from './public-ui'

type StatusSince = { status: PledgeStatus; effectiveDate: string }

/**
 * What a correction changed, the status and/or the date it took effect ("In progress since 1 April 2023 →
 * In progress since 1 April 2024"), and why (its own reason, what was wrong with the entry it corrects).
 * The pledge's timeline and the Corrections page both show a correction so. A correction recorded before
 * corrections had their own reason has none to show. A reason shown in English on a page in another
 * language (`reasonIsTranslated` false) is marked `lang="en"`; the page notes it under the rationale.
 */
export function CorrectionChange({
	was,
	now,
	reason,
	reasonIsTranslated = true,
}: {
	was: StatusSince
	now: StatusSince
	reason: string | null
	reasonIsTranslated?: boolean
}) {
	const { t } = useI18n()
	return (
		<>
			<p className="correction-change">
				<span className="label">{t('correction.changeLabel')}</span> <StatusSinceText entry={was} />{' '}
				<span aria-hidden="true">→</span>
				<span className="visually-hidden">{t('correction.changedTo')}</span> <StatusSinceText entry={now} />
			</p>
			{reason ? (
				<p className="correction-reason">
					<span className="label">{t('correction.reasonLabel')}</span>{' '}
					<span {...fallbackLang(reasonIsTranslated)}>{reason}</span>
				</p>
			) : null}
		</>
	)
}

function StatusSinceText({ entry }: { entry: StatusSince }) {
	const { t, format } = useI18n()
	return (
		<span className="status-since">
			<StatusBadge status={entry.status} />{' '}
			{t('correction.since', { date: format.date(entry.effectiveDate) })}
		</span>
	)
}
