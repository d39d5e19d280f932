import type { PledgeStatus } from '~/.server/prisma/enums'

/**
 * How each status is drawn: its colour, and the colour of text on it. The palette is Okabe–Ito,
 * distinguishable with the common forms of colour blindness; a label always goes with the colour.
 */
export const statusColours: Record<PledgeStatus, { colour: string; textColour: string }> = {
	NOT_RATED: { colour: '#8c8c8c', textColour: '#000000' },
	IN_PROGRESS: { colour: '#0072B2', textColour: '#ffffff' },
	STALLED: { colour: '#E69F00', textColour: '#000000' },
	PARTIAL: { colour: '#F0E442', textColour: '#000000' },
	KEPT: { colour: '#009E73', textColour: '#000000' },
	BROKEN: { colour: '#D55E00', textColour: '#000000' },
}

/**
 * Each status has a texture as well as a colour, so that the chart's areas can be told apart without
 * seeing colour: the same texture fills the chart and the swatch beside its label in the table.
 */
type Texture = 'plain' | 'diagonal' | 'dots' | 'crosshatch' | 'horizontal' | 'vertical'

export const statusTexture: Record<PledgeStatus, Texture> = {
	NOT_RATED: 'plain',
	IN_PROGRESS: 'diagonal',
	STALLED: 'dots',
	PARTIAL: 'crosshatch',
	KEPT: 'vertical',
	BROKEN: 'horizontal',
}

const ink = 'rgb(0 0 0 / 0.45)'

/** The texture as a CSS background, for swatches drawn in HTML. */
export function swatchBackground(status: PledgeStatus): string {
	const colour = statusColours[status].colour
	const layers: Record<Texture, string> = {
		plain: '',
		diagonal: `repeating-linear-gradient(45deg, ${ink} 0 1.5px, transparent 1.5px 6px),`,
		dots: `radial-gradient(${ink} 1.2px, transparent 1.6px) 0 0 / 5px 5px,`,
		crosshatch: `repeating-linear-gradient(45deg, ${ink} 0 1px, transparent 1px 5px), repeating-linear-gradient(-45deg, ${ink} 0 1px, transparent 1px 5px),`,
		horizontal: `repeating-linear-gradient(0deg, ${ink} 0 1.5px, transparent 1.5px 5px),`,
		vertical: `repeating-linear-gradient(90deg, ${ink} 0 1.5px, transparent 1.5px 5px),`,
	}
	return `${layers[statusTexture[status]]} ${colour}`
}

/** The texture as a canvas pattern, for chart.js fills (browser only). */
export function canvasPattern(status: PledgeStatus): CanvasPattern | string {
	const colour = statusColours[status].colour
	const size = 8
	const tile = document.createElement('canvas')
	tile.width = size
	tile.height = size
	const context = tile.getContext('2d')
	if (!context) return colour
	context.fillStyle = colour
	context.fillRect(0, 0, size, size)
	context.strokeStyle = ink
	context.fillStyle = ink
	context.lineWidth = 1.5
	const line = (x1: number, y1: number, x2: number, y2: number) => {
		context.beginPath()
		context.moveTo(x1, y1)
		context.lineTo(x2, y2)
		context.stroke()
	}
	switch (statusTexture[status]) {
		case 'plain':
			break
		case 'diagonal':
			line(0, size, size, 0)
			line(-size / 2, size / 2, size / 2, -size / 2)
			line(size / 2, size * 1.5, size * 1.5, size / 2)
			break
		case 'dots':
			context.beginPath()
			context.arc(size / 2, size / 2, 1.4, 0, Math.PI * 2)
			context.fill()
			break
		case 'crosshatch':
			context.lineWidth = 1
			line(0, size, size, 0)
			line(0, 0, size, size)
			break
		case 'horizontal':
			line(0, size / 2, size, size / 2)
			break
		case 'vertical':
			line(size / 2, 0, size / 2, size)
			break
	}
	return context.createPattern(tile, 'repeat') ?? colour
}
