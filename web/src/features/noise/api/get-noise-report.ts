import { api } from '../../../lib/api-client'
import type { NoiseReport } from '../../../types/api'

/** Fetches the noisiest alarms of a team over alerts resolved from `from` to `to` (default: the last 30 days). */
export function getNoiseReport(filter: { readonly teamId?: string | undefined; readonly serviceId?: string | undefined; readonly from?: string | undefined }, signal?: AbortSignal): Promise<NoiseReport> {
  return api.get<NoiseReport>('/noise', { query: { teamId: filter.teamId, serviceId: filter.serviceId, from: filter.from }, ...(signal ? { signal } : {}) })
}
