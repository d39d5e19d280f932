import { ArcElement, Chart as ChartJS, Tooltip, type Plugin } from 'chart.js'
import { useMemo } from 'react'
import { Doughnut } from 'react-chartjs-2'
import type { PledgeStatus } from '~/.server/prisma/enums'
import { canvasPattern } from './status-style'

ChartJS.register(ArcElement, Tooltip)

export type StatusDoughnutProps = {
	slices: Array<{ status: PledgeStatus; label: string; count: number; tooltip: string }>
	/** The total, as the page formats it, written in the ring's hole. */
	centreText: string
	centreCaption: string
	summary: string
}

export default function StatusDoughnut({ slices, centreText, centreCaption, summary }: StatusDoughnutProps) {
	const data = useMemo(
		() => ({
			labels: slices.map((slice) => slice.label),
			datasets: [
				{
					data: slices.map((slice) => slice.count),
					backgroundColor: slices.map((slice) => canvasPattern(slice.status)),
					borderColor: '#ffffff',
					borderWidth: 2,
				},
			],
		}),
		[slices],
	)
	const centre = useMemo<Plugin<'doughnut'>>(
		() => ({
			id: 'centreText',
			afterDraw(chart) {
				const { ctx, chartArea } = chart
				const x = (chartArea.left + chartArea.right) / 2
				const y = (chartArea.top + chartArea.bottom) / 2
				ctx.save()
				ctx.textAlign = 'center'
				ctx.fillStyle = '#1b1f23'
				ctx.font = '700 28px Georgia, serif'
				ctx.fillText(centreText, x, y + 4)
				ctx.font = '13px system-ui, sans-serif'
				ctx.fillStyle = '#4d5660'
				ctx.fillText(centreCaption, x, y + 24)
				ctx.restore()
			},
		}),
		[centreText, centreCaption],
	)
	return (
		<Doughnut
			data={data}
			plugins={[centre]}
			role="img"
			aria-label={summary}
			options={{
				cutout: '64%',
				maintainAspectRatio: false,
				animation: { duration: 300 },
				plugins: {
					// The table beside the ring is its legend, with the counts and shares.
					legend: { display: false },
					tooltip: { callbacks: { label: (item) => slices[item.dataIndex]?.tooltip ?? '' } },
				},
			}}
		/>
	)
}
