import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react'
import { useI18n } from '~/i18n/use-i18n'

export type ChartModule<Props> = () => Promise<{ default: ComponentType<Props> }>

/**
 * Renders a chart component that is only ever loaded in the browser, after hydration: its module (and
 * chart.js with it) is a separate chunk that pages without charts never download. Until it arrives, and
 * without JavaScript, nothing is drawn and the table carries the figures.
 */
function LazyChart<Props extends object>({
	load,
	props,
	onReady,
}: {
	load: ChartModule<Props>
	props: Props
	onReady: () => void
}) {
	const [Chart, setChart] = useState<ComponentType<Props> | null>(null)
	const onReadyRef = useRef(onReady)
	useEffect(() => {
		onReadyRef.current = onReady
	})
	useEffect(() => {
		let active = true
		load()
			.then((module) => {
				if (!active) return
				setChart(() => module.default)
				onReadyRef.current()
			})
			// A chart that fails to load leaves the table, which holds the same figures.
			.catch(() => {})
		return () => {
			active = false
		}
	}, [load])
	if (!Chart) return null
	return (
		<div className="chart-canvas">
			<Chart {...props} />
		</div>
	)
}

/**
 * A chart with its figures: a one-line summary, the chart (browser only), and the table the server always
 * renders. A long table folds away under the chart once the chart is drawn; a short one stays in view as
 * the chart's legend.
 */
export function ChartFigure<Props extends object>({
	summary,
	load,
	props,
	table,
	foldTable = false,
}: {
	summary: string
	load: ChartModule<Props>
	props: Props
	table: ReactNode
	foldTable?: boolean
}) {
	const { t } = useI18n()
	const details = useRef<HTMLDetailsElement>(null)
	const readerToggled = useRef(false)
	// The table is open until the chart is drawn, then folds once; a reader who has already opened or
	// closed it keeps their choice. (Set on the element: an `open` prop would be re-applied by React.)
	const foldOnce = () => {
		if (details.current && !readerToggled.current) details.current.open = false
	}
	return (
		<figure className="chart-figure">
			<figcaption className="chart-summary">{summary}</figcaption>
			<LazyChart load={load} props={props} onReady={foldOnce} />
			{foldTable ? (
				<details className="chart-table" open ref={details}>
					<summary onClick={() => (readerToggled.current = true)}>{t('chart.showTable')}</summary>
					{table}
				</details>
			) : (
				<div className="chart-table">{table}</div>
			)}
		</figure>
	)
}
