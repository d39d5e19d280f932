import {
	Chart as ChartJS,
	Legend,
	LinearScale,
	LineElement,
	PointElement,
	Tooltip,
	type ChartDataset,
} from 'chart.js'
import { useMemo } from 'react'
import { Line } from 'react-chartjs-2'

ChartJS.register(LineElement, PointElement, LinearScale, Legend, Tooltip)

type Point = { x: number; y: number }

export type IndicatorChartProps = {
	measurements: Point[]
	/** Baseline to target, by the deadline; absent without a baseline. */
	path: [Point, Point] | null
	target: Point
	/** The x axis: from the baseline (or the term's start) to the target date, in ms. */
	span: { start: number; end: number }
	labels: { measured: string; path: string; target: string; baseline: string }
	summary: string
	formatNumber: (value: number) => string
	formatDate: (time: number) => string
}

const measuredColour = '#0072B2'
const pathColour = '#4d5660'
const targetColour = '#009E73'

/** Measurements over time against the straight path from the baseline to the target. Dates are x values in ms. */
export default function IndicatorChart({
	measurements,
	path,
	target,
	span,
	labels,
	summary,
	formatNumber,
	formatDate,
}: IndicatorChartProps) {
	const data = useMemo(() => {
		const datasets: Array<ChartDataset<'line', Point[]>> = [
			{
				label: labels.measured,
				data: measurements,
				borderColor: measuredColour,
				backgroundColor: measuredColour,
				borderWidth: 3,
				pointRadius: 4,
				pointStyle: 'circle',
			},
			{
				label: labels.target,
				data: [target],
				borderColor: targetColour,
				backgroundColor: targetColour,
				pointRadius: 8,
				pointStyle: 'star',
				showLine: false,
				clip: false,
			},
		]
		if (path) {
			datasets.push(
				{
					label: labels.path,
					data: path,
					borderColor: pathColour,
					backgroundColor: pathColour,
					borderDash: [6, 5],
					borderWidth: 2,
					pointRadius: 0,
					pointStyle: 'line',
				},
				{
					label: labels.baseline,
					data: [path[0]],
					borderColor: pathColour,
					backgroundColor: '#ffffff',
					pointRadius: 6,
					pointStyle: 'rectRot',
					showLine: false,
					clip: false,
				},
			)
		}
		return { datasets }
	}, [measurements, path, target, labels])
	return (
		<Line
			data={data}
			role="img"
			aria-label={summary}
			options={{
				maintainAspectRatio: false,
				animation: { duration: 300 },
				parsing: false,
				layout: { padding: { top: 8, right: 14 } },
				scales: {
					x: {
						type: 'linear',
						min: span.start,
						max: span.end,
						// One tick per year (or every few years), labelled with the year alone.
						afterBuildTicks: (axis) => {
							axis.ticks = yearTicks(axis.min, axis.max, axis.width)
						},
						ticks: { callback: (value) => String(new Date(Number(value)).getUTCFullYear()) },
						grid: { color: '#e7e3da' },
					},
					y: {
						beginAtZero: true,
						ticks: { callback: (value) => formatNumber(Number(value)) },
						grid: { color: '#e7e3da' },
					},
				},
				plugins: {
					legend: { position: 'bottom', labels: { usePointStyle: true, color: '#1b1f23' } },
					tooltip: {
						callbacks: {
							title: (items) => (items[0] ? formatDate(items[0].parsed.x ?? 0) : ''),
							label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y ?? 0)}`,
						},
					},
				},
			}}
		/>
	)
}

function yearTicks(min: number, max: number, width: number): Array<{ value: number }> {
	const first = new Date(min).getUTCFullYear() + 1
	const last = new Date(max).getUTCFullYear()
	const step = Math.max(1, Math.ceil((last - first + 1) / Math.max(2, Math.floor(width / 70))))
	const ticks: Array<{ value: number }> = []
	for (let year = first; year <= last; year += step) ticks.push({ value: Date.UTC(year, 0, 1) })
	return ticks
}
