import { api } from '../../../lib/api-client'
import type { Alarm, AlarmComparison, AlarmStatistic, MissingDataPolicy } from '../../../types/api'

/** Fields both kinds share. */
interface AlarmCommon {
  readonly name: string
  readonly severity: string
  readonly okPeriodsToResolve: number
}

/** A threshold alarm as the API takes it (CloudWatch's fields, plus a recovery threshold). */
export interface ThresholdAlarmInput extends AlarmCommon {
  readonly kind: 'threshold'
  readonly metric: string
  readonly selector: Readonly<Record<string, string>>
  readonly statistic: AlarmStatistic
  readonly periodSeconds: number
  readonly comparison: AlarmComparison
  readonly threshold: number
  readonly recoveryThreshold: number | null
  readonly evaluationPeriods: number
  readonly datapointsToAlarm: number
  readonly treatMissingData: MissingDataPolicy
}

/** An SLO burn-rate alarm as the API takes it. */
export interface SloAlarmInput extends AlarmCommon {
  readonly kind: 'slo'
  readonly good: { readonly metric: string; readonly selector: Readonly<Record<string, string>> }
  readonly total: { readonly metric: string; readonly selector: Readonly<Record<string, string>> }
  readonly target: number
  readonly periodDays: number
}

export type AlarmInput = ThresholdAlarmInput | SloAlarmInput

/** Creates an alarm on a service (team admins); it is evaluated at once, then once per period. */
export function createAlarm(serviceId: string, input: AlarmInput): Promise<Alarm> {
  return api.post<Alarm>(`/services/${encodeURIComponent(serviceId)}/alarms`, input)
}
