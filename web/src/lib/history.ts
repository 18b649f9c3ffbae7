import { useSyncExternalStore } from 'react'

// pushState fires no event of its own, so navigations announce themselves with this one.
const NAVIGATE_EVENT = 'tend:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const snapshot = () => window.location.pathname + window.location.search

/** Returns the current path and query, re-rendering on every navigation. */
export function useLocation(): { readonly pathname: string; readonly search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot)
  const url = new URL(href, window.location.origin)
  return { pathname: url.pathname, search: url.searchParams }
}

/** Moves to `to` inside the app without reloading the page. */
export function navigate(to: string, opts: { readonly replace?: boolean } = {}): void {
  if (opts.replace === true) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
  window.scrollTo(0, 0)
}

/**
 * Matches `pathname` against a pattern with `:name` segments and returns the decoded parameters.
 * @example matchPath('/schedules/:id', '/schedules/abc') // { id: 'abc' }
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/')
  const got = (pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname).split('/')
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (const [i, part] of want.entries()) {
    const actual = got[i] ?? ''
    if (part.startsWith(':')) {
      if (actual === '') return null
      params[part.slice(1)] = decodeURIComponent(actual)
    } else if (part !== actual) return null
  }
  return params
}
