import { readFileSync } from 'node:fs'

/**
 * The advance widths of a TrueType font's characters, read from its own tables (cmap format 4 for the
 * Basic Multilingual Plane, hmtx), so that a share card wraps its title where the renderer will really
 * run out of room, and a test can tell whether the font has a glyph for every character it must draw.
 * Kerning is left out: it only ever narrows a line a little.
 */
export class FontMetrics {
	readonly #advances: Uint16Array
	readonly #unitsPerEm: number
	readonly #glyphOf = new Map<number, number>()

	constructor(file: string) {
		const font = readFileSync(file)
		const tables = new Map<string, number>()
		const tableCount = font.readUInt16BE(4)
		for (let index = 0; index < tableCount; index++) {
			const record = 12 + index * 16
			tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8))
		}
		const table = (tag: string) => {
			const offset = tables.get(tag)
			if (offset === undefined) throw new Error(`${file} has no ${tag} table`)
			return offset
		}
		this.#unitsPerEm = font.readUInt16BE(table('head') + 18)
		const metricCount = font.readUInt16BE(table('hhea') + 34)
		const hmtx = table('hmtx')
		this.#advances = new Uint16Array(metricCount)
		for (let glyph = 0; glyph < metricCount; glyph++)
			this.#advances[glyph] = font.readUInt16BE(hmtx + glyph * 4)
		this.#readCmap(font, table('cmap'))
	}

	/** Format 4 of the Windows Unicode BMP subtable (3, 1): every font made this century has it. */
	#readCmap(font: Buffer, cmap: number) {
		const subtableCount = font.readUInt16BE(cmap + 2)
		let subtable: number | null = null
		for (let index = 0; index < subtableCount; index++) {
			const record = cmap + 4 + index * 8
			if (font.readUInt16BE(record) === 3 && font.readUInt16BE(record + 2) === 1) {
				subtable = cmap + font.readUInt32BE(record + 4)
			}
		}
		if (subtable === null || font.readUInt16BE(subtable) !== 4) throw new Error('no cmap format 4 subtable')
		const segments = font.readUInt16BE(subtable + 6) / 2
		const ends = subtable + 14
		const starts = ends + segments * 2 + 2
		const deltas = starts + segments * 2
		const rangeOffsets = deltas + segments * 2
		for (let segment = 0; segment < segments; segment++) {
			const end = font.readUInt16BE(ends + segment * 2)
			const start = font.readUInt16BE(starts + segment * 2)
			const delta = font.readInt16BE(deltas + segment * 2)
			const rangeOffsetAt = rangeOffsets + segment * 2
			const rangeOffset = font.readUInt16BE(rangeOffsetAt)
			for (let code = start; code <= end && code !== 0xffff; code++) {
				let glyph: number
				if (rangeOffset === 0) glyph = (code + delta) & 0xffff
				else {
					const at = rangeOffsetAt + rangeOffset + (code - start) * 2
					const stored = font.readUInt16BE(at)
					glyph = stored === 0 ? 0 : (stored + delta) & 0xffff
				}
				if (glyph !== 0) this.#glyphOf.set(code, glyph)
			}
		}
	}

	/** Whether the font draws this character (else a renderer shows a box, "tofu"). */
	has(character: string): boolean {
		const code = character.codePointAt(0)
		return code !== undefined && this.#glyphOf.has(code)
	}

	/** The characters of `text` the font has no glyph for (spaces and line breaks aside). */
	missing(text: string): string[] {
		return [...new Set([...text].filter((character) => !/\s/.test(character) && !this.has(character)))]
	}

	/** How wide `text` is at `fontSize` px; a character without a glyph counts as an em. */
	width(text: string, fontSize: number): number {
		let units = 0
		for (const character of text) {
			const glyph = this.#glyphOf.get(character.codePointAt(0) ?? 0)
			units +=
				glyph === undefined
					? this.#unitsPerEm
					: (this.#advances[Math.min(glyph, this.#advances.length - 1)] ?? this.#unitsPerEm)
		}
		return (units * fontSize) / this.#unitsPerEm
	}
}
