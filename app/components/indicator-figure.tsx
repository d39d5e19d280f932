import { useMemo } from 'react'
import { useI18n } from '~/i18n/use-i18n'
import { expectedOnPath, type IndicatorReading } from '~/models/indicator'
import type { PledgePage } from '~/models/pledge.server'
import { ChartFigure } from './charts/lazy-chart'
import { fallbackLang, UntranslatedNote } from './public-ui'

const loadIndicatorChart = () => import('./charts/indicator-chart.client')

type Indicator = NonNullable<PledgePage['indicator']>

function time(date: string): number {
	return Date.parse(date)
}

/** The reading ("on track", "behind", "no data yet") with the sentence that explains it. */
export function IndicatorReadingText({
	reading,
	unit,
	target,
}: {
	reading: IndicatorReading
	unit: string
	target: number
}) {
	const { t, format } = useI18n()
	const withUnit = (value: number) => format.quantity(value, unit)
	let explanation: string
	switch (reading.reason) {
		case 'no-measurements':
		case 'no-baseline':
			explanation = t(`reading.explain.${reading.reason}`)
			break
		case 'target-reached':
			explanation = t('reading.explain.target-reached', {
				latest: withUnit(reading.latest.value),
				target: withUnit(target),
			})
			break
		case 'ahead':
		case 'behind':
			explanation = t(`reading.explain.${reading.reason}`, {
				latest: withUnit(reading.latest.value),
				date: format.date(reading.latest.date),
				expected: format.approximateQuantity(reading.expected, unit),
			})
			break
	}
	return (
		<div className={`reading reading-${reading.reading}`}>
			<p className="reading-label">
				<span className="reading-mark" aria-hidden="true">
					{reading.reading === 'on-track' ? '✓' : reading.reading === 'behind' ? '!' : '–'}
				</span>
				<span>{t(`reading.${reading.reading}`)}</span>
			</p>
			<p>{explanation}</p>
		</div>
	)
}

/**
 * A quantitative pledge's indicator: its facts, the reading, and the chart with its table. `hasEvidence`:
 * whether the pledge has reviewed evidence, which without a figure of the indicator means that what the
 * sources report measures something else, and that no honest series exists yet (the chart says so).
 */
export function IndicatorFigure({ indicator, hasEvidence }: { indicator: Indicator; hasEvidence: boolean }) {
	const { t, format, locale } = useI18n()
	const { plan, measurements, reading, unit, span } = indicator
	const withUnit = (value: number) => format.quantity(value, unit)
	const targetText = t('pledge.indicator.byDate', {
		value: withUnit(plan.target.value),
		date: format.date(plan.target.date, 'dative'),
	})
	const latest = measurements.at(-1)
	const summary = latest
		? t('pledge.indicator.summary', {
				name: indicator.name,
				count: measurements.length,
				latest: t('pledge.indicator.valueOn', {
					value: withUnit(latest.value),
					date: format.date(latest.date),
				}),
				target: targetText,
			})
		: t('pledge.indicator.summaryEmpty', { name: indicator.name, target: targetText })
	const props = useMemo(
		() => ({
			measurements: measurements.map((point) => ({ x: time(point.date), y: point.value })),
			path: plan.baseline
				? ([
						{ x: time(plan.baseline.date), y: plan.baseline.value },
						{ x: time(plan.target.date), y: plan.target.value },
					] satisfies [{ x: number; y: number }, { x: number; y: number }])
				: null,
			target: { x: time(plan.target.date), y: plan.target.value },
			span: { start: time(span.start), end: time(span.end) },
			labels: {
				measured: t('pledge.indicator.measured'),
				path: t('pledge.indicator.path'),
				target: t('pledge.indicator.target'),
				baseline: t('pledge.indicator.baseline'),
			},
			summary,
			formatNumber: format.number,
			formatDate: (value: number) => format.monthYear(new Date(value)),
		}),
		[measurements, plan, span, t, summary, format],
	)
	const table = (
		<table className="figures">
			<thead>
				<tr>
					<th scope="col">{t('pledge.indicator.date')}</th>
					<th scope="col" className="number">
						{t('pledge.indicator.measured')}
					</th>
					{plan.baseline ? (
						<th scope="col" className="number">
							{t('pledge.indicator.path')}
						</th>
					) : null}
				</tr>
			</thead>
			<tbody>
				{plan.baseline ? (
					<tr>
						<th scope="row">
							{format.date(plan.baseline.date)} ({t('pledge.indicator.baseline')})
						</th>
						<td className="number">{format.number(plan.baseline.value)}</td>
						<td className="number">{format.number(plan.baseline.value)}</td>
					</tr>
				) : null}
				{measurements.map((point) => (
					<tr key={point.date}>
						<th scope="row">{format.date(point.date)}</th>
						<td className="number">{format.number(point.value)}</td>
						{plan.baseline ? (
							<td className="number">
								{format.approximate(expectedOnPath({ ...plan, baseline: plan.baseline }, point.date))}
							</td>
						) : null}
					</tr>
				))}
				<tr>
					<th scope="row">
						{format.date(plan.target.date)} ({t('pledge.indicator.target')})
					</th>
					<td className="number">—</td>
					{plan.baseline ? <td className="number">{format.number(plan.target.value)}</td> : null}
				</tr>
			</tbody>
		</table>
	)
	return (
		<>
			<dl className="facts">
				<div>
					<dt>{t('pledge.indicator.measures')}</dt>
					<dd {...fallbackLang(indicator.isTranslated)}>
						{indicator.name} <UntranslatedNote show={!indicator.isTranslated} />
					</dd>
				</div>
				<div>
					<dt>{t('pledge.indicator.baseline')}</dt>
					<dd>
						{plan.baseline
							? t('pledge.indicator.valueOn', {
									value: withUnit(plan.baseline.value),
									date: format.date(plan.baseline.date),
								})
							: t('pledge.indicator.noBaseline')}
					</dd>
				</div>
				<div>
					<dt>{t('pledge.indicator.target')}</dt>
					<dd>{targetText}</dd>
				</div>
				<div>
					<dt>{t('pledge.indicator.unit')}</dt>
					<dd>
						<span {...fallbackLang(indicator.isTranslated)}>{unit}</span> ·{' '}
						<span>{t(`pledge.indicator.direction.${plan.direction}`)}</span>
					</dd>
				</div>
			</dl>
			<UntranslatedNote show={locale !== 'en'} />
			<IndicatorReadingText reading={reading} unit={unit} target={plan.target.value} />
			{measurements.length === 0 ? (
				// Nothing measured: an empty grid with only a target star would look like a chart of something.
				<figure className="chart-figure">
					<figcaption className="chart-summary">{summary}</figcaption>
					<p className="empty">{t(hasEvidence ? 'pledge.indicator.noSeries' : 'pledge.indicator.noChart')}</p>
					<div className="chart-table">{table}</div>
				</figure>
			) : (
				<ChartFigure summary={summary} load={loadIndicatorChart} props={props} foldTable table={table} />
			)}
		</>
	)
}
