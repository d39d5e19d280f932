import { Fragment, type ReactNode } from 'react'

/**
 * A translated sentence with elements inside it (a link mid-sentence): `text` comes from `t()` with the
 * element's placeholders left unfilled ("Turn it back on in {settings} …"), and `parts` gives each one.
 * Each language keeps its own word order around the element.
 */
export function RichText({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
	return text.split(/(\{\w+\})/).map((piece, index) => {
		const name = /^\{(\w+)\}$/.exec(piece)?.[1]
		return <Fragment key={index}>{name !== undefined && name in parts ? parts[name] : piece}</Fragment>
	})
}
