import { api } from '../../../lib/api-client'
import type { ListResponse, MitigationRule } from '../../../types/api'

/** Fetches every mitigation rule, or one team's. */
export async function getMitigationRules(teamId?: string, signal?: AbortSignal): Promise<readonly MitigationRule[]> {
  const res = await api.get<ListResponse<MitigationRule>>('/mitigation-rules', { query: { teamId }, ...(signal ? { signal } : {}) })
  return res.items
}
