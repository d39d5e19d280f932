import { createContext, useContext } from 'react'

/**
 * The response's CSP nonce, for the inline scripts Remix renders (`<Scripts>`, `<ScrollRestoration>`).
 * Only the server knows it; in the browser it is '' (browsers hide a nonce from the DOM too, so the
 * hydrating attribute matches).
 */
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
	return useContext(NonceContext)
}
