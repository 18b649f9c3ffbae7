import { api } from '../../../lib/api-client'
import type { ThresholdSuggestion } from '../../../types/api'

/** Fetches a realistic threshold learnt from the metric's history and the alerts marked actionable. */
export function getThresholdSuggestion(id: string, opts: { readonly days?: number; readonly targetAlertsPerWeek?: number } = {}, signal?: AbortSignal): Promise<ThresholdSuggestion> {
  return api.get<ThresholdSuggestion>(`/alarms/${encodeURIComponent(id)}/threshold-suggestion`, { query: { days: opts.days, targetAlertsPerWeek: opts.targetAlertsPerWeek }, ...(signal ? { signal } : {}) })
}
