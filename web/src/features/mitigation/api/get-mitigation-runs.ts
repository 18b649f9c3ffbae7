import { api } from '../../../lib/api-client'
import type { ListResponse, MitigationRun } from '../../../types/api'

/** Fetches runs newest first, of one rule or of one alert. */
export async function getMitigationRuns(filter: { readonly ruleId?: string; readonly alertId?: string }, signal?: AbortSignal): Promise<readonly MitigationRun[]> {
  const res = await api.get<ListResponse<MitigationRun>>('/mitigation-runs', { query: { ...filter }, ...(signal ? { signal } : {}) })
  return res.items
}
