import { api } from '../../../lib/api-client'
import type { RecentChange } from '../../../types/api'

/** Fetches the changes near an alert (its service, dependencies, direct dependents; 24 h before it until now), newest first. */
export async function getAlertRecentChanges(alertId: string, signal?: AbortSignal): Promise<readonly RecentChange[]> {
  const res = await api.get<{ readonly recentChanges?: readonly RecentChange[] }>(`/alerts/${encodeURIComponent(alertId)}`, signal ? { signal } : {})
  return res.recentChanges ?? []
}
