import type { PledgeStatus } from '~/.server/prisma/enums'

/** A section of a long-form page: a heading, paragraphs, and optionally a list. */
export type ProseSection = { heading: string; paragraphs: string[]; list?: string[] }

export type MethodologyContent = {
	intro: string
	statusesHeading: string
	statuses: Record<PledgeStatus, string>
	sections: ProseSection[]
}

export type AboutContent = {
	intro: string[]
	sections: ProseSection[]
}
