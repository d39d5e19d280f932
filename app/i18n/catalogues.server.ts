import { en } from './catalogues/en'
import { kk } from './catalogues/kk'
import { ru } from './catalogues/ru'
import type { Locale } from './locales'
import type { Catalogue } from './messages'

// Server-only: a page ships its own language's catalogue in the root loader's data, never all three.
export const catalogues: Record<Locale, Catalogue> = { en, ru, kk }
