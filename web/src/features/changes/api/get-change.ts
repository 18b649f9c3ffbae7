import { api } from '../../../lib/api-client'
import type { ChangeDetail } from '../../../types/api'

/** Fetches one change request (CR-42, 42 or its id) with comments, blast radius, deployments and the viewer's next actions. */
export function getChange(key: string, signal?: AbortSignal): Promise<ChangeDetail> {
  return api.get<ChangeDetail>(`/changes/${encodeURIComponent(key)}`, signal ? { signal } : {})
}
