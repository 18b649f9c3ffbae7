const KEY = 'tend.token'

/** Returns the API token saved in this browser, or null when signed out. */
export function readToken(): string | null {
  try {
    return window.localStorage.getItem(KEY)
  } catch {
    // Storage can be disabled (private mode, policies): then nobody stays signed in.
    return null
  }
}

/** Saves the API token for later visits. */
export function saveToken(token: string): void {
  window.localStorage.setItem(KEY, token)
}

/** Forgets the API token. */
export function clearToken(): void {
  window.localStorage.removeItem(KEY)
}
