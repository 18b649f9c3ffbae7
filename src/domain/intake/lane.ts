/**
 * Set-based intake for one transaction's worth of ingest jobs (a lane). Most events in a burst
 * are plain triggers: a new key that opens an alert, or a repeat that joins one, on a service
 * with no event rule and no maintenance window. Their lookups are made once for the whole lane
 * (open alerts, rules, held resolves, flap history, maintenance, mitigation rules), and the
 * rows they write (alerts, timeline, events) go out in multi-row inserts. On PostgreSQL that
 * turns about eight round trips per event into a handful per lane.
 *
 * Any other event (acknowledge, resolve, a ruled or flapping trigger, a key seen twice in the
 * lane, a service in maintenance) takes the one-event path, after the rows gathered so far are
 * written, so it sees everything before it exactly as if the lane had run event by event.
 */
import type { Insertable } from 'kysely'
import type { Instant } from '../../lib/time/index.js'
import { insertRows, type AlertLogTable, type AlertsTable, type EventsTable, type Tx } from '../../storage/index.js'
import { findOpenAlerts, joinAlert, newAlertRows, serviceDedupKey, type Alert, type AlertEvent, type EventResult } from '../alerts/index.js'
import { plainTriggers, RULED_SOURCES, type PlainTriggers } from '../event-rules/index.js'
import { servicesInMaintenance } from '../maintenance/index.js'
import { CHECKED_NO_RULE, servicesWithMitigation } from '../mitigation/index.js'
import type { IngestJob } from './ingestor.js'

/**
 * Sources whose new alerts a maintenance window holds: the inbound monitoring sources, the same
 * ones event rules shape. Manual and system pages always go out.
 */
export const HELD_IN_MAINTENANCE: ReadonlySet<string> = RULED_SOURCES

/** Rows gathered for the lane's multi-row inserts, written in foreign-key order. */
export class PendingRows {
  alerts: Insertable<AlertsTable>[] = []
  log: Insertable<AlertLogTable>[] = []
  events: Insertable<EventsTable>[] = []

  async flush(trx: Tx): Promise<void> {
    const { alerts, log, events } = this
    this.alerts = []
    this.log = []
    this.events = []
    await insertRows(trx, 'alerts', alerts)
    await insertRows(trx, 'alert_log', log)
    await insertRows(trx, 'events', events)
  }
}

/** What one bulk read tells about a lane's triggers, in its transaction and at its instant. */
export interface LaneFacts {
  /** The plain path for this event, or null when it must take the one-event path. */
  applyPlain(job: IngestJob, event: AlertEvent, rows: PendingRows): Promise<EventResult | null>
}

/** Reads, with a few statements, what the lane's plain triggers need. */
export async function readLaneFacts(trx: Tx, now: Instant, jobs: readonly IngestJob[]): Promise<LaneFacts> {
  // A dedup key seen twice in the lane (on any service: a rule may route one service's key to
  // another) is applied event by event, so its events see each other's effects in order.
  const seen = new Map<string, number>()
  for (const job of jobs) for (const e of job.events) seen.set(e.dedupKey, (seen.get(e.dedupKey) ?? 0) + 1)
  const candidates = jobs.flatMap((job) =>
    job.events
      .filter((e) => e.action === 'trigger' && seen.get(e.dedupKey) === 1)
      .map((e) => ({ serviceId: job.service.id, dedupKey: e.dedupKey, ruled: RULED_SOURCES.has(job.sourceType), heldInMaintenance: HELD_IN_MAINTENANCE.has(job.sourceType) })),
  )
  if (candidates.length === 0) return { applyPlain: async () => null }
  const open = await findOpenAlerts(trx, candidates)
  const ruledPairs = candidates.filter((c) => c.ruled)
  const plain: PlainTriggers = ruledPairs.length === 0 ? { isPlain: () => true } : await plainTriggers(trx, now, ruledPairs)
  // Maintenance and mitigation matter only to triggers that open an alert: a lane of repeats
  // (Alertmanager re-sending what still fires) skips both lookups.
  const opening = candidates.filter((c) => !open.has(serviceDedupKey(c.serviceId, c.dedupKey)))
  const maintained = await servicesInMaintenance(trx, now, opening.filter((c) => c.heldInMaintenance).map((c) => c.serviceId))
  const mitigated = await servicesWithMitigation(trx, opening.map((c) => c.serviceId))
  return {
    async applyPlain(job, event, rows) {
      if (event.action !== 'trigger' || seen.get(event.dedupKey) !== 1) return null
      const service = job.service
      const found: Alert | null = open.get(serviceDedupKey(service.id, event.dedupKey)) ?? null
      if (RULED_SOURCES.has(job.sourceType) && !plain.isPlain(service.id, event.dedupKey, found === null)) return null
      if (found !== null) {
        // Resolved since the lane read it: the one-event path opens a new alert.
        const joined = await joinAlert(trx, now, job.actor, found, event)
        if (joined === null) return null
        rows.log.push(joined)
        return { alertId: found.id, outcome: 'deduplicated' }
      }
      if (HELD_IN_MAINTENANCE.has(job.sourceType) && maintained.has(service.id)) return null
      const opened = newAlertRows(now, job.actor, service, event, {
        origin: job.origin,
        urgencyOverride: job.urgencyOverride,
        createdBy: job.createdBy ?? null,
        directTargets: job.directTargets ?? null,
      })
      // No mitigation rule on the service: checked now, so escalation need not wait for the module.
      rows.alerts.push({ ...opened.alert, mitigation_json: mitigated.has(service.id) ? null : CHECKED_NO_RULE })
      rows.log.push(opened.log)
      return { alertId: opened.alert.id, outcome: 'opened' }
    },
  }
}
