import type { TextSegment } from '~/models/search-text'

/**
 * A text with the words a search matched inside `<mark>`. Each part is rendered as a text node, so neither
 * the text nor the query can ever become markup.
 */
export function HighlightedText({ segments }: { segments: readonly TextSegment[] }) {
	return (
		<>
			{segments.map((segment, index) =>
				segment.mark ? <mark key={index}>{segment.text}</mark> : segment.text,
			)}
		</>
	)
}
