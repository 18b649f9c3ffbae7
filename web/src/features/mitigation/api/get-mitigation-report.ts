import { api } from '../../../lib/api-client'
import type { MitigationReport } from '../../../types/api'

/** Fetches a rule's figures: runs, success rate, alerts kept from paging, and its follow-ups. */
export function getMitigationReport(ruleId: string, signal?: AbortSignal): Promise<MitigationReport> {
  return api.get<MitigationReport>(`/mitigation-rules/${encodeURIComponent(ruleId)}/report`, signal ? { signal } : {})
}
