import { formatDuration } from '../../../lib/time'
import type { Heartbeat } from '../../../types/api'
import type { HeartbeatInput } from '../api/create-heartbeat'

export type IntervalUnit = 'minutes' | 'hours' | 'days'

const UNIT_SECONDS: Readonly<Record<IntervalUnit, number>> = { minutes: 60, hours: 3600, days: 86_400 }

/** A heartbeat as the form edits it: numbers stay text until sent, so half-typed values are kept. */
export interface HeartbeatDraft {
  readonly serviceId: string
  readonly name: string
  readonly scheduleKind: 'interval' | 'cron'
  readonly every: string
  readonly unit: IntervalUnit
  readonly cron: string
  readonly timeZone: string
  readonly graceMinutes: string
  readonly missesToAlarm: string
  readonly failMode: 'immediate' | 'after_n'
}

/** A new heartbeat: every 5 minutes, 5 minutes' grace, 3 misses in a row page (the API's defaults). */
export function emptyHeartbeatDraft(serviceId: string, timeZone: string): HeartbeatDraft {
  return { serviceId, name: '', scheduleKind: 'interval', every: '5', unit: 'minutes', cron: '0 2 * * *', timeZone, graceMinutes: '5', missesToAlarm: '3', failMode: 'immediate' }
}

/** Splits seconds into the largest unit that divides them: 7200 → 2 hours. */
export function splitInterval(seconds: number): { readonly every: string; readonly unit: IntervalUnit } {
  for (const unit of ['days', 'hours', 'minutes'] as const) {
    if (seconds % UNIT_SECONDS[unit] === 0) return { every: String(seconds / UNIT_SECONDS[unit]), unit }
  }
  return { every: String(seconds / 60), unit: 'minutes' }
}

/** The draft for editing `heartbeat`. */
export function draftFromHeartbeat(heartbeat: Heartbeat, fallbackZone: string): HeartbeatDraft {
  const { schedule, graceSeconds, missesToAlarm, failMode } = heartbeat.spec
  return {
    ...emptyHeartbeatDraft(heartbeat.serviceId, fallbackZone),
    name: heartbeat.name,
    ...(schedule.kind === 'interval'
      ? { scheduleKind: 'interval' as const, ...splitInterval(schedule.intervalSeconds) }
      : { scheduleKind: 'cron' as const, cron: schedule.cron, timeZone: schedule.timeZone }),
    graceMinutes: String(graceSeconds / 60),
    missesToAlarm: String(missesToAlarm),
    failMode,
  }
}

const isNumber = (text: string) => /^\s*\d+(\.\d+)?\s*$/.test(text)
const isInt = (text: string) => /^\s*\d+\s*$/.test(text)

/** What cannot be sent, keyed like the API's fields so errors show in the same place. */
export function heartbeatDraftErrors(d: HeartbeatDraft): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {}
  if (d.serviceId === '') errors['serviceId'] = 'Choose the service the job belongs to'
  if (d.name.trim() === '') errors['name'] = 'Enter a name, e.g. nightly-backup'
  if (d.scheduleKind === 'interval' && (!isNumber(d.every) || Number(d.every) <= 0)) errors['intervalSeconds'] = 'Enter how often the job runs'
  if (d.scheduleKind === 'cron' && d.cron.trim() === '') errors['cron'] = 'Enter a five-field cron expression, e.g. 0 2 * * *'
  if (d.scheduleKind === 'cron' && d.timeZone.trim() === '') errors['timeZone'] = 'Enter the zone the cron times are in, e.g. Europe/Berlin'
  if (!isNumber(d.graceMinutes)) errors['graceSeconds'] = 'Enter minutes of grace'
  if (!isInt(d.missesToAlarm)) errors['missesToAlarm'] = 'Enter a whole number'
  return errors
}

/** The API body for a draft that has no `heartbeatDraftErrors`; the other schedule kind is sent as null so an edit can switch kinds. */
export function heartbeatDraftToInput(d: HeartbeatDraft): HeartbeatInput {
  const interval = d.scheduleKind === 'interval'
  return {
    name: d.name.trim(),
    intervalSeconds: interval ? Math.round(Number(d.every) * UNIT_SECONDS[d.unit]) : null,
    cron: interval ? null : d.cron.trim(),
    timeZone: interval ? null : d.timeZone.trim(),
    graceSeconds: Math.round(Number(d.graceMinutes) * 60),
    missesToAlarm: Number(d.missesToAlarm),
    failMode: d.failMode,
  }
}

/**
 * Rewrites the API's bounds in seconds ("from 60 to 31536000") as durations, since the form
 * asks for minutes, hours or days.
 * @example secondsInWords('must be a whole number from 60 to 31536000') // 'must be a whole number of seconds from 1 min to 365 d'
 */
export function secondsInWords(reason: string): string {
  return reason.replace(/whole number from (\d+) to (\d+)/, (_, lo: string, hi: string) => `whole number of seconds from ${formatDuration(Number(lo) * 1000)} to ${formatDuration(Number(hi) * 1000)}`)
}
