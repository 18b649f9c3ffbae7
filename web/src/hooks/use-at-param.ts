import { useLocation } from '../lib/history'

/**
 * The `?at=` query parameter (an RFC 3339 instant) that shows on-call pages as of another time.
 * Without it, "now" is the server's clock as the API reports it (the `at` of on-call answers),
 * never the browser's, so the UI agrees with the server even when their clocks differ.
 */
export function useAtParam(): string | undefined {
  const at = useLocation().search.get('at')
  return at === null || at === '' ? undefined : at
}
