import type { Locale } from './locales'
import { en } from './messages/en'
import { kk } from './messages/kk'
import { ru } from './messages/ru'
import type { Messages } from './translator'

// Server-only: a page ships its own language's messages in the root loader's data, never all three.
export const messagesByLocale: Record<Locale, Messages> = { en, ru, kk }
