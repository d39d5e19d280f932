import type { PledgeStatus } from '~/.server/prisma/enums'

/** A section of a long-form page: a heading, paragraphs, and optionally a list. */
export type ProseSection = { heading: string; paragraphs: string[]; list?: string[] }

export type MethodologyContent = {
	intro: string
	statusesHeading: string
	statuses: Record<PledgeStatus, string>
	sections: ProseSection[]
}

/** A sentence with one part linked (or left plain when there is nothing to link to). */
export type LinkedSentence = { before: string; link: string; after: string }

export type AboutContent = {
	intro: string[]
	/** The sections before "Who runs this", then those after it. */
	sections: ProseSection[]
	laterSections: ProseSection[]
	operator: {
		heading: string
		intro: string
		organization: string
		contact: string
		source: string
		/** Around a setting's name, for a value nobody configured: a reader must see it is a default. */
		notConfigured: { before: string; after: string }
		/** "tell us", linked to the contact (or the source code's issues). */
		tellUs: LinkedSentence
	}
}

/** The open data page (/{lang}/data): the files, the dictionary's frame, the licence, how to cite. */
export type DataContent = {
	intro: string[]
	files: { heading: string; intro: string; dataset: string }
	platforms: { heading: string; intro: string }
	dictionary: { heading: string; intro: string; format: string[] }
	licence: { heading: string; terms: LinkedSentence; paragraphs: string[] }
	/** `{organization}`, `{url}` and `{date}` are filled in on the page. */
	citing: { heading: string; intro: string; citation: string }
	/** `embeds` names the pledge page's embed section as `{section}`. */
	elsewhere: { heading: string; intro: string; api: LinkedSentence; feeds: LinkedSentence; embeds: string }
}
