/**
 * The noise report: a team's (or service's) resolved alerts in a range, grouped into alarms and
 * ranked by rankNoisyAlarms, with a threshold suggestion for the noisiest threshold alarms.
 *
 * What the store decides for the pure ranking:
 * - an alarm's identity: its Tend alarm (`alarm:<id>`, the SLO ticket separately) or heartbeat;
 *   for inbound alerts the alert class when the source sets one, else the dedup key;
 * - paged: a notification for the alert went out on an interrupting channel (`interrupting = 1`,
 *   status `sent`);
 * - resolved by its source: resolved by no person (an integration, an alarm, auto-resolve).
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { alarmIdOfDedupKey, findAlarm } from '../alarms/index.js'
import { suggestAlarmThreshold, SUGGESTION_DEFAULTS, type AlarmThresholdSuggestion } from './alarm-threshold.js'
import { rankNoisyAlarms, type AlertRecord, type NoisyAlarm } from './rank-noisy-alarms.js'

/** One line of the report: the ranking's figures plus what the alarm is. */
export interface NoiseReportLine extends NoisyAlarm {
  /** A readable name: the alarm's or heartbeat's name, else the latest alert summary. */
  readonly label: string
  readonly alarmId: string | null
  readonly heartbeatId: string | null
  readonly lastAlertId: string
  readonly thresholdSuggestion: AlarmThresholdSuggestion | null
}

/** How many of the top threshold alarms get a threshold suggestion (each reads its history). */
const SUGGESTIONS = 3
const IN_CHUNK = 500

function keyOf(dedupKey: string, className: string | null): { key: string; alarmId: string | null; heartbeatId: string | null } {
  const alarmId = alarmIdOfDedupKey(dedupKey)
  if (alarmId !== null) return { key: dedupKey.endsWith(':ticket') ? `alarm:${alarmId}:ticket` : `alarm:${alarmId}`, alarmId, heartbeatId: null }
  const hb = /^heartbeat:1:(.+)$/.exec(dedupKey)
  if (hb !== null) return { key: `heartbeat:${hb[1]}`, alarmId: null, heartbeatId: hb[1] ?? null }
  if (className !== null && className !== '' && className !== 'alarm' && className !== 'heartbeat') return { key: `class:${className}`, alarmId: null, heartbeatId: null }
  return { key: `dedup:${dedupKey}`, alarmId: null, heartbeatId: null }
}

async function inChunks<T>(ids: readonly string[], fn: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await fn(ids.slice(i, i + IN_CHUNK))))
  return out
}

/**
 * Returns the alarms of the services whose resolved alerts were created in [from, to), noisiest
 * first, with the figures behind each rank and what to do about it.
 */
export async function noiseReport(db: Db, now: Instant, q: { serviceIds: readonly string[]; from: Instant; to: Instant }): Promise<NoiseReportLine[]> {
  if (q.serviceIds.length === 0) return []
  const alerts = await db
    .selectFrom('alerts')
    .select(['id', 'service_id', 'dedup_key', 'class_name', 'summary', 'created_at', 'resolved_at', 'resolved_by', 'acknowledged_at', 'outcome'])
    .where('service_id', 'in', [...q.serviceIds])
    .where('status', '=', 'resolved')
    .where('created_at', '>=', q.from)
    .where('created_at', '<', q.to)
    .orderBy('created_at')
    .limit(100_000)
    .execute()
  const ids = alerts.map((a) => a.id)
  const paged = new Set(
    (await inChunks(ids, (chunk) => db.selectFrom('notifications').select('alert_id').distinct().where('alert_id', 'in', chunk).where('interrupting', '=', 1).where('status', '=', 'sent').execute())).map((r) => r.alert_id),
  )
  const resolvers = [...new Set(alerts.map((a) => a.resolved_by).filter((r): r is string => r !== null))]
  const people = new Set((await inChunks(resolvers, (chunk) => db.selectFrom('users').select('id').where('id', 'in', chunk).execute())).map((r) => r.id))
  const meta = new Map<string, { label: string; alarmId: string | null; heartbeatId: string | null; lastAlertId: string }>()
  const records: AlertRecord[] = alerts.map((a) => {
    const k = keyOf(a.dedup_key, a.class_name)
    meta.set(`${a.service_id}\u0000${k.key}`, { label: a.summary, alarmId: k.alarmId, heartbeatId: k.heartbeatId, lastAlertId: a.id })
    return {
      key: k.key,
      serviceId: a.service_id,
      createdAt: a.created_at,
      resolvedAt: a.resolved_at,
      acknowledgedAt: a.acknowledged_at,
      outcome: a.outcome as AlertRecord['outcome'],
      paged: paged.has(a.id),
      autoResolved: a.resolved_by !== null && !people.has(a.resolved_by),
    }
  })
  const ranked = rankNoisyAlarms(records, { from: q.from, to: q.to })
  const lines: NoiseReportLine[] = []
  let suggested = 0
  for (const r of ranked) {
    const m = meta.get(`${r.serviceId}\u0000${r.key}`)
    const alarm = m?.alarmId === null || m?.alarmId === undefined ? null : await findAlarm(db, m.alarmId)
    const hb = m?.heartbeatId === null || m?.heartbeatId === undefined ? null : await db.selectFrom('heartbeats').select('name').where('id', '=', m.heartbeatId).executeTakeFirst()
    let thresholdSuggestion: AlarmThresholdSuggestion | null = null
    if (alarm !== null && alarm.definition.threshold !== null && r.score > 0 && suggested < SUGGESTIONS && !r.key.endsWith(':ticket')) {
      suggested += 1
      thresholdSuggestion = await suggestAlarmThreshold(db, alarm, now, SUGGESTION_DEFAULTS)
    }
    const label = alarm !== null ? `Alarm "${alarm.name}"${r.key.endsWith(':ticket') ? ' (SLO ticket)' : ''}` : hb !== undefined && hb !== null ? `Heartbeat "${hb.name}"` : (m?.label ?? r.key)
    lines.push({ ...r, label, alarmId: m?.alarmId ?? null, heartbeatId: m?.heartbeatId ?? null, lastAlertId: m?.lastAlertId ?? '', thresholdSuggestion })
  }
  return lines
}
