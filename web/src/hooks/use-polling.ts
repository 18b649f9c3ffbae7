import { useEffect } from 'react'

/**
 * Calls `refresh` every `intervalMs` while the tab is visible, and once when it becomes visible
 * again, so a page left open keeps up without hammering the server from background tabs.
 * @example usePolling(alerts.reload, 10_000)
 */
export function usePolling(refresh: () => void, intervalMs: number, enabled = true): void {
  useEffect(() => {
    if (!enabled) return
    const tick = () => {
      if (document.visibilityState === 'visible') refresh()
    }
    const timer = window.setInterval(tick, intervalMs)
    document.addEventListener('visibilitychange', tick)
    return () => {
      window.clearInterval(timer)
      document.removeEventListener('visibilitychange', tick)
    }
  }, [refresh, intervalMs, enabled])
}
