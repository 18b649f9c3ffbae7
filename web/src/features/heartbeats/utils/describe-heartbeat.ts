import { formatDuration } from '../../../lib/time'
import type { Heartbeat, HeartbeatSchedule } from '../../../types/api'

/** "every 5 min" or "at 0 2 * * * (Europe/Berlin)": when pings are expected. */
export function describeSchedule(schedule: HeartbeatSchedule): string {
  return schedule.kind === 'interval' ? `every ${formatDuration(schedule.intervalSeconds * 1000)}` : `cron ${schedule.cron} (${schedule.timeZone})`
}

/** "3 misses in a row page" or "1 miss pages". */
export function missesText(missesToAlarm: number): string {
  return missesToAlarm === 1 ? '1 miss pages' : `${missesToAlarm} misses in a row page`
}

/**
 * How long an interval job can stay silent before it pages: N intervals plus the grace, counted
 * from its last ping (the Nth expected ping counts as missed once its grace has passed). Null for
 * cron schedules, whose gaps vary.
 * @example silenceBeforePage({ schedule: { kind: 'interval', intervalSeconds: 3600 }, graceSeconds: 300, missesToAlarm: 3 }) // 3 h 5 min in ms
 */
export function silenceBeforePage(spec: Pick<Heartbeat['spec'], 'schedule' | 'graceSeconds' | 'missesToAlarm'>): number | null {
  if (spec.schedule.kind !== 'interval') return null
  return (spec.missesToAlarm * spec.schedule.intervalSeconds + spec.graceSeconds) * 1000
}

/** What a `/fail` ping does under the heartbeat's fail mode. */
export function failModeText(spec: Pick<Heartbeat['spec'], 'failMode' | 'missesToAlarm'>): string {
  if (spec.failMode === 'immediate') return 'one /fail pages'
  return spec.missesToAlarm === 1 ? 'one /fail pages' : `${spec.missesToAlarm} /fail in a row page`
}
