import type { NextFunction, Request, Response } from 'express'

/** The methods the site answers; any other (TRACE, PUT, DELETE…) is a 405 naming these. */
const allowedMethods = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const

/** What a form post may be: a form as browsers send it, with or without files. */
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data']

const kib = 1024

/**
 * The largest body a post may have, by its address. The sign-in form is two fields; the largest staff form
 * (a pledge with 30 steps and its text in three languages, all in Cyrillic, which a form sends as six bytes
 * a letter) is about 120 KiB. An import's upload is the one large post.
 */
export function bodyLimitFor(path: string): number {
	if (path === '/sign-in' || path === '/sign-in.data') return 16 * kib
	// An import's file (at most 20 MiB, app/data/import.server.ts) with the form's own few fields.
	if (path === '/admin/import' || path === '/admin/import.data') return 20 * 1024 * kib + 64 * kib
	return 256 * kib
}

export type LimitRefusal = {
	status: 400 | 405 | 411 | 413 | 415
	message: string
	headers?: Record<string, string>
}

/**
 * Why an address cannot name a page here, or null when it can: it is not valid percent-encoding, or it holds
 * a backslash or a control character once decoded. No address of this site has one; the router would read
 * `/%5C` or `/%09/` as `//`, a link to another host, and fail.
 */
export function unreadablePath(path: string): string | null {
	let decoded: string
	try {
		decoded = decodeURIComponent(path)
	} catch {
		return 'This address is not valid percent-encoding.'
	}
	// eslint-disable-next-line no-control-regex -- control characters are what this looks for
	return /[\\\u0000-\u001f\u007f]/.test(decoded)
		? 'This address holds a backslash or a control character; no page of this site has one.'
		: null
}

/**
 * Why a request is refused before its body is read, or null when it may go on: an address no page can
 * have, a method the site does not answer, a post that is not a form, that does not say its length, or
 * that is longer than its address takes. Nothing of a refused body is parsed.
 */
export function limitRefusal(request: {
	method: string
	path: string
	header: (name: string) => string | undefined
}): LimitRefusal | null {
	const pathProblem = unreadablePath(request.path)
	if (pathProblem) return { status: 400, message: pathProblem }
	const method = request.method.toUpperCase()
	if (!(allowedMethods as readonly string[]).includes(method)) {
		return {
			status: 405,
			message: 'This address answers GET, HEAD and POST only.',
			headers: { Allow: allowedMethods.join(', ') },
		}
	}
	if (method !== 'POST') return null
	const type = (request.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
	if (!formTypes.includes(type)) {
		return { status: 415, message: 'Only forms may be posted here.' }
	}
	const length = request.header('content-length')
	if (length === undefined || !/^\d{1,15}$/.test(length)) {
		// Browsers always say how long a form is; a body of unknown length could only be cut off midway.
		return { status: 411, message: 'A form post must say its length (Content-Length).' }
	}
	const limit = bodyLimitFor(request.path)
	if (Number(length) > limit) {
		// An import's limit is its file's 20 MB, with room for the form around it.
		const most = limit >= 1024 * kib ? `${Math.floor(limit / (1024 * kib))} MB` : `${limit / kib} KiB`
		return { status: 413, message: `This form is too large: at most ${most} may be posted here.` }
	}
	return null
}

/** Express middleware: refuses what `limitRefusal` refuses, with a short text answer and nothing cached. */
export function requestLimits() {
	return (req: Request, res: Response, next: NextFunction) => {
		const refusal = limitRefusal({ method: req.method, path: req.path, header: (name) => req.get(name) })
		if (!refusal) return next()
		res.status(refusal.status)
		for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value)
		res.setHeader('Cache-Control', 'no-store')
		// The body is not read: the connection closes after the answer rather than wait for it.
		res.setHeader('Connection', 'close')
		res.type('text/plain').send(refusal.message)
	}
}
