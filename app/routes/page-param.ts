/** A `?page=N` query parameter: 1 when absent, null when it is not a page number. */
export function pageParam(url: URL): number | null {
	const value = url.searchParams.get('page')
	if (value === null) return 1
	return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null
}

/** A staff list's `?page=N`: the first page when it is absent or not a page number (`abc`, `1e308`). */
export function pageOrFirst(url: URL): number {
	return pageParam(url) ?? 1
}
