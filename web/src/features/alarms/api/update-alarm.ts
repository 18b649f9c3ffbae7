import { api } from '../../../lib/api-client'
import type { Alarm } from '../../../types/api'
import type { SloAlarmInput, ThresholdAlarmInput } from './create-alarm'

/** What a PATCH may change: any field of the alarm's own kind (a kind, if given, must be the alarm's). */
export type AlarmPatch = Partial<ThresholdAlarmInput> | Partial<SloAlarmInput>

/** Changes an alarm; the engine re-evaluates it at once. */
export function updateAlarm(id: string, patch: AlarmPatch): Promise<Alarm> {
  return api.patch<Alarm>(`/alarms/${encodeURIComponent(id)}`, patch)
}
