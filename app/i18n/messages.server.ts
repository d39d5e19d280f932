import type { Locale } from './locales'
import { en } from './messages/en'
import { kk } from './messages/kk'
import { ru } from './messages/ru'
import type { Messages } from './translator'

// Server-only: a page ships its own language's messages in the root loader's data, never all three.
export const messagesByLocale: Record<Locale, Messages> = { en, ru, kk }

/**
 * The staff area's messages that public pages show too: the header's account menu and the staff links of a
 * pledge page (for a signed-in reader). Every other `staff.` message stays off public pages, which would
 * otherwise carry the whole staff area's wording in each language's every page.
 */
const staffMessagesOnPublicPages = ['staff.menu.', 'staff.evidence.addTitle', 'staff.admin.recordStatus']

function publicMessagesOf(messages: Messages): Partial<Messages> {
	return Object.fromEntries(
		Object.entries(messages).filter(
			([key]) => !key.startsWith('staff.') || staffMessagesOnPublicPages.some((kept) => key.startsWith(kept)),
		),
	)
}

/** The messages a public page (under /{lang}) ships: all but the staff area's own. */
export const publicMessagesByLocale: Record<Locale, Partial<Messages>> = {
	en: publicMessagesOf(en),
	ru: publicMessagesOf(ru),
	kk: publicMessagesOf(kk),
}
