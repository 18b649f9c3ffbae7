import type { NoisyAlarm } from '../../../types/api'

/** "67%" of a share, or "not marked" when no alert was marked. */
export function formatShare(share: number | null): string {
  return share === null ? 'not marked' : `${Math.round(share * 100)}%`
}

/** Where a line of the report leads: its alarm, its heartbeat, or its last alert. */
export function noiseTarget(line: Pick<NoisyAlarm, 'alarmId' | 'heartbeatId' | 'lastAlertId'>): string {
  if (line.alarmId !== null) return `/alarms/${line.alarmId}`
  if (line.heartbeatId !== null) return `/alarms/heartbeats/${line.heartbeatId}`
  return `/alerts/${line.lastAlertId}`
}

/** What kind of thing a line is, from its key (alarm:…, heartbeat:…, class:…, dedup:…). */
export function noiseKind(key: string): string {
  const kind = key.split(':')[0]
  return kind === 'alarm' ? 'alarm' : kind === 'heartbeat' ? 'heartbeat' : kind === 'class' ? 'alert class' : 'dedup key'
}
