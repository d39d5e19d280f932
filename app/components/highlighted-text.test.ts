import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { analyzeQuery, highlightMatches } from '~/models/search-text'
import { HighlightedText } from './highlighted-text'

const render = (text: string, query: string) =>
	renderToStaticMarkup(
		createElement(HighlightedText, { segments: highlightMatches(text, analyzeQuery(query, 'kk')) }),
	)

describe('HighlightedText', () => {
	test('marks the matched words', () => {
		expect(render('Жастар саясатының жаңа заңы', 'жастарға ')).toBe(
			'<mark>Жастар</mark> саясатының жаңа заңы',
		)
	})

	test('renders markup in the text or the query as text, never as HTML', () => {
		expect(render('<img src=x onerror=alert(1)> жастар & <b>заң</b>', '<mark>жастар ')).toBe(
			'&lt;img src=x onerror=alert(1)&gt; <mark>жастар</mark> &amp; &lt;b&gt;заң&lt;/b&gt;',
		)
	})
})
