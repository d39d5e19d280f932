import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js'
import { useMemo } from 'react'
import { Bar } from 'react-chartjs-2'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { canvasPattern } from './status-style'

ChartJS.register(BarElement, CategoryScale, LinearScale, Legend, Tooltip)

export type StackedStatusBarsProps = {
	/** One bar per group (a principle, a month). */
	groups: string[]
	series: Array<{ status: PledgeStatus; label: string; counts: number[] }>
	horizontal: boolean
	summary: string
	formatNumber: (value: number) => string
}

/** Stacked bars of pledge counts by status: by principle (horizontal) or by month (vertical). */
export default function StackedStatusBars({
	groups,
	series,
	horizontal,
	summary,
	formatNumber,
}: StackedStatusBarsProps) {
	const data = useMemo(
		() => ({
			labels: groups,
			datasets: series.map((item) => ({
				label: item.label,
				data: item.counts,
				backgroundColor: canvasPattern(item.status),
				borderColor: '#ffffff',
				borderWidth: horizontal ? 1 : 0,
				barPercentage: horizontal ? 0.7 : 0.95,
				categoryPercentage: horizontal ? 0.8 : 1,
			})),
		}),
		[groups, series, horizontal],
	)
	const valueAxis = {
		stacked: true,
		beginAtZero: true,
		ticks: { precision: 0, callback: (value: string | number) => formatNumber(Number(value)) },
		grid: { color: '#e7e3da' },
	}
	const groupAxis = { stacked: true, grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } }
	return (
		<Bar
			data={data}
			role="img"
			aria-label={summary}
			options={{
				indexAxis: horizontal ? 'y' : 'x',
				maintainAspectRatio: false,
				animation: { duration: 300 },
				scales: horizontal ? { x: valueAxis, y: groupAxis } : { x: groupAxis, y: valueAxis },
				plugins: {
					legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 14, color: '#1b1f23' } },
					tooltip: {
						callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(Number(item.raw))}` },
					},
				},
			}}
		/>
	)
}
